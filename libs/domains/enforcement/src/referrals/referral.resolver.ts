import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { BusinessRuleVersion, BusinessRuleVersionReference, Connection, PageArgs, ReadsColumns, ReadsRelation, RequirePermission, SqlForm, UUIDScalar, selectedProperties, selectsField, type ConnectionResult, type RequestContext } from '@platform/core';
import { Organization, OrganizationReference, Person, PersonReference, organizationById, personById } from '@platform/directory';
import { EnforcementDocument, EnforcementDocumentConnection, documentPagesOf } from '../documents/public';
import { PenaltyCase, PenaltyCaseReference } from '../cases/public';
import { AccidentInvestigation, AccidentInvestigationReference } from '../accidents/public';
import {
  CloseCriminalReferralInput,
  DecideCriminalReferralInput,
  DismissCriminalReferralInput,
  FlagCriminalReferralInput,
  RecordCriminalReferralAnswerInput,
  ReferralListArgs,
  ReportCriminalReferralInput,
  TransferCriminalReferralInput,
} from './referral.inputs';
import { REFERRAL_KEY_PROPERTIES, ReferralService } from './referral.service';
import { ReferralClock } from './referral.types';
import { clockMissed, referralClock } from './referral-clock';
import { CriminalReferral, REFERRAL_WORKFLOW, ReferralPermission, clockMissedSql } from '../referral-flags/public';

export const CriminalReferralConnection = Connection(CriminalReferral, '刑事移送');
const input = { description: '输入。The fields of the request.' };
/** Where a connection's nodes are in its selection. */
const NODE = ['edges', 'node'] as const;
const SELF = [] as const;
/** A referral's documents, in the order issued (the documents part's relation for subjects of type CriminalReferral). */
const ReferralDocuments = documentPagesOf('CriminalReferral');

@Resolver(() => CriminalReferral)
export class CriminalReferralResolver {
  private readonly service = new ReferralService();

  @Query(() => CriminalReferral, { nullable: true, description: '刑事移送详情。One criminal referral by id; null when there is none in your scope.' })
  @RequirePermission(ReferralPermission.Read)
  criminalReferral(@Ctx() ctx: RequestContext, @Arg('id', () => UUIDScalar, { description: '标识。Referral id.' }) id: string, @Info() info: GraphQLResolveInfo): Promise<CriminalReferral | null> {
    return this.service.byId(ctx, id, selectedProperties(ctx.manager, CriminalReferral, info, SELF));
  }

