import { Arg, Args, Ctx, FieldResolver, Float, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
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
  SortDirection,
  UUIDScalar,
  attachmentsOf,
  businessRules,
  records,
  selectedProperties,
  selectsField,
  sql,
  type ConnectionResult,
  type RequestContext,
} from '@platform/core';
import { Organization, OrganizationReference, Person, PersonReference, organizationById, organizationIdWithinSubtree, personById } from '@platform/directory';
import { KeyTask, KeyTaskUpdate } from './key-task.entity';
import { KeyTaskStatus } from './key-task.enums';
import { BehindScheduleArgs, BehindScheduleOrder, CompleteKeyTaskInput, CreateKeyTaskInput, KeyTaskListArgs, KeyTaskReasonInput, RecordKeyTaskProgressInput, UpdateKeyTaskInput, type LaggingTask } from './key-task.inputs';
import { KEY_TASK_KEY_PROPERTIES, KeyTaskService, MAX_TASKS_PER_YEAR, keyTaskOverdue } from './key-task.service';
import { KeyTaskChildPages, KeyTaskReference, KeyTaskUpdatePages, keyTaskById } from './key-task.loaders';
import { behindSchedule, computedProgress, elapsedShare } from './key-task-progress';
import { KEY_TASK_WORKFLOW } from './key-task-workflow';
import { KEY_TASK_SCHEDULE } from '../business-rules/key-tasks';
import { KeyTasks } from '../responsibility.entities';
import { ResponsibilityPermission } from '../permissions';

export const KeyTaskConnection = Connection(KeyTask, '年度重点任务');
export const KeyTaskUpdateConnection = Connection(KeyTaskUpdate, '任务进展记录');
const input = { description: '输入。The fields of the request.' };
/** Where a connection's nodes are in its selection. */
const NODE = ['edges', 'node'] as const;
const SELF = [] as const;

@Resolver(() => KeyTask)
export class KeyTaskResolver {
  private readonly service = new KeyTaskService();

  @Query(() => KeyTask, { nullable: true, description: '重点任务详情。One key task by id; null when there is none in your scope.' })
  @RequirePermission(ResponsibilityPermission.TaskRead)
  keyTask(@Ctx() ctx: RequestContext, @Arg('id', () => UUIDScalar, { description: '标识。Task id.' }) id: string, @Info() info: GraphQLResolveInfo): Promise<KeyTask | null> {
    return this.service.byId(ctx, id, selectedProperties(ctx.manager, KeyTask, info, SELF));
  }

