import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { ReadsColumns, ReadsRelation, RequirePermission, SortDirection, createRecord, recordEvent, records, transaction, todayInChina, type RequestContext } from '@platform/core';
import { AccountabilityReview, RecordAccountabilityReviewInput } from './accountability-review.entity';
import { HazardReference, hazardById } from '../hazards/hazard.loaders';
import { Hazard } from '../hazards/hazard.entity';
import { HazardGrade } from '../hazards/hazard.enums';
import { AccountabilityReviews, Hazards } from '../risk.entities';
import { riskEvents } from '../risk.events';
import { riskRules } from '../risk.rules';
import { RiskPermission } from '../permissions';

/** At most this many reviews are listed per hazard (a hazard rarely has more than one or two). */
const MAX_REVIEWS_PER_HAZARD = 100;

@Resolver(() => AccountabilityReview)
export class AccountabilityReviewResolver {
  @Mutation(() => AccountabilityReview, { description: '记录责任倒查。Records who answered for a major hazard that was overdue or recurred, and the outcome.' })
  @RequirePermission(RiskPermission.HazardManage)
  recordAccountabilityReview(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RecordAccountabilityReviewInput, { description: '输入。The fields of the request.' }) input: RecordAccountabilityReviewInput,
  ): Promise<AccountabilityReview> {
    return transaction(ctx, async (tx) => {
      // Missing or beyond the caller's risk.hazard:manage scope: NOT_FOUND on input.hazardId. Locked
      // FOR SHARE: the hazard's state (and deadline) the review is judged on holds until it commits.
      const hazard = await records(tx, Hazards, RiskPermission.HazardManage).reference(input.hazardId, 'input.hazardId', { archived: true, lock: 'share' });
      if (hazard.grade !== HazardGrade.MAJOR) throw riskRules.field('input.hazardId', 'major', 'accountability reviews are for MAJOR hazards.');
      const closedOn = hazard.closedAt ? todayInChina(hazard.closedAt) : null;
      const late = hazard.deadline !== null && (closedOn ? closedOn > hazard.deadline : hazard.status !== 'REJECTED' && hazard.deadline < tx.clock.today());
      if (input.reason === 'OVERDUE' && !late) throw riskRules.field('input.reason', 'overdue', `the hazard is not past its deadline (${hazard.deadline ?? 'none set'}).`);
      return createRecord(
        tx,
        AccountabilityReview,
        'AccountabilityReview',
        { hazardId: hazard.id, reason: input.reason, findings: input.findings, responsibleParties: input.responsibleParties, outcome: input.outcome, decidedOn: input.decidedOn },
        {
          action: 'risk.accountability-review.record',
          // A review is part of the hazard's file: audited as a change of the hazard.
          auditUnder: { entityType: 'Hazard', entityId: hazard.id },
          changes: (review) => ({ review: review.id, reason: input.reason, outcome: input.outcome }),
          ...recordEvent(riskEvents['risk.accountability-review.recorded'], (review: AccountabilityReview) => ({ id: review.id, hazardId: hazard.id, organizationId: hazard.organizationId })),
        },
      );
    });
  }

  @FieldResolver(() => Hazard, { nullable: true, description: '隐患。The major hazard reviewed (needs risk.hazard:read); null when it is outside your scope.' })
  @RequirePermission(RiskPermission.HazardRead)
  @ReadsColumns('hazardId')
  @ReadsRelation(HazardReference, 'hazardId')
  hazard(@Ctx() ctx: RequestContext, @Root() r: AccountabilityReview): Promise<Hazard | null> {
    return hazardById(ctx).load(r.hazardId);
  }
}

@Resolver(() => Hazard)
export class HazardAccountabilityResolver {
  @FieldResolver(() => [AccountabilityReview], { description: '责任倒查。Accountability reviews of this hazard, oldest first (rarely more than one or two).' })
  @ReadsColumns('id')
  accountabilityReviews(@Ctx() ctx: RequestContext, @Root() h: Hazard): Promise<AccountabilityReview[]> {
    return ctx.loaders
      .get('risk.hazard.accountability', undefined, async (ids: readonly string[]) => {
        // One statement for the hazards of a request level, within the caller's scope.
        const pages = await records(ctx, AccountabilityReviews).byParent('hazard_id', ids, {
          keys: [
            { column: 't.created_at', direction: SortDirection.ASC },
            { column: 't.id', direction: SortDirection.ASC },
          ],
          page: { first: MAX_REVIEWS_PER_HAZARD, withCursors: false },
          withCount: false,
        });
        return ids.map((id) => pages.get(id)?.edges.map((e) => e.node) ?? []);
      })
      .load(h.id);
  }
}
