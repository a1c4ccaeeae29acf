import {
  createRecord,
  BadUserInputError,
  ConflictError,
  NotFoundError,
  SortDirection,
  audit,
  containsPattern,
  diff,
  paginate,
  transaction,
  updateWithVersion,
  type ConnectionResult,
  type RequestContext,
} from '@platform/core';
import { Person } from './person.entity';
import { Position } from './position.entity';
import { personScope, scopedPersons } from './person-scope';
import { organizationIdInScope } from '../organizations/organization-scope';
import { scopedOrganizations } from '../organizations/organization.service';
import { DirectoryPermission } from '../permissions';
import { isValidIdNumber } from '@platform/core';
import type { ArchiveInput } from '@platform/core';
import type { AssignPositionInput, CreatePersonInput, EndPositionInput, PersonListArgs, UpdatePersonInput } from './person.inputs';

/** Personal data is left out of audit entries: only that it changed is recorded. */
const redact = (changes: Record<string, unknown>): Record<string, unknown> => {
  const out = { ...changes };
  for (const key of ['phone', 'idNumber']) if (key in out) out[key] = '[changed]';
  return out;
};

export class PersonService {
  list(ctx: RequestContext, args: PersonListArgs, withCount: boolean): Promise<ConnectionResult<Person>> {
    const qb = scopedPersons(ctx);
    const f = args.filter ?? {};
    if (!f.includeArchived) qb.andWhere('p.archived_at IS NULL');
    if (f.search) qb.andWhere('p.name ILIKE :search', { search: containsPattern(f.search) });
    if (f.organizationSubtree) {
      qb.andWhere(
        `EXISTS (SELECT 1 FROM person_position pp JOIN organization o ON o.id = pp.organization_id
                 WHERE pp.person_id = p.id AND pp.ended_on IS NULL
                   AND o.path <@ (SELECT r.path FROM organization r WHERE r.id = :subtree))`,
        { subtree: f.organizationSubtree },
      );
    }
    return paginate(
      qb,
      args,
      [
        { column: 'p.name', direction: SortDirection.ASC },
        { column: 'p.id', direction: SortDirection.ASC },
      ],
      withCount,
    );
  }

  async create(ctx: RequestContext, input: CreatePersonInput): Promise<Person> {
    return transaction(ctx, async (tx) => {
      await this.checkIdNumber(tx, input.idNumber ?? null, null);
      return createRecord(
        tx,
        Person,
        'Person',
        { name: input.name, gender: input.gender ?? null, phone: input.phone ?? null, idNumber: input.idNumber ?? null, archivedAt: null },
        { action: 'directory.person.create', changes: redact({ ...input }), event: 'directory.person.created' },
      );
    });
  }

  async update(ctx: RequestContext, input: UpdatePersonInput): Promise<Person> {
    return transaction(ctx, async (tx) => {
      const current = await scopedPersons(tx, DirectoryPermission.PersonWrite).andWhere('p.id = :id', { id: input.id }).getOne();
      if (!current) throw new NotFoundError('Person', input.id);
      if (input.idNumber) await this.checkIdNumber(tx, input.idNumber, input.id);
      const patch: Partial<Person> = {};
      if (input.name !== undefined) patch.name = input.name;
      if (input.gender !== undefined) patch.gender = input.gender;
      if (input.phone !== undefined) patch.phone = input.phone;
      if (input.idNumber !== undefined) patch.idNumber = input.idNumber;
      const updated = await updateWithVersion(tx, Person, 'Person', input.id, input.version, patch);
      await audit(tx, { action: 'directory.person.update', entityType: 'Person', entityId: input.id, changes: redact(diff(current, updated)) });
      await tx.emit('directory.person.updated', { id: input.id });
      return updated;
    });
  }

