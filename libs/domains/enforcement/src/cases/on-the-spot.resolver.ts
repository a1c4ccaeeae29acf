import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { BusinessRuleVersion, BusinessRuleVersionReference, Connection, ReadsColumns, ReadsRelation, RequirePermission, SqlForm, UUIDScalar, raw, selectedProperties, selectsField, sql, type ConnectionResult, type RequestContext } from '@platform/core';
import { Organization, OrganizationReference, Person, PersonReference, organizationById, personById } from '@platform/directory';
import { EnforcementItem, EnforcementItemReference } from '../items/public';
import { EnforcementDocument, EnforcementDocumentReference } from '../documents/public';
import { LawArticle, LawArticleReference } from '../laws/public';
import { OnTheSpotPenalty } from './on-the-spot-penalty.entity';
import { PenaltyPermission } from './penalties.permissions';
import { ON_THE_SPOT_KEY_PROPERTIES, OnTheSpotPenaltyService, filedLate } from './on-the-spot.service';
import { FileOnTheSpotPenaltyInput, ImposeOnTheSpotPenaltyInput, OnTheSpotPenaltyListArgs } from './penalty.inputs';

export const OnTheSpotPenaltyConnection = Connection(OnTheSpotPenalty, '当场处罚');
const input = { description: '输入。The fields of the request.' };
const NODE = ['edges', 'node'] as const;
const SELF = [] as const;

@Resolver(() => OnTheSpotPenalty)
export class OnTheSpotPenaltyResolver {
  private readonly service = new OnTheSpotPenaltyService();

  @Query(() => OnTheSpotPenalty, { nullable: true, description: '当场处罚详情。One on-the-spot penalty by id; null when there is none in your scope.' })
  @RequirePermission(PenaltyPermission.OnTheSpotRead)
  onTheSpotPenalty(@Ctx() ctx: RequestContext, @Arg('id', () => UUIDScalar, { description: '标识。On-the-spot penalty id.' }) id: string, @Info() info: GraphQLResolveInfo): Promise<OnTheSpotPenalty | null> {
    return this.service.byId(ctx, id, selectedProperties(ctx.manager, OnTheSpotPenalty, info, SELF));
  }

