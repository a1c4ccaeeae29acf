import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { BusinessRuleVersion, BusinessRuleVersionReference, Connection, ReadsColumns, ReadsRelation, RequirePermission, UUIDScalar, selectedProperties, selectsField, type ConnectionResult, type RequestContext } from '@platform/core';
import { Organization, OrganizationReference, organizationById } from '@platform/directory';
import { User, UserReference } from '@platform/access';
import { Hazard, hazardById } from '@domains/risk';
import { SelfCheckSubmission } from './self-check.entity';
import { QrCode } from './qr-code.entity';
import { QrCodePermission } from './qr-codes.permissions';
import { QrSelfCheckForm, QrTipPrefill, SelfCheckItemResult } from './qr-code.types';
import { SelfCheckListArgs, SubmitSelfCheckInput } from './qr-code.inputs';
import { SELF_CHECK_KEY_PROPERTIES, SelfCheckService } from './self-check.service';
import { QrCodeReference, qrCodeById } from './qr-code.loaders';

export const SelfCheckConnection = Connection(SelfCheckSubmission, '场所自查记录');
const input = { description: '输入。The fields of the request.' };
const NODE = ['edges', 'node'] as const;
const SELF = [] as const;

@Resolver(() => SelfCheckSubmission)
export class SelfCheckResolver {
  private readonly service = new SelfCheckService();

  @Query(() => SelfCheckSubmission, { nullable: true, description: '场所自查详情。One self-check by id; null when there is none in your scope.' })
  @RequirePermission(QrCodePermission.SelfCheckRead)
  selfCheckSubmission(@Ctx() ctx: RequestContext, @Arg('id', () => UUIDScalar, { description: '标识。Self-check id.' }) id: string, @Info() info: GraphQLResolveInfo): Promise<SelfCheckSubmission | null> {
    return this.service.byId(ctx, id, selectedProperties(ctx.manager, SelfCheckSubmission, info, SELF));
  }

