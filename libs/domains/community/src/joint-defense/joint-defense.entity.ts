import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, DateTimeScalar, Node, UUIDScalar } from '@platform/core';

/** One entry of a group's call chain as stored (jsonb); the phone is personal data. */
export interface StoredContact {
  name: string;
  phone: string;
  role: string | null;
}

@ObjectType({ description: '联防联系人。One entry of a joint defense group\'s call chain; the phone is masked (138****5678) unless you may read household personal data there.' })
export class JointDefenseContact {
  @Field({ description: '姓名。Who to call.' })
  name: string;

  @Field(() => String, { nullable: true, description: '职责。Their part in the call chain, e.g. 信息员 or 转移引导.' })
  role: string | null;

  @Field(() => String, { description: '电话。Phone number; masked unless you hold rescue.household:read-sensitive for the group\'s organization.' })
  phone: string;
}

@ObjectType({ implements: Node, description: '十户联防组。A ten-household joint defense group (十户联防) of a village, community or grid: its leader, deputy, call chain and households.' })
@Entity('joint_defense_group')
@Index('joint_defense_group_organization_idx', ['organizationId'])
export class JointDefenseGroup extends BaseRecord {
  @Field(() => UUIDScalar, { description: '所属单位标识。The village, community or grid the group belongs to; scope is measured from it.' })
  @Column({ type: 'uuid' })
  organizationId: string;

  @Field({ description: '名称。Name of the group, e.g. 文凤村3组第1联防组.' })
  @Column({ type: 'text' })
  name: string;

  @Field(() => String, { nullable: true, description: '片区。The area the group covers (村民小组, 片区, street section); null when not given.' })
  @Column({ type: 'text', nullable: true })
  area: string | null;

  @Field(() => UUIDScalar, { description: '联防组长标识。The person leading the group.' })
  @Column({ type: 'uuid' })
  leaderPersonId: string;

  @Field(() => UUIDScalar, { nullable: true, description: '副组长标识。The deputy leader; null when there is none.' })
  @Column({ type: 'uuid', nullable: true })
  deputyPersonId: string | null;

  /** Sensitive phones: exposed through the masking `contacts` field resolver. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  contacts: StoredContact[];

  @Field(() => DateTimeScalar, { nullable: true, description: '归档时间。When the group was dissolved; null while active.' })
  @Column({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null;
}

@ObjectType({ implements: Node, description: '联防住户。A household of a joint defense group. Phone and vulnerable flags are personal data: masked or null unless you hold rescue.household:read-sensitive for its organization (each unmasked read is audited).' })
@Entity('joint_defense_household')
@Index('joint_defense_household_organization_idx', ['organizationId'])
export class Household extends BaseRecord {
  @Field(() => UUIDScalar, { description: '联防组标识。The joint defense group of the household.' })
  @Column({ type: 'uuid' })
  groupId: string;

  @Field(() => UUIDScalar, { description: '所属单位标识。The group\'s organization (follows the group); scope is measured from it.' })
  @Column({ type: 'uuid' })
  organizationId: string;

  @Field({ description: '户主。Name of the head of the household.' })
  @Column({ type: 'text' })
  headName: string;

  @Field(() => UUIDScalar, { nullable: true, description: '户主人员标识。The head of the household as a person of the directory, if linked.' })
  @Column({ type: 'uuid', nullable: true })
  headPersonId: string | null;

  @Field({ description: '住址。Address, e.g. 文凤村3组.' })
  @Column({ type: 'text' })
  address: string;

  /** Sensitive: exposed through a masking field resolver. */
  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Field(() => Int, { description: '人数。People living in the household, 1 to 30.' })
  @Column({ type: 'int' })
  memberCount: number;

  /** Sensitive (独居老人): exposed through a field resolver. */
  @Column({ type: 'boolean', default: false })
  elderlyLivingAlone: boolean;

  /** Sensitive (残疾人): exposed through a field resolver. */
  @Column({ type: 'int', default: 0 })
  disabledMembers: number;

  /** Sensitive (留守/未成年儿童): exposed through a field resolver. */
  @Column({ type: 'int', default: 0 })
  childrenMembers: number;

  /** Sensitive (e.g. 行动不便): exposed through a field resolver. */
  @Column({ type: 'text', nullable: true })
  vulnerabilityNote: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '移除时间。When the household was removed from the group (moved away, merged); null while listed.' })
  @Column({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null;
}
