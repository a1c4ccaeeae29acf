import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import {
  Attachment,
  BusinessRuleVersion,
  BusinessRuleVersionReference,
  Connection,
  LocalDateScalar,
  ON_DAY_ARGUMENT,
  ReadsColumns,
  ReadsRelation,
  RequirePermission,
  SqlForm,
  UUIDScalar,
  attachmentsOf,
  businessRules,
  records,
  selectedProperties,
  selectsField,
  sql,
  SortDirection,
  type ConnectionResult,
  type RequestContext,
} from '@platform/core';
import { IndustrySectors, Organization, OrganizationReference, organizationById } from '@platform/directory';
import { INSURANCE_MANDATORY_SECTORS_RULE, type InsuranceMandate as MandateValue } from '../business-rules/insurance';
import { LiabilityPolicyStatus } from './insurance.enums';
import { InsurancePermission } from './insurance.permissions';
import { InsuranceMandate, LiabilityInsuranceCoverage } from './insurance.types';
import { LiabilityInsurancePolicy } from './liability-policy.entity';
import { liabilityPolicyById } from './insurance.loaders';
import { lapsingSql, limitBelowMinimumSql, policyFlagsOf, policyStatusSql } from './insurance.sql';
import { CancelLiabilityPolicyInput, LiabilityCoverageArgs, LiabilityPolicyListArgs, RecordLiabilityPolicyInput, UpdateLiabilityPolicyInput } from './liability-policy.inputs';
import { LiabilityPolicyService, POLICY_KEY_PROPERTIES } from './liability-policy.service';

export const LiabilityInsurancePolicyConnection = Connection(LiabilityInsurancePolicy, '安全生产责任保险保单');
export const LiabilityInsuranceCoverageConnection = Connection(LiabilityInsuranceCoverage, '安责险覆盖情况');
const input = { description: '输入。The fields of the request.' };
/** Where a connection's nodes are in its selection. */
const NODE = ['edges', 'node'] as const;
const SELF = [] as const;

@Resolver(() => LiabilityInsurancePolicy)
export class LiabilityInsurancePolicyResolver {
  private readonly service = new LiabilityPolicyService();

  @Query(() => LiabilityInsurancePolicy, { nullable: true, description: '安责险保单详情。One liability insurance policy by id; null when there is none in your scope.' })
  @RequirePermission(InsurancePermission.Read)
  liabilityInsurancePolicy(@Ctx() ctx: RequestContext, @Arg('id', () => UUIDScalar, { description: '标识。Policy id.' }) id: string, @Info() info: GraphQLResolveInfo): Promise<LiabilityInsurancePolicy | null> {
    return this.service.byId(ctx, id, selectedProperties(ctx.manager, LiabilityInsurancePolicy, info, SELF));
  }

