import {
  BadUserInputError,
  assertNotFuture,
  SortDirection,
  archiveRecord,
  audit,
  paginate,
  lockActiveOrFail,
  transaction,
  updateRecord,
  locationColumns,
  type ArchiveInput,
  type ConnectionResult,
  type RequestContext,
  type SortKey,
} from '@platform/core';
import { organizationIdInScope, organizationInScope, withinSubtreeSql } from '@platform/directory';
import type { SelectQueryBuilder } from 'typeorm';
import { FireFacility } from './fire-facility.entity';
import { FireFacilityStatus } from './fire-facility.enums';
import { RiskPermission } from '../permissions';
import type { CreateFireFacilityInput, FireFacilityListArgs, RecordFireFacilityInspectionInput, UpdateFireFacilityInput } from './fire-facility.inputs';

export const fireFacilitySortKeys = (alias: string): SortKey<FireFacility>[] => [
  { column: `${alias}.kind`, direction: SortDirection.ASC },
  { column: `${alias}.description`, direction: SortDirection.ASC },
  { column: `${alias}.id`, direction: SortDirection.ASC },
];

/** SQL: the facility (alias) was never inspected, or its interval ran out before today; parameter `today`, the clock's (`ctx.clock.today()`). */
export const INSPECTION_OVERDUE_SQL = (alias: string) =>
  `(${alias}.last_inspected_on IS NULL OR ${alias}.last_inspected_on + ${alias}.inspection_interval_days < CAST(:today AS date))`;

/** The same rule as INSPECTION_OVERDUE_SQL for a loaded row (days are YYYY-MM-DD strings, compared as text). */
export function inspectionOverdue(f: Pick<FireFacility, 'lastInspectedOn' | 'inspectionIntervalDays'>, today: string): boolean {
  if (!f.lastInspectedOn) return true;
  const due = new Date(Date.parse(`${f.lastInspectedOn}T00:00:00Z`) + f.inspectionIntervalDays * 86_400_000).toISOString().slice(0, 10);
  return due < today;
}

/** Fire facilities kept by organizations where the caller holds `permission` (alias `f`). */
export function scopedFireFacilities(ctx: RequestContext, permission: string = RiskPermission.RegisterRead): SelectQueryBuilder<FireFacility> {
  const scope = organizationIdInScope(ctx.principal, permission, 'f.organization_id');
  return ctx.manager.createQueryBuilder(FireFacility, 'f').where(scope.sql, scope.params);
}

export class FireFacilityService {
  list(ctx: RequestContext, args: FireFacilityListArgs, withCount: boolean): Promise<ConnectionResult<FireFacility>> {
    const qb = scopedFireFacilities(ctx);
    const f = args.filter ?? {};
    if (!f.includeArchived) qb.andWhere('f.archived_at IS NULL');
    if (f.withinSubtreeOf) qb.andWhere(withinSubtreeSql('f.organization_id'), { subtreeRoot: f.withinSubtreeOf });
    if (f.kinds?.length) qb.andWhere('f.kind IN (:...kinds)', { kinds: f.kinds });
    if (f.status) qb.andWhere('f.status = :status', { status: f.status });
    if (f.inspectionOverdue != null) qb.andWhere(f.inspectionOverdue ? INSPECTION_OVERDUE_SQL('f') : `NOT ${INSPECTION_OVERDUE_SQL('f')}`, { today: ctx.clock.today() });
    return paginate(qb, args, fireFacilitySortKeys('f'), withCount);
  }

