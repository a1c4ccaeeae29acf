import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, DateTimeScalar, UUIDScalar, ReadByColumnSelection, Node, LocalDateScalar } from '@platform/core';
import { RescueTeamKind, RescueTeamReadiness, TeamEquipmentCategory, TeamEquipmentCondition, TeamMemberRole } from './command.enums';

@ObjectType({ implements: Node, description: '救援队伍。A rescue team: a village militia rescue team, a micro fire station, the full-time fire brigade, an enterprise team or volunteers, with its rota of shifts.' })
@ReadByColumnSelection()
@Entity('rescue_team')
@Index('rescue_team_organization_idx', ['organizationId'])
@Index('rescue_team_name_idx', ['name', 'id'])
export class RescueTeam extends BaseRecord {
  @Field(() => UUIDScalar, { description: '所属单位标识。The organization the team belongs to; scope is measured from it.' })
  @Column({ type: 'uuid' })
  organizationId: string;

  @Field(() => RescueTeamKind, { description: '类型。What kind of team.' })
  @Column({ type: 'text' })
  kind: RescueTeamKind;

  @Field({ description: '名称。Name, e.g. 文凤村民兵应急救援队.' })
  @Column({ type: 'text' })
  name: string;

  @Field(() => String, { nullable: true, description: '驻地。Where the team is based; null when not recorded.' })
  @Column({ type: 'text', nullable: true })
  baseAddress: string | null;

  @Field(() => String, { nullable: true, description: '值班电话。The team\'s duty phone; null when none.' })
  @Column({ type: 'text', nullable: true })
  dutyPhone: string | null;

  @Field(() => Int, { description: '班次数。How many shifts rotate (at least 1); members on the rota have a shift from 1 to this number.' })
  @Column({ type: 'int', default: 1 })
  shiftCount: number;

  @Field(() => RescueTeamReadiness, { description: '战备状态。How ready the team is to turn out.' })
  @Column({ type: 'text' })
  readiness: RescueTeamReadiness;

  @Field(() => LocalDateScalar, { nullable: true, description: '最近巡查日期。Day of the last patrol (YYYY-MM-DD); null when none recorded.' })
  @Column({ type: 'date', nullable: true })
  lastPatrolOn: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      '最近演练日期。Day of the last drill (YYYY-MM-DD); null when none recorded. The later of the day recorded for the team (recordTeamActivity, DRILL) and the latest drill held by the team\'s organization recorded in preparedness, among the drills you may read (rescue.plan:read).',
  })
  @Column({ type: 'date', nullable: true })
  /** The day stored on the team (its own DRILL activities); the field answers the later of it and its organization's latest drill (see `RescueTeamResolver.lastDrillOn`). */
  lastDrillOn: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '归档时间。When the team was disbanded; null while it serves.' })
  @Column({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null;
}

@ObjectType({ implements: Node, description: '队员。A person serving (or who served) in a rescue team, with role, qualifications and shift.' })
@ReadByColumnSelection()
@Entity('rescue_team_member')
@Index('rescue_team_member_person_idx', ['personId'])
export class TeamMember extends BaseRecord {
  @Field(() => UUIDScalar, { description: '队伍标识。The team.' })
  @Column({ type: 'uuid' })
  teamId: string;

  @Field(() => UUIDScalar, { description: '人员标识。The person.' })
  @Column({ type: 'uuid' })
  personId: string;

  @Field(() => TeamMemberRole, { description: '职务。Role in the team.' })
  @Column({ type: 'text' })
  role: TeamMemberRole;

  @Field(() => [String], { description: '资格证书。Qualifications held, e.g. 消防设施操作员, 急救员证.' })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  qualifications: string[];

  @Field(() => Int, { nullable: true, description: '班次。The shift (1 to the team\'s shift count) the member is on duty in; null when not on the rota.' })
  @Column({ type: 'int', nullable: true })
  shift: number | null;

  @Field(() => LocalDateScalar, { description: '入队日期。Day the member joined (YYYY-MM-DD).' })
  @Column({ type: 'date' })
  joinedOn: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '离队日期。Day the member left (YYYY-MM-DD); null while serving.' })
  @Column({ type: 'date', nullable: true })
  leftOn: string | null;
}

@ObjectType({ implements: Node, description: '队伍装备。Equipment kept by a rescue team, with quantity, condition and the last check.' })
@ReadByColumnSelection()
@Entity('rescue_team_equipment')
@Index('rescue_team_equipment_team_idx', ['teamId', 'name', 'id'])
export class TeamEquipment extends BaseRecord {
  @Field(() => UUIDScalar, { description: '队伍标识。The team.' })
  @Column({ type: 'uuid' })
  teamId: string;

  @Field({ description: '名称。What it is, e.g. 手抬机动消防泵.' })
  @Column({ type: 'text' })
  name: string;

  @Field(() => TeamEquipmentCategory, { description: '类别。Category.' })
  @Column({ type: 'text' })
  category: TeamEquipmentCategory;

  @Field(() => Int, { description: '数量。How many units (at least 1).' })
  @Column({ type: 'int' })
  quantity: number;

  @Field(() => TeamEquipmentCondition, { description: '状况。Condition as last checked.' })
  @Column({ type: 'text' })
  condition: TeamEquipmentCondition;

  @Field(() => LocalDateScalar, { nullable: true, description: '检查日期。Day of the last check (YYYY-MM-DD); null when never checked.' })
  @Column({ type: 'date', nullable: true })
  checkedOn: string | null;
}
