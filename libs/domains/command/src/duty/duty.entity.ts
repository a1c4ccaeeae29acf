import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, DateTimeScalar, UUIDScalar, Node, LocalDateScalar, LocalTimeScalar } from '@platform/core';
import { OrganizationKind } from '@platform/directory';
import { DutyAssignmentStatus, DutyRole, DutySeason } from './duty.enums';

@ObjectType({ implements: Node, description: '值班班次。A shift template of an organization\'s duty roster (联合指挥室白班, 夜班, 村委会24小时值班…): when it starts (China time) and how long it lasts.' })
@Entity('duty_shift')
@Index('duty_shift_organization_idx', ['organizationId'])
export class DutyShift extends BaseRecord {
  @Field(() => UUIDScalar, { description: '值班单位标识。The organization whose roster this is (the town government for the joint command room, an office such as 应急办, a village or community); scope is measured from it.' })
  @Column({ type: 'uuid' })
  organizationId: string;

  @Field({ description: '班次名称。Name of the shift, e.g. 白班, 夜班, 24小时值班.' })
  @Column({ type: 'text' })
  name: string;

  @Field(() => LocalTimeScalar, { description: '开始时间。When the shift starts, local China time HH:MM (24-hour).' })
  @Column({ type: 'text' })
  startsAt: string;

  @Field(() => Int, { description: '时长（分钟）。How long the shift lasts, 30 to 1440 minutes; a shift may run past midnight into the next day.' })
  @Column({ type: 'int' })
  durationMinutes: number;

  @Field(() => DateTimeScalar, { nullable: true, description: '归档时间。When the shift was retired; null while in use. Archived shifts are no longer slots of the coverage.' })
  @Column({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null;
}

@ObjectType({ implements: Node, description: '值班安排。One person on one shift on one day (排班), as leader or staff, through confirmation, check-in and hand-over.' })
@Entity('duty_assignment')
@Index('duty_assignment_organization_idx', ['organizationId', 'day'])
export class DutyAssignment extends BaseRecord {
  @Field(() => UUIDScalar, { description: '班次标识。The shift.' })
  @Column({ type: 'uuid' })
  shiftId: string;

  @Field(() => UUIDScalar, { description: '值班单位标识。The shift\'s organization (copied from the shift); scope is measured from it.' })
  @Column({ type: 'uuid' })
  organizationId: string;

  @Field(() => LocalDateScalar, { description: '值班日期。The day the shift starts on (YYYY-MM-DD, China time); a night shift runs into the next day.' })
  @Column({ type: 'date' })
  day: string;

  @Field(() => UUIDScalar, { description: '值班人员标识。The person on duty.' })
  @Column({ type: 'uuid' })
  personId: string;

  @Field(() => DutyRole, { description: '角色。Leader in charge (带班领导) or staff (值班人员).' })
  @Column({ type: 'text' })
  role: DutyRole;

  @Field(() => DutyAssignmentStatus, { description: '状态。Where the assignment stands.' })
  @Column({ type: 'text' })
  status: DutyAssignmentStatus;

  @Field(() => DateTimeScalar, { nullable: true, description: '确认时间。When the person confirmed; null before.' })
  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '签到时间。When the person checked in; null before.' })
  @Column({ type: 'timestamptz', nullable: true })
  checkedInAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '交班时间。When the shift was handed over; null before.' })
  @Column({ type: 'timestamptz', nullable: true })
  handedOverAt: Date | null;

  @Field(() => String, { nullable: true, description: '交班记录。What happened on the shift and what is pending for the next one; null before hand-over.' })
  @Column({ type: 'text', nullable: true })
  handOverNote: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '取消时间。When the assignment was cancelled; null unless cancelled.' })
  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @Field(() => String, { nullable: true, description: '取消原因。Why it was cancelled, when given.' })
  @Column({ type: 'text', nullable: true })
  cancelReason: string | null;
}

@ObjectType({ implements: Node, description: '值班力量要求。A coverage rule kept as data: how many leaders and staff each shift of organizations of some kinds needs, in normal times or in the flood season.' })
@Entity('duty_requirement')
export class DutyRequirement extends BaseRecord {
  @Field({ description: '代码。Unique code of the rule, e.g. COMMAND_ROOM_FLOOD.' })
  @Column({ type: 'text' })
  code: string;

  @Field({ description: '名称。Name of the rule, e.g. 汛期联合指挥室值班力量.' })
  @Column({ type: 'text' })
  name: string;

  @Field(() => [OrganizationKind], { description: '适用组织类型。Kinds of organization whose shifts the rule covers.' })
  @Column({ type: 'text', array: true })
  organizationKinds: OrganizationKind[];

  @Field(() => DutySeason, { description: '季节。Normal times or the flood season (May–September).' })
  @Column({ type: 'text' })
  season: DutySeason;

  @Field(() => Int, { description: '最少带班领导。Leaders needed on every shift.' })
  @Column({ type: 'int' })
  minLeaders: number;

  @Field(() => Int, { description: '最少值班人员。Staff needed on every shift.' })
  @Column({ type: 'int' })
  minStaff: number;

  @Field(() => Int, { description: '优先级。When several current rules cover the same kind and season, the highest priority applies (then the smallest code).' })
  @Column({ type: 'int' })
  priority: number;

  @Field(() => DateTimeScalar, { nullable: true, description: '归档时间。When the rule was retired; null while in force.' })
  @Column({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null;
}
