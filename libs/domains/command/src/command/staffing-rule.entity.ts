import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, DateTimeScalar, Node } from '@platform/core';
import { OrganizationKind } from '@platform/directory';
import { RescueTeamKind } from './command.enums';

@ObjectType({ implements: Node, description: '人员配备标准。A staffing rule kept as data: the leaders, members, people on duty per shift and qualified members a kind of team must have; the highest-priority matching rule applies to a team.' })
@Entity('staffing_rule')
@Index('staffing_rule_code_uq', ['code'], { unique: true })
@Index('staffing_rule_kind_idx', ['teamKind', 'priority', 'id'])
export class StaffingRule extends BaseRecord {
  @Field({ description: '代码。Unique code, e.g. COMMUNITY_MICRO_FIRE_STATION.' })
  @Column({ type: 'text' })
  code: string;

  @Field({ description: '名称。Name, e.g. 社区微型消防站配备标准.' })
  @Column({ type: 'text' })
  name: string;

  @Field(() => RescueTeamKind, { description: '队伍类型。The kind of team the rule is for.' })
  @Column({ type: 'text' })
  teamKind: RescueTeamKind;

  @Field(() => [OrganizationKind], { description: '适用单位类型。Kinds of organization whose teams the rule applies to; empty for any.' })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  organizationKinds: OrganizationKind[];

  @Field(() => Int, { description: '队长人数。Serving leaders required.' })
  @Column({ type: 'int' })
  minLeaders: number;

  @Field(() => Int, { description: '队员人数。Serving members other than leaders required.' })
  @Column({ type: 'int' })
  minMembers: number;

  @Field(() => Int, { description: '每班执勤人数。Serving members required on the rota of each shift (0: no per-shift requirement).' })
  @Column({ type: 'int' })
  minOnDutyPerShift: number;

  @Field(() => String, { nullable: true, description: '必备资格。A qualification at least minQualified serving members must hold; null when none.' })
  @Column({ type: 'text', nullable: true })
  requiredQualification: string | null;

  @Field(() => Int, { description: '持证人数。Serving members required to hold requiredQualification (0 when there is none).' })
  @Column({ type: 'int', default: 0 })
  minQualified: number;

  @Field(() => Int, { description: '优先级。Of the active rules matching a team, the one with the highest priority applies.' })
  @Column({ type: 'int' })
  priority: number;

  @Field(() => DateTimeScalar, { nullable: true, description: '归档时间。When the rule was withdrawn; null while it applies.' })
  @Column({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null;
}
