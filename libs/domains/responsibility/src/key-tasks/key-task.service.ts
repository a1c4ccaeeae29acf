import {
  assertNotBefore,
  applyStep,
  audit,
  assertNotFuture,
  businessRules,
  createRecord,
  diff,
  recordEvent,
  records,
  registeredIndicators,
  sentFields,
  sql,
  transaction,
  updateRecord,
  whereChanged,
  type ConnectionResult,
  type Patch,
  type RequestContext,
  type Sql,
} from '@platform/core';
import { Organizations, Persons, organizationIdWithinSubtree } from '@platform/directory';
import { KeyTask } from './key-task.entity';
import { KeyTaskStatus } from './key-task.enums';
import { KeyTaskOrder } from './key-task.orders';
import { KEY_TASK_WORKFLOW, type KeyTaskStep } from './key-task-workflow';
import { MAX_TASK_DEPTH } from './key-task-progress.sql';
import { startAncestors } from './key-task-ancestors.sql';
import type { CompleteKeyTaskInput, CreateKeyTaskInput, KeyTaskListArgs, KeyTaskReasonInput, RecordKeyTaskProgressInput, UpdateKeyTaskInput } from './key-task.inputs';
import { KEY_TASK_SCHEDULE } from '../business-rules/key-tasks';
import { KeyTasks } from '../responsibility.entities';
import { responsibilityEvents } from '../responsibility.events';
import { responsibilityRules } from '../responsibility.rules';
import { ResponsibilityPermission } from '../permissions';

/** Properties the keyset orders read (besides the id): a page must load them whatever is selected. */
export const KEY_TASK_KEY_PROPERTIES = ['year', 'position'];

/** The most tasks a year's plan may hold (the computed lists over a year stay bounded). */
export const MAX_TASKS_PER_YEAR = 1000;

const OPEN = [KeyTaskStatus.PLANNED, KeyTaskStatus.IN_PROGRESS];

/** SQL: the task under `t` is open and its due day is before `today`. */
export function overdueKeyTask(today: string): Sql {
  return sql`(t.status = ANY(${OPEN}) AND t.due_on < CAST(${today} AS date))`;
}

/** The same rule for a loaded task. */
export const keyTaskOverdue = (t: Pick<KeyTask, 'status' | 'dueOn'>, today: string): boolean => OPEN.includes(t.status) && t.dueOn < today;

const payloadOf = (t: KeyTask) => ({ id: t.id, year: t.year, ownerOrganizationId: t.ownerOrganizationId });

/** A task's period: within its year, first day not after the due day, and inside its parent's. */
function checkPeriod(year: number, startsOn: string, dueOn: string, parent: Pick<KeyTask, 'startsOn' | 'dueOn'> | null, field: { startsOn: string; dueOn: string }): void {
  if (startsOn < `${year}-01-01` || startsOn > `${year}-12-31`) throw responsibilityRules.field(field.startsOn, 'range', `must lie in ${year}.`);
  if (dueOn < `${year}-01-01` || dueOn > `${year}-12-31`) throw responsibilityRules.field(field.dueOn, 'range', `must lie in ${year}.`);
  assertNotBefore(startsOn, dueOn, field.dueOn, 'startsOn');
  if (parent && (startsOn < parent.startsOn || dueOn > parent.dueOn)) {
    throw responsibilityRules.field(startsOn < parent.startsOn ? field.startsOn : field.dueOn, 'withinParent', `must lie within the parent task's period (${parent.startsOn} to ${parent.dueOn}).`);
  }
}

/** The annual key tasks: the tree, its changes and its workflow. */
export class KeyTaskService {
  byId(ctx: RequestContext, id: string, properties: readonly string[] | null = null): Promise<KeyTask | null> {
    return records(ctx, KeyTasks).one(id, properties);
  }

