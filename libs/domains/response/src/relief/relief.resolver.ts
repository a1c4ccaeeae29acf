import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Connection, DecimalScalar, PageArgs, ReadsRelation, RequirePermission, UUIDScalar, selectsField, subtractDecimals, type ConnectionResult, type RequestContext } from '@platform/core';
import { DirectoryPermission, Organization, OrganizationReference, Person, PersonReference, maskIdNumber, organizationById, personById } from '@platform/directory';
import { Actor, actorOf, type ActorRecord } from '@platform/access';
import { Household, HouseholdReference, householdById } from '@domains/community';
import { ReliefCase, ReliefCaseStep, ReliefPayment } from './relief.entity';
import { ReliefStatus } from './relief.enums';
import { ReliefPaymentCheck } from './relief.types';
import { ReliefApproveInput, ReliefCaseCreateInput, ReliefCaseListArgs, ReliefNoticeInput, ReliefPaymentCheckArgs, ReliefPaymentInput, ReliefRejectInput, ReliefStepInput } from './relief.inputs';
import { ReliefService, isOverdue, reliefToday } from './relief.service';
import { RELIEF_WORKFLOW } from './relief-transitions';
import { ReliefCasePayments, ReliefCaseReference, ReliefCaseStepPages, reliefCaseById, reliefPayableAt } from './relief.loaders';
import { ResponsePermission } from '../permissions';
import { Incident } from '../incidents/incident.entity';
import { IncidentReference, incidentById } from '../incidents/incident.loaders';

export const ReliefCaseConnection = Connection(ReliefCase, '救助案件');
export const ReliefCaseStepConnection = Connection(ReliefCaseStep, '救助审批记录');
export const ReliefPaymentConnection = Connection(ReliefPayment, '救助发放记录');
export const ReliefPaymentCheckConnection = Connection(ReliefPaymentCheck, '救助发放核查');
const input = { description: '输入。The fields of the request.' };
const S = RELIEF_WORKFLOW.steps;

/** Account and card numbers keep their last four characters only. */
const maskAccount = (account: string): string => `${'*'.repeat(Math.max(4, account.length - 4))}${account.slice(-4)}`;

@Resolver(() => ReliefCase)
export class ReliefCaseResolver {
  private readonly service = new ReliefService();

  @Query(() => ReliefCase, { nullable: true, description: '救助案件详情。One relief case by id; null when there is none in your scope.' })
  @RequirePermission(ResponsePermission.ReliefRead)
  reliefCase(@Ctx() ctx: RequestContext, @Arg('id', () => UUIDScalar, { description: '标识。Relief case id.' }) id: string): Promise<ReliefCase | null> {
    return this.service.byId(ctx, id);
  }

