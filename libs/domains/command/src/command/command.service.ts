import {
  assertVersion,
  ConflictError,
  archiveRecord,
  audit,
  createRecord,
  emitEvent,
  isChangeFeed,
  recordEvent,
  records,
  sentFields,
  sql,
  transaction,
  updateRecord,
  whereChanged,
  type ArchiveInput,
  type ConnectionResult,
  type Patch,
  type RequestContext,
} from '@platform/core';
import { OrganizationKind, Organizations, Persons, organizationIdWithinSubtree } from '@platform/directory';
import { CommandBody, CommandPosition } from './command-body.entity';
import { CommandBodyOrder } from './command.orders';
import { CommandBodies, CommandPositions } from '../command.entities';
import { commandEvents } from '../command.events';
import { commandRules } from '../command.rules';
import { deleteCommandPosition } from './command-removals.sql';
import { CommandPermission } from '../permissions';
import type { CommandBodyListArgs, CreateCommandBodyInput, SetCommandPositionInput, UpdateCommandBodyInput } from './command.inputs';

/** Organizations that set up command bodies. */
const COMMANDING_KINDS: readonly string[] = [OrganizationKind.TOWN_GOVERNMENT, OrganizationKind.VILLAGE, OrganizationKind.COMMUNITY];

export class CommandService {
  list(ctx: RequestContext, args: CommandBodyListArgs, withCount: boolean): Promise<ConnectionResult<CommandBody>> {
    let bodies = records(ctx, CommandBodies);
    const f = args.filter ?? {};
    // A change feed lists dissolved bodies too, as tombstones (archivedAt says so), unless includeArchived: false is sent.
    if (!(f.includeArchived ?? isChangeFeed(f))) bodies = bodies.where(sql`t.archived_at IS NULL`);
    if (f.withinSubtreeOf) bodies = bodies.where(organizationIdWithinSubtree('t.organization_id', f.withinSubtreeOf));
    if (f.kinds?.length) bodies = bodies.where(sql`t.kind = ANY(CAST(${f.kinds} AS text[]))`);
    return whereChanged(bodies, f).page({ keys: CommandBodyOrder.keys(args.orderBy), page: args, withCount });
  }

  /** One command body by id (dissolved ones too) if the caller may read it. */
  byId(ctx: RequestContext, id: string): Promise<CommandBody | null> {
    return records(ctx, CommandBodies).one(id);
  }

  async create(ctx: RequestContext, input: CreateCommandBodyInput): Promise<CommandBody> {
    return transaction(ctx, async (tx) => {
      // An organization missing or outside the caller's command scope answers NOT_FOUND on the field.
      const org = await records(tx, Organizations, CommandPermission.CommandWrite).reference(input.organizationId, 'input.organizationId');
      if (!COMMANDING_KINDS.includes(org.kind)) throw commandRules.field('input.organizationId', 'townOrVillage', 'command bodies belong to the town government, a village or a community.');
      const standing = await records(tx, CommandBodies, CommandPermission.CommandWrite)
        .where(sql`t.organization_id = ${org.id} AND t.kind = ${input.kind} AND t.archived_at IS NULL`)
        .count();
      if (standing > 0) throw new ConflictError(`The organization has a standing ${input.kind} already.`, { field: 'input.kind' });
      return createRecord(
        tx,
        CommandBody,
        'CommandBody',
        { organizationId: org.id, kind: input.kind, name: input.name, address: input.address ?? null, dutyPhone: input.dutyPhone ?? null, archivedAt: null },
        {
          action: 'rescue.command-body.create',
          changes: { ...input },
          ...recordEvent(commandEvents['rescue.command-body.created'], (b: CommandBody) => ({ id: b.id, organizationId: b.organizationId, kind: b.kind })),
        },
      );
    });
  }

  async update(ctx: RequestContext, input: UpdateCommandBodyInput): Promise<CommandBody> {
    return transaction(ctx, async (tx) => {
      const current = await this.standingBody(tx, input.id, 'input.id', 'update');
      const patch: Patch<CommandBody> = sentFields(input, ['name', 'address', 'dutyPhone']);
      return updateRecord(tx, CommandBody, 'CommandBody', current, input.version, patch, {
        action: 'rescue.command-body.update',
        ...recordEvent(commandEvents['rescue.command-body.updated'], { id: current.id, organizationId: current.organizationId }),
      });
    });
  }