  @Query(() => LiabilityInsurancePolicyConnection, { description: '安责险保单。Work-safety liability insurance policies of enterprises in your scope, ending first; filter by enterprise, status today, a limit below the minimum, lapsing and number.' })
  @RequirePermission(InsurancePermission.Read)
  liabilityInsurancePolicies(@Ctx() ctx: RequestContext, @Args(() => LiabilityPolicyListArgs) args: LiabilityPolicyListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<LiabilityInsurancePolicy>> {
    return this.service.list(ctx, args, selectsField(info, 'totalCount'), selectedProperties(ctx.manager, LiabilityInsurancePolicy, info, NODE, POLICY_KEY_PROPERTIES));
  }

  @Query(() => LiabilityInsuranceCoverageConnection, { description: '安责险覆盖情况。Enterprises in your scope by name, each with whether its sector is mandatory under the rule in force today (应急〔2025〕27号, not the directory\'s high-risk flag) and whether an active policy meeting the minimum limit covers it; filter mandatory only, covered or not.' })
  @RequirePermission(InsurancePermission.Read)
  liabilityInsuranceCoverage(@Ctx() ctx: RequestContext, @Args(() => LiabilityCoverageArgs) args: LiabilityCoverageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<LiabilityInsuranceCoverage>> {
    return this.service.coverage(ctx, args, selectsField(info, 'totalCount'));
  }

  @Query(() => InsuranceMandate, { description: '安责险强制投保规定。The version of reporting.insurance-mandatory-sectors in force on a day: the mandatory sectors (each with whether the directory has it: sectors it lacks, e.g. fishery, are listed as not in the directory), the minimum per-person limit and the lapse window.' })
  @RequirePermission(InsurancePermission.Read)
  async liabilityInsuranceMandate(@Ctx() ctx: RequestContext, @Arg('on', () => LocalDateScalar, ON_DAY_ARGUMENT) on?: string): Promise<InsuranceMandate> {
    const rule = await businessRules.inForce(ctx, INSURANCE_MANDATORY_SECTORS_RULE, on ?? ctx.clock.today(), 'on');
    const value = rule.value as MandateValue;
    const codes = value.sectors.map((s) => s.code);
    const known = await records(ctx, IndustrySectors, InsurancePermission.Read)
      .where(sql`t.code = ANY(${codes})`)
      .list({ keys: [{ column: 't.code', direction: SortDirection.ASC }], limit: codes.length, properties: ['code', 'nameZh'] });
    const names = new Map(known.map((s) => [s.code, s.nameZh]));
    return Object.assign(new InsuranceMandate(), {
      ruleVersion: rule.version,
      minPerPersonLimitYuan: value.minPerPersonLimitYuan,
      lapseWarningDays: value.lapseWarningDays,
      sectors: value.sectors.map((s) => ({ code: s.code, category: s.category, inDirectory: names.has(s.code), directoryName: names.get(s.code) ?? null })),
    });
  }

  @FieldResolver(() => LiabilityPolicyStatus, { description: '状态。Its status today (China time): PENDING, ACTIVE, LAPSED or CANCELLED.' })
  @ReadsColumns('id')
  @SqlForm((row, ctx) => policyStatusSql(row, ctx.clock.today()))
  async status(@Ctx() ctx: RequestContext, @Root() p: LiabilityInsurancePolicy): Promise<LiabilityPolicyStatus> {
    return (await policyFlagsOf(ctx, p.id, ctx.clock.today())).status;
  }

  @FieldResolver(() => Boolean, { description: '限额不足。True when its per-person limit is below the minimum of the rule version it keeps (¥400,000 under 应急〔2025〕27号): it does not count as coverage.' })
  @ReadsColumns('id')
  @SqlForm((row) => limitBelowMinimumSql(row))
  async limitBelowMinimum(@Ctx() ctx: RequestContext, @Root() p: LiabilityInsurancePolicy): Promise<boolean> {
    return (await policyFlagsOf(ctx, p.id, ctx.clock.today())).limitBelowMinimum;
  }

  @FieldResolver(() => Boolean, { description: '即将到期。True when it is ACTIVE, its last day is at most the rule\'s lapseWarningDays (30) from today, and no renewal (another uncancelled policy of the enterprise starting by the day after and ending later) follows it.' })
  @ReadsColumns('id')
  @SqlForm((row, ctx) => lapsingSql(row, ctx.clock.today()))
  async lapsingWithinDays(@Ctx() ctx: RequestContext, @Root() p: LiabilityInsurancePolicy): Promise<boolean> {
    return (await policyFlagsOf(ctx, p.id, ctx.clock.today())).lapsing;
  }

  @FieldResolver(() => Organization, { nullable: true, description: '投保企业。The insured enterprise; null when you may not read organizations there.' })
  @ReadsColumns('enterpriseId')
  @ReadsRelation(OrganizationReference, 'enterpriseId')
  enterprise(@Ctx() ctx: RequestContext, @Root() p: LiabilityInsurancePolicy): Promise<Organization | null> {
    return organizationById(ctx).load(p.enterpriseId);
  }

  @FieldResolver(() => BusinessRuleVersion, { nullable: true, description: '规则版本。The version of reporting.insurance-mandatory-sectors it keeps; null when you may not read business rules.' })
  @ReadsColumns('ruleVersionId')
  ruleVersion(@Ctx() ctx: RequestContext, @Root() p: LiabilityInsurancePolicy): Promise<BusinessRuleVersion | null> {
    return BusinessRuleVersionReference.byId(ctx).load(p.ruleVersionId);
  }

  @FieldResolver(() => [Attachment], { description: '附件。Files attached (the policy\'s scan), in the order uploaded.' })
  @ReadsColumns('id')
  attachments(@Ctx() ctx: RequestContext, @Root() p: LiabilityInsurancePolicy): Promise<Attachment[]> {
    return attachmentsOf(ctx, 'LiabilityInsurancePolicy').load(p.id);
  }

  @Mutation(() => LiabilityInsurancePolicy, { description: '登记安责险保单。Records a policy of an enterprise in your scope (an enterprise its own); keeps the rule version in force on its first day; a limit below the minimum is recorded and flagged.' })
  @RequirePermission(InsurancePermission.Manage)
  recordLiabilityInsurancePolicy(@Ctx() ctx: RequestContext, @Arg('input', () => RecordLiabilityPolicyInput, input) data: RecordLiabilityPolicyInput): Promise<LiabilityInsurancePolicy> {
    return this.service.record(ctx, data);
  }

  @Mutation(() => LiabilityInsurancePolicy, { description: '更正安责险保单。Corrects a policy that is not cancelled.' })
  @RequirePermission(InsurancePermission.Manage)
  updateLiabilityInsurancePolicy(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateLiabilityPolicyInput, input) data: UpdateLiabilityPolicyInput): Promise<LiabilityInsurancePolicy> {
    return this.service.update(ctx, data);
  }

  @Mutation(() => LiabilityInsurancePolicy, { description: '退保。Cancels a policy from a day (default today); refused (rule mandatoryInsurance) while the enterprise operates in a sector where the insurance is mandatory: no cancellation unless closed (应急〔2025〕27号).' })
  @RequirePermission(InsurancePermission.Manage)
  cancelLiabilityInsurancePolicy(@Ctx() ctx: RequestContext, @Arg('input', () => CancelLiabilityPolicyInput, input) data: CancelLiabilityPolicyInput): Promise<LiabilityInsurancePolicy> {
    return this.service.cancel(ctx, data);
  }
}

@Resolver(() => LiabilityInsuranceCoverage)
export class LiabilityInsuranceCoverageResolver {
  @FieldResolver(() => Organization, { nullable: true, description: '企业。The enterprise; null when you may not read organizations there.' })
  enterprise(@Ctx() ctx: RequestContext, @Root() c: LiabilityInsuranceCoverage): Promise<Organization | null> {
    return organizationById(ctx).load(c.enterpriseId);
  }

  @FieldResolver(() => LiabilityInsurancePolicy, { nullable: true, description: '有效保单。The covering policy ending last; null when not covered.' })
  coveringPolicy(@Ctx() ctx: RequestContext, @Root() c: LiabilityInsuranceCoverage): Promise<LiabilityInsurancePolicy | null> {
    return c.coveringPolicyId ? liabilityPolicyById(ctx).load(c.coveringPolicyId) : Promise.resolve(null);
  }

  @FieldResolver(() => BusinessRuleVersion, { nullable: true, description: '规则版本。The rule version that decided `mandatory`; null when you may not read business rules.' })
  ruleVersion(@Ctx() ctx: RequestContext, @Root() c: LiabilityInsuranceCoverage): Promise<BusinessRuleVersion | null> {
    return BusinessRuleVersionReference.byId(ctx).load(c.ruleVersionId);
  }
}

