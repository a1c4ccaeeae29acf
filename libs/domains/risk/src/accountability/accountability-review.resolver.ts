import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { BadUserInputError, NotFoundError, ReadsColumns, RequirePermission, audit, groupByKeys, transaction, todayInChina, type RequestContext } from '@platform/core';
import { In } from 'typeorm';
import { AccountabilityReview, RecordAccountabilityReviewInput } from './accountability-review.entity';
import { Hazard } from '../hazards/hazard.entity';
import { HazardGrade } from '../hazards/hazard.enums';
import { scopedHazards } from '../hazards/hazard.service';
import { RiskPermission } from '../permissions';

@Resolver(() => AccountabilityReview)
export class AccountabilityReviewResolver {
  @Mutation(() => AccountabilityReview, { description: '记录责任倒查。Records who answered for a major hazard that was overdue or recurred, and the outcome.' })
  @RequirePermission(RiskPermission.HazardManage)
  recordAccountabilityReview(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RecordAccountabilityReviewInput, { description: '输入。The fields of the request.' }) input: RecordAccountabilityReviewInput,
  ): Promise<AccountabilityReview> {
    return transaction(ctx, async (tx) => {
      const hazard = await scopedHazards(tx, RiskPermission.HazardManage).andWhere('h.id = :id', { id: input.hazardId }).getOne();
      if (!hazard) throw new NotFoundError('Hazard', input.hazardId);
      if (hazard.grade !== HazardGrade.MAJOR) throw BadUserInputError.field('input.hazardId', 'major', 'accountability reviews are for MAJOR hazards.');
      const closedOn = hazard.closedAt ? todayInChina(hazard.closedAt) : null;
      const late = hazard.deadline !== null && (closedOn ? closedOn > hazard.deadline : hazard.status !== 'REJECTED' && hazard.deadline < tx.clock.today());
      if (input.reason === 'OVERDUE' && !late) throw BadUserInputError.field('input.reason', 'overdue', `the hazard is not past its deadline (${hazard.deadline ?? 'none set'}).`);
      const review = await tx.manager.save(tx.manager.create(AccountabilityReview, { ...input }));
      await audit(tx, { action: 'risk.accountability-review.record', entityType: 'Hazard', entityId: hazard.id, changes: { review: review.id, reason: input.reason, outcome: input.outcome } });
      return review;
    });
  }
}

@Resolver(() => Hazard)
export class HazardAccountabilityResolver {
  @FieldResolver(() => [AccountabilityReview], { description: '责任倒查。Accountability reviews of this hazard, oldest first (rarely more than one or two).' })
  @ReadsColumns('id')
  accountabilityReviews(@Ctx() ctx: RequestContext, @Root() h: Hazard): Promise<AccountabilityReview[]> {
    return ctx.loaders
      .get('risk.hazard.accountability', undefined, async (ids: readonly string[]) =>
        groupByKeys(ids, await ctx.manager.find(AccountabilityReview, { where: { hazardId: In([...ids]) }, order: { createdAt: 'ASC' } }), (r) => r.hazardId),
      )
      .load(h.id);
  }
}
