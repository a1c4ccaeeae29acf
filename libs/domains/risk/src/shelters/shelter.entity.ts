import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { DateTimeScalar, LocatedRecord, UUIDScalar, Node } from '@platform/core';
import { ShelterStatus, ShelterType } from './shelter.enums';

@ObjectType({ implements: Node, description: '应急避难场所。A place where people are taken in during a disaster, kept by the village, community or institution that manages it.' })
@Entity('shelter')
@Index('shelter_organization_idx', ['organizationId'])
export class Shelter extends LocatedRecord {
  @Field(() => UUIDScalar, { description: '管理单位标识。The village, community or institution that manages the shelter; scope is measured from it.' })
  @Column({ type: 'uuid' })
  organizationId: string;

  @Field({ description: '名称。Name of the shelter, e.g. 文凤村村委会广场.' })
  @Column({ type: 'text' })
  name: string;

  @Field(() => ShelterType, { description: '类型。What kind of place it is.' })
  @Column({ type: 'text' })
  type: ShelterType;

  @Field(() => Int, { description: '容纳人数。How many people it can take in.' })
  @Column({ type: 'int' })
  capacity: number;

  @Field(() => Float, { nullable: true, description: '面积（平方米）。Usable area in square metres; null when not measured.' })
  @Column({ type: 'numeric', precision: 12, scale: 2, nullable: true, transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) } })
  areaM2: number | null;

  @Field(() => String, { nullable: true, description: '地址。Street address or directions.' })
  @Column({ type: 'text', nullable: true })
  address: string | null;

  @Field({ description: '平急两用。True when the place serves daily use and turns into a shelter in an emergency.' })
  @Column({ type: 'boolean', default: false })
  dualUse: boolean;

  @Field(() => ShelterStatus, { description: '状态。Whether it can take people in now.' })
  @Column({ type: 'text' })
  status: ShelterStatus;

  @Field(() => DateTimeScalar, { nullable: true, description: '归档时间。When the shelter was taken off the register; null while registered.' })
  @Column({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null;
}
