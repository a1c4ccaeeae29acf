import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, LocalDateScalar, Node, ReadByColumnSelection, UUIDScalar } from '@platform/core';
import { KeyProjectStage, ThreeSimultaneityStage } from './registries.enums';

/** 重点建设项目: a key construction project in the town, its owner (whose scope it is in), builder, stage and supervising department. */
@ObjectType({ implements: Node, description: '重点建设项目。A key construction project: owner, builder, stage, supervising department and its 三同时 record.' })
@ReadByColumnSelection()
@Entity('key_project')
export class KeyProject extends BaseRecord {
  @Field({ description: '项目名称。The project, e.g. 南平镇污水处理厂提标改造工程.' })
  @Column({ type: 'text' })
  name: string;

  @Field(() => UUIDScalar, { description: '建设单位标识。The owner (建设单位) as an organization of the directory; scope is measured from it.' })
  @Column({ type: 'uuid' })
  ownerOrganizationId: string;

  @Field({ description: '施工单位。The builder (施工单位) by name.' })
  @Column({ type: 'text' })
  builderName: string;

  @Field(() => KeyProjectStage, { description: '项目阶段。Where the project stands.' })
  @Column({ type: 'text' })
  stage: KeyProjectStage;

  @Field(() => UUIDScalar, { description: '监管部门标识。The town department supervising its safety.' })
  @Column({ type: 'uuid' })
  supervisingDepartmentId: string;

  @Field(() => String, { nullable: true, description: '项目说明。Scale, location and main works.' })
  @Column({ type: 'text', nullable: true })
  description: string | null;
}

/** One stage of a project's 三同时 record: the approval or acceptance, its day and evidence. */
@ObjectType({ implements: Node, description: '三同时记录。One stage of a key project\'s 三同时 record (design review, construction, completion acceptance) with its document, day and evidence.' })
@ReadByColumnSelection()
@Entity('three_simultaneity_record')
@Index('three_simultaneity_record_project_idx', ['projectId', 'stage'], { unique: true })
export class ThreeSimultaneityRecord extends BaseRecord {
  @Field(() => UUIDScalar, { description: '项目标识。The project; its scope is the project\'s.' })
  @Column({ type: 'uuid' })
  projectId: string;

  @Field(() => ThreeSimultaneityStage, { description: '阶段。Which stage of 三同时 it records (one record per stage).' })
  @Column({ type: 'text' })
  stage: ThreeSimultaneityStage;

  @Field({ description: '文号。The approval or acceptance document number, e.g. 南川应急审批〔2025〕12号.' })
  @Column({ type: 'text' })
  documentNumber: string;

  @Field(() => LocalDateScalar, { description: '日期。The day of the approval or acceptance (not in the future).' })
  @Column({ type: 'date' })
  approvedOn: string;

  @Field(() => String, { nullable: true, description: '说明。Who approved or accepted, and any conditions.' })
  @Column({ type: 'text', nullable: true })
  note: string | null;
}
