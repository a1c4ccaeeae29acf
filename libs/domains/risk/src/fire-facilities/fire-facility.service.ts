import {
  addDays,
  assertNotFuture,
  archiveRecord,
  createRecord,
  isChangeFeed,
  recordEvent,
  records,
  sentFields,
  sql,
  transaction,
  updateRecord,
  locationColumns,
  whereChanged,
  whereLocated,
  type ArchiveInput,
  type ConnectionResult,
  type Patch,
  type RequestContext,
  type Sql,
} from '@platform/core';
import { Organizations, organizationIdWithinSubtree } from '@platform/directory';
import { FireFacility } from './fire-facility.entity';
import { FireFacilityOrder } from './fire-facility.orders';
import { FireFacilityStatus } from './fire-facility.enums';
import { FireFacilities } from '../risk.entities';
import { riskEvents } from '../risk.events';
import { riskRules } from '../risk.rules';
import { RiskPermission } from '../permissions';
import type { CreateFireFacilityInput, FireFacilityListArgs, RecordFireFacilityInspectionInput, UpdateFireFacilityInput } from './fire-facility.inputs';

/** SQL: the facility (over alias `t`) was never inspected, or its interval ran out before today, the clock's (`ctx.clock.today()`). */
export function inspectionOverdueSql(ctx: RequestContext): Sql {
  return sql`(t.last_inspected_on IS NULL OR t.last_inspected_on + t.inspection_interval_days < CAST(${ctx.clock.today()} AS date))`;
}

/** The same rule as `inspectionOverdueSql` for a loaded row (days are YYYY-MM-DD strings, compared as text). */
export function inspectionOverdue(f: Pick<FireFacility, 'lastInspectedOn' | 'inspectionIntervalDays'>, today: string): boolean {
  if (!f.lastInspectedOn) return true;
  const due = addDays(f.lastInspectedOn, f.inspectionIntervalDays);
  return due < today;
}

export class FireFacilityService {
  list(ctx: RequestContext, args: FireFacilityListArgs, withCount: boolean): Promise<ConnectionResult<FireFacility>> {
    let facilities = records(ctx, FireFacilities);
    const f = args.filter ?? {};
    // A change feed lists archived facilities too (tombstones: archivedAt says so).
    if (!f.includeArchived && !isChangeFeed(f)) facilities = facilities.where(sql`t.archived_at IS NULL`);
    if (f.withinSubtreeOf) facilities = facilities.where(organizationIdWithinSubtree('t.organization_id', f.withinSubtreeOf));
    if (f.kinds?.length) facilities = facilities.where(sql`t.kind = ANY(${f.kinds})`);
    if (f.status) facilities = facilities.where(sql`t.status = ${f.status}`);
    if (f.inspectionOverdue != null) facilities = facilities.where(f.inspectionOverdue ? inspectionOverdueSql(ctx) : sql`NOT ${inspectionOverdueSql(ctx)}`);
    facilities = whereLocated(facilities, f);
    return whereChanged(facilities, f).page({ keys: FireFacilityOrder.keys(args.orderBy), page: args, withCount });
  }

  /** One statement: the organization checked in the caller's register scope (NOT_FOUND on the field otherwise), the facility, its audit entry and event. */
  create(ctx: RequestContext, input: CreateFireFacilityInput): Promise<FireFacility> {
    assertNotFuture(input.lastInspectedOn, 'input.lastInspectedOn', ctx.clock.today());
    return createRecord(
      ctx,
      FireFacility,
      'FireFacility',
      {
        organizationId: input.organizationId,
        kind: input.kind,
        description: input.description,
        quantity: input.quantity,
        ...locationColumns(input.location),
        lastInspectedOn: input.lastInspectedOn ?? null,
        inspectionIntervalDays: input.inspectionIntervalDays ?? 30,
        status: input.status ?? FireFacilityStatus.OK,
        archivedAt: null,
      },
      {
        action: 'risk.fire-facility.create',
        changes: { ...input },
        references: [records(ctx, Organizations, RiskPermission.RegisterWrite).check(input.organizationId, 'input.organizationId')],
        ...recordEvent(riskEvents['risk.fire-facility.created'], (facility: FireFacility) => ({ id: facility.id, organizationId: facility.organizationId })),
      },
    );
  }

  async update(ctx: RequestContext, input: UpdateFireFacilityInput): Promise<FireFacility> {
    return transaction(ctx, async (tx) => {
      const current = await this.activeFacility(tx, input.id);
      const patch: Patch<FireFacility> = sentFields(input, ['kind', 'description', 'quantity', 'inspectionIntervalDays', 'status']);
      if (input.organizationId !== undefined && input.organizationId !== current.organizationId) {
        patch.organizationId = (await records(tx, Organizations, RiskPermission.RegisterWrite).reference(input.organizationId, 'input.organizationId')).id;
      }
      if (input.location !== undefined) Object.assign(patch, locationColumns(input.location));
      return updateRecord(tx, FireFacility, 'FireFacility', current, input.version, patch, {
        action: 'risk.fire-facility.update',
        ...recordEvent(riskEvents['risk.fire-facility.updated'], (updated: FireFacility) => ({ id: current.id, organizationId: updated.organizationId })),
      });
    });
  }

  async archive(ctx: RequestContext, input: ArchiveInput): Promise<FireFacility> {
    return transaction(ctx, async (tx) => {
      const current = await this.activeFacility(tx, input.id);
      return archiveRecord(tx, FireFacility, 'FireFacility', current, input.version, {
        action: 'risk.fire-facility.archive',
        ...recordEvent(riskEvents['risk.fire-facility.archived'], { id: current.id, organizationId: current.organizationId }),
      });
    });
  }

  /** Sets the day of the last inspection and the condition found, checked against the version read. */
  async recordInspection(ctx: RequestContext, input: RecordFireFacilityInspectionInput): Promise<FireFacility> {
    assertNotFuture(input.inspectedOn, 'input.inspectedOn', ctx.clock.today());
    return transaction(ctx, async (tx) => {
      const current = await this.activeFacility(tx, input.id);
      // An inspection entered late must not move the last-inspected day (and so the overdue clock) back.
      if (current.lastInspectedOn && input.inspectedOn < current.lastInspectedOn) {
        throw riskRules.field('input.inspectedOn', 'notBeforeLast', `must not be before the last recorded inspection (${current.lastInspectedOn}).`);
      }
      return updateRecord(tx, FireFacility, 'FireFacility', current, input.version, { lastInspectedOn: input.inspectedOn, status: input.status }, {
        action: 'risk.fire-facility.inspect',
        ...recordEvent(riskEvents['risk.fire-facility.inspected'], { id: current.id, organizationId: current.organizationId, status: input.status }),
      });
    });
  }

  /** A facility the caller may keep, locked, not archived; out of scope answers NOT_FOUND, like a missing one. */
  private async activeFacility(tx: RequestContext, id: string): Promise<FireFacility> {
    const current = await records(tx, FireFacilities, RiskPermission.RegisterWrite).lock(id);
    if (current.archivedAt) throw riskRules.field('input.id', 'notArchived', 'the fire facility is archived.');
    return current;
  }
}
