import { BadUserInputError, SortDirection, audit, paginate, transaction, type ConnectionResult, type RequestContext, type SortKey } from '@platform/core';
import { Organization, OrganizationKind, assertReadablePerson, organizationIdInScope, organizationInScope, withinSubtreeSql } from '@platform/directory';
import type { SelectQueryBuilder } from 'typeorm';
import { ExpertVisit, ExpertVisitHazard } from './expert-visit.entity';
import { HazardService } from '../hazards/hazard.service';
import { HazardSource } from '../hazards/hazard.enums';
import { RiskPermission } from '../permissions';
import type { ExpertVisitListArgs, RecordExpertVisitInput } from './expert-visit.inputs';

/** Newest visit first; several on one day by id, so the order (and the cursor) is total. */
export const expertVisitSortKeys = (alias: string): SortKey<ExpertVisit>[] => [
  { column: `${alias}.visited_on`, direction: SortDirection.DESC },
  { column: `${alias}.id`, direction: SortDirection.DESC },
];

/** Visits to organizations where the caller holds `permission` (alias `v`). */
export function scopedExpertVisits(ctx: RequestContext, permission: string = RiskPermission.HazardRead): SelectQueryBuilder<ExpertVisit> {
  const scope = organizationIdInScope(ctx.principal, permission, 'v.organization_id');
  return ctx.manager.createQueryBuilder(ExpertVisit, 'v').where(scope.sql, scope.params);
}

export class ExpertVisitService {
  private readonly hazards = new HazardService();

  list(ctx: RequestContext, args: ExpertVisitListArgs, withCount: boolean): Promise<ConnectionResult<ExpertVisit>> {
    const f = args.filter ?? {};
    if (f.from && f.to && f.to < f.from) throw BadUserInputError.field('filter.to', 'notBeforeFrom', 'must not be before from.');
    const qb = scopedExpertVisits(ctx).andWhere('v.archived_at IS NULL');
    if (f.withinSubtreeOf) qb.andWhere(withinSubtreeSql('v.organization_id'), { subtreeRoot: f.withinSubtreeOf });
    if (f.from) qb.andWhere('v.visited_on >= CAST(:from AS date)', { from: f.from });
    if (f.to) qb.andWhere('v.visited_on <= CAST(:to AS date)', { to: f.to });
    return paginate(qb, args, expertVisitSortKeys('v'), withCount);
  }

  /**
   * Records the visit and reports each hazard it raised through the hazard workflow (source
   * EXPERT_VISIT), linked to the visit. One transaction: a hazard that fails undoes the visit and
   * the hazards reported before it.
   */
  async record(ctx: RequestContext, input: RecordExpertVisitInput): Promise<ExpertVisit> {
    const today = ctx.clock.today();
    if (input.visitedOn > today) throw BadUserInputError.field('input.visitedOn', 'notFuture', 'must not be in the future.');
    return transaction(ctx, async (tx) => {
      const org =
        (await organizationInScope(tx, input.organizationId, RiskPermission.ExpertVisitWrite)) ?? (await organizationInScope(tx, input.organizationId, RiskPermission.HazardReport));
      if (!org || !(await tx.manager.existsBy(Organization, { id: org.id, kind: OrganizationKind.ENTERPRISE }))) {
        throw BadUserInputError.field('input.organizationId', 'exists', `no active enterprise ${input.organizationId} within your scope.`);
      }
      if (input.expertPersonId) await assertReadablePerson(tx, input.expertPersonId, 'input.expertPersonId');
      const visit = await tx.manager.save(
        tx.manager.create(ExpertVisit, {
          organizationId: org.id,
          expertName: input.expertName,
          expertPersonId: input.expertPersonId ?? null,
          visitedOn: input.visitedOn,
          findings: input.findings,
          archivedAt: null,
        }),
      );
      // Found during the visit: now for today's visit, else the start of that day in China.
      const foundAt = input.visitedOn === today ? undefined : new Date(`${input.visitedOn}T00:00:00+08:00`);
      const hazardIds: string[] = [];
      for (const h of input.hazards) {
        const hazard = await this.hazards.report(tx, { organizationId: org.id, title: h.title, description: h.description ?? null, category: h.category, source: HazardSource.EXPERT_VISIT, foundAt });
        hazardIds.push(hazard.id);
      }
      if (hazardIds.length) await tx.manager.insert(ExpertVisitHazard, hazardIds.map((hazardId) => ({ visitId: visit.id, hazardId })));
      await audit(tx, { action: 'risk.expert-visit.record', entityType: 'ExpertVisit', entityId: visit.id, changes: { ...input, hazardIds } });
      await tx.emit('risk.expert-visit.recorded', { id: visit.id, organizationId: org.id, hazardIds });
      return visit;
    });
  }
}
