import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, Node, UUIDScalar, LocalDateScalar } from '@platform/core';
import { DrillForm, DrillProblemFollowUp, DrillProblemStatus } from './plan.enums';

@ObjectType({ implements: Node, description: '应急演练。A drill held by an organization, optionally of one of its plans, with the problems it found.' })
@Entity('drill')
@Index('drill_organization_held_idx', ['organizationId', 'heldOn'])
export class Drill extends BaseRecord {
  @Field(() => UUIDScalar, { description: '组织单位标识。The organization that held the drill; scope is measured from it.' })
  @Column({ type: 'uuid' })
  organizationId: string;

  @Field(() => UUIDScalar, { nullable: true, description: '演练预案标识。The plan drilled (the organization\'s own or an ancestor\'s); null when none.' })
  @Column({ type: 'uuid', nullable: true })
  planId: string | null;

  @Field(() => LocalDateScalar, { description: '演练日期。Day the drill was held (YYYY-MM-DD, China time).' })
  @Column({ type: 'date' })
  heldOn: string;

  @Field(() => DrillForm, { description: '演练形式。Tabletop, functional, full-scale or evacuation.' })
  @Column({ type: 'text' })
  form: DrillForm;

  @Field({ description: '演练名称。Title, e.g. 2026年文凤村防汛转移避险演练.' })
  @Column({ type: 'text' })
  title: string;

  @Field(() => String, { nullable: true, description: '演练情景。The scenario played, e.g. 强降雨引发山洪.' })
  @Column({ type: 'text', nullable: true })
  scenario: string | null;

  @Field(() => Int, { description: '参演人数。How many people took part.' })
  @Column({ type: 'int' })
  participantCount: number;

  @Field(() => String, { nullable: true, description: '参演单位。Departments and teams that took part.' })
  @Column({ type: 'text', nullable: true })
  participants: string | null;

  @Field(() => String, { nullable: true, description: '演练评估。How the drill went (评估总结).' })
  @Column({ type: 'text', nullable: true })
  evaluation: string | null;
}

@ObjectType({ implements: Node, description: '演练发现问题。A problem a drill found, noted, followed up as a task, or reported as a hazard.' })
@Entity('drill_problem')
@Index('drill_problem_drill_idx', ['drillId', 'position'])
export class DrillProblem extends BaseRecord {
  @Field(() => UUIDScalar, { description: '演练标识。The drill that found it.' })
  @Column({ type: 'uuid' })
  drillId: string;

  @Field(() => Int, { description: '序号。Position in the drill\'s list of problems, from 1.' })
  @Column({ type: 'int' })
  position: number;

  @Field({ description: '问题描述。What went wrong, e.g. 广播预警覆盖不到三组.' })
  @Column({ type: 'text' })
  description: string;

  @Field(() => DrillProblemFollowUp, { description: '跟进方式。None, a task, or a hazard.' })
  @Column({ type: 'text' })
  followUp: DrillProblemFollowUp;

  @Field(() => UUIDScalar, { nullable: true, description: '责任人标识。Who owns the follow-up task (TASK only).' })
  @Column({ type: 'uuid', nullable: true })
  ownerPersonId: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '完成期限。Day the task is due (YYYY-MM-DD, TASK only).' })
  @Column({ type: 'date', nullable: true })
  dueOn: string | null;

  @Field(() => DrillProblemStatus, { nullable: true, description: '任务状态。OPEN or DONE (TASK only).' })
  @Column({ type: 'text', nullable: true })
  status: DrillProblemStatus | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '完成日期。Day the task was done (YYYY-MM-DD).' })
  @Column({ type: 'date', nullable: true })
  doneOn: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: '隐患标识。The hazard reported for it (HAZARD only).' })
  @Column({ type: 'uuid', nullable: true })
  hazardId: string | null;
}