  list(ctx: RequestContext, args: KeyTaskListArgs, withCount: boolean, properties: readonly string[] | null = null): Promise<ConnectionResult<KeyTask>> {
    const f = args.filter ?? {};
    let tasks = records(ctx, KeyTasks);
    // Cancelled tasks stay in the plan and in its lists (filter by status to leave them out).
    if (f.year !== undefined && f.year !== null) tasks = tasks.where(sql`t.year = ${f.year}`);
    if (f.parentId) tasks = tasks.where(sql`t.parent_id = ${f.parentId}`);
    if (f.topLevel !== undefined && f.topLevel !== null) tasks = tasks.where(f.topLevel ? sql`t.parent_id IS NULL` : sql`t.parent_id IS NOT NULL`);
    if (f.withinSubtreeOf) tasks = tasks.where(organizationIdWithinSubtree('t.owner_organization_id', f.withinSubtreeOf));
    if (f.statuses?.length) tasks = tasks.where(sql`t.status = ANY(${f.statuses})`);
    if (f.overdue !== undefined && f.overdue !== null) {
      const overdue = overdueKeyTask(ctx.clock.today());
      tasks = tasks.where(f.overdue ? overdue : sql`NOT ${overdue}`);
    }
    return whereChanged(tasks, f).page({ keys: KeyTaskOrder.keys(args.orderBy), page: args, withCount, properties });
  }

  async create(ctx: RequestContext, input: CreateKeyTaskInput): Promise<KeyTask> {
    this.checkIndicator(ctx, input.indicatorCode ?? null, input.indicatorTarget ?? null, { code: 'input.indicatorCode', target: 'input.indicatorTarget' });
    return transaction(ctx, async (tx) => {
      // FOR SHARE: the parent is not changed, but must not move or be cancelled meanwhile.
      const parent = input.parentId ? await records(tx, KeyTasks, ResponsibilityPermission.TaskManage).reference(input.parentId, 'input.parentId', { lock: 'share' }) : null;
      if (parent) {
        if (parent.year !== input.year) throw responsibilityRules.field('input.parentId', 'parent', `the parent task is of ${parent.year}, not ${input.year}.`);
        if (parent.depth >= MAX_TASK_DEPTH) throw responsibilityRules.field('input.parentId', 'parent', `tasks go at most ${MAX_TASK_DEPTH} levels deep.`);
        if (parent.status === KeyTaskStatus.CANCELLED) throw responsibilityRules.field('input.parentId', 'state', 'the parent task is cancelled.');
      }
      const startsOn = input.startsOn ?? parent?.startsOn ?? `${input.year}-01-01`;
      const dueOn = input.dueOn ?? parent?.dueOn ?? `${input.year}-12-31`;
      checkPeriod(input.year, startsOn, dueOn, parent, { startsOn: 'input.startsOn', dueOn: 'input.dueOn' });
      await this.checkOwners(tx, input.ownerOrganizationId, input.ownerPersonId ?? null);
      await this.checkCode(tx, input.year, input.code, null);
      const [{ count, last }] = await records(tx, KeyTasks, ResponsibilityPermission.TaskManage)
        .where(sql`t.year = ${input.year}`)
        .aggregate<{ count: number; last: number | null }>(sql`count(*)::int AS "count", max(t.position) AS "last"`);
      if (count >= MAX_TASKS_PER_YEAR) throw responsibilityRules.field('input.year', 'range', `a year's plan holds at most ${MAX_TASKS_PER_YEAR} tasks.`);
      // The tolerance in force today; the task keeps this version whatever the office changes later.
      const rule = await businessRules.inForce(tx, KEY_TASK_SCHEDULE, tx.clock.today(), 'input.year');
      return createRecord(
        tx,
        KeyTask,
        'KeyTask',
        {
          year: input.year,
          parentId: parent?.id ?? null,
          depth: parent ? parent.depth + 1 : 1,
          code: input.code,
          position: input.position ?? Math.min((last ?? 0) + 10, 1_000_000),
          title: input.title,
          description: input.description ?? null,
          ownerOrganizationId: input.ownerOrganizationId,
          ownerPersonId: input.ownerPersonId ?? null,
          weight: input.weight ?? 1,
          startsOn,
          dueOn,
          status: KeyTaskStatus.PLANNED,
          reportedProgress: 0,
          completedOn: null,
          indicatorCode: input.indicatorCode ?? null,
          indicatorTarget: input.indicatorTarget ?? null,
          scheduleRuleVersionId: rule.id,
          note: null,
        },
        { action: 'responsibility.key-task.create', changes: { ...input, scheduleRuleVersionId: rule.id }, ...recordEvent(responsibilityEvents['responsibility.key-task.created'], payloadOf) },
      );
    });
  }

