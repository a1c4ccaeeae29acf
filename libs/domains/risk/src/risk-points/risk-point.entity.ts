import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { BaseRecord, DateTimeScalar, UUIDScalar, Node, LocalDateScalar } from '@platform/core';
import { ControlMeasureKind, RiskCategory, RiskLevel } from './risk-point.enums';

@ObjectType({ implements: Node, description: '风险点。A place or activity with an assessed risk (双重预防机制), graded in four colours with its control measures; natural-disaster points also carry the households they threaten.' })
@Entity('risk_point')
@Index('risk_point_organization_idx', ['organizationId'])
export class RiskPoint extends BaseRecord {
  @Field(() => UUIDScalar, { description: '所属单位标识。The organization responsible for the point.' })
  @Column({ type: 'uuid' })
  organizationId: string;

  @Field({ description: '名称。Name of the point, such as 龙山村2组滑坡隐患点 or 加油站卸油区.' })
  @Column({ type: 'text' })
  name: string;

  @Field(() => RiskCategory, { description: '类别。What kind of risk.' })
  @Column({ type: 'text' })
  category: RiskCategory;

  @Field(() => RiskLevel, { description: '等级。Four-colour grade.' })
  @Column({ type: 'text' })
  level: RiskLevel;

  @Field(() => String, { nullable: true, description: '描述。What the risk is.' })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'double precision', nullable: true })
  longitude: number | null;

  @Column({ type: 'double precision', nullable: true })
  latitude: number | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '复评日期。When the grade is due for review (YYYY-MM-DD).' })
  @Column({ type: 'date', nullable: true })
  reviewDue: string | null;

  @Field(() => Int, { nullable: true, description: '受威胁户数。Households threatened (natural-disaster points).' })
  @Column({ type: 'int', nullable: true })
  threatenedHouseholds: number | null;

  @Field(() => Int, { nullable: true, description: '受威胁人数。People threatened (natural-disaster points).' })
  @Column({ type: 'int', nullable: true })
  threatenedPeople: number | null;

  @Field(() => UUIDScalar, { nullable: true, description: '监测人标识。The person who monitors the point (群测群防监测员).' })
  @Column({ type: 'uuid', nullable: true })
  monitorPersonId: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '归档时间。When the point was archived (removed, engineered away); null while active.' })
  @Column({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null;
}

@ObjectType({ implements: Node, description: '管控措施。One control measure of a risk point, with its owner.' })
@Entity('risk_control_measure')
@Index('risk_control_measure_point_idx', ['riskPointId'])
export class ControlMeasure {
  @Field(() => UUIDScalar, { description: '标识。Id of the measure.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  riskPointId: string;

  @Field(() => ControlMeasureKind, { description: '类型。人防, 物防, 管理防 or 工程防.' })
  @Column({ type: 'text' })
  kind: ControlMeasureKind;

  @Field({ description: '措施。What is done.' })
  @Column({ type: 'text' })
  description: string;

  @Field(() => UUIDScalar, { nullable: true, description: '责任人标识。Who owns the measure.' })
  @Column({ type: 'uuid', nullable: true })
  ownerPersonId: string | null;
}
