import { Arg, Args, Ctx, FieldResolver, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { BusinessRuleVersion, BusinessRuleVersionReference, Connection, ReadsColumns, ReadsRelation, RequirePermission, UUIDScalar, selectedProperties, selectsField, type ConnectionResult, type RequestContext } from '@platform/core';
import { Hazard, hazardById } from '@domains/risk';
import { KeyTask } from '../key-tasks/key-task.entity';
import { keyTaskById } from '../key-tasks/key-task.loaders';
import { DutyAction } from './duty-list.entity';
import { DutyActionReference } from './duty.loaders';
import { Actor, actorOf, type ActorRecord } from '@platform/access';
import { Organization, OrganizationReference, Person, PersonReference, organizationById, personById } from '@platform/directory';
import { DutyReport } from './duty-report.entity';
import { DutyReportStatus } from './duty.enums';
import { DutyReportListArgs, GenerateDutyReportDraftInput, SubmitDutyReportInput, UpdateDutyReportInput } from './duty-report.inputs';
import { DUTY_REPORT_KEY_PROPERTIES, DutyReportService } from './duty-report.service';
import { DUTY_REPORT_WORKFLOW } from './duty-workflows';
import { DutyPermission } from './duties.permissions';

export const DutyReportConnection = Connection(DutyReport, '述职报告');
const input = { description: '输入。The fields of the request.' };
const NODE = ['edges', 'node'] as const;
const SELF = [] as const;
/** The records a batch load found (missing or beyond the caller's scope ones left out). */
const present = <T>(rows: ReadonlyArray<T | null | Error>): T[] => rows.filter((x): x is T => x !== null && !(x instanceof Error));

@Resolver(() => DutyReport)
export class DutyReportResolver {
  private readonly service = new DutyReportService();

  @Query(() => DutyReport, { nullable: true, description: '述职报告详情。One duty report by id; null when there is none in your scope.' })
  @RequirePermission(DutyPermission.Read)
  dutyReport(@Ctx() ctx: RequestContext, @Arg('id', () => UUIDScalar, { description: '标识。Report id.' }) id: string, @Info() info: GraphQLResolveInfo): Promise<DutyReport | null> {
    return this.service.byId(ctx, id, selectedProperties(ctx.manager, DutyReport, info, SELF));
  }

  @Query(() => DutyReportConnection, { description: '述职报告。Duty reports in your scope, latest period first; filter by official, subtree and status.' })
  @RequirePermission(DutyPermission.Read)
  dutyReports(@Ctx() ctx: RequestContext, @Args(() => DutyReportListArgs) args: DutyReportListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<DutyReport>> {
    return this.service.list(ctx, args, selectsField(info, 'totalCount'), selectedProperties(ctx.manager, DutyReport, info, NODE, DUTY_REPORT_KEY_PROPERTIES));
  }

  @FieldResolver(() => Int, { description: '履职记录数。How many duty actions the draft was generated from.' })
  @ReadsColumns('actionIds')
  actionCount(@Root() r: DutyReport): number {
    return r.actionIds.length;
  }

  @FieldResolver(() => Int, { description: '完成任务数。How many key tasks the draft counted as completed by the official in the period.' })
  @ReadsColumns('keyTaskIds')
  keyTaskCount(@Root() r: DutyReport): number {
    return r.keyTaskIds.length;
  }

  @FieldResolver(() => Int, { description: '销号隐患数。How many hazards the draft counted as closed in the period in the organization\'s subtree.' })
  @ReadsColumns('hazardIds')
  hazardCount(@Root() r: DutyReport): number {
    return r.hazardIds.length;
  }

  @FieldResolver(() => Boolean, { description: '是否逾期。True when submitted after its due day (China time), or still a draft after it.' })
  @ReadsColumns('status', 'dueOn', 'submittedAt')
  late(@Ctx() ctx: RequestContext, @Root() r: DutyReport): boolean {
    const day = r.status === DutyReportStatus.SUBMITTED && r.submittedAt ? new Date(r.submittedAt.getTime() + 8 * 3_600_000).toISOString().slice(0, 10) : ctx.clock.today();
    return day > r.dueOn;
  }

  @FieldResolver(() => Person, { nullable: true, description: '述职人。The official; null when you may not read persons there.' })
  @ReadsColumns('personId')
  @ReadsRelation(PersonReference, 'personId')
  person(@Ctx() ctx: RequestContext, @Root() r: DutyReport): Promise<Person | null> {
    return personById(ctx).load(r.personId);
  }

  @FieldResolver(() => [DutyAction], { description: '履职记录。The duty actions the draft counted (`actionIds`), those you may read.' })
  @ReadsColumns('actionIds')
  async actions(@Ctx() ctx: RequestContext, @Root() r: DutyReport): Promise<DutyAction[]> {
    return present(await DutyActionReference.byId(ctx).loadMany(r.actionIds));
  }

  @FieldResolver(() => [KeyTask], { description: '完成任务。The key tasks the draft counted (`keyTaskIds`), those you may read.' })
  @ReadsColumns('keyTaskIds')
  async keyTasks(@Ctx() ctx: RequestContext, @Root() r: DutyReport): Promise<KeyTask[]> {
    return present(await keyTaskById(ctx).loadMany(r.keyTaskIds));
  }

  @FieldResolver(() => [Hazard], { description: '销号隐患。The hazards the draft counted (`hazardIds`), those you may read in the risk module.' })
  @ReadsColumns('hazardIds')
  async hazards(@Ctx() ctx: RequestContext, @Root() r: DutyReport): Promise<Hazard[]> {
    return present(await hazardById(ctx).loadMany(r.hazardIds));
  }

  @FieldResolver(() => BusinessRuleVersion, { nullable: true, description: '时限规则版本。The version of responsibility.duty-report.deadline that set `dueOn`; null when you may not read business rules.' })
  @ReadsColumns('deadlineRuleVersionId')
  deadlineRuleVersion(@Ctx() ctx: RequestContext, @Root() r: DutyReport): Promise<BusinessRuleVersion | null> {
    return BusinessRuleVersionReference.byId(ctx).load(r.deadlineRuleVersionId);
  }

  @FieldResolver(() => Organization, { nullable: true, description: '任职单位。The organization of the position; null when you may not read it.' })
  @ReadsColumns('organizationId')
  @ReadsRelation(OrganizationReference, 'organizationId')
  organization(@Ctx() ctx: RequestContext, @Root() r: DutyReport): Promise<Organization | null> {
    return organizationById(ctx).load(r.organizationId);
  }

  @FieldResolver(() => Actor, { nullable: true, description: '提交操作者。The user or API client that submitted it; null for a draft, the system (seed), and when you may not read that account.' })
  @ReadsColumns('submittedByKind', 'submittedById')
  submittedBy(@Ctx() ctx: RequestContext, @Root() r: DutyReport): Promise<ActorRecord | null> | null {
    return r.submittedByKind ? actorOf(ctx, r.submittedByKind, r.submittedById) : null;
  }

  @Mutation(() => DutyReport, {
    description:
      '生成述职报告草稿。Generates a draft report from the official\'s ledger over the period, within your scope: their duty actions, the key tasks they own completed in it, and the hazards closed in it in their organization\'s subtree; it keeps the ids counted and is due the working days after the period that rule responsibility.duty-report.deadline says.',
  })
  @RequirePermission(DutyPermission.Record)
  generateDutyReportDraft(@Ctx() ctx: RequestContext, @Arg('input', () => GenerateDutyReportDraftInput, input) data: GenerateDutyReportDraftInput): Promise<DutyReport> {
    return this.service.generate(ctx, data);
  }

  @Mutation(() => DutyReport, { description: '修改述职报告。Edits a draft report\'s title and text (a submitted report is immutable: refused with `state`); needs the version you read.' })
  @RequirePermission(DutyPermission.Record)
  updateDutyReport(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateDutyReportInput, input) data: UpdateDutyReportInput): Promise<DutyReport> {
    return this.service.update(ctx, data);
  }

  @Mutation(() => DutyReport, { description: '提交述职报告。Submits a draft report (who and when are kept); it is immutable from then on.' })
  @RequirePermission(DUTY_REPORT_WORKFLOW.permissionOf('submit'))
  submitDutyReport(@Ctx() ctx: RequestContext, @Arg('input', () => SubmitDutyReportInput, input) data: SubmitDutyReportInput): Promise<DutyReport> {
    return this.service.submit(ctx, data);
  }
}
