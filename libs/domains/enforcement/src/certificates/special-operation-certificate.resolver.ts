import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import {
  BusinessRuleVersion,
  BusinessRuleVersionReference,
  Connection,
  LocalDateScalar,
  PageArgs,
  ReadsColumns,
  ReadsRelation,
  RequirePermission,
  SqlForm,
  UUIDScalar,
  selectedProperties,
  selectsField,
  type ConnectionResult,
  type RequestContext,
} from '@platform/core';
import { Organization, OrganizationReference, Person, PersonReference, organizationById, personById } from '@platform/directory';
import { SpecialOperationCertificate, SpecialOperationCertificateReview } from './special-operation-certificate.entity';
import { SpecialOperationCertificateStatus } from './certificate.enums';
import { certificateStatusOn, specialOperationStatusSql } from './certificate-status';
import { RevokeCertificateInput } from './enforcement-certificate.inputs';
import { DueSpecialOperationCertificateArgs, RecordSpecialOperationReviewInput, RegisterSpecialOperationCertificateInput, SpecialOperationCertificateListArgs } from './special-operation-certificate.inputs';
import { SPECIAL_OPERATION_KEY_PROPERTIES, SpecialOperationCertificateService } from './special-operation-certificate.service';
import { SpecialOperationCertificateReference, SpecialOperationReviewPages, specialOperationCertificateById } from './certificates.loaders';
import { SpecialOperationCertificates } from './certificates.entities';
import { CertificatePermission } from './certificates.permissions';

export const SpecialOperationCertificateConnection = Connection(SpecialOperationCertificate, '特种作业操作证');
export const SpecialOperationCertificateReviewConnection = Connection(SpecialOperationCertificateReview, '特种作业操作证复审记录');
const input = { description: '输入。The fields of the request.' };
/** Where a connection's nodes are in its selection. */
const NODE = ['edges', 'node'] as const;
const SELF = [] as const;

@Resolver(() => SpecialOperationCertificate)
export class SpecialOperationCertificateResolver {
  private readonly service = new SpecialOperationCertificateService();

  @Query(() => SpecialOperationCertificate, { nullable: true, description: '特种作业操作证详情。One special-operation certificate by id; null when there is none in your scope.' })
  @RequirePermission(CertificatePermission.OperatorRead)
  specialOperationCertificate(@Ctx() ctx: RequestContext, @Arg('id', () => UUIDScalar, { description: '标识。Certificate id.' }) id: string, @Info() info: GraphQLResolveInfo): Promise<SpecialOperationCertificate | null> {
    return this.service.byId(ctx, id, selectedProperties(ctx.manager, SpecialOperationCertificate, info, SELF));
  }

