import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import {
  Attachment,
  BusinessRuleVersion,
  BusinessRuleVersionReference,
  Connection,
  PageArgs,
  ReadsColumns,
  ReadsRelation,
  RequirePermission,
  SqlForm,
  UUIDScalar,
  addDays,
  attachmentsOf,
  businessRules,
  records,
  selectedProperties,
  selectsField,
  sql,
  whereChanged,
  type ConnectionResult,
  type RequestContext,
} from '@platform/core';
import { Organization, OrganizationReference, Person, PersonReference, organizationById, personById } from '@platform/directory';
import { DamageReport, Incident } from '@domains/response';
import { EnforcementDocument, EnforcementDocumentReference } from '../documents/public';
import { ACCIDENT_CLOCK_RULE } from '../business-rules/accidents';
import { AccidentCategory, AccidentFourNotSpared, AccidentInvestigation, AccidentMeasure, AccidentOversightFinding, AccidentTeamMember } from './accident.entity';
import { AccidentInvestigationStatus, AccidentTeamRole, AccidentWarningKind, AccidentMeasureStatus } from './accident.enums';
import {
  AccidentCategoryListArgs,
  AccidentInvestigationListArgs,
  AddAccidentMeasureInput,
  AddAccidentOversightFindingInput,
  CloseAccidentInvestigationInput,
  ExtendAccidentInvestigationInput,
  OpenAccidentInvestigationInput,
  RecordAccidentMeasureProgressInput,
  RecordAccidentReplyInput,
  RefreshAccidentInvestigationInput,
  SetAccidentTeamInput,
  SubmitAccidentReportInput,
  UpdateAccidentInvestigationInput,
  UpdateFourNotSparedInput,
} from './accident.inputs';
import { ACCIDENT_KEY_PROPERTIES, AccidentService, missingTeamRoles } from './accident.service';
import {
  AccidentBasisReportReference,
  AccidentCategoryReference,
  AccidentFourNotSparedPages,
  AccidentIncidentReference,
  AccidentInvestigationReference,
  AccidentMeasurePages,
  AccidentOversightFindingPages,
  AccidentTeamPages,
  accidentInvestigationById,
  teamRolesOf,
} from './accident.loaders';
import { AccidentCategories } from './accidents.entities';
import { AccidentCategoryOrder } from './accident.orders';
import { AccidentPermission } from './accidents.permissions';
import { ACCIDENT_WORKFLOW } from './accident-workflow';
import { pastDue, pastDueSql } from './accident.sql';
import type { AccidentClockRule } from './accident-figures';
import { AccidentWarning } from './accident.types';

export const AccidentInvestigationConnection = Connection(AccidentInvestigation, '事故调查');
export const AccidentCategoryConnection = Connection(AccidentCategory, '事故类别');
export const AccidentTeamMemberConnection = Connection(AccidentTeamMember, '调查组成员');
export const AccidentFourNotSparedConnection = Connection(AccidentFourNotSpared, '四不放过事项');
export const AccidentOversightFindingConnection = Connection(AccidentOversightFinding, '一案双查发现');
export const AccidentMeasureConnection = Connection(AccidentMeasure, '整改措施');

const input = { description: '输入。The fields of the request.' };
const NODE = ['edges', 'node'] as const;
const SELF = [] as const;
const INVESTIGATION = '事故调查。The investigation it belongs to (read with it, so null only for one that no longer exists).';

/** The warnings of an investigation on `today`, with the clock rule's warning days. */
export function accidentWarningsOf(a: AccidentInvestigation, warnDaysBefore: number, today: string, roles: readonly string[] | null): AccidentWarning[] {
  const out: AccidentWarning[] = [];
  const warn = (kind: AccidentWarningKind, message: string, dueOn: string | null) => out.push(Object.assign(new AccidentWarning(), { kind, message, dueOn }));
  if (a.status === AccidentInvestigationStatus.INVESTIGATING) {
    if (a.reportDueOn < today) warn(AccidentWarningKind.REPORT_OVERDUE, `调查报告已逾期（期限${a.reportDueOn}）`, a.reportDueOn);
    else if (addDays(today, warnDaysBefore) >= a.reportDueOn) warn(AccidentWarningKind.REPORT_DUE_SOON, `调查报告将于${a.reportDueOn}到期`, a.reportDueOn);
    if (roles) {
      const missing = missingTeamRoles(a.kind, roles);
      if (missing.length) warn(AccidentWarningKind.TEAM_INCOMPLETE, `调查组缺少：${missing.join('、')}`, null);
    }
  }
  if (a.status === AccidentInvestigationStatus.REPORTED && a.replyDueOn) {
    if (a.replyDueOn < today) warn(AccidentWarningKind.REPLY_OVERDUE, `批复已逾期（期限${a.replyDueOn}）`, a.replyDueOn);
    else if (addDays(today, warnDaysBefore) >= a.replyDueOn) warn(AccidentWarningKind.REPLY_DUE_SOON, `批复将于${a.replyDueOn}到期`, a.replyDueOn);
  }
  if (a.reportedLate) warn(AccidentWarningKind.REPORTED_LATE, `迟报：事故发生后${a.reportDelayMinutes}分钟首次报告`, null);
  return out;
}

