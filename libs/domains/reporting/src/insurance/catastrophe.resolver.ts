import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { BusinessRuleVersion, BusinessRuleVersionReference, Connection, PageArgs, ReadsColumns, ReadsRelation, RequirePermission, UUIDScalar, selectedProperties, selectsField, type ConnectionResult, type RequestContext } from '@platform/core';
import { Organization, OrganizationReference, organizationById } from '@platform/directory';
import { Incident } from '@domains/response';
import { CatastropheClaim, CatastrophePolicy } from './catastrophe.entity';
import { InsurancePermission } from './insurance.permissions';
import { CLAIM_WORKFLOW } from './catastrophe-workflow';
import { CatastropheClaimListArgs, CatastrophePolicyListArgs, FileCatastropheClaimInput, PayCatastropheClaimInput, RecordCatastrophePolicyInput, RejectCatastropheClaimInput } from './catastrophe.inputs';
import { CATASTROPHE_POLICY_KEY_PROPERTIES, CLAIM_KEY_PROPERTIES, CatastropheService } from './catastrophe.service';
import { CatastrophePolicyReference, ClaimIncidentReference, IncidentClaimPages, PolicyClaimPages, catastrophePolicyById } from './insurance.loaders';

export const CatastrophePolicyConnection = Connection(CatastrophePolicy, '巨灾保险保单');
export const CatastropheClaimConnection = Connection(CatastropheClaim, '巨灾保险理赔');
const input = { description: '输入。The fields of the request.' };
const NODE = ['edges', 'node'] as const;
const SELF = [] as const;

@Resolver(() => CatastrophePolicy)
export class CatastrophePolicyResolver {
  private readonly service = new CatastropheService();

  @Query(() => CatastrophePolicy, { nullable: true, description: '巨灾保险保单详情。One catastrophe policy by id; null when there is none in your scope.' })
  @RequirePermission(InsurancePermission.Read)
  catastrophePolicy(@Ctx() ctx: RequestContext, @Arg('id', () => UUIDScalar, { description: '标识。Policy id.' }) id: string, @Info() info: GraphQLResolveInfo): Promise<CatastrophePolicy | null> {
    return this.service.policyById(ctx, id, selectedProperties(ctx.manager, CatastrophePolicy, info, SELF));
  }

