import { Field, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeScalar, PrincipalKind, UUIDScalar, ReadByColumnSelection, Node, type Principal } from '@platform/core';
import { HazardStatus } from './hazard.enums';
import { HazardActionEnum, type HazardActionName } from './hazard-steps';

@ObjectType({ implements: Node, description: '隐患处置记录。One step of a hazard\'s life: who moved it from which state to which, when, with what note.' })
@ReadByColumnSelection()
@Entity('hazard_event')
@Index('hazard_event_hazard_at_idx', ['hazardId', 'at', 'id'])
export class HazardEvent {
  @Field(() => UUIDScalar, { description: '标识。Id of the step.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => UUIDScalar, { description: '隐患标识。The hazard.' })
  @Column({ type: 'uuid' })
  hazardId: string;

  @Field(() => HazardActionEnum, { description: '操作。The report or the step taken, e.g. CONFIRM, SUBMIT_RECTIFICATION.' })
  @Column({ type: 'text' })
  action: HazardActionName;

  @Field(() => HazardStatus, { nullable: true, description: '原状态。State before the step; null for the report.' })
  @Column({ type: 'text', nullable: true })
  fromStatus: HazardStatus | null;

  @Field(() => HazardStatus, { description: '新状态。State after the step.' })
  @Column({ type: 'text' })
  toStatus: HazardStatus;

  @Field(() => PrincipalKind, { description: '操作者类型。Who took the step: USER, API_CLIENT or SYSTEM.' })
  @Column({ type: 'text' })
  actorKind: Principal['kind'];

  @Field(() => UUIDScalar, { nullable: true, description: '操作者标识。The user or API client.' })
  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Field(() => String, { nullable: true, description: '说明。Note of the step.' })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Field(() => DateTimeScalar, { description: '时间。When the step was taken.' })
  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;
}
