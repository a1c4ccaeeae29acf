import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { BusinessRuleVersion, BusinessRuleVersionReference, Connection, PageArgs, ReadsColumns, ReadsRelation, RequirePermission, SqlForm, UUIDScalar, selectedProperties, selectsField, type ConnectionResult, type RequestContext } from '@platform/core';
import { Organization, OrganizationReference, Person, PersonReference, organizationById, personById } from '@platform/directory';
import { EnforcementItem, EnforcementItemReference } from '../items/public';
import { EnforcementDocument, EnforcementDocumentConnection, documentPagesOf } from '../documents/public';
import { Inspection } from './inspection.entity';
import { InspectionCertificateCheck, InspectionChecklistItem, InspectionFinding, InspectionPermitCheck } from './inspection-visit.entity';
import { InspectionStatus, InspectionWarningKind } from './inspection.enums';
import {
  InspectionByCodeArgs,
  InspectionListArgs,
  InspectionReasonInput,
  InspectionStepInput,
  OrderInspectionRectificationInput,
  PlanInspectionInput,
  RecordInspectionReinspectionInput,
  RecordInspectionVisitInput,
  UpdateInspectionInput,
} from './inspection.inputs';
import { INSPECTION_KEY_PROPERTIES, InspectionService, reinspectionOverdue } from './inspection.service';
import { InspectionVisitService } from './inspection-visit.service';
import { InspectionCertificateCheckPages, InspectionChecklist, InspectionFindingPages, InspectionPermitCheckPages, inspectionById, inspectionWarningsOf } from './inspection.loaders';
import { reinspectionOverdueSql, type WarningRow } from './inspection.sql';
import { INSPECTION_WORKFLOW } from './inspection-workflow';
import { InspectionPermission } from './inspections.permissions';
import { InspectionWarning } from './inspection.types';

export const InspectionConnection = Connection(Inspection, '行政检查');
export const InspectionChecklistItemConnection = Connection(InspectionChecklistItem, '检查表条目');
export const InspectionCertificateCheckConnection = Connection(InspectionCertificateCheck, '特种作业证核查');
export const InspectionPermitCheckConnection = Connection(InspectionPermitCheck, '作业票检查');
export const InspectionFindingConnection = Connection(InspectionFinding, '检查发现问题');
const input = { description: '输入。The fields of the request.' };
/** Where a connection's nodes are in its selection. */
const NODE = ['edges', 'node'] as const;
const SELF = [] as const;
/** An inspection's documents, in the order issued (the documents part's relation for subjects of type Inspection). */
const InspectionDocuments = documentPagesOf('Inspection');

/** The warnings of one inspection from the facts the statement found. */
export function warningsOf(row: WarningRow | null): InspectionWarning[] {
  if (!row) return [];
  const warnings: InspectionWarning[] = [];
  if (row.repeat) {
    const [id, code, day] = row.repeat.split('|');
    warnings.push(Object.assign(new InspectionWarning(), { kind: InspectionWarningKind.REPEAT, message: `${row.repeatWindowDays}日内该企业另有行政检查${code}（${day}）`, relatedInspectionId: id! }));
  }
  if (row.frequencyCap !== null && row.status !== InspectionStatus.CANCELLED && row.ordinal >= row.frequencyCap) {
    warnings.push(Object.assign(new InspectionWarning(), { kind: InspectionWarningKind.NEAR_CAP, message: `本次为该企业${row.year}年第${row.ordinal}次行政检查，已达年度频次上限${row.frequencyCap}次`, relatedInspectionId: null }));
  }
  return warnings;
}

@Resolver(() => Inspection)
export class InspectionResolver {
  private readonly service = new InspectionService();
  private readonly visits = new InspectionVisitService();

  @Query(() => Inspection, { nullable: true, description: '行政检查详情。One inspection by id; null when there is none in your scope.' })
  @RequirePermission(InspectionPermission.Read)
  inspection(@Ctx() ctx: RequestContext, @Arg('id', () => UUIDScalar, { description: '标识。Inspection id.' }) id: string, @Info() info: GraphQLResolveInfo): Promise<Inspection | null> {
    return this.service.byId(ctx, id, selectedProperties(ctx.manager, Inspection, info, SELF));
  }