  @Query(() => ReliefCaseConnection, { description: '救助案件列表。Relief cases in your scope, newest first; filter by kind, state, subtree, incident, paid in full or overdue.' })
  @RequirePermission(ResponsePermission.ReliefRead)
  reliefCases(@Ctx() ctx: RequestContext, @Args(() => ReliefCaseListArgs) args: ReliefCaseListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<ReliefCase>> {
    return this.service.list(ctx, args, selectsField(info, 'totalCount'));
  }

  @Mutation(() => ReliefCase, { description: '受理救助申请（户申请）。Registers a household\'s relief application for a village or community in your scope (APPLIED).' })
  @RequirePermission(ResponsePermission.ReliefApply)
  createReliefCase(@Ctx() ctx: RequestContext, @Arg('input', () => ReliefCaseCreateInput, input) data: ReliefCaseCreateInput): Promise<ReliefCase> {
    return this.service.create(ctx, data);
  }

  @Mutation(() => ReliefCase, { description: '村评议。Records the village assessment of an APPLIED case (→ ASSESSED).' })
  @RequirePermission(S.assess.permission)
  assessReliefCase(@Ctx() ctx: RequestContext, @Arg('input', () => ReliefStepInput, input) data: ReliefStepInput): Promise<ReliefCase> {
    return this.service.step(ctx, 'assess', data);
  }

  @Mutation(() => ReliefCase, { description: '公示。Puts an ASSESSED case on public notice for at least RELIEF_NOTICE_DAYS days (→ NOTICE).' })
  @RequirePermission(S.startNotice.permission)
  startReliefNotice(@Ctx() ctx: RequestContext, @Arg('input', () => ReliefNoticeInput, input) data: ReliefNoticeInput): Promise<ReliefCase> {
    return this.service.step(ctx, 'startNotice', data);
  }

  @Mutation(() => ReliefCase, { description: '镇审核。The town reviews a case on NOTICE once the notice has ended, China time (→ REVIEWED).' })
  @RequirePermission(S.review.permission)
  reviewReliefCase(@Ctx() ctx: RequestContext, @Arg('input', () => ReliefStepInput, input) data: ReliefStepInput): Promise<ReliefCase> {
    return this.service.step(ctx, 'review', data);
  }

  @Mutation(() => ReliefCase, { description: '审批通过。Approves a REVIEWED case with the amount to pay (→ APPROVED).' })
  @RequirePermission(S.approve.permission)
  approveReliefCase(@Ctx() ctx: RequestContext, @Arg('input', () => ReliefApproveInput, input) data: ReliefApproveInput): Promise<ReliefCase> {
    return this.service.step(ctx, 'approve', data);
  }

  @Mutation(() => ReliefCase, { description: '不予救助。Rejects a REVIEWED case with the reason (→ REJECTED, final).' })
  @RequirePermission(S.reject.permission)
  rejectReliefCase(@Ctx() ctx: RequestContext, @Arg('input', () => ReliefRejectInput, input) data: ReliefRejectInput): Promise<ReliefCase> {
    return this.service.step(ctx, 'reject', data);
  }

  @FieldResolver(() => String, { description: '户主。Name of the head of the household (personal data; each read is audited).' })
  headName(@Ctx() ctx: RequestContext, @Root() c: ReliefCase): string {
    ctx.sensitiveReads.push({ entityType: 'ReliefCase', entityId: c.id, field: 'headName' });
    return c.headName;
  }

  @FieldResolver(() => DecimalScalar, { nullable: true, description: '待发放金额（元）。Approved amount minus the payments, in yuan; null until approved.' })
  outstandingYuan(@Root() c: ReliefCase): string | null {
    return c.approvedAmountYuan === null ? null : subtractDecimals(c.approvedAmountYuan, c.paidAmountYuan);
  }

  @FieldResolver(() => Boolean, { description: '已足额发放。True when the payments reached the approved amount (PAID).' })
  paidInFull(@Root() c: ReliefCase): boolean {
    return c.status === ReliefStatus.PAID;
  }

  @FieldResolver(() => Boolean, { description: '按时足额。True when paid in full on or before the payment deadline.' })
  paidOnTime(@Root() c: ReliefCase): boolean {
    return c.paidInFullOn !== null && c.paidInFullOn <= c.dueBy;
  }

  @FieldResolver(() => Boolean, { description: '逾期。True when the payment deadline has passed (China time) and the case is neither paid in full nor rejected.' })
  overdue(@Ctx() ctx: RequestContext, @Root() c: ReliefCase): boolean {
    return isOverdue(c, reliefToday(ctx));
  }

  @FieldResolver(() => Organization, { nullable: true, description: '所属村（社区）。The village or community; null when you may not read organizations there.' })
  @ReadsRelation(OrganizationReference, 'organizationId')
  organization(@Ctx() ctx: RequestContext, @Root() c: ReliefCase): Promise<Organization | null> {
    return organizationById(ctx).load(c.organizationId);
  }

  @FieldResolver(() => Household, { nullable: true, description: '联防住户。The household of the joint defense list; null when not linked or you may not read joint defense households there.' })
  @ReadsRelation(HouseholdReference, 'householdId')
  async household(@Ctx() ctx: RequestContext, @Root() c: ReliefCase): Promise<Household | null> {
    return c.householdId ? householdById(ctx).load(c.householdId) : null;
  }

  @FieldResolver(() => Incident, { nullable: true, description: '灾情。The incident the help is for (needs rescue.incident:read); null for help not tied to one (winter and spring, drought) or when the incident is outside your scope.' })
  @RequirePermission(ResponsePermission.IncidentRead)
  @ReadsRelation(IncidentReference, 'incidentId')
  incident(@Ctx() ctx: RequestContext, @Root() c: ReliefCase): Promise<Incident | null> | null {
    return c.incidentId ? incidentById(ctx).load(c.incidentId) : null;
  }

  @FieldResolver(() => ReliefCaseStepConnection, { description: '审批记录。Every step of the case, oldest first: who, when, from which state to which, with what note.' })
  @ReadsRelation(ReliefCaseStepPages)
  steps(@Ctx() ctx: RequestContext, @Root() c: ReliefCase, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<ReliefCaseStep>> {
    return ReliefCaseStepPages.load(ctx, c.id, page, info);
  }

  @FieldResolver(() => ReliefPaymentConnection, { description: '发放记录。The payments of the case, by the day paid.' })
  @ReadsRelation(ReliefCasePayments)
  payments(@Ctx() ctx: RequestContext, @Root() c: ReliefCase, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<ReliefPayment>> {
    return ReliefCasePayments.load(ctx, c.id, page, info);
  }
}

@Resolver(() => ReliefPayment)
export class ReliefPaymentResolver {
  private readonly service = new ReliefService();

  @Mutation(() => ReliefPayment, {
    description: '发放救助资金。Records a payment of an APPROVED case to the household head or a documented family member; the payments never exceed the approved amount, and reaching it makes the case PAID.',
  })
  @RequirePermission(ResponsePermission.ReliefPay)
  recordReliefPayment(@Ctx() ctx: RequestContext, @Arg('input', () => ReliefPaymentInput, input) data: ReliefPaymentInput): Promise<ReliefPayment> {
    return this.service.pay(ctx, data);
  }

  @FieldResolver(() => String, { description: '收款人。Name of the payee (personal data; each read is audited).' })
  payeeName(@Ctx() ctx: RequestContext, @Root() p: ReliefPayment): string {
    ctx.sensitiveReads.push({ entityType: 'ReliefPayment', entityId: p.id, field: 'payeeName' });
    return p.payeeName;
  }

  @FieldResolver(() => String, { description: '收款人身份证号码。The payee\'s ID number; masked (500119********1234) unless you hold rescue.relief:pay for the case\'s village (unmasked reads are audited).' })
  async payeeIdNumber(@Ctx() ctx: RequestContext, @Root() p: ReliefPayment): Promise<string> {
    if (!(await reliefPayableAt(ctx).load(p.organizationId))) return maskIdNumber(p.payeeIdNumber)!;
    ctx.sensitiveReads.push({ entityType: 'ReliefPayment', entityId: p.id, field: 'payeeIdNumber' });
    return p.payeeIdNumber;
  }

  @FieldResolver(() => String, { nullable: true, description: '账号。Bank or social security card number; masked to its last four characters unless you hold rescue.relief:pay for the case\'s village (unmasked reads are audited); null for cash.' })
  async accountReference(@Ctx() ctx: RequestContext, @Root() p: ReliefPayment): Promise<string | null> {
    if (p.accountReference === null) return null;
    if (!(await reliefPayableAt(ctx).load(p.organizationId))) return maskAccount(p.accountReference);
    ctx.sensitiveReads.push({ entityType: 'ReliefPayment', entityId: p.id, field: 'accountReference' });
    return p.accountReference;
  }

  @FieldResolver(() => Boolean, { description: '已遮蔽。True when the ID number and account are masked for you (no rescue.relief:pay for the case\'s village).' })
  async sensitiveMasked(@Ctx() ctx: RequestContext, @Root() p: ReliefPayment): Promise<boolean> {
    return !(await reliefPayableAt(ctx).load(p.organizationId));
  }

  @FieldResolver(() => ReliefCase, { nullable: true, description: '救助案件。The case paid; null when you may not read it.' })
  @ReadsRelation(ReliefCaseReference, 'caseId')
  case(@Ctx() ctx: RequestContext, @Root() p: ReliefPayment): Promise<ReliefCase | null> {
    return reliefCaseById(ctx).load(p.caseId);
  }

  @FieldResolver(() => Organization, { nullable: true, description: '所属村（社区）。The case\'s village or community (needs directory.organization:read); null when it is outside your scope.' })
  @RequirePermission(DirectoryPermission.OrganizationRead)
  @ReadsRelation(OrganizationReference, 'organizationId')
  organization(@Ctx() ctx: RequestContext, @Root() p: ReliefPayment): Promise<Organization | null> {
    return organizationById(ctx).load(p.organizationId);
  }

  @FieldResolver(() => Actor, {
    nullable: true,
    description:
      '记录者。The user or API client that recorded the payment (by recordedByKind and recordedById); null for the system (seeded payments), and when you may not read that account (access.user:read) or client (access.api-client:read) within your administering reach.',
  })
  recordedBy(@Ctx() ctx: RequestContext, @Root() p: ReliefPayment): Promise<ActorRecord | null> | null {
    return actorOf(ctx, p.recordedByKind, p.recordedById);
  }
}

@Resolver(() => ReliefCaseStep)
export class ReliefCaseStepResolver {
  @FieldResolver(() => ReliefCase, { nullable: true, description: '救助案件。The case the step belongs to (needs rescue.relief:read); null when it is outside your scope.' })
  @RequirePermission(ResponsePermission.ReliefRead)
  @ReadsRelation(ReliefCaseReference, 'caseId')
  case(@Ctx() ctx: RequestContext, @Root() s: ReliefCaseStep): Promise<ReliefCase | null> {
    return reliefCaseById(ctx).load(s.caseId);
  }

  @FieldResolver(() => Actor, {
    nullable: true,
    description:
      '操作者。The user or API client that took the step (by actorKind and actorId); null for the system, and when you may not read that account (access.user:read) or client (access.api-client:read) within your administering reach (actorName still names it).',
  })
  actor(@Ctx() ctx: RequestContext, @Root() s: ReliefCaseStep): Promise<ActorRecord | null> | null {
    return actorOf(ctx, s.actorKind, s.actorId);
  }

  @FieldResolver(() => Person, { nullable: true, description: '操作人员。The directory person of the user who took the step, phone and ID number masked as everywhere (needs directory.person:read); null when none is linked or the person is outside your scope.' })
  @RequirePermission(DirectoryPermission.PersonRead)
  @ReadsRelation(PersonReference, 'actorPersonId')
  actorPerson(@Ctx() ctx: RequestContext, @Root() s: ReliefCaseStep): Promise<Person | null> | null {
    return s.actorPersonId ? personById(ctx).load(s.actorPersonId) : null;
  }
}

@Resolver(() => ReliefPaymentCheck)
export class ReliefPaymentCheckResolver {
  private readonly service = new ReliefService();

  @Query(() => ReliefPaymentCheckConnection, {
    description: '救助发放核查。Approved and paid cases in your scope by deadline, each with the sum of its payments: paid in full, paid on time, overdue (发放到位核查).',
  })
  @RequirePermission(ResponsePermission.ReliefRead)
  reliefPaymentCheck(@Ctx() ctx: RequestContext, @Args(() => ReliefPaymentCheckArgs) args: ReliefPaymentCheckArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<ReliefPaymentCheck>> {
    return this.service.paymentCheck(ctx, args, selectsField(info, 'totalCount'));
  }

  @FieldResolver(() => ReliefCase, { nullable: true, description: '救助案件。The case checked (in your scope like the check, so null only for one that no longer exists).' })
  case(@Ctx() ctx: RequestContext, @Root() r: ReliefPaymentCheck): Promise<ReliefCase | null> {
    return reliefCaseById(ctx).load(r.caseId);
  }

  @FieldResolver(() => Organization, { nullable: true, description: '所属村（社区）。The case\'s village or community; null when you may not read organizations there.' })
  organization(@Ctx() ctx: RequestContext, @Root() r: ReliefPaymentCheck): Promise<Organization | null> {
    return organizationById(ctx).load(r.organizationId);
  }
}