  @Query(() => SelfCheckConnection, { description: '场所自查记录。Self-checks at codes in your scope (an enterprise its own), the latest month first; filter by code, enterprise and findings.' })
  @RequirePermission(QrCodePermission.SelfCheckRead)
  selfCheckSubmissions(@Ctx() ctx: RequestContext, @Args(() => SelfCheckListArgs) args: SelfCheckListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<SelfCheckSubmission>> {
    return this.service.list(ctx, args, selectsField(info, 'totalCount'), selectedProperties(ctx.manager, SelfCheckSubmission, info, NODE, SELF_CHECK_KEY_PROPERTIES));
  }

  @FieldResolver(() => [SelfCheckItemResult], { description: '自查项。Every item as answered, in the list\'s order, with the hazard each NOT_OK raised.' })
  @ReadsColumns('items')
  items(@Root() s: SelfCheckSubmission): SelfCheckItemResult[] {
    return s.items.map((i) => Object.assign(new SelfCheckItemResult(), i));
  }

  @FieldResolver(() => [Hazard], { nullable: 'items', description: '发现隐患。The SELF_CHECK hazards its NOT_OK items raised, in the list\'s order; null where you may not read the hazard.' })
  @ReadsColumns('items')
  hazards(@Ctx() ctx: RequestContext, @Root() s: SelfCheckSubmission): Promise<Array<Hazard | null>> {
    return Promise.all(s.items.flatMap((i) => (i.hazardId ? [hazardById(ctx).load(i.hazardId)] : [])));
  }

  @FieldResolver(() => QrCode, { nullable: true, description: '安全隐患码。The code checked; null when you may not manage it.' })
  @ReadsColumns('qrCodeId')
  @ReadsRelation(QrCodeReference, 'qrCodeId')
  qrCode(@Ctx() ctx: RequestContext, @Root() s: SelfCheckSubmission): Promise<QrCode | null> {
    return qrCodeById(ctx).load(s.qrCodeId);
  }

  @FieldResolver(() => User, { nullable: true, description: '提交账号。The account that submitted it; null for seeded history or when you may not read users.' })
  @ReadsColumns('submittedByUserId')
  @ReadsRelation(UserReference, 'submittedByUserId')
  submittedByUser(@Ctx() ctx: RequestContext, @Root() s: SelfCheckSubmission): Promise<User | null> {
    return s.submittedByUserId ? UserReference.byId(ctx).load(s.submittedByUserId) : Promise.resolve(null);
  }

  @FieldResolver(() => BusinessRuleVersion, { nullable: true, description: '规则版本。The version of scenarios.qr-sector-lists whose list was answered; null when you may not read business rules.' })
  @ReadsColumns('ruleVersionId')
  ruleVersion(@Ctx() ctx: RequestContext, @Root() s: SelfCheckSubmission): Promise<BusinessRuleVersion | null> {
    return BusinessRuleVersionReference.byId(ctx).load(s.ruleVersionId);
  }

  @FieldResolver(() => Organization, { nullable: true, description: '企业。The enterprise that checked; null when you may not read organizations there.' })
  @ReadsColumns('enterpriseId')
  @ReadsRelation(OrganizationReference, 'enterpriseId')
  enterprise(@Ctx() ctx: RequestContext, @Root() s: SelfCheckSubmission): Promise<Organization | null> {
    return organizationById(ctx).load(s.enterpriseId);
  }

  @Mutation(() => SelfCheckSubmission, { description: '提交场所自查。The month\'s self-check at a code of your enterprise (the office any): every item of its sector\'s list answered once; each NOT_OK raises a SELF_CHECK hazard in the same transaction. Once per code and month.' })
  @RequirePermission(QrCodePermission.SelfCheckSubmit)
  submitSelfCheck(@Ctx() ctx: RequestContext, @Arg('input', () => SubmitSelfCheckInput, input) data: SubmitSelfCheckInput): Promise<SelfCheckSubmission> {
    return this.service.submit(ctx, data);
  }
}

@Resolver(() => SelfCheckItemResult)
export class SelfCheckItemResultResolver {
  @FieldResolver(() => Hazard, { nullable: true, description: '隐患。The SELF_CHECK hazard a NOT_OK answer raised; null for OK or when you may not read hazards there.' })
  hazard(@Ctx() ctx: RequestContext, @Root() i: SelfCheckItemResult): Promise<Hazard | null> {
    return i.hazardId ? hazardById(ctx).load(i.hazardId) : Promise.resolve(null);
  }
}

@Resolver(() => QrTipPrefill)
export class QrTipPrefillResolver {
  @FieldResolver(() => Organization, { nullable: true, description: '企业。The enterprise the tip names; null for a public place or when you may not read organizations there (the public may not).' })
  enterprise(@Ctx() ctx: RequestContext, @Root() p: QrTipPrefill): Promise<Organization | null> {
    return p.enterpriseId ? organizationById(ctx).load(p.enterpriseId) : Promise.resolve(null);
  }

  @FieldResolver(() => Organization, { nullable: true, description: '所在村（社区）。The village, community or grid of a public place; null when an enterprise is named or when you may not read organizations there (the public may not).' })
  organization(@Ctx() ctx: RequestContext, @Root() p: QrTipPrefill): Promise<Organization | null> {
    return p.organizationId ? organizationById(ctx).load(p.organizationId) : Promise.resolve(null);
  }
}

@Resolver(() => QrSelfCheckForm)
export class QrSelfCheckFormResolver {
  @FieldResolver(() => BusinessRuleVersion, { nullable: true, description: '规则版本。The version of scenarios.qr-sector-lists the list comes from; null when you may not read business rules.' })
  ruleVersion(@Ctx() ctx: RequestContext, @Root() f: QrSelfCheckForm): Promise<BusinessRuleVersion | null> {
    return BusinessRuleVersionReference.byId(ctx).load(f.ruleVersionId);
  }
}