  update(ctx: RequestContext, input: UpdateKeyTaskInput): Promise<KeyTask> {
    return transaction(ctx, async (tx) => {
      const current = await records(tx, KeyTasks, ResponsibilityPermission.TaskManage).lock(input.id);
      const patch: Patch<KeyTask> = sentFields(input, ['code', 'position', 'title', 'description', 'ownerOrganizationId', 'ownerPersonId', 'weight', 'startsOn', 'dueOn', 'indicatorCode', 'indicatorTarget']);
      const next = { ...current, ...patch } as KeyTask;
      this.checkIndicator(tx, next.indicatorCode, next.indicatorTarget, { code: 'input.indicatorCode', target: 'input.indicatorTarget' });
      if (input.startsOn !== undefined || input.dueOn !== undefined) {
        const parent = current.parentId ? await records(tx, KeyTasks, ResponsibilityPermission.TaskManage).one(current.parentId) : null;
        checkPeriod(current.year, next.startsOn, next.dueOn, parent, { startsOn: 'input.startsOn', dueOn: 'input.dueOn' });
        // Subtasks must still fit in the period.
        const [outside] = await records(tx, KeyTasks, ResponsibilityPermission.TaskManage)
          .where(sql`t.parent_id = ${current.id} AND (t.starts_on < CAST(${next.startsOn} AS date) OR t.due_on > CAST(${next.dueOn} AS date))`)
          .list({ keys: KeyTaskOrder.keys(null), limit: 1, properties: ['id', 'code'] });
        if (outside) throw responsibilityRules.field(input.dueOn !== undefined ? 'input.dueOn' : 'input.startsOn', 'withinParent', `subtask ${outside.code} lies outside the new period.`);
      }
      if (input.ownerOrganizationId !== undefined || input.ownerPersonId !== undefined) await this.checkOwners(tx, next.ownerOrganizationId, next.ownerPersonId);
      if (input.code !== undefined && input.code !== current.code) await this.checkCode(tx, current.year, input.code, current.id);
      return updateRecord(tx, KeyTask, 'KeyTask', current, input.version, patch, { action: 'responsibility.key-task.update', ...recordEvent(responsibilityEvents['responsibility.key-task.updated'], payloadOf(current)) });
    });
  }

  /** Progress on a task without open subtasks (a parent's is rolled up): the report step and its timeline entry. */
  report(ctx: RequestContext, input: RecordKeyTaskProgressInput): Promise<KeyTask> {
    const recordedOn = input.recordedOn ?? ctx.clock.today();
    assertNotFuture(recordedOn, 'input.recordedOn', ctx.clock.today());
    return this.step(ctx, 'report', input, { reportedProgress: input.progress }, { recordedOn, note: input.note, progress: input.progress, attachmentIds: input.attachmentIds }, async (tx, task) => {
      if (await this.openSubtasks(tx, task.id)) throw responsibilityRules.field('input.id', 'leaf', 'the task has subtasks: its progress is rolled up from theirs; report on them.');
    }, async (tx, task) => {
      // Work under the tasks above has begun: those still PLANNED move to IN_PROGRESS with the report, each audited.
      for (const a of await startAncestors(tx, task.id)) {
        await audit(tx, { action: 'responsibility.key-task.start', entityType: 'KeyTask', entityId: a.id, changes: { status: [KeyTaskStatus.PLANNED, KeyTaskStatus.IN_PROGRESS], subtaskId: task.id } });
      }
    });
  }

  complete(ctx: RequestContext, input: CompleteKeyTaskInput): Promise<KeyTask> {
    assertNotFuture(input.completedOn, 'input.completedOn', ctx.clock.today());
    return this.step(ctx, 'complete', input, { completedOn: input.completedOn, reportedProgress: 100 }, { recordedOn: input.completedOn, note: input.note, progress: 100, attachmentIds: input.attachmentIds }, async (tx, task) => {
      if (input.completedOn < task.startsOn) throw responsibilityRules.field('input.completedOn', 'range', `must not be before the task's first day (${task.startsOn}).`);
      const open = await this.openSubtasks(tx, task.id);
      if (open) throw responsibilityRules.field('input.id', 'childrenOpen', `${open} subtask(s) are still open: complete or cancel them first.`);
    });
  }