@Resolver(() => AccidentInvestigation)
export class AccidentInvestigationResolver {
  private readonly service = new AccidentService();

  @Query(() => AccidentInvestigation, { nullable: true, description: '事故调查详情。One investigation by id; null when there is none in your scope.' })
  @RequirePermission(AccidentPermission.Read)
  accidentInvestigation(@Ctx() ctx: RequestContext, @Arg('id', () => UUIDScalar, { description: '标识。Investigation id.' }) id: string, @Info() info: GraphQLResolveInfo): Promise<AccidentInvestigation | null> {
    return this.service.byId(ctx, id, selectedProperties(ctx.manager, AccidentInvestigation, info, SELF));
  }

  @Query(() => AccidentInvestigationConnection, { description: '事故调查列表。Investigations in your scope, latest accident first; filter by enterprise, kinds, grades, statuses, past due, reported late and accident days.' })
  @RequirePermission(AccidentPermission.Read)
  accidentInvestigations(@Ctx() ctx: RequestContext, @Args(() => AccidentInvestigationListArgs) args: AccidentInvestigationListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<AccidentInvestigation>> {
    return this.service.list(ctx, args, selectsField(info, 'totalCount'), selectedProperties(ctx.manager, AccidentInvestigation, info, NODE, ACCIDENT_KEY_PROPERTIES));
  }

  @Query(() => AccidentCategoryConnection, { description: '事故类别。The 20 kinds of accident of GB 6441-1986, in the standard\'s order.' })
  @RequirePermission(AccidentPermission.Read)
  accidentCategories(@Ctx() ctx: RequestContext, @Args(() => AccidentCategoryListArgs) args: AccidentCategoryListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<AccidentCategory>> {
    let list = records(ctx, AccidentCategories);
    if (args.filter?.code) list = list.where(sql`t.code = ${args.filter.code}`);
    if (args.filter?.nameContains) list = list.where(sql`strpos(t.name_zh, ${args.filter.nameContains}) > 0`);
    return whereChanged(list, args.filter).page({ keys: AccidentCategoryOrder.keys(args.orderBy), page: args, withCount: selectsField(info, 'totalCount'), properties: selectedProperties(ctx.manager, AccidentCategory, info, NODE, ['code', 'createdAt', 'updatedAt']) });
  }

  @FieldResolver(() => Boolean, { description: '是否逾期。True when the report is past its due day while investigating, or the reply while reported (China time).' })
  @ReadsColumns('status', 'reportDueOn', 'replyDueOn')
  @SqlForm((row, ctx) => pastDueSql(row, ctx.clock.today()))
  pastDue(@Ctx() ctx: RequestContext, @Root() a: AccidentInvestigation): boolean {
    return pastDue(a, ctx.clock.today());
  }

  @FieldResolver(() => Boolean, { description: '等级已锁定。True once the re-grading window has passed: later casualty changes no longer change the casualties the grade counts.' })
  @ReadsColumns('regradeWindowEndsAt')
  gradeHeld(@Ctx() ctx: RequestContext, @Root() a: AccidentInvestigation): boolean {
    return a.regradeWindowEndsAt !== null && ctx.clock.now().getTime() > a.regradeWindowEndsAt.getTime();
  }

  @FieldResolver(() => [AccidentTeamRole], { description: '缺少的成员单位。The required team roles (government, emergency management, industry department, supervisory commission, public security, trade union) the team lacks; empty for natural-disaster records.' })
  @ReadsColumns('id', 'kind')
  async missingTeamRoles(@Ctx() ctx: RequestContext, @Root() a: AccidentInvestigation): Promise<AccidentTeamRole[]> {
    return missingTeamRoles(a.kind, await teamRolesOf(ctx).load(a.id));
  }

  @FieldResolver(() => [AccidentWarning], { description: '调查预警。Report or reply due within the clock rule\'s warning days or overdue, the team incomplete, the accident reported late; warnings, not refusals.' })
  @ReadsColumns('id', 'kind', 'status', 'reportDueOn', 'replyDueOn', 'reportedLate', 'reportDelayMinutes', 'clockRuleVersionId')
  async warnings(@Ctx() ctx: RequestContext, @Root() a: AccidentInvestigation): Promise<AccidentWarning[]> {
    const clocks = (await businessRules.stored(ctx, ACCIDENT_CLOCK_RULE, a.clockRuleVersionId)).value as unknown as AccidentClockRule;
    const roles = a.status === AccidentInvestigationStatus.INVESTIGATING ? await teamRolesOf(ctx).load(a.id) : null;
    return accidentWarningsOf(a, clocks.warnDaysBefore, ctx.clock.today(), roles);
  }

  @FieldResolver(() => Incident, { nullable: true, description: '灾情。The incident of the response module it investigates; null when you may not read it there.' })
  @ReadsColumns('incidentId')
  @ReadsRelation(AccidentIncidentReference, 'incidentId')
  incident(@Ctx() ctx: RequestContext, @Root() a: AccidentInvestigation): Promise<Incident | null> {
    return AccidentIncidentReference.byId(ctx).load(a.incidentId);
  }

  @FieldResolver(() => DamageReport, { nullable: true, description: '定级依据报告。The damage report the loss was taken from; null before any report or when you may not read the incident.' })
  @ReadsColumns('basisReportId')
  @ReadsRelation(AccidentBasisReportReference, 'basisReportId')
  basisReport(@Ctx() ctx: RequestContext, @Root() a: AccidentInvestigation): Promise<DamageReport | null> {
    return a.basisReportId ? AccidentBasisReportReference.byId(ctx).load(a.basisReportId) : Promise.resolve(null);
  }

  @FieldResolver(() => Organization, { nullable: true, description: '事故单位。The enterprise of a work-safety accident; null for a natural-disaster record or when you may not read organizations there.' })
  @ReadsColumns('enterpriseId')
  @ReadsRelation(OrganizationReference, 'enterpriseId')
  enterprise(@Ctx() ctx: RequestContext, @Root() a: AccidentInvestigation): Promise<Organization | null> {
    return a.enterpriseId ? organizationById(ctx).load(a.enterpriseId) : Promise.resolve(null);
  }

  @FieldResolver(() => Organization, { nullable: true, description: '所属单位。The organization scope is measured from; null when you may not read organizations there.' })
  @ReadsColumns('organizationId')
  @ReadsRelation(OrganizationReference, 'organizationId')
  organization(@Ctx() ctx: RequestContext, @Root() a: AccidentInvestigation): Promise<Organization | null> {
    return organizationById(ctx).load(a.organizationId);
  }

  @FieldResolver(() => AccidentCategory, { nullable: true, description: '事故类别。The GB 6441-1986 kind; null when not classified.' })
  @ReadsColumns('categoryId')
  @ReadsRelation(AccidentCategoryReference, 'categoryId')
  category(@Ctx() ctx: RequestContext, @Root() a: AccidentInvestigation): Promise<AccidentCategory | null> {
    return a.categoryId ? AccidentCategoryReference.byId(ctx).load(a.categoryId) : Promise.resolve(null);
  }

  @FieldResolver(() => BusinessRuleVersion, { nullable: true, description: '等级规则版本。The version of enforcement.accident-grades the grade was computed with; null when ungraded or when you may not read business rules.' })
  @ReadsColumns('gradeRuleVersionId')
  gradeRuleVersion(@Ctx() ctx: RequestContext, @Root() a: AccidentInvestigation): Promise<BusinessRuleVersion | null> {
    return a.gradeRuleVersionId ? BusinessRuleVersionReference.byId(ctx).load(a.gradeRuleVersionId) : Promise.resolve(null);
  }

  @FieldResolver(() => BusinessRuleVersion, { nullable: true, description: '时限规则版本。The version of enforcement.accident-investigation-clocks the investigation keeps; null when you may not read business rules.' })
  @ReadsColumns('clockRuleVersionId')
  clockRuleVersion(@Ctx() ctx: RequestContext, @Root() a: AccidentInvestigation): Promise<BusinessRuleVersion | null> {
    return BusinessRuleVersionReference.byId(ctx).load(a.clockRuleVersionId);
  }

  @FieldResolver(() => AccidentTeamMemberConnection, { description: '调查组。The team members, in their order on the list.' })
  @ReadsColumns('id')
  @ReadsRelation(AccidentTeamPages)
  team(@Ctx() ctx: RequestContext, @Root() a: AccidentInvestigation, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<AccidentTeamMember>> {
    return AccidentTeamPages.load(ctx, a.id, page, info);
  }

  @FieldResolver(() => AccidentFourNotSparedConnection, { description: '四不放过。The four items, in their traditional order.' })
  @ReadsColumns('id')
  @ReadsRelation(AccidentFourNotSparedPages)
  fourNotSpared(@Ctx() ctx: RequestContext, @Root() a: AccidentInvestigation, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<AccidentFourNotSpared>> {
    return AccidentFourNotSparedPages.load(ctx, a.id, page, info);
  }

  @FieldResolver(() => AccidentOversightFindingConnection, { description: '一案双查。Findings against the approving and supervising bodies, in the order recorded.' })
  @ReadsColumns('id')
  @ReadsRelation(AccidentOversightFindingPages)
  oversightFindings(@Ctx() ctx: RequestContext, @Root() a: AccidentInvestigation, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<AccidentOversightFinding>> {
    return AccidentOversightFindingPages.load(ctx, a.id, page, info);
  }

  @FieldResolver(() => AccidentMeasureConnection, { description: '整改措施。Follow-up measures, the earliest due first.' })
  @ReadsColumns('id')
  @ReadsRelation(AccidentMeasurePages)
  measures(@Ctx() ctx: RequestContext, @Root() a: AccidentInvestigation, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<AccidentMeasure>> {
    return AccidentMeasurePages.load(ctx, a.id, page, info);
  }

  @Mutation(() => AccidentInvestigation, { description: '立项事故调查。Opens the investigation of an incident (one per incident): grades it from the damage reports (Order 493 art. 3), computes the reporting delay, sets the report clock, writes the 四不放过 items and flags it for criminal referral when the figures meet the thresholds.' })
  @RequirePermission(AccidentPermission.Investigate)
  openAccidentInvestigation(@Ctx() ctx: RequestContext, @Arg('input', () => OpenAccidentInvestigationInput, input) data: OpenAccidentInvestigationInput): Promise<AccidentInvestigation> {
    return this.service.open(ctx, data);
  }

  @Mutation(() => AccidentInvestigation, { description: '修改事故调查。Changes the category or the unit\'s report time, then refreshes the figures and grade.' })
  @RequirePermission(AccidentPermission.Investigate)
  updateAccidentInvestigation(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateAccidentInvestigationInput, input) data: UpdateAccidentInvestigationInput): Promise<AccidentInvestigation> {
    return this.service.update(ctx, data);
  }

  @Mutation(() => AccidentInvestigation, { description: '刷新事故数据。Refreshes the figures, grade (within the re-grading window) and reporting delay from the incident\'s damage reports; flags for criminal referral when the figures meet the thresholds.' })
  @RequirePermission(AccidentPermission.Investigate)
  refreshAccidentInvestigation(@Ctx() ctx: RequestContext, @Arg('input', () => RefreshAccidentInvestigationInput, input) data: RefreshAccidentInvestigationInput): Promise<AccidentInvestigation> {
    return this.service.refresh(ctx, data);
  }

  @Mutation(() => AccidentInvestigation, { description: '设置调查组。Replaces the team of an investigation still investigating (one leader, each person once).' })
  @RequirePermission(AccidentPermission.Investigate)
  setAccidentTeam(@Ctx() ctx: RequestContext, @Arg('input', () => SetAccidentTeamInput, input) data: SetAccidentTeamInput): Promise<AccidentInvestigation> {
    return this.service.setTeam(ctx, data);
  }

  @Mutation(() => AccidentInvestigation, { description: '延长期限。One extension with approval: of the report while investigating (up to 60 days), or of the reply of an extraordinarily serious accident (up to 30).' })
  @RequirePermission(AccidentPermission.Investigate)
  extendAccidentInvestigation(@Ctx() ctx: RequestContext, @Arg('input', () => ExtendAccidentInvestigationInput, input) data: ExtendAccidentInvestigationInput): Promise<AccidentInvestigation> {
    return this.service.extend(ctx, data);
  }

  @Mutation(() => AccidentInvestigation, { description: '提交调查报告。Submits the report (the team must hold every required role); the reply falls due 15 days later (特别重大 30).' })
  @RequirePermission(ACCIDENT_WORKFLOW.permissionOf('submitReport'))
  submitAccidentReport(@Ctx() ctx: RequestContext, @Arg('input', () => SubmitAccidentReportInput, input) data: SubmitAccidentReportInput): Promise<AccidentInvestigation> {
    return this.service.submitReport(ctx, data);
  }

  @Mutation(() => AccidentInvestigation, { description: '记录批复。Records the government\'s reply to the report.' })
  @RequirePermission(ACCIDENT_WORKFLOW.permissionOf('recordReply'))
  recordAccidentReply(@Ctx() ctx: RequestContext, @Arg('input', () => RecordAccidentReplyInput, input) data: RecordAccidentReplyInput): Promise<AccidentInvestigation> {
    return this.service.recordReply(ctx, data);
  }

  @Mutation(() => AccidentInvestigation, { description: '结案。Closes a replied investigation; refused while a 四不放过 item is open.' })
  @RequirePermission(ACCIDENT_WORKFLOW.permissionOf('close'))
  closeAccidentInvestigation(@Ctx() ctx: RequestContext, @Arg('input', () => CloseAccidentInvestigationInput, input) data: CloseAccidentInvestigationInput): Promise<AccidentInvestigation> {
    return this.service.close(ctx, data);
  }

  @Mutation(() => AccidentFourNotSpared, { description: '更新四不放过事项。Sets an item\'s status, note and evidence (documents, attachments); DONE needs evidence.' })
  @RequirePermission(AccidentPermission.Investigate)
  updateAccidentFourNotSpared(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateFourNotSparedInput, input) data: UpdateFourNotSparedInput): Promise<AccidentFourNotSpared> {
    return this.service.updateFourNotSpared(ctx, data);
  }

  @Mutation(() => AccidentOversightFinding, { description: '记录一案双查发现。Records a finding against the approving or supervising body (安全生产法 第八十七条).' })
  @RequirePermission(AccidentPermission.Investigate)
  addAccidentOversightFinding(@Ctx() ctx: RequestContext, @Arg('input', () => AddAccidentOversightFindingInput, input) data: AddAccidentOversightFindingInput): Promise<AccidentOversightFinding> {
    return this.service.addOversightFinding(ctx, data);
  }

  @Mutation(() => AccidentMeasure, { description: '添加整改措施。Adds a follow-up measure with its responsible organization and due day.' })
  @RequirePermission(AccidentPermission.Investigate)
  addAccidentMeasure(@Ctx() ctx: RequestContext, @Arg('input', () => AddAccidentMeasureInput, input) data: AddAccidentMeasureInput): Promise<AccidentMeasure> {
    return this.service.addMeasure(ctx, data);
  }

  @Mutation(() => AccidentMeasure, { description: '记录措施进展。Marks a measure DONE, or a done one VERIFIED.' })
  @RequirePermission(AccidentPermission.Investigate)
  recordAccidentMeasureProgress(@Ctx() ctx: RequestContext, @Arg('input', () => RecordAccidentMeasureProgressInput, input) data: RecordAccidentMeasureProgressInput): Promise<AccidentMeasure> {
    return this.service.recordMeasureProgress(ctx, data);
  }
}

@Resolver(() => AccidentTeamMember)
export class AccidentTeamMemberResolver {
  @FieldResolver(() => AccidentInvestigation, { nullable: true, description: INVESTIGATION })
  @ReadsColumns('investigationId')
  @ReadsRelation(AccidentInvestigationReference, 'investigationId')
  investigation(@Ctx() ctx: RequestContext, @Root() m: AccidentTeamMember): Promise<AccidentInvestigation | null> {
    return accidentInvestigationById(ctx).load(m.investigationId);
  }

  @FieldResolver(() => Organization, { nullable: true, description: '所在单位。The member\'s organization; null when none or you may not read it.' })
  @ReadsColumns('organizationId')
  @ReadsRelation(OrganizationReference, 'organizationId')
  organization(@Ctx() ctx: RequestContext, @Root() m: AccidentTeamMember): Promise<Organization | null> {
    return m.organizationId ? organizationById(ctx).load(m.organizationId) : Promise.resolve(null);
  }

  @FieldResolver(() => Person, { nullable: true, description: '人员。The member as a directory person; null when none or you may not read them.' })
  @ReadsColumns('personId')
  @ReadsRelation(PersonReference, 'personId')
  person(@Ctx() ctx: RequestContext, @Root() m: AccidentTeamMember): Promise<Person | null> {
    return m.personId ? personById(ctx).load(m.personId) : Promise.resolve(null);
  }
}

@Resolver(() => AccidentFourNotSpared)
export class AccidentFourNotSparedResolver {
  @FieldResolver(() => AccidentInvestigation, { nullable: true, description: INVESTIGATION })
  @ReadsColumns('investigationId')
  @ReadsRelation(AccidentInvestigationReference, 'investigationId')
  investigation(@Ctx() ctx: RequestContext, @Root() i: AccidentFourNotSpared): Promise<AccidentInvestigation | null> {
    return accidentInvestigationById(ctx).load(i.investigationId);
  }

  @FieldResolver(() => [EnforcementDocument], { description: '证明文书。The evidence documents you may read, in the order given.' })
  @ReadsColumns('evidenceDocumentIds')
  async evidenceDocuments(@Ctx() ctx: RequestContext, @Root() i: AccidentFourNotSpared): Promise<EnforcementDocument[]> {
    const found = await EnforcementDocumentReference.byId(ctx).loadMany(i.evidenceDocumentIds);
    return found.filter((d): d is EnforcementDocument => d !== null && !(d instanceof Error));
  }

  @FieldResolver(() => [Attachment], { description: '附件。Files attached as evidence (at most 20 per update).' })
  @ReadsColumns('id')
  attachments(@Ctx() ctx: RequestContext, @Root() i: AccidentFourNotSpared): Promise<Attachment[]> {
    return attachmentsOf(ctx, 'AccidentFourNotSpared').load(i.id);
  }
}

@Resolver(() => AccidentOversightFinding)
export class AccidentOversightFindingResolver {
  @FieldResolver(() => AccidentInvestigation, { nullable: true, description: INVESTIGATION })
  @ReadsColumns('investigationId')
  @ReadsRelation(AccidentInvestigationReference, 'investigationId')
  investigation(@Ctx() ctx: RequestContext, @Root() f: AccidentOversightFinding): Promise<AccidentInvestigation | null> {
    return accidentInvestigationById(ctx).load(f.investigationId);
  }

  @FieldResolver(() => Organization, { nullable: true, description: '被查单位。The approving or supervising body; null when you may not read it.' })
  @ReadsColumns('organizationId')
  @ReadsRelation(OrganizationReference, 'organizationId')
  organization(@Ctx() ctx: RequestContext, @Root() f: AccidentOversightFinding): Promise<Organization | null> {
    return organizationById(ctx).load(f.organizationId);
  }
}

@Resolver(() => AccidentMeasure)
export class AccidentMeasureResolver {
  @FieldResolver(() => AccidentInvestigation, { nullable: true, description: INVESTIGATION })
  @ReadsColumns('investigationId')
  @ReadsRelation(AccidentInvestigationReference, 'investigationId')
  investigation(@Ctx() ctx: RequestContext, @Root() m: AccidentMeasure): Promise<AccidentInvestigation | null> {
    return accidentInvestigationById(ctx).load(m.investigationId);
  }

  @FieldResolver(() => Organization, { nullable: true, description: '责任单位。The responsible organization; null when you may not read it.' })
  @ReadsColumns('responsibleOrganizationId')
  @ReadsRelation(OrganizationReference, 'responsibleOrganizationId')
  responsibleOrganization(@Ctx() ctx: RequestContext, @Root() m: AccidentMeasure): Promise<Organization | null> {
    return organizationById(ctx).load(m.responsibleOrganizationId);
  }

  @FieldResolver(() => Boolean, { description: '是否逾期。True when it is still OPEN after its due day (China time).' })
  @ReadsColumns('status', 'dueOn')
  overdue(@Ctx() ctx: RequestContext, @Root() m: AccidentMeasure): boolean {
    return m.status === AccidentMeasureStatus.OPEN && m.dueOn < ctx.clock.today();
  }
}