  @Query(() => CriminalReferralConnection, { description: '刑事移送列表。Criminal referrals (行刑衔接) concerning organizations in your scope, latest flagged first; filter by statuses, reasons, a missed clock, organization, case, accident investigation and code.' })
  @RequirePermission(ReferralPermission.Read)
  criminalReferrals(@Ctx() ctx: RequestContext, @Args(() => ReferralListArgs) args: ReferralListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<CriminalReferral>> {
    return this.service.list(ctx, args, selectsField(info, 'totalCount'), selectedProperties(ctx.manager, CriminalReferral, info, NODE, REFERRAL_KEY_PROPERTIES));
  }

  @FieldResolver(() => Boolean, { description: '超时。True when a step was done after its due time, or the running clock is past its due time.' })
  @ReadsColumns('status', 'decisionDueAt', 'transferDueAt', 'answerDueAt', 'decisionOnTime', 'transferOnTime', 'answerOnTime')
  @SqlForm((row, ctx) => clockMissedSql(row, ctx.clock.now()))
  clockMissed(@Ctx() ctx: RequestContext, @Root() r: CriminalReferral): boolean {
    return clockMissed(r, ctx.clock.now());
  }

  @FieldResolver(() => ReferralClock, { nullable: true, description: '当前时限。The clock running now (decision, transfer or answer) with its due time and warning; null when none runs.' })
  @ReadsColumns('status', 'decisionDueAt', 'transferDueAt', 'answerDueAt', 'clockRuleVersionId')
  clock(@Ctx() ctx: RequestContext, @Root() r: CriminalReferral): Promise<ReferralClock | null> {
    return referralClock(ctx, r);
  }

  @FieldResolver(() => Organization, { nullable: true, description: '所属单位。The organization concerned; null when you may not read organizations there.' })
  @ReadsColumns('organizationId')
  @ReadsRelation(OrganizationReference, 'organizationId')
  organization(@Ctx() ctx: RequestContext, @Root() r: CriminalReferral): Promise<Organization | null> {
    return organizationById(ctx).load(r.organizationId);
  }

  @FieldResolver(() => Organization, { nullable: true, description: '移送机关。The legal subject that refers; null until reported or when you may not read organizations there.' })
  @ReadsColumns('legalSubjectId')
  @ReadsRelation(OrganizationReference, 'legalSubjectId')
  legalSubject(@Ctx() ctx: RequestContext, @Root() r: CriminalReferral): Promise<Organization | null> {
    return r.legalSubjectId ? organizationById(ctx).load(r.legalSubjectId) : Promise.resolve(null);
  }

  @FieldResolver(() => PenaltyCase, { name: 'case', nullable: true, description: '来源案件。The penalty case it comes from; null when it comes from an accident investigation or you may not read the case.' })
  @ReadsColumns('caseId')
  @ReadsRelation(PenaltyCaseReference, 'caseId')
  penaltyCase(@Ctx() ctx: RequestContext, @Root() r: CriminalReferral): Promise<PenaltyCase | null> {
    return r.caseId ? PenaltyCaseReference.byId(ctx).load(r.caseId) : Promise.resolve(null);
  }

  @FieldResolver(() => AccidentInvestigation, { nullable: true, description: '来源事故调查。The accident investigation it comes from; null when it comes from a case or you may not read the investigation.' })
  @ReadsColumns('accidentInvestigationId')
  @ReadsRelation(AccidentInvestigationReference, 'accidentInvestigationId')
  accidentInvestigation(@Ctx() ctx: RequestContext, @Root() r: CriminalReferral): Promise<AccidentInvestigation | null> {
    return r.accidentInvestigationId ? AccidentInvestigationReference.byId(ctx).load(r.accidentInvestigationId) : Promise.resolve(null);
  }

  @FieldResolver(() => [Person], { description: '承办执法人员。The enforcers who wrote the report, those you may read as persons (in the order named).' })
  @ReadsColumns('enforcerPersonIds')
  async enforcers(@Ctx() ctx: RequestContext, @Root() r: CriminalReferral): Promise<Person[]> {
    const found = await personById(ctx).loadMany(r.enforcerPersonIds);
    return found.filter((p): p is Person => p !== null && !(p instanceof Error));
  }

  @FieldResolver(() => Person, { nullable: true, description: '决定人。The agency head who decided; null before the decision or when you may not read persons there.' })
  @ReadsColumns('deciderPersonId')
  @ReadsRelation(PersonReference, 'deciderPersonId')
  decider(@Ctx() ctx: RequestContext, @Root() r: CriminalReferral): Promise<Person | null> {
    return r.deciderPersonId ? personById(ctx).load(r.deciderPersonId) : Promise.resolve(null);
  }

  @FieldResolver(() => BusinessRuleVersion, { nullable: true, description: '追诉标准版本。The version of enforcement.criminal-thresholds its figure reasons were flagged with; null when only case facts were, or when you may not read business rules.' })
  @ReadsColumns('thresholdRuleVersionId')
  thresholdRuleVersion(@Ctx() ctx: RequestContext, @Root() r: CriminalReferral): Promise<BusinessRuleVersion | null> {
    return r.thresholdRuleVersionId ? BusinessRuleVersionReference.byId(ctx).load(r.thresholdRuleVersionId) : Promise.resolve(null);
  }

  @FieldResolver(() => BusinessRuleVersion, { nullable: true, description: '时限规则版本。The version of enforcement.referral-clocks kept at the report; null before it or when you may not read business rules.' })
  @ReadsColumns('clockRuleVersionId')
  clockRuleVersion(@Ctx() ctx: RequestContext, @Root() r: CriminalReferral): Promise<BusinessRuleVersion | null> {
    return r.clockRuleVersionId ? BusinessRuleVersionReference.byId(ctx).load(r.clockRuleVersionId) : Promise.resolve(null);
  }

  @FieldResolver(() => EnforcementDocumentConnection, { description: '执法文书。Its numbered documents in the order issued (涉嫌犯罪案件移送报告, 涉嫌犯罪案件移送书), those you may read.' })
  @ReadsColumns('id')
  @ReadsRelation(ReferralDocuments)
  documents(@Ctx() ctx: RequestContext, @Root() r: CriminalReferral, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<EnforcementDocument>> {
    return ReferralDocuments.load(ctx, r.id, page, info);
  }

  @Mutation(() => CriminalReferral, { description: '标记刑事移送。Flags a case or accident investigation in your scope for criminal referral by hand (e.g. REPORTING_OFFENCE, 不报、谎报事故): the reasons are added to its open referral, or a FLAGGED one is opened; answers the source\'s latest referral.' })
  @RequirePermission(ReferralPermission.Manage)
  flagCriminalReferral(@Ctx() ctx: RequestContext, @Arg('input', () => FlagCriminalReferralInput, input) data: FlagCriminalReferralInput): Promise<CriminalReferral> {
    return this.service.flag(ctx, data);
  }

  @Mutation(() => CriminalReferral, { description: '移送报告。Reports a FLAGGED referral to the agency head: two or more certified enforcers, the suspected offence and facts; starts the decision clock; issues the 涉嫌犯罪案件移送报告.' })
  @RequirePermission(REFERRAL_WORKFLOW.permissionOf('report'))
  reportCriminalReferral(@Ctx() ctx: RequestContext, @Arg('input', () => ReportCriminalReferralInput, input) data: ReportCriminalReferralInput): Promise<CriminalReferral> {
    return this.service.report(ctx, data);
  }

  @Mutation(() => CriminalReferral, { description: '移送决定。Decides a REPORTED referral as the agency head (not one of its enforcers): TRANSFER starts the transfer clock, NOT_TRANSFER records its reasons; whether the decision clock was met is stored.' })
  @RequirePermission(REFERRAL_WORKFLOW.permissionOf('decide'))
  decideCriminalReferral(@Ctx() ctx: RequestContext, @Arg('input', () => DecideCriminalReferralInput, input) data: DecideCriminalReferralInput): Promise<CriminalReferral> {
    return this.service.decide(ctx, data);
  }

  @Mutation(() => CriminalReferral, { description: '移送。Transfers a referral decided TRANSFER to the police at the same level, the procuratorate copied; stores whether the transfer clock was met, starts the answer clock; issues the 涉嫌犯罪案件移送书.' })
  @RequirePermission(REFERRAL_WORKFLOW.permissionOf('transfer'))
  transferCriminalReferral(@Ctx() ctx: RequestContext, @Arg('input', () => TransferCriminalReferralInput, input) data: TransferCriminalReferralInput): Promise<CriminalReferral> {
    return this.service.transfer(ctx, data);
  }

  @Mutation(() => CriminalReferral, { description: '公安答复。Records the police\'s 立案/不立案 answer to a TRANSFERRED referral; stores whether the answer clock was met.' })
  @RequirePermission(REFERRAL_WORKFLOW.permissionOf('answer'))
  recordCriminalReferralAnswer(@Ctx() ctx: RequestContext, @Arg('input', () => RecordCriminalReferralAnswerInput, input) data: RecordCriminalReferralAnswerInput): Promise<CriminalReferral> {
    return this.service.answer(ctx, data);
  }

  @Mutation(() => CriminalReferral, { description: '办结。Closes a referral answered by the police, or decided NOT_TRANSFER.' })
  @RequirePermission(REFERRAL_WORKFLOW.permissionOf('close'))
  closeCriminalReferral(@Ctx() ctx: RequestContext, @Arg('input', () => CloseCriminalReferralInput, input) data: CloseCriminalReferralInput): Promise<CriminalReferral> {
    return this.service.close(ctx, data);
  }

  @Mutation(() => CriminalReferral, { description: '排除。Dismisses a FLAGGED referral with its reason (no suspected crime); a later flag of the same reasons for its source does not reopen it.' })
  @RequirePermission(REFERRAL_WORKFLOW.permissionOf('dismiss'))
  dismissCriminalReferral(@Ctx() ctx: RequestContext, @Arg('input', () => DismissCriminalReferralInput, input) data: DismissCriminalReferralInput): Promise<CriminalReferral> {
    return this.service.dismiss(ctx, data);
  }
}
