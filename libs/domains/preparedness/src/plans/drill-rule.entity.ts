import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { BaseRecord, DateTimeScalar, Node } from '@platform/core';
import { OrganizationKind } from '@platform/directory';
import { DrillForm, DrillRulePeriod } from './plan.enums';

@ObjectType({ implements: Node, description: '演练考核规则。A drill requirement kept as data: which organizations it applies to, how many qualifying drills per period. Of the active rules matching an organization, the one with the highest priority applies.' })
@Entity('drill_rule')
export class DrillRule extends BaseRecord {
  @Field({ description: '规则代码。Unique code, e.g. ENTERPRISE_EVACUATION_YEARLY.' })
  @Column({ type: 'text', unique: true })
  code: string;

  @Field({ description: '规则名称。Chinese name, e.g. 企业每年至少1次疏散逃生演练.' })
  @Column({ type: 'text' })
  name: string;

  @Field(() => [OrganizationKind], { description: '适用组织类型。Kinds of organization the rule applies to.' })
  @Column({ type: 'text', array: true })
  organizationKinds: OrganizationKind[];

  @Field(() => Boolean, { nullable: true, description: '高危行业。For enterprises: true only high-risk ones, false only ordinary ones, null any.' })
  @Column({ type: 'boolean', nullable: true })
  highRisk: boolean | null;

  @Field(() => DrillRulePeriod, { description: '考核周期。Per year or per half year.' })
  @Column({ type: 'text' })
  period: DrillRulePeriod;

  @Field(() => Int, { description: '最少次数。Qualifying drills required in each period (at least 1).' })
  @Column({ type: 'int' })
  minDrills: number;

  @Field(() => [DrillForm], { description: '认可形式。Drill forms that count; empty means any form.' })
  @Column({ type: 'text', array: true })
  qualifyingForms: DrillForm[];

  @Field(() => Int, { description: '优先级。When several active rules match an organization, the highest priority applies (ties: by code).' })
  @Column({ type: 'int' })
  priority: number;

  @Field(() => DateTimeScalar, { nullable: true, description: '归档时间。When the rule was withdrawn; null while active.' })
  @Column({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null;
}