  @Query(() => OnTheSpotPenaltyConnection, { description: '当场处罚列表。On-the-spot penalties in your scope, latest decided first; filter by organization, kinds, days and late filing.' })
  @RequirePermission(PenaltyPermission.OnTheSpotRead)
  onTheSpotPenalties(@Ctx() ctx: RequestContext, @Args(() => OnTheSpotPenaltyListArgs) args: OnTheSpotPenaltyListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<OnTheSpotPenalty>> {
    return this.service.list(ctx, args, selectsField(info, 'totalCount'), selectedProperties(ctx.manager, OnTheSpotPenalty, info, NODE, ON_THE_SPOT_KEY_PROPERTIES));
  }

  @FieldResolver(() => Boolean, { description: '逾期备案。True when filed after its filing due day, or not filed and the due day is before today (China time).' })
  @ReadsColumns('filedOn', 'filingDueOn')
  @SqlForm((row, ctx) => sql`(coalesce(${raw(`${row}.filed_on`)}, CAST(${ctx.clock.today()} AS date)) > ${raw(`${row}.filing_due_on`)})`)
  filedLate(@Ctx() ctx: RequestContext, @Root() p: OnTheSpotPenalty): boolean {
    return filedLate(p, ctx.clock.today());
  }

  @FieldResolver(() => Organization, { nullable: true, description: '所属单位。The party organization (or where a citizen was fined); null when you may not read organizations there.' })
  @ReadsColumns('enterpriseId')
  @ReadsRelation(OrganizationReference, 'enterpriseId')
  enterprise(@Ctx() ctx: RequestContext, @Root() p: OnTheSpotPenalty): Promise<Organization | null> {
    return organizationById(ctx).load(p.enterpriseId);
  }

  @FieldResolver(() => Organization, { nullable: true, description: '执法主体。The legal subject that decided it; null when you may not read organizations there.' })
  @ReadsColumns('legalSubjectId')
  @ReadsRelation(OrganizationReference, 'legalSubjectId')
  legalSubject(@Ctx() ctx: RequestContext, @Root() p: OnTheSpotPenalty): Promise<Organization | null> {
    return organizationById(ctx).load(p.legalSubjectId);
  }

  @FieldResolver(() => EnforcementItem, { nullable: true, description: '执法事项。The penalty item; null when you may not read enforcement items.' })
  @ReadsColumns('enforcementItemId')
  @ReadsRelation(EnforcementItemReference, 'enforcementItemId')
  enforcementItem(@Ctx() ctx: RequestContext, @Root() p: OnTheSpotPenalty): Promise<EnforcementItem | null> {
    return EnforcementItemReference.byId(ctx).load(p.enforcementItemId);
  }

  @FieldResolver(() => Person, { nullable: true, description: '当事人。The citizen fined, when known to the directory; null otherwise or when you may not read persons there.' })
  @ReadsColumns('partyPersonId')
  @ReadsRelation(PersonReference, 'partyPersonId')
  partyPerson(@Ctx() ctx: RequestContext, @Root() p: OnTheSpotPenalty): Promise<Person | null> {
    return p.partyPersonId ? personById(ctx).load(p.partyPersonId) : Promise.resolve(null);
  }

  @FieldResolver(() => [Person], { description: '执法人员。The enforcers, those you may read as persons (in the order named).' })
  @ReadsColumns('enforcerPersonIds')
  async enforcers(@Ctx() ctx: RequestContext, @Root() p: OnTheSpotPenalty): Promise<Person[]> {
    const found = await personById(ctx).loadMany(p.enforcerPersonIds);
    return found.filter((x): x is Person => x !== null && !(x instanceof Error));
  }

  @FieldResolver(() => EnforcementDocument, { nullable: true, description: '决定书。Its 当场行政处罚决定书; null when you may not read documents.' })
  @ReadsColumns('documentId')
  @ReadsRelation(EnforcementDocumentReference, 'documentId')
  document(@Ctx() ctx: RequestContext, @Root() p: OnTheSpotPenalty): Promise<EnforcementDocument | null> {
    return EnforcementDocumentReference.byId(ctx).load(p.documentId);
  }

  @FieldResolver(() => [LawArticle], { description: '处罚依据条款。The articles applied, those you may read in the law catalog (in the order given).' })
  @ReadsColumns('lawArticleIds')
  async lawArticles(@Ctx() ctx: RequestContext, @Root() p: OnTheSpotPenalty): Promise<LawArticle[]> {
    const found = await LawArticleReference.byId(ctx).loadMany(p.lawArticleIds);
    return found.filter((a): a is LawArticle => a !== null && !(a instanceof Error));
  }

  @FieldResolver(() => BusinessRuleVersion, { nullable: true, description: '限额规则版本。The version of enforcement.on-the-spot-limits applied; null when you may not read business rules.' })
  @ReadsColumns('limitsRuleVersionId')
  limitsRuleVersion(@Ctx() ctx: RequestContext, @Root() p: OnTheSpotPenalty): Promise<BusinessRuleVersion | null> {
    return BusinessRuleVersionReference.byId(ctx).load(p.limitsRuleVersionId);
  }

  @Mutation(() => OnTheSpotPenalty, { description: '当场处罚。Decides an on-the-spot penalty (简易程序): a warning or a fine within the limit (citizen 200, organization 3,000 yuan), by two or more certified enforcers; issues the numbered 当场行政处罚决定书.' })
  @RequirePermission(PenaltyPermission.OnTheSpotManage)
  imposeOnTheSpotPenalty(@Ctx() ctx: RequestContext, @Arg('input', () => ImposeOnTheSpotPenaltyInput, input) data: ImposeOnTheSpotPenaltyInput): Promise<OnTheSpotPenalty> {
    return this.service.impose(ctx, data);
  }

  @Mutation(() => OnTheSpotPenalty, { description: '当场处罚备案。Files an on-the-spot penalty with the agency; late when after its filing due day.' })
  @RequirePermission(PenaltyPermission.OnTheSpotManage)
  fileOnTheSpotPenalty(@Ctx() ctx: RequestContext, @Arg('input', () => FileOnTheSpotPenaltyInput, input) data: FileOnTheSpotPenaltyInput): Promise<OnTheSpotPenalty> {
    return this.service.file(ctx, data);
  }
}
