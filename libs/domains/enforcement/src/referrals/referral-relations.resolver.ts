import { Args, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { PageArgs, ReadsColumns, ReadsRelation, defineChildPages, type ConnectionResult, type RequestContext } from '@platform/core';
import { PenaltyCase } from '../cases/public';
import { AccidentInvestigation } from '../accidents/public';
import { SOURCE_REFERRAL_KEYS } from './referral.orders';
import { CriminalReferralConnection } from './referral.resolver';
import { CriminalReferral, CriminalReferrals } from '../referral-flags/public';

/** A case's referrals, in the order flagged (within the caller's referral scope). */
export const CaseReferralPages = defineChildPages(CriminalReferrals, { name: 'enforcement.case.referrals', parentColumn: 'case_id', keys: SOURCE_REFERRAL_KEYS });
/** An accident investigation's referrals, in the order flagged. */
export const AccidentReferralPages = defineChildPages(CriminalReferrals, { name: 'enforcement.accidentInvestigation.referrals', parentColumn: 'accident_investigation_id', keys: SOURCE_REFERRAL_KEYS });

@Resolver(() => PenaltyCase)
export class PenaltyCaseReferralsResolver {
  @FieldResolver(() => CriminalReferralConnection, { description: '刑事移送。The case\'s criminal referrals (行刑衔接), in the order flagged; empty when none or when you may not read referrals.' })
  @ReadsColumns('id')
  @ReadsRelation(CaseReferralPages)
  referrals(@Ctx() ctx: RequestContext, @Root() c: PenaltyCase, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<CriminalReferral>> {
    return CaseReferralPages.load(ctx, c.id, page, info);
  }
}

@Resolver(() => AccidentInvestigation)
export class AccidentInvestigationReferralsResolver {
  @FieldResolver(() => CriminalReferralConnection, { description: '刑事移送。The investigation\'s criminal referrals (行刑衔接), in the order flagged; empty when none or when you may not read referrals.' })
  @ReadsColumns('id')
  @ReadsRelation(AccidentReferralPages)
  referrals(@Ctx() ctx: RequestContext, @Root() a: AccidentInvestigation, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<CriminalReferral>> {
    return AccidentReferralPages.load(ctx, a.id, page, info);
  }
}