  @Query(() => SpecialOperationCertificateConnection, {
    description: '特种作业操作证。Special-operation certificates of workers of enterprises in your scope, the next due first; filter by enterprise, subtree, holder, operation types, statuses and due within days, judged on a day (default today).',
  })
  @RequirePermission(CertificatePermission.OperatorRead)
  specialOperationCertificates(@Ctx() ctx: RequestContext, @Args(() => SpecialOperationCertificateListArgs) args: SpecialOperationCertificateListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<SpecialOperationCertificate>> {
    return this.service.list(ctx, args, selectsField(info, 'totalCount'), selectedProperties(ctx.manager, SpecialOperationCertificate, info, NODE, SPECIAL_OPERATION_KEY_PROPERTIES));
  }

  @Query(() => SpecialOperationCertificateConnection, {
    description:
      '待复审和即将到期的操作证。Certificates in your scope that expire or are due for review within their rule\'s window today (60 days as seeded: REVIEW_DUE, EXPIRING), and those whose review is overdue (REVIEW_OVERDUE), the next due first; filter by enterprise, subtree and operation types.',
  })
  @RequirePermission(CertificatePermission.OperatorRead)
  specialOperationCertificatesDue(@Ctx() ctx: RequestContext, @Args(() => DueSpecialOperationCertificateArgs) args: DueSpecialOperationCertificateArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<SpecialOperationCertificate>> {
    return this.service.due(ctx, args, selectsField(info, 'totalCount'), selectedProperties(ctx.manager, SpecialOperationCertificate, info, NODE, SPECIAL_OPERATION_KEY_PROPERTIES));
  }

  @FieldResolver(() => SpecialOperationCertificateStatus, { description: '状态。Its status today (China time), by its due days and the window of the rule version it keeps.' })
  @ReadsColumns('id')
  @SqlForm((row, ctx) => specialOperationStatusSql(row, ctx.clock.today()))
  status(@Ctx() ctx: RequestContext, @Root() c: SpecialOperationCertificate): Promise<SpecialOperationCertificateStatus> {
    return certificateStatusOn(ctx, SpecialOperationCertificates, specialOperationStatusSql, c.id, ctx.clock.today());
  }

  @FieldResolver(() => SpecialOperationCertificateStatus, { description: '某日状态。Its status on the day given (the same rules as `status`), e.g. the day of an inspection.' })
  @ReadsColumns('id')
  statusOn(@Ctx() ctx: RequestContext, @Root() c: SpecialOperationCertificate, @Arg('day', () => LocalDateScalar, { description: '日期。The day to judge.' }) day: string): Promise<SpecialOperationCertificateStatus> {
    return certificateStatusOn(ctx, SpecialOperationCertificates, specialOperationStatusSql, c.id, day);
  }

  @FieldResolver(() => LocalDateScalar, { description: '下一到期日。The day the holder next has to act: the review due day when it comes before validUntil, else validUntil (the lists\' default order).' })
  @ReadsColumns('reviewDueOn', 'validUntil')
  nextDueOn(@Root() c: SpecialOperationCertificate): string {
    return c.reviewDueOn < c.validUntil ? c.reviewDueOn : c.validUntil;
  }

  @FieldResolver(() => Person, { nullable: true, description: '持证人。The worker who holds it; null when you may not read persons there.' })
  @ReadsColumns('personId')
  @ReadsRelation(PersonReference, 'personId')
  person(@Ctx() ctx: RequestContext, @Root() c: SpecialOperationCertificate): Promise<Person | null> {
    return personById(ctx).load(c.personId);
  }

  @FieldResolver(() => Organization, { nullable: true, description: '用人单位。The enterprise the holder works for; null when you may not read that organization.' })
  @ReadsColumns('enterpriseId')
  @ReadsRelation(OrganizationReference, 'enterpriseId')
  enterprise(@Ctx() ctx: RequestContext, @Root() c: SpecialOperationCertificate): Promise<Organization | null> {
    return organizationById(ctx).load(c.enterpriseId);
  }

  @FieldResolver(() => BusinessRuleVersion, { nullable: true, description: '规则版本。The version of enforcement.special-operation-certificate the certificate keeps (its `value`: validYears, reviewIntervalYears, extendedReviewIntervalYears, dueWindowDays); null when you may not read business rules.' })
  @ReadsColumns('ruleVersionId')
  ruleVersion(@Ctx() ctx: RequestContext, @Root() c: SpecialOperationCertificate): Promise<BusinessRuleVersion | null> {
    return BusinessRuleVersionReference.byId(ctx).load(c.ruleVersionId);
  }

  @FieldResolver(() => SpecialOperationCertificateReviewConnection, { description: '复审记录。Its reviews, in the order held.' })
  @ReadsColumns('id')
  @ReadsRelation(SpecialOperationReviewPages)
  reviews(@Ctx() ctx: RequestContext, @Root() c: SpecialOperationCertificate, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<SpecialOperationCertificateReview>> {
    return SpecialOperationReviewPages.load(ctx, c.id, page, info);
  }

  @Mutation(() => SpecialOperationCertificate, {
    description: '登记特种作业操作证。Registers a certificate of a worker of an enterprise in your scope; its last valid day and first review due day come from the rule version in force on the issue day, which it keeps.',
  })
  @RequirePermission(CertificatePermission.OperatorRegister)
  registerSpecialOperationCertificate(@Ctx() ctx: RequestContext, @Arg('input', () => RegisterSpecialOperationCertificateInput, input) data: RegisterSpecialOperationCertificateInput): Promise<SpecialOperationCertificate> {
    return this.service.register(ctx, data);
  }

  @Mutation(() => SpecialOperationCertificate, {
    description: '登记复审。Records a review held while one is due (from the window before the due day on); PASSED moves the review due day on by the interval (the extended one when approved), FAILED leaves it. Answers the certificate.',
  })
  @RequirePermission(CertificatePermission.OperatorManage)
  recordSpecialOperationReview(@Ctx() ctx: RequestContext, @Arg('input', () => RecordSpecialOperationReviewInput, input) data: RecordSpecialOperationReviewInput): Promise<SpecialOperationCertificate> {
    return this.service.recordReview(ctx, data);
  }

  @Mutation(() => SpecialOperationCertificate, { description: '撤销特种作业操作证。Revokes a certificate from a day (default today; not before its issue day).' })
  @RequirePermission(CertificatePermission.OperatorManage)
  revokeSpecialOperationCertificate(@Ctx() ctx: RequestContext, @Arg('input', () => RevokeCertificateInput, input) data: RevokeCertificateInput): Promise<SpecialOperationCertificate> {
    return this.service.revoke(ctx, data);
  }
}

@Resolver(() => SpecialOperationCertificateReview)
export class SpecialOperationCertificateReviewResolver {
  @FieldResolver(() => SpecialOperationCertificate, { nullable: true, description: '操作证。The certificate reviewed (read with the review, so null only for one that no longer exists).' })
  @ReadsColumns('certificateId')
  @ReadsRelation(SpecialOperationCertificateReference, 'certificateId')
  certificate(@Ctx() ctx: RequestContext, @Root() r: SpecialOperationCertificateReview): Promise<SpecialOperationCertificate | null> {
    return specialOperationCertificateById(ctx).load(r.certificateId);
  }
}
