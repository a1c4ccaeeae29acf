import { assertVersion, BadUserInputError, ConflictError, NotFoundError, SortDirection, archiveRecord, audit, paginate, lockActiveOrFail, transaction, updateRecord, type ArchiveInput, type ConnectionResult, type RequestContext, type SortKey } from '@platform/core';
import { OrganizationKind, assertReadablePerson, organizationIdInScope, organizationInScope, withinSubtreeSql } from '@platform/directory';
import type { SelectQueryBuilder } from 'typeorm';
import { CommandBody, CommandPosition } from './command-body.entity';
import { CommandPermission } from '../permissions';
import type { CommandBodyListArgs, CreateCommandBodyInput, SetCommandPositionInput, UpdateCommandBodyInput } from './command.inputs';

export const commandBodySortKeys = (alias: string): SortKey<CommandBody>[] => [
  { column: `${alias}.name`, direction: SortDirection.ASC },
  { column: `${alias}.id`, direction: SortDirection.ASC },
];

/** Organizations that set up command bodies. */
const COMMANDING_KINDS: readonly string[] = [OrganizationKind.TOWN_GOVERNMENT, OrganizationKind.VILLAGE, OrganizationKind.COMMUNITY];

/** Command bodies of organizations where the caller holds `permission` (alias `b`). */
export function scopedCommandBodies(ctx: RequestContext, permission: string = CommandPermission.CommandRead): SelectQueryBuilder<CommandBody> {
  const scope = organizationIdInScope(ctx.principal, permission, 'b.organization_id');
  return ctx.manager.createQueryBuilder(CommandBody, 'b').where(scope.sql, scope.params);
}

export class CommandService {
  list(ctx: RequestContext, args: CommandBodyListArgs, withCount: boolean): Promise<ConnectionResult<CommandBody>> {
    const qb = scopedCommandBodies(ctx);
    const f = args.filter ?? {};
    if (!f.includeArchived) qb.andWhere('b.archived_at IS NULL');
    if (f.withinSubtreeOf) qb.andWhere(withinSubtreeSql('b.organization_id'), { subtreeRoot: f.withinSubtreeOf });
    if (f.kinds?.length) qb.andWhere('b.kind IN (:...kinds)', { kinds: f.kinds });
    return paginate(qb, args, commandBodySortKeys('b'), withCount);
  }

  async create(ctx: RequestContext, input: CreateCommandBodyInput): Promise<CommandBody> {
    return transaction(ctx, async (tx) => {
      const org = await organizationInScope(tx, input.organizationId, CommandPermission.CommandWrite);
      if (!org) throw BadUserInputError.field('input.organizationId', 'exists', `no active organization ${input.organizationId} within your command scope.`);
      const [{ kind }] = await tx.manager.query(`SELECT kind FROM organization WHERE id = $1`, [org.id]);
      if (!COMMANDING_KINDS.includes(kind)) throw BadUserInputError.field('input.organizationId', 'townOrVillage', 'command bodies belong to the town government, a village or a community.');
      const standing = await scopedCommandBodies(tx, CommandPermission.CommandWrite).andWhere('b.organization_id = :org AND b.kind = :kind AND b.archived_at IS NULL', { org: org.id, kind: input.kind }).getExists();
      if (standing) throw new ConflictError(`The organization has a standing ${input.kind} already.`, { field: 'input.kind' });
      const body = await tx.manager.save(
        tx.manager.create(CommandBody, { organizationId: org.id, kind: input.kind, name: input.name, address: input.address ?? null, dutyPhone: input.dutyPhone ?? null, archivedAt: null }),
      );
      await audit(tx, { action: 'rescue.command-body.create', entityType: 'CommandBody', entityId: body.id, changes: { ...input } });
      await tx.emit('rescue.command-body.created', { id: body.id, organizationId: body.organizationId, kind: body.kind });
      return body;
    });
  }

  async update(ctx: RequestContext, input: UpdateCommandBodyInput): Promise<CommandBody> {
    return transaction(ctx, async (tx) => {
      const current = await this.getActiveOrFail(tx, input.id, 'input.id', 'pessimistic_write');
      const patch: Partial<CommandBody> = {};
      if (input.name !== undefined) patch.name = input.name;
      if (input.address !== undefined) patch.address = input.address;
      if (input.dutyPhone !== undefined) patch.dutyPhone = input.dutyPhone;
      return updateRecord(tx, CommandBody, 'CommandBody', current, input.version, patch, { action: 'rescue.command-body.update', event: 'rescue.command-body.updated', payload: { id: current.id, organizationId: current.organizationId } });
    });
  }