  @Query(() => KeyTaskConnection, { description: '年度重点任务。Key tasks in your scope, by year and plan number; filter by year, parent, top level, subtree, statuses and overdue.' })
  @RequirePermission(ResponsibilityPermission.TaskRead)
  keyTasks(@Ctx() ctx: RequestContext, @Args(() => KeyTaskListArgs) args: KeyTaskListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<KeyTask>> {
    return this.service.list(ctx, args, selectsField(info, 'totalCount'), selectedProperties(ctx.manager, KeyTask, info, NODE, KEY_TASK_KEY_PROPERTIES));
  }

  @Query(() => KeyTaskConnection, {
    description:
      '进度滞后任务。The open tasks of a year in your scope whose progress lags the elapsed share of their period by more than their tolerance (rule responsibility.key-task.schedule, the version each task keeps), furthest behind first.',
  })
  @RequirePermission(ResponsibilityPermission.TaskRead)
  async keyTasksBehindSchedule(@Ctx() ctx: RequestContext, @Args(() => BehindScheduleArgs) args: BehindScheduleArgs): Promise<ConnectionResult<KeyTask>> {
    let open = records(ctx, KeyTasks).where(sql`t.year = ${args.year} AND t.status = ANY(${[KeyTaskStatus.PLANNED, KeyTaskStatus.IN_PROGRESS]})`);
    if (args.filter?.withinSubtreeOf) open = open.where(organizationIdWithinSubtree('t.owner_organization_id', args.filter.withinSubtreeOf));
    const tasks = await open.list({ keys: [{ column: 't.id', direction: SortDirection.ASC }], limit: MAX_TASKS_PER_YEAR });
    const today = ctx.clock.today();
    const lagging: LaggingTask[] = [];
    await Promise.all(
      tasks.map(async (task) => {
        if (!(await behindSchedule(ctx, task))) return;
        const { progress } = await computedProgress(ctx, task.id);
        lagging.push(Object.assign(task, { lag: Math.round((elapsedShare(task, today) * 100 - progress) * 10) / 10 }));
      }),
    );
    return BehindScheduleOrder.page(lagging, args.orderBy, args);
  }

  @FieldResolver(() => Float, { description: '进度。Progress 0–100: 100 when completed; for a task with subtasks, their progress weighted by `weight` (cancelled ones left out); for a target bound to an indicator, how far the indicator\'s value for the owner this year has come towards `indicatorTarget`; else what its owner reported.' })
  @ReadsColumns('id')
  async progress(@Ctx() ctx: RequestContext, @Root() t: KeyTask): Promise<number> {
    return (await computedProgress(ctx, t.id)).progress;
  }

  @FieldResolver(() => Float, { nullable: true, description: '指标实际值。The bound indicator\'s value for the owner organization this year (in the indicator\'s unit); null when unbound or nothing is due yet.' })
  @ReadsColumns('id')
  async indicatorValue(@Ctx() ctx: RequestContext, @Root() t: KeyTask): Promise<number | null> {
    return (await computedProgress(ctx, t.id)).indicatorValue;
  }

  @FieldResolver(() => Float, { description: '时间进度。The share of the task\'s period gone by today (China time), 0 to 1: 0 up to its first day, 1 from its due day.' })
  @ReadsColumns('startsOn', 'dueOn')
  elapsedShare(@Ctx() ctx: RequestContext, @Root() t: KeyTask): number {
    return elapsedShare(t, ctx.clock.today());
  }

  @FieldResolver(() => Boolean, { description: '进度滞后。True for an open task whose progress is below the elapsed share of its period (×100) by more than `scheduleTolerancePercent`.' })
  @ReadsColumns('id', 'status', 'startsOn', 'dueOn', 'scheduleRuleVersionId')
  behindSchedule(@Ctx() ctx: RequestContext, @Root() t: KeyTask): Promise<boolean> {
    return behindSchedule(ctx, t);
  }

  @FieldResolver(() => Int, { description: '滞后容差。The tolerance in percentage points of the rule version the task keeps.' })
  @ReadsColumns('scheduleRuleVersionId')
  async scheduleTolerancePercent(@Ctx() ctx: RequestContext, @Root() t: KeyTask): Promise<number> {
    return (await businessRules.stored(ctx, KEY_TASK_SCHEDULE, t.scheduleRuleVersionId)).value.tolerancePercent;
  }

  @FieldResolver(() => BusinessRuleVersion, { nullable: true, description: '进度规则版本。The version of responsibility.key-task.schedule the task keeps; null when you may not read business rules.' })
  @ReadsColumns('scheduleRuleVersionId')
  scheduleRuleVersion(@Ctx() ctx: RequestContext, @Root() t: KeyTask): Promise<BusinessRuleVersion | null> {
    return BusinessRuleVersionReference.byId(ctx).load(t.scheduleRuleVersionId);
  }

  @FieldResolver(() => Boolean, { description: '是否逾期。True when the task is open and its due day is before today (China time).' })
  @ReadsColumns('status', 'dueOn')
  overdue(@Ctx() ctx: RequestContext, @Root() t: KeyTask): boolean {
    return keyTaskOverdue(t, ctx.clock.today());
  }

  @FieldResolver(() => KeyTask, { nullable: true, description: '上级任务。The task this one is part of; null for a top-level task or one beyond your scope.' })
  @ReadsColumns('parentId')
  @ReadsRelation(KeyTaskReference, 'parentId')
  parent(@Ctx() ctx: RequestContext, @Root() t: KeyTask): Promise<KeyTask | null> {
    return t.parentId ? keyTaskById(ctx).load(t.parentId) : Promise.resolve(null);
  }

  @FieldResolver(() => KeyTaskConnection, { description: '子任务。Its subtasks in your scope, by plan number.' })
  @ReadsColumns('id')
  @ReadsRelation(KeyTaskChildPages)
  children(@Ctx() ctx: RequestContext, @Root() t: KeyTask, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<KeyTask>> {
    return KeyTaskChildPages.load(ctx, t.id, page, info, selectedProperties(ctx.manager, KeyTask, info, NODE, KEY_TASK_KEY_PROPERTIES));
  }

  @FieldResolver(() => KeyTaskUpdateConnection, { description: '进展记录。Its timeline: progress reports, completion, cancellation and reopening, in the order written.' })
  @ReadsColumns('id')
  @ReadsRelation(KeyTaskUpdatePages)
  updates(@Ctx() ctx: RequestContext, @Root() t: KeyTask, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<KeyTaskUpdate>> {
    return KeyTaskUpdatePages.load(ctx, t.id, page, info);
  }

  @FieldResolver(() => Organization, { nullable: true, description: '牵头单位。The owning organization; null when you may not read it.' })
  @ReadsColumns('ownerOrganizationId')
  @ReadsRelation(OrganizationReference, 'ownerOrganizationId')
  ownerOrganization(@Ctx() ctx: RequestContext, @Root() t: KeyTask): Promise<Organization | null> {
    return organizationById(ctx).load(t.ownerOrganizationId);
  }

  @FieldResolver(() => Person, { nullable: true, description: '责任人。The official responsible; null when none is named or you may not read persons there.' })
  @ReadsColumns('ownerPersonId')
  @ReadsRelation(PersonReference, 'ownerPersonId')
  owner(@Ctx() ctx: RequestContext, @Root() t: KeyTask): Promise<Person | null> {
    return t.ownerPersonId ? personById(ctx).load(t.ownerPersonId) : Promise.resolve(null);
  }

  @Mutation(() => KeyTask, { description: '新增重点任务。Adds a key task to a year\'s plan (top-level or under a task); it keeps the schedule rule version in force today.' })
  @RequirePermission(ResponsibilityPermission.TaskManage)
  createKeyTask(@Ctx() ctx: RequestContext, @Arg('input', () => CreateKeyTaskInput, input) data: CreateKeyTaskInput): Promise<KeyTask> {
    return this.service.create(ctx, data);
  }

  @Mutation(() => KeyTask, { description: '修改重点任务。Changes a key task (subtasks must still fit its period); needs the version you read.' })
  @RequirePermission(ResponsibilityPermission.TaskManage)
  updateKeyTask(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateKeyTaskInput, input) data: UpdateKeyTaskInput): Promise<KeyTask> {
    return this.service.update(ctx, data);
  }

  @Mutation(() => KeyTask, { description: '填报进展。Reports progress on a task without open subtasks, with a note and evidence (a timeline entry); PLANNED becomes IN_PROGRESS.' })
  @RequirePermission(KEY_TASK_WORKFLOW.permissionOf('report'))
  recordKeyTaskProgress(@Ctx() ctx: RequestContext, @Arg('input', () => RecordKeyTaskProgressInput, input) data: RecordKeyTaskProgressInput): Promise<KeyTask> {
    return this.service.report(ctx, data);
  }

  @Mutation(() => KeyTask, { description: '完成任务。Completes a task whose subtasks are all completed or cancelled, on a day, with evidence.' })
  @RequirePermission(KEY_TASK_WORKFLOW.permissionOf('complete'))
  completeKeyTask(@Ctx() ctx: RequestContext, @Arg('input', () => CompleteKeyTaskInput, input) data: CompleteKeyTaskInput): Promise<KeyTask> {
    return this.service.complete(ctx, data);
  }

  @Mutation(() => KeyTask, { description: '取消任务。Cancels an open task with a reason; it leaves its parent\'s progress and the indicators.' })
  @RequirePermission(KEY_TASK_WORKFLOW.permissionOf('cancel'))
  cancelKeyTask(@Ctx() ctx: RequestContext, @Arg('input', () => KeyTaskReasonInput, input) data: KeyTaskReasonInput): Promise<KeyTask> {
    return this.service.cancel(ctx, data);
  }

  @Mutation(() => KeyTask, { description: '重新打开任务。Reopens a completed or cancelled task (its parent must be open) with a reason.' })
  @RequirePermission(KEY_TASK_WORKFLOW.permissionOf('reopen'))
  reopenKeyTask(@Ctx() ctx: RequestContext, @Arg('input', () => KeyTaskReasonInput, input) data: KeyTaskReasonInput): Promise<KeyTask> {
    return this.service.reopen(ctx, data);
  }
}

@Resolver(() => KeyTaskUpdate)
export class KeyTaskUpdateResolver {
  @FieldResolver(() => KeyTask, { nullable: true, description: '任务。The task (read with the entry, so null only for one that no longer exists).' })
  @ReadsColumns('taskId')
  @ReadsRelation(KeyTaskReference, 'taskId')
  task(@Ctx() ctx: RequestContext, @Root() u: KeyTaskUpdate): Promise<KeyTask | null> {
    return keyTaskById(ctx).load(u.taskId);
  }

  @FieldResolver(() => [Attachment], { description: '佐证材料。Files attached to the entry as evidence (at most 20).' })
  @ReadsColumns('id')
  attachments(@Ctx() ctx: RequestContext, @Root() u: KeyTaskUpdate): Promise<Attachment[]> {
    return attachmentsOf(ctx, 'KeyTaskUpdate').load(u.id);
  }
}
