import {
  SortDirection,
  archiveRecord,
  createRecord,
  diff,
  isChangeFeed,
  recordEvent,
  records,
  sentFields,
  sql,
  transaction,
  updateRecord,
  whereChanged,
  whereLocated,
  type ArchiveInput,
  type ConnectionResult,
  type Patch,
  type RequestContext,
} from '@platform/core';
import { Organizations, Persons, organizationIdWithinSubtree } from '@platform/directory';
import { RiskPoint } from './risk-point.entity';
import { RiskPointOrder } from './risk-point.orders';
import { replaceControlMeasures } from './risk-point-measures.sql';
import type { ControlMeasureInput, CreateRiskPointInput, RiskPointListArgs, UpdateRiskPointInput } from './risk-point.inputs';
import { ControlMeasures, RiskPoints } from '../risk.entities';
import { riskEvents } from '../risk.events';
import { riskRules } from '../risk.rules';
import { RiskPermission } from '../permissions';

/** How many control measures a point has at most (the input's bound). */
export const MAX_CONTROL_MEASURES = 30;

export class RiskPointService {
  list(ctx: RequestContext, args: RiskPointListArgs, withCount: boolean): Promise<ConnectionResult<RiskPoint>> {
    const f = args.filter ?? {};
    let points = records(ctx, RiskPoints);
    // A change feed lists archived points too (tombstones: archivedAt says so).
    if (!isChangeFeed(f)) points = points.where(sql`t.archived_at IS NULL`);
    if (f.levels?.length) points = points.where(sql`t.level = ANY(${f.levels})`);
    if (f.categories?.length) points = points.where(sql`t.category = ANY(${f.categories})`);
    if (f.withinSubtreeOf) points = points.where(organizationIdWithinSubtree('t.organization_id', f.withinSubtreeOf));
    if (f.reviewOverdue != null) {
      const today = ctx.clock.today();
      points = points.where(f.reviewOverdue ? sql`t.review_due < CAST(${today} AS date)` : sql`(t.review_due IS NULL OR t.review_due >= CAST(${today} AS date))`);
    }
    points = whereLocated(points, f);
    return whereChanged(points, f).page({ keys: RiskPointOrder.keys(args.orderBy), page: args, withCount });
  }

  async create(ctx: RequestContext, input: CreateRiskPointInput): Promise<RiskPoint> {
    return transaction(ctx, async (tx) => {
      // An organization outside the caller's scope answers like a missing one (NOT_FOUND on the field).
      const org = await records(tx, Organizations, RiskPermission.RiskPointWrite).reference(input.organizationId, 'input.organizationId');
      if (input.monitorPersonId) await records(tx, Persons).reference(input.monitorPersonId, 'input.monitorPersonId');
      await this.checkOwners(tx, null, input.measures ?? []);
      const point = await createRecord(
        tx,
        RiskPoint,
        'RiskPoint',
        {
          organizationId: org.id,
          name: input.name,
          category: input.category,
          level: input.level,
          description: input.description ?? null,
          longitude: input.location?.longitude ?? null,
          latitude: input.location?.latitude ?? null,
          reviewDue: input.reviewDue ?? null,
          threatenedHouseholds: input.threatenedHouseholds ?? null,
          threatenedPeople: input.threatenedPeople ?? null,
          monitorPersonId: input.monitorPersonId ?? null,
          archivedAt: null,
        },
        {
          action: 'risk.risk-point.create',
          changes: { ...input },
          ...recordEvent(riskEvents['risk.risk-point.created'], (p: RiskPoint) => ({ id: p.id, organizationId: p.organizationId, level: p.level })),
        },
      );
      await replaceControlMeasures(tx, point.id, input.measures ?? []);
      return point;
    });
  }

  async update(ctx: RequestContext, input: UpdateRiskPointInput): Promise<RiskPoint> {
    return transaction(ctx, async (tx) => {
      const current = await records(tx, RiskPoints, RiskPermission.RiskPointWrite).lock(input.id);
      const patch: Patch<RiskPoint> = sentFields(input, ['name', 'level', 'description', 'reviewDue', 'threatenedHouseholds', 'threatenedPeople']);
      if (input.location !== undefined) {
        patch.longitude = input.location?.longitude ?? null;
        patch.latitude = input.location?.latitude ?? null;
      }
      // A monitor the point already names may stay even when the caller cannot read them.
      if (input.monitorPersonId !== undefined && input.monitorPersonId !== current.monitorPersonId) {
        if (input.monitorPersonId) await records(tx, Persons).reference(input.monitorPersonId, 'input.monitorPersonId');
        patch.monitorPersonId = input.monitorPersonId;
      }
      const measures = input.measures;
      if (measures) await this.checkOwners(tx, current.id, measures);
      const updated = await updateRecord(tx, RiskPoint, 'RiskPoint', current, input.version, patch, {
        action: 'risk.risk-point.update',
        changes: (u) => ({ ...diff(current, u), ...(measures ? { measures } : {}) }),
        ...recordEvent(riskEvents['risk.risk-point.updated'], (u: RiskPoint) => ({ id: current.id, organizationId: current.organizationId, level: u.level })),
      });
      if (measures) await replaceControlMeasures(tx, current.id, measures);
      return updated;
    });
  }

  async archive(ctx: RequestContext, input: ArchiveInput): Promise<RiskPoint> {
    return transaction(ctx, async (tx) => {
      const current = await records(tx, RiskPoints, RiskPermission.RiskPointWrite).lock(input.id);
      if (current.archivedAt) throw riskRules.field('input.id', 'notArchived', 'the risk point is already archived.');
      return archiveRecord(tx, RiskPoint, 'RiskPoint', current, input.version, {
        action: 'risk.risk-point.archive',
        ...recordEvent(riskEvents['risk.risk-point.archived'], { id: current.id, organizationId: current.organizationId }),
      });
    });
  }

  /**
   * Each measure's owner must be a person the caller may read (NOT_FOUND on the field otherwise),
   * unless the point (locked by the caller) already names them.
   */
  private async checkOwners(tx: RequestContext, riskPointId: string | null, measures: readonly ControlMeasureInput[]): Promise<void> {
    if (!measures.some((m) => m.ownerPersonId)) return;
    const kept = riskPointId
      ? await records(tx, ControlMeasures, RiskPermission.RiskPointWrite)
          .where(sql`t.risk_point_id = ${riskPointId}`)
          .list({ keys: [{ column: 't.id', direction: SortDirection.ASC }], limit: MAX_CONTROL_MEASURES, properties: ['ownerPersonId'] })
      : [];
    const keptOwners = new Set(kept.map((m) => m.ownerPersonId));
    for (const [i, m] of measures.entries()) {
      if (m.ownerPersonId && !keptOwners.has(m.ownerPersonId)) await records(tx, Persons).reference(m.ownerPersonId, `input.measures.${i}.ownerPersonId`);
    }
  }
}