  async archive(ctx: RequestContext, input: ArchiveInput): Promise<Person> {
    return transaction(ctx, async (tx) => {
      if (!(await scopedPersons(tx, DirectoryPermission.PersonWrite).andWhere('p.id = :id', { id: input.id }).getExists())) throw new NotFoundError('Person', input.id);
      const updated = await updateWithVersion(tx, Person, 'Person', input.id, input.version, { archivedAt: () => 'now()' });
      // An archived person holds no position any more.
      await tx.manager.query(`UPDATE person_position SET ended_on = current_date, version = version + 1, updated_at = now() WHERE person_id = $1 AND ended_on IS NULL`, [input.id]);
      await audit(tx, { action: 'directory.person.archive', entityType: 'Person', entityId: input.id });
      await tx.emit('directory.person.archived', { id: input.id });
      return updated;
    });
  }

  async assignPosition(ctx: RequestContext, input: AssignPositionInput): Promise<Position> {
    return transaction(ctx, async (tx) => {
      // A person is assignable when within the caller's scope, or new (no current position anywhere).
      const scope = personScope(tx.principal, DirectoryPermission.PersonWrite);
      const person = await tx.manager
        .createQueryBuilder(Person, 'p')
        .where('p.id = :id AND p.archived_at IS NULL', { id: input.personId })
        .andWhere(`(${scope.sql} OR NOT EXISTS (SELECT 1 FROM person_position q WHERE q.person_id = p.id AND q.ended_on IS NULL))`, scope.params)
        .getOne();
      if (!person) throw BadUserInputError.field('input.personId', 'exists', `no active person ${input.personId} you may assign.`);
      const org = await scopedOrganizations(tx, DirectoryPermission.PersonWrite).andWhere('o.id = :orgId', { orgId: input.organizationId }).getOne();
      if (!org || org.archivedAt) throw BadUserInputError.field('input.organizationId', 'exists', `no active organization ${input.organizationId}.`);
      return createRecord(
        tx,
        Position,
        'Position',
        { personId: person.id, organizationId: org.id, title: input.title, isLead: input.isLead ?? false, startedOn: input.startedOn ?? null, endedOn: null },
        { action: 'directory.position.assign', changes: { ...input }, event: 'directory.position.assigned', payload: (p) => ({ id: p.id, personId: person.id, organizationId: org.id }) },
      );
    });
  }

  async endPosition(ctx: RequestContext, input: EndPositionInput): Promise<Position> {
    return transaction(ctx, async (tx) => {
      const inScope = organizationIdInScope(tx.principal, DirectoryPermission.PersonWrite, 'x.organization_id');
      const current = await tx.manager.createQueryBuilder(Position, 'x').where('x.id = :id', { id: input.id }).andWhere(inScope.sql, inScope.params).getOne();
      if (!current) throw new NotFoundError('Position', input.id);
      if (current.endedOn) throw BadUserInputError.field('input.id', 'notEnded', `the position already ended on ${current.endedOn}.`);
      if (current.startedOn && input.endedOn < current.startedOn) {
        throw BadUserInputError.field('input.endedOn', 'afterStart', `must not be before the start date ${current.startedOn}.`);
      }
      const updated = await updateWithVersion(tx, Position, 'Position', input.id, input.version, { endedOn: input.endedOn });
      await audit(tx, { action: 'directory.position.end', entityType: 'Position', entityId: input.id, changes: { endedOn: input.endedOn } });
      await tx.emit('directory.position.ended', { id: input.id });
      return updated;
    });
  }

  private async checkIdNumber(ctx: RequestContext, idNumber: string | null, selfId: string | null): Promise<void> {
    if (!idNumber) return;
    if (!isValidIdNumber(idNumber)) throw BadUserInputError.field('input.idNumber', 'checkDigit', 'the ID number has a wrong check character (GB 11643).');
    const other = await ctx.manager
      .createQueryBuilder(Person, 'p')
      .where('p.id_number = :idNumber AND p.archived_at IS NULL', { idNumber })
      .andWhere(selfId ? 'p.id <> :selfId' : 'TRUE', { selfId })
      .getExists();
    if (other) throw new ConflictError('Another active person has this ID number.', { field: 'input.idNumber' });
  }
}