  @Query(() => Inspection, { nullable: true, description: '按编码查检查。The inspection with this code (扫码入企: the code an enterprise scans); null when there is none in your scope.' })
  @RequirePermission(InspectionPermission.Read)
  inspectionByCode(@Ctx() ctx: RequestContext, @Args(() => InspectionByCodeArgs) args: InspectionByCodeArgs, @Info() info: GraphQLResolveInfo): Promise<Inspection | null> {
    return this.service.byCode(ctx, args.code, selectedProperties(ctx.manager, Inspection, info, SELF, INSPECTION_KEY_PROPERTIES));
  }

  @Query(() => InspectionConnection, { description: '行政检查列表。Inspections of enterprises in your scope, latest planned first; filter by enterprise, legal subject, subtree, statuses, kinds, planned days, overdue re-inspection, marked for a case and code.' })
  @RequirePermission(InspectionPermission.Read)
  inspections(@Ctx() ctx: RequestContext, @Args(() => InspectionListArgs) args: InspectionListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<Inspection>> {
    return this.service.list(ctx, args, selectsField(info, 'totalCount'), selectedProperties(ctx.manager, Inspection, info, NODE, INSPECTION_KEY_PROPERTIES));
  }

  @FieldResolver(() => Boolean, { description: '复查逾期。True when rectification was ordered, the re-inspection is not recorded and its due day is before today (China time).' })
  @ReadsColumns('status', 'reinspectionDueOn')
  @SqlForm((row, ctx) => reinspectionOverdueSql(row, ctx.clock.today()))
  reinspectionOverdue(@Ctx() ctx: RequestContext, @Root() i: Inspection): boolean {
    return reinspectionOverdue(i, ctx.clock.today());
  }

  @FieldResolver(() => [InspectionWarning], { description: '检查预警。REPEAT when another inspection of the enterprise (by any legal subject) lies within the repeat window, NEAR_CAP when this one reaches the enterprise\'s yearly cap; warnings, not refusals.' })
  @ReadsColumns('id')
  async warnings(@Ctx() ctx: RequestContext, @Root() i: Inspection): Promise<InspectionWarning[]> {
    return warningsOf(await inspectionWarningsOf(ctx).load(i.id));
  }

  @FieldResolver(() => Organization, { nullable: true, description: '执法主体。The legal subject that inspects; null when you may not read organizations there.' })
  @ReadsColumns('legalSubjectId')
  @ReadsRelation(OrganizationReference, 'legalSubjectId')
  legalSubject(@Ctx() ctx: RequestContext, @Root() i: Inspection): Promise<Organization | null> {
    return organizationById(ctx).load(i.legalSubjectId);
  }

  @FieldResolver(() => Organization, { nullable: true, description: '被检查企业。The inspected enterprise; null when you may not read organizations there.' })
  @ReadsColumns('enterpriseId')
  @ReadsRelation(OrganizationReference, 'enterpriseId')
  enterprise(@Ctx() ctx: RequestContext, @Root() i: Inspection): Promise<Organization | null> {
    return organizationById(ctx).load(i.enterpriseId);
  }

  @FieldResolver(() => EnforcementItem, { nullable: true, description: '执法事项。The item (of the list version) it was opened under; null when you may not read enforcement items.' })
  @ReadsColumns('enforcementItemId')
  @ReadsRelation(EnforcementItemReference, 'enforcementItemId')
  enforcementItem(@Ctx() ctx: RequestContext, @Root() i: Inspection): Promise<EnforcementItem | null> {
    return EnforcementItemReference.byId(ctx).load(i.enforcementItemId);
  }

  @FieldResolver(() => [Person], { description: '检查人员。The inspectors, those you may read as persons (in the order named).' })
  @ReadsColumns('inspectorPersonIds')
  async inspectors(@Ctx() ctx: RequestContext, @Root() i: Inspection): Promise<Person[]> {
    const found = await personById(ctx).loadMany(i.inspectorPersonIds);
    return found.filter((p): p is Person => p !== null && !(p instanceof Error));
  }

  @FieldResolver(() => Person, { nullable: true, description: '审批人。The person who approved it; null before approval or when you may not read persons there.' })
  @ReadsColumns('approverPersonId')
  @ReadsRelation(PersonReference, 'approverPersonId')
  approver(@Ctx() ctx: RequestContext, @Root() i: Inspection): Promise<Person | null> {
    return i.approverPersonId ? personById(ctx).load(i.approverPersonId) : Promise.resolve(null);
  }

  @FieldResolver(() => BusinessRuleVersion, { nullable: true, description: '复查规则版本。The version of enforcement.reinspection that set the re-inspection due day; null before rectification is ordered or when you may not read business rules.' })
  @ReadsColumns('ruleVersionId')
  ruleVersion(@Ctx() ctx: RequestContext, @Root() i: Inspection): Promise<BusinessRuleVersion | null> {
    return i.ruleVersionId ? BusinessRuleVersionReference.byId(ctx).load(i.ruleVersionId) : Promise.resolve(null);
  }

  @FieldResolver(() => BusinessRuleVersion, { nullable: true, description: '频次规则版本。The version of enforcement.inspection-frequency the cap was last checked with; null when none applied or when you may not read business rules.' })
  @ReadsColumns('frequencyRuleVersionId')
  frequencyRuleVersion(@Ctx() ctx: RequestContext, @Root() i: Inspection): Promise<BusinessRuleVersion | null> {
    return i.frequencyRuleVersionId ? BusinessRuleVersionReference.byId(ctx).load(i.frequencyRuleVersionId) : Promise.resolve(null);
  }

  @FieldResolver(() => InspectionChecklistItemConnection, { description: '检查表。The principal\'s seven duties as found at the visit, in the law\'s order; empty before the visit.' })
  @ReadsColumns('id')
  @ReadsRelation(InspectionChecklist)
  checklist(@Ctx() ctx: RequestContext, @Root() i: Inspection, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<InspectionChecklistItem>> {
    return InspectionChecklist.load(ctx, i.id, page, info);
  }

  @FieldResolver(() => InspectionCertificateCheckConnection, { description: '特种作业证核查。The special-operation certificates seen at the visit with their status that day.' })
  @ReadsColumns('id')
  @ReadsRelation(InspectionCertificateCheckPages)
  certificateChecks(@Ctx() ctx: RequestContext, @Root() i: Inspection, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<InspectionCertificateCheck>> {
    return InspectionCertificateCheckPages.load(ctx, i.id, page, info);
  }

  @FieldResolver(() => InspectionPermitCheckConnection, { description: '作业票检查。The hazardous-work permits checked at the visit.' })
  @ReadsColumns('id')
  @ReadsRelation(InspectionPermitCheckPages)
  permitChecks(@Ctx() ctx: RequestContext, @Root() i: Inspection, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<InspectionPermitCheck>> {
    return InspectionPermitCheckPages.load(ctx, i.id, page, info);
  }

  @FieldResolver(() => InspectionFindingConnection, { description: '发现问题。The findings of the visit, in their order on the field record.' })
  @ReadsColumns('id')
  @ReadsRelation(InspectionFindingPages)
  findings(@Ctx() ctx: RequestContext, @Root() i: Inspection, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<InspectionFinding>> {
    return InspectionFindingPages.load(ctx, i.id, page, info);
  }

  @FieldResolver(() => EnforcementDocumentConnection, { description: '执法文书。Its numbered documents in the order issued (现场检查记录, 责令限期整改指令书, 整改复查意见书), those you may read.' })
  @ReadsColumns('id')
  @ReadsRelation(InspectionDocuments)
  documents(@Ctx() ctx: RequestContext, @Root() i: Inspection, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<EnforcementDocument>> {
    return InspectionDocuments.load(ctx, i.id, page, info);
  }

  @Mutation(() => Inspection, { description: '计划行政检查。Plans an inspection (DRAFT) after checking who may inspect (item in force, legal subject, two certified inspectors, an enterprise) and the enterprise\'s yearly frequency cap; gives it its code.' })
  @RequirePermission(InspectionPermission.Manage)
  planInspection(@Ctx() ctx: RequestContext, @Arg('input', () => PlanInspectionInput, input) data: PlanInspectionInput): Promise<Inspection> {
    return this.service.plan(ctx, data);
  }

  @Mutation(() => Inspection, { description: '修改行政检查。Changes a DRAFT inspection: kind, planned day, inspectors, purpose, checked again.' })
  @RequirePermission(InspectionPermission.Manage)
  updateInspection(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateInspectionInput, input) data: UpdateInspectionInput): Promise<Inspection> {
    return this.service.update(ctx, data);
  }

  @Mutation(() => Inspection, { description: '提交审批。Submits a DRAFT inspection for approval (行政检查审批表).' })
  @RequirePermission(INSPECTION_WORKFLOW.permissionOf('submit'))
  submitInspection(@Ctx() ctx: RequestContext, @Arg('input', () => InspectionStepInput, input) data: InspectionStepInput): Promise<Inspection> {
    return this.service.submit(ctx, data);
  }

  @Mutation(() => Inspection, { description: '审批通过。Approves a submitted inspection, as the person linked to your account, who must not be one of its inspectors.' })
  @RequirePermission(INSPECTION_WORKFLOW.permissionOf('approve'))
  approveInspection(@Ctx() ctx: RequestContext, @Arg('input', () => InspectionStepInput, input) data: InspectionStepInput): Promise<Inspection> {
    return this.service.approve(ctx, data);
  }

  @Mutation(() => Inspection, { description: '退回。Sends a submitted inspection back to DRAFT with the reason.' })
  @RequirePermission(INSPECTION_WORKFLOW.permissionOf('reject'))
  rejectInspection(@Ctx() ctx: RequestContext, @Arg('input', () => InspectionReasonInput, input) data: InspectionReasonInput): Promise<Inspection> {
    return this.service.reject(ctx, data);
  }

  @Mutation(() => Inspection, { description: '记录现场检查。Records the visit of an APPROVED inspection in one transaction: checklist, certificates seen, permits and findings (raising hazards in the risk module, marking it for a case); issues the 现场检查记录.' })
  @RequirePermission(INSPECTION_WORKFLOW.permissionOf('recordVisit'))
  recordInspectionVisit(@Ctx() ctx: RequestContext, @Arg('input', () => RecordInspectionVisitInput, input) data: RecordInspectionVisitInput): Promise<Inspection> {
    return this.visits.recordVisit(ctx, data);
  }

  @Mutation(() => Inspection, { description: '责令限期整改。Orders the findings that require it rectified by a deadline; the re-inspection falls due by the re-inspection rule; issues the 责令限期整改指令书.' })
  @RequirePermission(INSPECTION_WORKFLOW.permissionOf('orderRectification'))
  orderInspectionRectification(@Ctx() ctx: RequestContext, @Arg('input', () => OrderInspectionRectificationInput, input) data: OrderInspectionRectificationInput): Promise<Inspection> {
    return this.visits.orderRectification(ctx, data);
  }

  @Mutation(() => Inspection, { description: '整改复查。Records the re-inspection, rectified or not (not rectified marks it for a case); issues the 整改复查意见书.' })
  @RequirePermission(INSPECTION_WORKFLOW.permissionOf('recordReinspection'))
  recordInspectionReinspection(@Ctx() ctx: RequestContext, @Arg('input', () => RecordInspectionReinspectionInput, input) data: RecordInspectionReinspectionInput): Promise<Inspection> {
    return this.visits.recordReinspection(ctx, data);
  }

  @Mutation(() => Inspection, { description: '办结。Closes an inspection after its re-inspection, or after its visit when no finding requires rectification.' })
  @RequirePermission(INSPECTION_WORKFLOW.permissionOf('close'))
  closeInspection(@Ctx() ctx: RequestContext, @Arg('input', () => InspectionStepInput, input) data: InspectionStepInput): Promise<Inspection> {
    return this.service.close(ctx, data);
  }

  @Mutation(() => Inspection, { description: '取消检查。Cancels an inspection before its visit, with the reason; it no longer counts against the frequency cap.' })
  @RequirePermission(INSPECTION_WORKFLOW.permissionOf('cancel'))
  cancelInspection(@Ctx() ctx: RequestContext, @Arg('input', () => InspectionReasonInput, input) data: InspectionReasonInput): Promise<Inspection> {
    return this.service.cancel(ctx, data);
  }
}

@Resolver(() => InspectionWarning)
export class InspectionWarningResolver {
  @FieldResolver(() => Inspection, { nullable: true, description: '相关检查。The other inspection a REPEAT is about (of the same enterprise, so in your scope); null for NEAR_CAP.' })
  relatedInspection(@Ctx() ctx: RequestContext, @Root() w: InspectionWarning): Promise<Inspection | null> {
    return w.relatedInspectionId ? inspectionById(ctx).load(w.relatedInspectionId) : Promise.resolve(null);
  }
}