  @Query(() => CatastrophePolicyConnection, { description: '巨灾保险保单。The district catastrophe insurance policies kept by organizations in your scope, latest period first; filter by a day covered.' })
  @RequirePermission(InsurancePermission.Read)
  catastrophePolicies(@Ctx() ctx: RequestContext, @Args(() => CatastrophePolicyListArgs) args: CatastrophePolicyListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<CatastrophePolicy>> {
    return this.service.policies(ctx, args, selectsField(info, 'totalCount'), selectedProperties(ctx.manager, CatastrophePolicy, info, NODE, CATASTROPHE_POLICY_KEY_PROPERTIES));
  }

  @FieldResolver(() => Organization, { nullable: true, description: '所属单位。The organization keeping it; null when you may not read organizations there.' })
  @ReadsColumns('organizationId')
  @ReadsRelation(OrganizationReference, 'organizationId')
  organization(@Ctx() ctx: RequestContext, @Root() p: CatastrophePolicy): Promise<Organization | null> {
    return organizationById(ctx).load(p.organizationId);
  }

  @FieldResolver(() => BusinessRuleVersion, { nullable: true, description: '规则版本。The version of reporting.catastrophe-insurance-minimums its limits were checked against; null when you may not read business rules.' })
  @ReadsColumns('ruleVersionId')
  ruleVersion(@Ctx() ctx: RequestContext, @Root() p: CatastrophePolicy): Promise<BusinessRuleVersion | null> {
    return BusinessRuleVersionReference.byId(ctx).load(p.ruleVersionId);
  }

  @FieldResolver(() => CatastropheClaimConnection, { description: '理赔。Its claims in the order filed, those you may read.' })
  @ReadsColumns('id')
  @ReadsRelation(PolicyClaimPages)
  claims(@Ctx() ctx: RequestContext, @Root() p: CatastrophePolicy, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<CatastropheClaim>> {
    return PolicyClaimPages.load(ctx, p.id, page, info);
  }

  @Mutation(() => CatastrophePolicy, { description: '登记巨灾保险保单。Records the district\'s catastrophe policy as kept by an organization in your scope; each limit at least the minimum of 渝府办发〔2017〕121号 (rule minimumLimit).' })
  @RequirePermission(InsurancePermission.Manage)
  recordCatastrophePolicy(@Ctx() ctx: RequestContext, @Arg('input', () => RecordCatastrophePolicyInput, input) data: RecordCatastrophePolicyInput): Promise<CatastrophePolicy> {
    return this.service.recordPolicy(ctx, data);
  }
}

@Resolver(() => CatastropheClaim)
export class CatastropheClaimResolver {
  private readonly service = new CatastropheService();

  @Query(() => CatastropheClaim, { nullable: true, description: '巨灾保险理赔详情。One claim by id; null when there is none in your scope.' })
  @RequirePermission(InsurancePermission.Read)
  catastropheClaim(@Ctx() ctx: RequestContext, @Arg('id', () => UUIDScalar, { description: '标识。Claim id.' }) id: string, @Info() info: GraphQLResolveInfo): Promise<CatastropheClaim | null> {
    return this.service.claimById(ctx, id, selectedProperties(ctx.manager, CatastropheClaim, info, SELF));
  }

  @Query(() => CatastropheClaimConnection, { description: '巨灾保险理赔。Claims filed by organizations in your scope, latest filed first; filter by policy, incident and status.' })
  @RequirePermission(InsurancePermission.Read)
  catastropheClaims(@Ctx() ctx: RequestContext, @Args(() => CatastropheClaimListArgs) args: CatastropheClaimListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<CatastropheClaim>> {
    return this.service.claims(ctx, args, selectsField(info, 'totalCount'), selectedProperties(ctx.manager, CatastropheClaim, info, NODE, CLAIM_KEY_PROPERTIES));
  }

  @FieldResolver(() => CatastrophePolicy, { nullable: true, description: '保单。The policy claimed under; null when you may not read it.' })
  @ReadsColumns('policyId')
  @ReadsRelation(CatastrophePolicyReference, 'policyId')
  policy(@Ctx() ctx: RequestContext, @Root() c: CatastropheClaim): Promise<CatastrophePolicy | null> {
    return catastrophePolicyById(ctx).load(c.policyId);
  }

  @FieldResolver(() => Incident, { nullable: true, description: '灾情。The incident of the response module the casualties came from; null when you may not read it there.' })
  @ReadsColumns('incidentId')
  @ReadsRelation(ClaimIncidentReference, 'incidentId')
  incident(@Ctx() ctx: RequestContext, @Root() c: CatastropheClaim): Promise<Incident | null> {
    return ClaimIncidentReference.byId(ctx).load(c.incidentId);
  }

  @FieldResolver(() => Organization, { nullable: true, description: '所属单位。The organization filing it; null when you may not read organizations there.' })
  @ReadsColumns('organizationId')
  @ReadsRelation(OrganizationReference, 'organizationId')
  organization(@Ctx() ctx: RequestContext, @Root() c: CatastropheClaim): Promise<Organization | null> {
    return organizationById(ctx).load(c.organizationId);
  }

  @Mutation(() => CatastropheClaim, { description: '巨灾保险报案。Files a claim under a catastrophe policy for casualties of an incident that happened in its period; the amount at most persons × the per-person limit of its kind (rule coverage).' })
  @RequirePermission(InsurancePermission.Manage)
  fileCatastropheClaim(@Ctx() ctx: RequestContext, @Arg('input', () => FileCatastropheClaimInput, input) data: FileCatastropheClaimInput): Promise<CatastropheClaim> {
    return this.service.fileClaim(ctx, data);
  }

  @Mutation(() => CatastropheClaim, { description: '赔付。Records the insurer\'s payment of a FILED claim (at most the amount claimed).' })
  @RequirePermission(CLAIM_WORKFLOW.permissionOf('pay'))
  payCatastropheClaim(@Ctx() ctx: RequestContext, @Arg('input', () => PayCatastropheClaimInput, input) data: PayCatastropheClaimInput): Promise<CatastropheClaim> {
    return this.service.pay(ctx, data);
  }

  @Mutation(() => CatastropheClaim, { description: '拒赔。Records the insurer\'s refusal of a FILED claim, with its reason.' })
  @RequirePermission(CLAIM_WORKFLOW.permissionOf('reject'))
  rejectCatastropheClaim(@Ctx() ctx: RequestContext, @Arg('input', () => RejectCatastropheClaimInput, input) data: RejectCatastropheClaimInput): Promise<CatastropheClaim> {
    return this.service.reject(ctx, data);
  }
}

@Resolver(() => Incident)
export class IncidentCatastropheClaimsResolver {
  @FieldResolver(() => CatastropheClaimConnection, { description: '巨灾保险理赔。Catastrophe insurance claims for this incident\'s casualties, in the order filed; empty when none or when you may not read insurance.' })
  @ReadsColumns('id')
  @ReadsRelation(IncidentClaimPages)
  catastropheClaims(@Ctx() ctx: RequestContext, @Root() i: Incident, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<CatastropheClaim>> {
    return IncidentClaimPages.load(ctx, i.id, page, info);
  }
}
