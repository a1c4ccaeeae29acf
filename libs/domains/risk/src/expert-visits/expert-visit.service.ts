import { assertNotBefore, createRecord, isChangeFeed, recordEvent, records, sql, transaction, whereChanged, type ConnectionResult, type RequestContext } from '@platform/core';
import { OrganizationKind, Organizations, Persons, organizationIdWithinSubtree } from '@platform/directory';
import { ExpertVisit } from './expert-visit.entity';
import { ExpertVisitOrder } from './expert-visit.orders';
import { linkVisitHazards } from './expert-visit-links.sql';
import type { ExpertVisitListArgs, RecordExpertVisitInput } from './expert-visit.inputs';
import { HazardService } from '../hazards/hazard.service';
import { HazardSource } from '../hazards/hazard.enums';
import { ExpertVisits } from '../risk.entities';
import { riskEvents } from '../risk.events';
import { riskRules } from '../risk.rules';
import { RiskPermission } from '../permissions';

export class ExpertVisitService {
  private readonly hazards = new HazardService();

  list(ctx: RequestContext, args: ExpertVisitListArgs, withCount: boolean): Promise<ConnectionResult<ExpertVisit>> {
    const f = args.filter ?? {};
    assertNotBefore(f.from, f.to, 'filter.to', 'from');
    let visits = records(ctx, ExpertVisits);
    // A change feed lists archived visits too (tombstones: archivedAt says so).
    if (!isChangeFeed(f)) visits = visits.where(sql`t.archived_at IS NULL`);
    if (f.withinSubtreeOf) visits = visits.where(organizationIdWithinSubtree('t.organization_id', f.withinSubtreeOf));
    if (f.from) visits = visits.where(sql`t.visited_on >= CAST(${f.from} AS date)`);
    if (f.to) visits = visits.where(sql`t.visited_on <= CAST(${f.to} AS date)`);
    return whereChanged(visits, f).page({ keys: ExpertVisitOrder.keys(args.orderBy), page: args, withCount });
  }

  /**
   * Records the visit and reports each hazard it raised through the hazard workflow (source
   * EXPERT_VISIT), linked to the visit. One transaction: a hazard that fails undoes the visit and
   * the hazards reported before it.
   */
  async record(ctx: RequestContext, input: RecordExpertVisitInput): Promise<ExpertVisit> {
    const today = ctx.clock.today();
    if (input.visitedOn > today) throw riskRules.field('input.visitedOn', 'notFuture', 'must not be in the future.');
    return transaction(ctx, async (tx) => {
      // Missing or outside the caller's scope: NOT_FOUND on the field; in scope but no enterprise: BAD_USER_INPUT.
      const org = await records(tx, Organizations, RiskPermission.ExpertVisitWrite).reference(input.organizationId, 'input.organizationId', { properties: ['kind'] });
      if (org.kind !== OrganizationKind.ENTERPRISE) throw riskRules.field('input.organizationId', 'exists', `no active enterprise ${input.organizationId} within your scope.`);
      if (input.expertPersonId) await records(tx, Persons).reference(input.expertPersonId, 'input.expertPersonId');
      // Found during the visit: now for today's visit, else the start of that day in China.
      const foundAt = input.visitedOn === today ? undefined : new Date(`${input.visitedOn}T00:00:00+08:00`);
      const hazardIds: string[] = [];
      for (const h of input.hazards) {
        const hazard = await this.hazards.report(tx, { organizationId: org.id, title: h.title, description: h.description ?? null, category: h.category, source: HazardSource.EXPERT_VISIT, foundAt });
        hazardIds.push(hazard.id);
      }
      const visit = await createRecord(
        tx,
        ExpertVisit,
        'ExpertVisit',
        { organizationId: org.id, expertName: input.expertName, expertPersonId: input.expertPersonId ?? null, visitedOn: input.visitedOn, findings: input.findings, archivedAt: null },
        {
          action: 'risk.expert-visit.record',
          changes: { ...input, hazardIds },
          ...recordEvent(riskEvents['risk.expert-visit.recorded'], (v: ExpertVisit) => ({ id: v.id, organizationId: v.organizationId, hazardIds })),
        },
      );
      await linkVisitHazards(tx, visit.id, hazardIds);
      return visit;
    });
  }
}
