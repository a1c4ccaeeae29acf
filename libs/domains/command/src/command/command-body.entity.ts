import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, DateTimeScalar, UUIDScalar, ReadByColumnSelection, Node } from '@platform/core';
import { CommandBodyKind } from './command.enums';

@ObjectType({ implements: Node, description: '指挥机构。A command body of the town or a village: the emergency command headquarters (应急指挥部) or the joint command room (一中心四板块联合指挥室).' })
@Entity('command_body')
@Index('command_body_organization_idx', ['organizationId'])
export class CommandBody extends BaseRecord {
  @Field(() => UUIDScalar, { description: '所属单位标识。The town government or village the body belongs to; scope is measured from it.' })
  @Column({ type: 'uuid' })
  organizationId: string;

  @Field(() => CommandBodyKind, { description: '类型。Headquarters or joint command room.' })
  @Column({ type: 'text' })
  kind: CommandBodyKind;

  @Field({ description: '名称。Name, e.g. 南平镇应急指挥部.' })
  @Column({ type: 'text' })
  name: string;

  @Field(() => String, { nullable: true, description: '办公地址。Where the body sits; null when not recorded.' })
  @Column({ type: 'text', nullable: true })
  address: string | null;

  @Field(() => String, { nullable: true, description: '值班电话。The 24-hour duty phone; null when not recorded.' })
  @Column({ type: 'text', nullable: true })
  dutyPhone: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '归档时间。When the body was dissolved; null while it stands.' })
  @Column({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null;
}

@ObjectType({ implements: Node, description: '指挥机构职位。A position in a command body, e.g. 指挥长, 副指挥长, 办公室主任, 成员, or the centre and the four sections of the joint command room, with who holds it.' })
@ReadByColumnSelection()
@Entity('command_position')
@Index('command_position_body_idx', ['bodyId', 'sortOrder', 'id'])
export class CommandPosition extends BaseRecord {
  @Field(() => UUIDScalar, { description: '指挥机构标识。The command body.' })
  @Column({ type: 'uuid' })
  bodyId: string;

  @Field({ description: '职位。Title, e.g. 指挥长, 副指挥长, 成员, 指挥中心, 平安法治板块.' })
  @Column({ type: 'text' })
  title: string;

  @Field(() => String, { nullable: true, description: '职责。What the position leads, e.g. 负责防汛抗旱 or 综合协调; null when not described.' })
  @Column({ type: 'text', nullable: true })
  responsibility: string | null;

  @Field(() => UUIDScalar, { description: '担任人标识。The person holding the position.' })
  @Column({ type: 'uuid' })
  holderPersonId: string;

  @Field(() => UUIDScalar, { nullable: true, description: 'AB角标识。The deputy (B角) standing in for the holder; null when none.' })
  @Column({ type: 'uuid', nullable: true })
  deputyPersonId: string | null;

  @Field(() => Int, { description: '排序。Position in the list of the body, smallest first.' })
  @Column({ type: 'int' })
  sortOrder: number;

  @Field(() => String, { nullable: true, description: '办公电话。Office phone of the position; null when none.' })
  @Column({ type: 'text', nullable: true })
  contactPhone: string | null;
}
