import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, LocalDateScalar, Node, ReadByColumnSelection, UUIDScalar } from '@platform/core';
import { EquipmentKind, EquipmentStatus, RenewalAction } from './equipment.enums';

/** A piece of equipment of an enterprise (设备更新): its installation year and whether it is an eliminated process or equipment. */
@ObjectType({ implements: Node, description: '企业设备。A piece of equipment of an enterprise: name, kind, model, installation year, and whether it is an eliminated process or equipment (淘汰落后工艺设备) with the catalogue reference the office recorded.' })
@ReadByColumnSelection()
@Entity('enterprise_equipment')
@Index('enterprise_equipment_enterprise_idx', ['enterpriseId', 'name', 'id'])
export class EnterpriseEquipment extends BaseRecord {
  @Field(() => UUIDScalar, { description: '企业标识。The enterprise owning it; scope is measured from it.' })
  @Column({ type: 'uuid' })
  enterpriseId: string;

  @Field({ description: '设备名称。Its name, e.g. 中频感应电炉.' })
  @Column({ type: 'text' })
  name: string;

  @Field(() => EquipmentKind, { description: '设备类别。Production, special equipment, safety facility, electrical, vehicle or other.' })
  @Column({ type: 'text' })
  kind: EquipmentKind;

  @Field(() => String, { nullable: true, description: '型号规格。Model and size, e.g. GW-1.5t; null when not recorded.' })
  @Column({ type: 'text', nullable: true })
  model: string | null;

  @Field(() => Int, { description: '安装年份。The year it was installed.' })
  @Column({ type: 'int' })
  installedYear: number;

  @Field({ description: '淘汰落后工艺设备。True when it is an eliminated process or equipment (listed for elimination).' })
  @Column({ type: 'boolean' })
  eliminated: boolean;

  @Field(() => String, { nullable: true, description: '淘汰目录依据。The catalogue entry the office names for an eliminated item (free text, e.g. the catalogue and its item); null when not eliminated.' })
  @Column({ type: 'text', nullable: true })
  catalogueReference: string | null;

  @Field(() => EquipmentStatus, { description: '状态。In service or retired.' })
  @Column({ type: 'text' })
  status: EquipmentStatus;

  @Field(() => LocalDateScalar, { nullable: true, description: '停用日期。The day it was retired; null while in service.' })
  @Column({ type: 'date', nullable: true })
  retiredOn: string | null;

  @Field(() => String, { nullable: true, description: '备注。A note.' })
  @Column({ type: 'text', nullable: true })
  note: string | null;
}

/** A renewal plan of a piece of equipment: replace, retrofit or retire it by a day; done with an evidence note. */
@ObjectType({ implements: Node, description: '设备更新计划。A plan to replace, retrofit or retire a piece of enterprise equipment by a day; done with an evidence note; overdue when not done after its day.' })
@ReadByColumnSelection()
@Entity('equipment_renewal_plan')
@Index('equipment_renewal_plan_equipment_idx', ['equipmentId', 'dueOn', 'id'])
export class EquipmentRenewalPlan extends BaseRecord {
  @Field(() => UUIDScalar, { description: '设备标识。The equipment it renews.' })
  @Column({ type: 'uuid' })
  equipmentId: string;

  @Field(() => UUIDScalar, { description: '企业标识。The equipment\'s enterprise; scope is measured from it.' })
  @Column({ type: 'uuid' })
  enterpriseId: string;

  @Field(() => RenewalAction, { description: '更新方式。Replace, retrofit or retire.' })
  @Column({ type: 'text' })
  action: RenewalAction;

  @Field({ description: '计划内容。What is planned, e.g. 更换为中频感应电炉并加装冷却水断水报警.' })
  @Column({ type: 'text' })
  description: string;

  @Field(() => LocalDateScalar, { description: '计划完成日期。The day it is due (overdue from the day after).' })
  @Column({ type: 'date' })
  dueOn: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '完成日期。The day it was done; null while open.' })
  @Column({ type: 'date', nullable: true })
  doneOn: string | null;

  @Field(() => String, { nullable: true, description: '完成佐证。The evidence of completion (acceptance record, invoice, photos described); null while open.' })
  @Column({ type: 'text', nullable: true })
  evidenceNote: string | null;
}
