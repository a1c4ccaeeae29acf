import {
  ConflictError,
  archiveRecord,
  containsPattern,
  createRecord,
  diff,
  isChangeFeed,
  isValidIdNumber,
  recordEvent,
  records,
  sentFields,
  rowScopeSql,
  sql,
  transaction,
  unscoped,
  updateRecord,
  whereChanged,
  type ArchiveInput,
  type ConnectionResult,
  type Patch,
  type RequestContext,
} from '@platform/core';
import { Person } from './person.entity';
import { Position } from './position.entity';
import { endCurrentPositions } from './position.sql';
import { directoryRules } from '../directory.rules';
import { withinSubtree } from '../organizations/organization-scope';
import { Organizations, Persons, Positions } from '../directory.entities';
import { DirectoryPermission } from '../permissions';
import { directoryEvents } from '../directory.events';
import { PersonOrder, type AssignPositionInput, type CreatePersonInput, type EndPositionInput, type PersonListArgs, type UpdatePersonInput } from './person.inputs';

/** Personal data is left out of audit entries: only that it changed is recorded. */
const redact = (changes: Record<string, unknown>): Record<string, unknown> => {
  const out = { ...changes };
  for (const key of ['phone', 'idNumber']) if (key in out) out[key] = '[changed]';
  return out;
};

export class PersonService {
  list(ctx: RequestContext, args: PersonListArgs, withCount: boolean): Promise<ConnectionResult<Person>> {
    const f = args.filter ?? {};
    let persons = whereChanged(records(ctx, Persons), f);
    // A change feed lists the archived too (tombstones) unless `includeArchived: false` is sent.
    if (!(f.includeArchived ?? isChangeFeed(f))) persons = persons.where(sql`t.archived_at IS NULL`);
    if (f.search) persons = persons.where(sql`t.name ILIKE ${containsPattern(f.search)}`);
    if (f.organizationSubtree) {
      persons = persons.where(
        sql`EXISTS (SELECT 1 FROM person_position pp JOIN organization o ON o.id = pp.organization_id WHERE pp.person_id = t.id AND pp.ended_on IS NULL AND ${withinSubtree('o.path', f.organizationSubtree)})`,
      );
    }
    return persons.page({ keys: PersonOrder.keys(args.orderBy), page: args, withCount });
  }

  async create(ctx: RequestContext, input: CreatePersonInput): Promise<Person> {
    return transaction(ctx, async (tx) => {
      await this.checkIdNumber(tx, input.idNumber ?? null, null);
      return createRecord(
        tx,
        Person,
        'Person',
        { name: input.name, gender: input.gender ?? null, phone: input.phone ?? null, idNumber: input.idNumber ?? null, archivedAt: null },
        { action: 'directory.person.create', changes: redact({ ...input }), ...recordEvent(directoryEvents['directory.person.created'], (p: Person) => ({ id: p.id })) },
      );
    });
  }

  async update(ctx: RequestContext, input: UpdatePersonInput): Promise<Person> {
    return transaction(ctx, async (tx) => {
      const current = await records(tx, Persons, DirectoryPermission.PersonWrite).lock(input.id);
      if (input.idNumber) await this.checkIdNumber(tx, input.idNumber, input.id);
      const patch: Patch<Person> = sentFields(input, ['name', 'gender', 'phone', 'idNumber']);
      return updateRecord(tx, Person, 'Person', current, input.version, patch, { action: 'directory.person.update', changes: (u) => redact(diff(current, u)), ...recordEvent(directoryEvents['directory.person.updated'], { id: current.id }) });
    });
  }

  async archive(ctx: RequestContext, input: ArchiveInput): Promise<Person> {
    return transaction(ctx, async (tx) => {
      const current = await records(tx, Persons, DirectoryPermission.PersonWrite).lock(input.id);
      const archived = await archiveRecord(tx, Person, 'Person', current, input.version, { action: 'directory.person.archive', ...recordEvent(directoryEvents['directory.person.archived'], { id: current.id }) });
      // An archived person holds no position any more.
      await endCurrentPositions(tx, input.id);
      return archived;
    });
  }

  async assignPosition(ctx: RequestContext, input: AssignPositionInput): Promise<Position> {
    return transaction(ctx, async (tx) => {
      // A person is assignable when within the caller's write scope, or new (no current position
      // anywhere, so in nobody's scope but ALL's). Locked FOR SHARE: an archive (which ends the
      // person's positions) waits for this assignment instead of missing it.
      const assignable = sql`${rowScopeSql(tx.principal, DirectoryPermission.PersonWrite, Persons, 't')} OR NOT EXISTS (SELECT 1 FROM person_position q WHERE q.person_id = t.id AND q.ended_on IS NULL)`;
      const person = await unscoped(tx, Persons, 'new persons (no current position) are assignable by any writer; the scope rule is in the condition')
        .where(assignable)
        .reference(input.personId, 'input.personId', { lock: 'share' });
      const org = await records(tx, Organizations, DirectoryPermission.PersonWrite).reference(input.organizationId, 'input.organizationId');
      return createRecord(
        tx,
        Position,
        'Position',
        { personId: person.id, organizationId: org.id, title: input.title, isLead: input.isLead ?? false, startedOn: input.startedOn ?? null, endedOn: null },
        { action: 'directory.position.assign', changes: { ...input }, ...recordEvent(directoryEvents['directory.position.assigned'], (p: Position) => ({ id: p.id, personId: person.id, organizationId: org.id })) },
      );
    });
  }

  async endPosition(ctx: RequestContext, input: EndPositionInput): Promise<Position> {
    return transaction(ctx, async (tx) => {
      const current = await records(tx, Positions, DirectoryPermission.PersonWrite).lock(input.id);
      if (current.endedOn) throw directoryRules.field('input.id', 'notEnded', `the position already ended on ${current.endedOn}.`);
      if (current.startedOn && input.endedOn < current.startedOn) {
        throw directoryRules.field('input.endedOn', 'afterStart', `must not be before the start date ${current.startedOn}.`);
      }
      return updateRecord(tx, Position, 'Position', current, input.version, { endedOn: input.endedOn }, { action: 'directory.position.end', changes: { endedOn: input.endedOn }, ...recordEvent(directoryEvents['directory.position.ended'], { id: current.id }) });
    });
  }

  /** A valid check character, and no other active person with the number (wherever they are: the number identifies one resident). */
  private async checkIdNumber(ctx: RequestContext, idNumber: string | null, selfId: string | null): Promise<void> {
    if (!idNumber) return;
    if (!isValidIdNumber(idNumber)) throw directoryRules.field('input.idNumber', 'checkDigit', 'the ID number has a wrong check character (GB 11643).');
    const others = unscoped(ctx, Persons, 'ID numbers are unique among all active persons, also those outside the caller\'s scope').where(sql`t.id_number = ${idNumber} AND t.archived_at IS NULL`);
    if ((await (selfId ? others.where(sql`t.id <> ${selfId}`) : others).count()) > 0) throw new ConflictError('Another active person has this ID number.', { field: 'input.idNumber' });
  }
}