  async archive(ctx: RequestContext, input: ArchiveInput): Promise<CommandBody> {
    return transaction(ctx, async (tx) => {
      const current = await this.getActiveOrFail(tx, input.id, 'input.id', 'pessimistic_write');
      return archiveRecord(tx, CommandBody, 'CommandBody', current, input.version, { action: 'rescue.command-body.archive', event: 'rescue.command-body.archived', payload: { id: current.id, organizationId: current.organizationId } });
    });
  }

  /** Creates a position (bodyId) or changes one (id + version); holder and deputy must be persons the caller may read. */
  async setPosition(ctx: RequestContext, input: SetCommandPositionInput): Promise<CommandPosition> {
    if (input.deputyPersonId && input.deputyPersonId === input.holderPersonId) {
      throw BadUserInputError.field('input.deputyPersonId', 'notHolder', 'the deputy must be another person than the holder.');
    }
    return transaction(ctx, async (tx) => {
      const current = input.id ? await this.getPositionOrFail(tx, input.id) : null;
      if (current && input.bodyId && input.bodyId !== current.bodyId) throw BadUserInputError.field('input.bodyId', 'unchanged', 'a position stays in its command body.');
      // FOR SHARE: archiving the body waits for the position.
      const body = await this.getActiveOrFail(tx, current?.bodyId ?? input.bodyId!, 'input.bodyId', 'pessimistic_read');
      await assertReadablePerson(tx, input.holderPersonId, 'input.holderPersonId');
      if (input.deputyPersonId) await assertReadablePerson(tx, input.deputyPersonId, 'input.deputyPersonId');
      const fields = {
        title: input.title,
        holderPersonId: input.holderPersonId,
        ...(input.responsibility !== undefined || !current ? { responsibility: input.responsibility ?? null } : {}),
        ...(input.deputyPersonId !== undefined || !current ? { deputyPersonId: input.deputyPersonId ?? null } : {}),
        ...(input.contactPhone !== undefined || !current ? { contactPhone: input.contactPhone ?? null } : {}),
      };
      if (current) {
        const patch = { ...fields, ...(input.sortOrder !== undefined ? { sortOrder: input.sortOrder } : {}) };
        return updateRecord(tx, CommandPosition, 'CommandPosition', current, input.version!, patch, { action: 'rescue.command-position.update', event: 'rescue.command-position.updated', payload: { id: current.id, bodyId: body.id } });
      }
      let sortOrder = input.sortOrder;
      if (sortOrder === undefined) {
        const [row] = await tx.manager.query(`SELECT coalesce(max(sort_order) + 10, 10)::int AS next FROM command_position WHERE body_id = $1`, [body.id]);
        sortOrder = Math.min(9999, row.next as number);
      }
      const position = await tx.manager.save(tx.manager.create(CommandPosition, { ...fields, bodyId: body.id, sortOrder } as Partial<CommandPosition>));
      await audit(tx, { action: 'rescue.command-position.create', entityType: 'CommandPosition', entityId: position.id, changes: { ...input } });
      await tx.emit('rescue.command-position.created', { id: position.id, bodyId: body.id });
      return position;
    });
  }

  /** Deletes a position (checked against the version read) and answers its body. */
  async removePosition(ctx: RequestContext, input: ArchiveInput): Promise<CommandBody> {
    return transaction(ctx, async (tx) => {
      const current = await this.getPositionOrFail(tx, input.id);
      assertVersion('CommandPosition', current, input.version);
      const body = await this.getActiveOrFail(tx, current.bodyId, 'input.id', 'pessimistic_read');
      await tx.manager.delete(CommandPosition, { id: current.id });
      await audit(tx, { action: 'rescue.command-position.remove', entityType: 'CommandPosition', entityId: current.id, changes: { bodyId: body.id, title: current.title, holderPersonId: current.holderPersonId } });
      await tx.emit('rescue.command-position.removed', { id: current.id, bodyId: body.id });
      return body;
    });
  }

  /** A standing body the caller may keep; out of scope answers NOT_FOUND, like a missing one. */
  private async getActiveOrFail(tx: RequestContext, id: string, field: string, lock: 'pessimistic_write' | 'pessimistic_read'): Promise<CommandBody> {
    return lockActiveOrFail(scopedCommandBodies(tx, CommandPermission.CommandWrite), 'CommandBody', id, 'the command body is dissolved (archived).', field, lock);
  }

  private async getPositionOrFail(tx: RequestContext, id: string): Promise<CommandPosition> {
    const scope = organizationIdInScope(tx.principal, CommandPermission.CommandWrite, 'b.organization_id');
    const position = await tx.manager
      .createQueryBuilder(CommandPosition, 'p')
      .where('p.id = :id', { id })
      .andWhere(`p.body_id IN (SELECT b.id FROM command_body b WHERE ${scope.sql})`, scope.params)
      .setLock('pessimistic_write')
      .getOne();
    if (!position) throw new NotFoundError('CommandPosition', id);
    return position;
  }
}
