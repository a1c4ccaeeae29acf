import { Field, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { BaseRecord, LocalDateScalar, Node, ReadByColumnSelection, UUIDScalar } from '@platform/core';
import { NewBusinessFormatStatus } from './registries.enums';

/**
 * 三管三必须 (安全生产法 第三条): a department answers for the safety of an industry sector within an
 * organization subtree (by default the whole town). An enterprise is covered when an active assignment
 * of its sector is rooted at or above it.
 */
@ObjectType({ implements: Node, description: '行业监管职责。A 三管三必须 assignment: which department supervises the safety of which industry sector in which organization subtree, on what basis, from when until when.' })
@ReadByColumnSelection()
@Entity('supervision_assignment')
export class SupervisionAssignment extends BaseRecord {
  @Field(() => UUIDScalar, { description: '监管部门标识。The department (an organization of kind DEPARTMENT) that answers for the sector; scope is measured from it.' })
  @Column({ type: 'uuid' })
  departmentId: string;

  @Field({ description: '行业代码。The industry sector supervised (see `industrySectors`), e.g. HAZARDOUS_CHEMICALS.' })
  @Column({ type: 'text' })
  sectorCode: string;

  @Field(() => UUIDScalar, { description: '适用范围标识。The root of the organization subtree the assignment covers (the town for the whole town, a village or community for its part).' })
  @Column({ type: 'uuid' })
  subtreeRootId: string;

  @Field({ description: '依据。The basis of the assignment, e.g. 《安全生产法》第三条；南平镇安全生产委员会成员单位职责.' })
  @Column({ type: 'text' })
  basis: string;

  @Field(() => LocalDateScalar, { description: '起始日期。The first day the assignment applies.' })
  @Column({ type: 'date' })
  startedOn: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '终止日期。The day it stopped applying; null while active.' })
  @Column({ type: 'date', nullable: true })
  endedOn: string | null;

  @Field(() => String, { nullable: true, description: '终止原因。Why it ended (a new decision, a department merged); null while active.' })
  @Column({ type: 'text', nullable: true })
  endNote: string | null;
}

/**
 * 新兴业态 with no clear supervisor: the county-level government assigns the department with the
 * closest business (安全生产法 第十条). PENDING formats are supervision gaps until the decision is recorded.
 */
@ObjectType({ implements: Node, description: '新兴业态。A new business format with no clear supervising department (e.g. 电动自行车集中充电场所, 剧本杀): pending until the county-level government decides which department supervises it (安全生产法 第十条).' })
@ReadByColumnSelection()
@Entity('new_business_format')
export class NewBusinessFormat extends BaseRecord {
  @Field({ description: '业态名称。The format, e.g. 剧本杀、密室逃脱.' })
  @Column({ type: 'text' })
  name: string;

  @Field(() => String, { nullable: true, description: '业态说明。What it is and where it is found in the town.' })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Field(() => UUIDScalar, { description: '发现单位标识。The organization where it was found and reported (the town, a village or community); scope is measured from it.' })
  @Column({ type: 'uuid' })
  organizationId: string;

  @Field(() => LocalDateScalar, { description: '发现日期。The day it was reported.' })
  @Column({ type: 'date' })
  reportedOn: string;

  @Field(() => NewBusinessFormatStatus, { description: '状态。Pending or assigned.' })
  @Column({ type: 'text' })
  status: NewBusinessFormatStatus;

  @Field(() => UUIDScalar, { nullable: true, description: '监管部门标识。The department assigned to supervise it; null while pending.' })
  @Column({ type: 'uuid', nullable: true })
  departmentId: string | null;

  @Field(() => String, { nullable: true, description: '决定文件。The deciding document, e.g. 南川区人民政府关于明确新兴业态安全监管职责的通知; null while pending.' })
  @Column({ type: 'text', nullable: true })
  decisionDocument: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '决定日期。The day of the decision; null while pending.' })
  @Column({ type: 'date', nullable: true })
  decidedOn: string | null;
}