  cancel(ctx: RequestContext, input: KeyTaskReasonInput): Promise<KeyTask> {
    return this.step(ctx, 'cancel', input, { note: input.reason }, { recordedOn: ctx.clock.today(), note: input.reason });
  }

  reopen(ctx: RequestContext, input: KeyTaskReasonInput): Promise<KeyTask> {
    return this.step(ctx, 'reopen', input, { note: input.reason, completedOn: null }, { recordedOn: ctx.clock.today(), note: input.reason }, async (tx, task) => {
      const parent = task.parentId ? await records(tx, KeyTasks, ResponsibilityPermission.TaskManage).one(task.parentId, ['id', 'status']) : null;
      if (parent && parent.status !== KeyTaskStatus.IN_PROGRESS && parent.status !== KeyTaskStatus.PLANNED) throw responsibilityRules.field('input.id', 'state', `its parent task is ${parent.status}: reopen the parent first.`);
    });
  }

  /**
   * One workflow step: the task locked within the step's permission scope (else NOT_FOUND), at the
   * version read (else CONFLICT), in a state the step starts from (else `state`), then the step's own
   * checks; the change, its timeline entry (with evidence), audit entry and event commit together.
   */
  private step(
    ctx: RequestContext,
    name: KeyTaskStep,
    input: { readonly id: string; readonly version: number },
    patch: Patch<Omit<KeyTask, 'status'>>,
    details: { recordedOn: string; note: string; progress?: number; attachmentIds?: readonly string[] },
    check?: (tx: RequestContext, task: KeyTask) => Promise<void>,
    after?: (tx: RequestContext, task: KeyTask) => Promise<void>,
  ): Promise<KeyTask> {
    return transaction(ctx, async (tx) => {
      const current = await records(tx, KeyTasks, KEY_TASK_WORKFLOW.permissionOf(name)).lock(input.id);
      const organization = (await records(tx, Organizations, KEY_TASK_WORKFLOW.permissionOf(name)).one(current.ownerOrganizationId, ['id', 'path']))!;
      const updated = await applyStep(tx, KEY_TASK_WORKFLOW, name, {
        current,
        version: input.version,
        patch,
        details: { ...details, organization: { id: organization.id, path: organization.path } },
        check: () => check?.(tx, current),
        changes: { ...diff(current, { ...current, ...patch }), note: details.note },
      });
      await after?.(tx, updated);
      return updated;
    });
  }

  /** How many subtasks of the task are still open. */
  private openSubtasks(tx: RequestContext, taskId: string): Promise<number> {
    return records(tx, KeyTasks, ResponsibilityPermission.TaskRead).where(sql`t.parent_id = ${taskId} AND t.status = ANY(${OPEN})`).count();
  }

  /** An indicator target needs a registered indicator and a value, both or neither. */
  private checkIndicator(ctx: RequestContext, code: string | null, target: number | null, field: { code: string; target: string }): void {
    if ((code === null) !== (target === null)) throw responsibilityRules.field(code === null ? field.code : field.target, 'indicatorTarget', 'give both an indicator and its target value, or neither.');
    if (code !== null && !registeredIndicators(ctx).has(code)) throw responsibilityRules.field(field.code, 'exists', `no enabled module registers the indicator ${code} (see indicators).`);
  }

  /** The owner organization and person, within the caller's scope and not archived; else NOT_FOUND (or notArchived) naming the field. */
  private async checkOwners(tx: RequestContext, organizationId: string, personId: string | null): Promise<void> {
    await records(tx, Organizations, ResponsibilityPermission.TaskManage).reference(organizationId, 'input.ownerOrganizationId', { properties: ['id'] });
    if (personId) await records(tx, Persons).reference(personId, 'input.ownerPersonId', { properties: ['id'] });
  }

  /** A plan number is unique in its year (a concurrent duplicate is refused by the unique index: CONFLICT). */
  private async checkCode(tx: RequestContext, year: number, code: string, except: string | null): Promise<void> {
    const taken = await records(tx, KeyTasks, ResponsibilityPermission.TaskRead)
      .where(sql`t.year = ${year} AND t.code = ${code}${except ? sql` AND t.id <> ${except}` : sql``}`)
      .count();
    if (taken) throw responsibilityRules.field('input.code', 'unique', `${year} has a task numbered ${code} already.`);
  }
}