  async archive(ctx: RequestContext, input: ArchiveInput): Promise<CommandBody> {
    return transaction(ctx, async (tx) => {
      const current = await this.standingBody(tx, input.id, 'input.id', 'update');
      return archiveRecord(tx, CommandBody, 'CommandBody', current, input.version, {
        action: 'rescue.command-body.archive',
        ...recordEvent(commandEvents['rescue.command-body.archived'], { id: current.id, organizationId: current.organizationId }),
      });
    });
  }

  /** Creates a position (bodyId) or changes one (id + version); holder and deputy must be persons the caller may read. */
  async setPosition(ctx: RequestContext, input: SetCommandPositionInput): Promise<CommandPosition> {
    if (input.deputyPersonId && input.deputyPersonId === input.holderPersonId) {
      throw commandRules.field('input.deputyPersonId', 'notHolder', 'the deputy must be another person than the holder.');
    }
    return transaction(ctx, async (tx) => {
      const current = input.id ? await records(tx, CommandPositions, CommandPermission.CommandWrite).lock(input.id) : null;
      if (current && input.bodyId && input.bodyId !== current.bodyId) throw commandRules.field('input.bodyId', 'unchanged', 'a position stays in its command body.');
      // FOR SHARE: archiving the body waits for the position.
      const body = await this.standingBody(tx, current?.bodyId ?? input.bodyId!, 'input.bodyId', 'share');
      const persons = records(tx, Persons);
      await persons.reference(input.holderPersonId, 'input.holderPersonId', { properties: ['id'] });
      if (input.deputyPersonId) await persons.reference(input.deputyPersonId, 'input.deputyPersonId', { properties: ['id'] });
      const fields = {
        title: input.title,
        holderPersonId: input.holderPersonId,
        ...(input.responsibility !== undefined || !current ? { responsibility: input.responsibility ?? null } : {}),
        ...(input.deputyPersonId !== undefined || !current ? { deputyPersonId: input.deputyPersonId ?? null } : {}),
        ...(input.contactPhone !== undefined || !current ? { contactPhone: input.contactPhone ?? null } : {}),
      };
      if (current) {
        const patch: Patch<CommandPosition> = { ...fields, ...sentFields(input, ['sortOrder']) };
        return updateRecord(tx, CommandPosition, 'CommandPosition', current, input.version!, patch, {
          action: 'rescue.command-position.update',
          ...recordEvent(commandEvents['rescue.command-position.updated'], { id: current.id, bodyId: body.id }),
        });
      }
      let sortOrder = input.sortOrder;
      if (sortOrder === undefined) {
        const [row] = await records(tx, CommandPositions, CommandPermission.CommandWrite)
          .where(sql`t.body_id = ${body.id}`)
          .aggregate<{ next: number }>(sql`coalesce(max(t.sort_order) + 10, 10)::int AS "next"`);
        sortOrder = Math.min(9999, row!.next);
      }
      return createRecord(
        tx,
        CommandPosition,
        'CommandPosition',
        { responsibility: null, deputyPersonId: null, contactPhone: null, ...fields, bodyId: body.id, sortOrder },
        {
          action: 'rescue.command-position.create',
          changes: { ...input },
          ...recordEvent(commandEvents['rescue.command-position.created'], (p: CommandPosition) => ({ id: p.id, bodyId: body.id })),
        },
      );
    });
  }

  /** Deletes a position (checked against the version read) and answers its body. */
  async removePosition(ctx: RequestContext, input: ArchiveInput): Promise<CommandBody> {
    return transaction(ctx, async (tx) => {
      const current = await records(tx, CommandPositions, CommandPermission.CommandWrite).lock(input.id);
      assertVersion('CommandPosition', current, input.version);
      const body = await this.standingBody(tx, current.bodyId, 'input.id', 'share');
      await deleteCommandPosition(tx, current.id);
      await audit(tx, { action: 'rescue.command-position.remove', entityType: 'CommandPosition', entityId: current.id, changes: { bodyId: body.id, title: current.title, holderPersonId: current.holderPersonId } });
      await emitEvent(tx, commandEvents, 'rescue.command-position.removed', { id: current.id, bodyId: body.id });
      return body;
    });
  }

  /** A standing body the caller may keep, locked; out of scope answers NOT_FOUND like a missing one, a dissolved one `notArchived` on `field`. */
  private standingBody(tx: RequestContext, id: string, field: string, lock: 'update' | 'share'): Promise<CommandBody> {
    return records(tx, CommandBodies, CommandPermission.CommandWrite).reference(id, field, { lock });
  }
}
