import {
  BadUserInputError,
  NotFoundError,
  SortDirection,
  archiveRecord,
  audit,
  diff,
  paginate,
  transaction,
  updateWithVersion,
  type ArchiveInput,
  type ConnectionResult,
  type Principal,
  type RequestContext,
} from '@platform/core';
import { assertReadablePerson, organizationIdInScope, organizationInScope, withinSubtreeSql } from '@platform/directory';
import type { SelectQueryBuilder } from 'typeorm';
import { ControlMeasure, RiskPoint } from './risk-point.entity';
import type { ControlMeasureInput, CreateRiskPointInput, RiskPointListArgs, UpdateRiskPointInput } from './risk-point.inputs';
import { RiskPermission } from '../permissions';

/** SQL: the risk point (alias `alias`) belongs to an organization where the principal holds `permission`. */
export function riskPointScope(principal: Principal, alias: string, permission: string = RiskPermission.RiskPointRead): { sql: string; params: Record<string, unknown> } {
  return organizationIdInScope(principal, permission, `${alias}.organization_id`);
}

/** Risk points of organizations where the caller holds `permission` (alias `r`). */
export function scopedRiskPoints(ctx: RequestContext, permission: string = RiskPermission.RiskPointRead): SelectQueryBuilder<RiskPoint> {
  const scope = riskPointScope(ctx.principal, 'r', permission);
  return ctx.manager.createQueryBuilder(RiskPoint, 'r').where(scope.sql, scope.params);
}

// Red first: the CASE gives the colours an order the keyset can compare.
const LEVEL_RANK = `(CASE r.level WHEN 'RED' THEN 1 WHEN 'ORANGE' THEN 2 WHEN 'YELLOW' THEN 3 ELSE 4 END)`;

export class RiskPointService {
  list(ctx: RequestContext, args: RiskPointListArgs, withCount: boolean): Promise<ConnectionResult<RiskPoint>> {
    const qb = scopedRiskPoints(ctx).andWhere('r.archived_at IS NULL');
    const f = args.filter ?? {};
    if (f.levels?.length) qb.andWhere('r.level IN (:...levels)', { levels: f.levels });
    if (f.categories?.length) qb.andWhere('r.category IN (:...categories)', { categories: f.categories });
    if (f.withinSubtreeOf) qb.andWhere(withinSubtreeSql('r.organization_id'), { subtreeRoot: f.withinSubtreeOf });
    if (f.reviewOverdue !== undefined) {
      qb.andWhere(f.reviewOverdue ? 'r.review_due < CAST(:today AS date)' : '(r.review_due IS NULL OR r.review_due >= CAST(:today AS date))', { today: ctx.clock.today() });
    }
    return paginate(
      qb,
      args,
      [
        { column: LEVEL_RANK, direction: SortDirection.ASC },
        { column: 'r.name', direction: SortDirection.ASC },
        { column: 'r.id', direction: SortDirection.ASC },
      ],
      withCount,
    );
  }

  async create(ctx: RequestContext, input: CreateRiskPointInput): Promise<RiskPoint> {
    return transaction(ctx, async (tx) => {
      if (!(await organizationInScope(tx, input.organizationId, RiskPermission.RiskPointWrite))) throw BadUserInputError.field('input.organizationId', 'exists', `no active organization ${input.organizationId} within your scope.`);
      if (input.monitorPersonId) await assertReadablePerson(tx, input.monitorPersonId, 'input.monitorPersonId');
      await this.checkOwners(tx, null, input.measures ?? []);
      const point = await tx.manager.save(
        tx.manager.create(RiskPoint, {
          organizationId: input.organizationId,
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
        }),
      );
      await this.replaceMeasures(tx, point.id, input.measures ?? []);
      await audit(tx, { action: 'risk.risk-point.create', entityType: 'RiskPoint', entityId: point.id, changes: { ...input } });
      await tx.emit('risk.risk-point.created', { id: point.id, organizationId: point.organizationId, level: point.level });
      return point;
    });
  }

  async update(ctx: RequestContext, input: UpdateRiskPointInput): Promise<RiskPoint> {
    return transaction(ctx, async (tx) => {
      const current = await this.writable(tx, input.id);
      const patch: Partial<RiskPoint> = {};
      if (input.name !== undefined) patch.name = input.name;
      if (input.level !== undefined) patch.level = input.level;
      if (input.description !== undefined) patch.description = input.description;
      if (input.location !== undefined) {
        patch.longitude = input.location?.longitude ?? null;
        patch.latitude = input.location?.latitude ?? null;
      }
      if (input.reviewDue !== undefined) patch.reviewDue = input.reviewDue;
      if (input.threatenedHouseholds !== undefined) patch.threatenedHouseholds = input.threatenedHouseholds;
      if (input.threatenedPeople !== undefined) patch.threatenedPeople = input.threatenedPeople;
      if (input.monitorPersonId !== undefined && input.monitorPersonId !== current.monitorPersonId) {
        if (input.monitorPersonId) await assertReadablePerson(tx, input.monitorPersonId, 'input.monitorPersonId');
        patch.monitorPersonId = input.monitorPersonId;
      }
      if (input.measures) await this.checkOwners(tx, current.id, input.measures);
      const updated = await updateWithVersion(tx, RiskPoint, 'RiskPoint', current.id, input.version, patch);
      if (input.measures) await this.replaceMeasures(tx, current.id, input.measures);
      await audit(tx, { action: 'risk.risk-point.update', entityType: 'RiskPoint', entityId: current.id, changes: { ...diff(current, updated), ...(input.measures ? { measures: input.measures } : {}) } });
      await tx.emit('risk.risk-point.updated', { id: current.id, organizationId: current.organizationId, level: updated.level });
      return updated;
    });
  }

  async archive(ctx: RequestContext, input: ArchiveInput): Promise<RiskPoint> {
    return transaction(ctx, async (tx) => {
      const current = await this.writable(tx, input.id);
      if (current.archivedAt) throw BadUserInputError.field('input.id', 'notArchived', 'the risk point is already archived.');
      return archiveRecord(tx, RiskPoint, 'RiskPoint', current, input.version, { action: 'risk.risk-point.archive' });
    });
  }

  private async writable(ctx: RequestContext, id: string): Promise<RiskPoint> {
    const point = await scopedRiskPoints(ctx, RiskPermission.RiskPointWrite).andWhere('r.id = :id', { id }).setLock('pessimistic_write').getOne();
    if (!point) throw new NotFoundError('RiskPoint', id);
    return point;
  }

  /** Each measure's owner must be a person the caller may read, unless the point already names them. */
  private async checkOwners(ctx: RequestContext, riskPointId: string | null, measures: readonly ControlMeasureInput[]): Promise<void> {
    if (!measures.some((m) => m.ownerPersonId)) return;
    const kept = new Set(riskPointId ? (await ctx.manager.findBy(ControlMeasure, { riskPointId })).map((m) => m.ownerPersonId) : []);
    for (const [i, m] of measures.entries()) {
      if (m.ownerPersonId && !kept.has(m.ownerPersonId)) await assertReadablePerson(ctx, m.ownerPersonId, `input.measures.${i}.ownerPersonId`);
    }
  }

  private async replaceMeasures(ctx: RequestContext, riskPointId: string, measures: readonly ControlMeasureInput[]): Promise<void> {
    await ctx.manager.delete(ControlMeasure, { riskPointId });
    if (measures.length) {
      await ctx.manager.insert(
        ControlMeasure,
        measures.map((m) => ({ riskPointId, kind: m.kind, description: m.description, ownerPersonId: m.ownerPersonId ?? null })),
      );
    }
  }
}
