import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, LocalDateScalar, Node, ReadByColumnSelection, UUIDScalar } from '@platform/core';
import { KeyTaskStatus } from './key-task.enums';

/**
 * An annual key task (年度重点任务): a node of the year's task tree (the work plan's sections, its
 * points, and the concrete tasks under them), owned by an organization, due on a day. Leaves carry the
 * progress their owners report; a parent's progress is rolled up from its children by weight (the
 * Decidim accountability rule). A target may be bound to a registered indicator, whose live value is
 * then the task's progress.
 */
@ObjectType({ implements: Node, description: '年度重点任务。An annual key task: a node of the year\'s task tree with its owner, period, weight, status and progress (rolled up from subtasks; live from an indicator when bound to one).' })
@ReadByColumnSelection()
@Entity('key_task')
@Index('key_task_year_idx', ['year', 'code'], { unique: true })
export class KeyTask extends BaseRecord {
  @Field(() => Int, { description: '年度。The year of the plan the task belongs to.' })
  @Column({ type: 'int' })
  year: number;

  @Field(() => UUIDScalar, { nullable: true, description: '上级任务标识。The task this one is part of; null for a top-level task.' })
  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  @Field(() => Int, { description: '层级。1 for a top-level task, its parent\'s plus 1 below (at most 5).' })
  @Column({ type: 'int', default: 1 })
  depth: number;

  @Field({ description: '编号。The task\'s number in the plan, e.g. 一, （五） or （五）-2; unique in the year.' })
  @Column({ type: 'text' })
  code: string;

  @Field(() => Int, { description: '排序号。Its place in the plan\'s order (the document\'s order: sections, then their points, then their tasks); lists sort by it.' })
  @Column({ type: 'int' })
  position: number;

  @Field({ description: '任务名称。What is to be achieved, e.g. 实现重大事故隐患按期整改率达到100%.' })
  @Column({ type: 'text' })
  title: string;

  @Field(() => String, { nullable: true, description: '任务说明。Details, measures and the expected result.' })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Field(() => UUIDScalar, { description: '牵头单位标识。The organization that owns the task (a department, a village or the town); scope is measured from it.' })
  @Column({ type: 'uuid' })
  ownerOrganizationId: string;

  @Field(() => UUIDScalar, { nullable: true, description: '责任人标识。The official responsible; null when only the organization is named.' })
  @Column({ type: 'uuid', nullable: true })
  ownerPersonId: string | null;

  @Field(() => Int, { description: '权重。The task\'s weight among its siblings (1–100) in its parent\'s progress.' })
  @Column({ type: 'int', default: 1 })
  weight: number;

  @Field(() => LocalDateScalar, { description: '开始日期。The first day of the task\'s period.' })
  @Column({ type: 'date' })
  startsOn: string;

  @Field(() => LocalDateScalar, { description: '完成时限。The day by which it is to be completed.' })
  @Column({ type: 'date' })
  dueOn: string;

  @Field(() => KeyTaskStatus, { description: '状态。Where it stands.' })
  @Column({ type: 'text' })
  status: KeyTaskStatus;

  @Field(() => Int, { description: '填报进度。The progress its owner last reported (0–100); a task with subtasks reports none (see `progress`).' })
  @Column({ type: 'int', default: 0 })
  reportedProgress: number;

  @Field(() => LocalDateScalar, { nullable: true, description: '完成日期。The day it was completed; null unless COMPLETED.' })
  @Column({ type: 'date', nullable: true })
  completedOn: string | null;

  @Field(() => String, { nullable: true, description: '关联指标。The registered indicator its target is measured by (see `indicators`), e.g. risk.major-hazard-on-time-rectification.' })
  @Column({ type: 'text', nullable: true })
  indicatorCode: string | null;

  @Field(() => Float, { nullable: true, description: '指标目标值。The indicator value that counts as done, in the indicator\'s unit (a RATE of 1 is 100 %).' })
  @Column({ type: 'double precision', nullable: true })
  indicatorTarget: number | null;

  @Field(() => UUIDScalar, { description: '进度规则版本。The version of the rule responsibility.key-task.schedule (the behind-schedule tolerance) in force when the task was created; the task keeps it.' })
  @Column({ type: 'uuid' })
  scheduleRuleVersionId: string;

  @Field(() => String, { nullable: true, description: '说明。Why it was cancelled or reopened, the latest such note.' })
  @Column({ type: 'text', nullable: true })
  note: string | null;
}

/** A timeline entry of a key task (进展记录): progress reported, completion, cancellation or reopening, with evidence. */
@ObjectType({ implements: Node, description: '任务进展记录。A timeline entry of a key task: the progress reported on a day, or its completion, cancellation or reopening, with a note and evidence attachments.' })
@ReadByColumnSelection()
@Entity('key_task_update')
@Index('key_task_update_task_idx', ['taskId', 'createdAt', 'id'])
export class KeyTaskUpdate extends BaseRecord {
  @Field(() => UUIDScalar, { description: '任务标识。The task; its scope is the task\'s.' })
  @Column({ type: 'uuid' })
  taskId: string;

  @Field(() => LocalDateScalar, { description: '日期。The day the entry is about (not in the future).' })
  @Column({ type: 'date' })
  recordedOn: string;

  @Field(() => Int, { nullable: true, description: '进度。The progress reported (0–100); null for an entry that changed only the status.' })
  @Column({ type: 'int', nullable: true })
  progress: number | null;

  @Field(() => KeyTaskStatus, { description: '状态。The task\'s status after the entry.' })
  @Column({ type: 'text' })
  status: KeyTaskStatus;

  @Field({ description: '进展说明。What was done, or why the status changed.' })
  @Column({ type: 'text' })
  note: string;
}