  async create(ctx: RequestContext, input: CreateFireFacilityInput): Promise<FireFacility> {
    assertNotFuture(input.lastInspectedOn, 'input.lastInspectedOn', ctx.clock.today());
    return transaction(ctx, async (tx) => {
      await this.checkOrganization(tx, input.organizationId);
      const facility = await tx.manager.save(
        tx.manager.create(FireFacility, {
          organizationId: input.organizationId,
          kind: input.kind,
          description: input.description,
          quantity: input.quantity,
          ...locationColumns(input.location),
          lastInspectedOn: input.lastInspectedOn ?? null,
          inspectionIntervalDays: input.inspectionIntervalDays ?? 30,
          status: input.status ?? FireFacilityStatus.OK,
          archivedAt: null,
        }),
      );
      await audit(tx, { action: 'risk.fire-facility.create', entityType: 'FireFacility', entityId: facility.id, changes: { ...input } });
      await tx.emit('risk.fire-facility.created', { id: facility.id, organizationId: facility.organizationId });
      return facility;
    });
  }

  async update(ctx: RequestContext, input: UpdateFireFacilityInput): Promise<FireFacility> {
    return transaction(ctx, async (tx) => {
      const current = await this.getActiveOrFail(tx, input.id);
      const patch: Partial<FireFacility> = {};
      if (input.organizationId !== undefined && input.organizationId !== current.organizationId) {
        await this.checkOrganization(tx, input.organizationId);
        patch.organizationId = input.organizationId;
      }
      if (input.kind !== undefined) patch.kind = input.kind;
      if (input.description !== undefined) patch.description = input.description;
      if (input.quantity !== undefined) patch.quantity = input.quantity;
      if (input.inspectionIntervalDays !== undefined) patch.inspectionIntervalDays = input.inspectionIntervalDays;
      if (input.status !== undefined) patch.status = input.status;
      if (input.location !== undefined) Object.assign(patch, locationColumns(input.location));
      return updateRecord(tx, FireFacility, 'FireFacility', current, input.version, patch, { action: 'risk.fire-facility.update', event: 'risk.fire-facility.updated', payload: (updated) => ({ id: current.id, organizationId: updated.organizationId }) });
    });
  }

  async archive(ctx: RequestContext, input: ArchiveInput): Promise<FireFacility> {
    return transaction(ctx, async (tx) => {
      const current = await this.getActiveOrFail(tx, input.id);
      return archiveRecord(tx, FireFacility, 'FireFacility', current, input.version, { action: 'risk.fire-facility.archive', event: 'risk.fire-facility.archived', payload: { id: current.id, organizationId: current.organizationId } });
    });
  }

  /** Sets the day of the last inspection and the condition found, checked against the version read. */
  async recordInspection(ctx: RequestContext, input: RecordFireFacilityInspectionInput): Promise<FireFacility> {
    assertNotFuture(input.inspectedOn, 'input.inspectedOn', ctx.clock.today());
    return transaction(ctx, async (tx) => {
      const current = await this.getActiveOrFail(tx, input.id);
      // An inspection entered late must not move the last-inspected day (and so the overdue clock) back.
      if (current.lastInspectedOn && input.inspectedOn < current.lastInspectedOn) {
        throw BadUserInputError.field('input.inspectedOn', 'notBeforeLast', `must not be before the last recorded inspection (${current.lastInspectedOn}).`);
      }
      return updateRecord(tx, FireFacility, 'FireFacility', current, input.version, { lastInspectedOn: input.inspectedOn, status: input.status }, { action: 'risk.fire-facility.inspect', event: 'risk.fire-facility.inspected', payload: { id: current.id, organizationId: current.organizationId, status: input.status } });
    });
  }

  /** A facility the caller may keep, not archived; out of scope answers NOT_FOUND, like a missing one. */
  private async getActiveOrFail(tx: RequestContext, id: string): Promise<FireFacility> {
    return lockActiveOrFail(scopedFireFacilities(tx, RiskPermission.RegisterWrite), 'FireFacility', id, 'the fire facility is archived.');
  }

  private async checkOrganization(tx: RequestContext, organizationId: string): Promise<void> {
    if (!(await organizationInScope(tx, organizationId, RiskPermission.RegisterWrite))) {
      throw BadUserInputError.field('input.organizationId', 'exists', `no active organization ${organizationId} within your register scope.`);
    }
  }
}
