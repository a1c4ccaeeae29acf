import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { JSONObjectScalar, LocatedRecord, Node, ReadByColumnSelection, UUIDScalar } from '@platform/core';
import { SensorStatus, SensorThingKind } from './sensor.enums';

/**
 * A monitoring device (STA Thing with its Location): a rain gauge, water-level gauge or GNSS station at a
 * village's risk point, a gas or smoke detector at an enterprise. Its row scope is the enterprise it
 * monitors, else the village.
 */
@ObjectType({ implements: Node, description: '监测设备。A monitoring device (OGC SensorThings Thing with its Location): a rain gauge, water-level gauge or GNSS station at a risk point, a gas or smoke detector at an enterprise; its datastreams carry the observations.' })
@ReadByColumnSelection()
@Entity('sensor_thing')
@Index('sensor_thing_organization_idx', ['organizationId', 'name', 'id'])
export class SensorThing extends LocatedRecord {
  @Field(() => UUIDScalar, { description: '所属单位标识。The organization it belongs to: the enterprise it monitors, else the village; scope is measured from it.' })
  @Column({ type: 'uuid' })
  organizationId: string;

  @Field(() => UUIDScalar, { nullable: true, description: '企业标识。The enterprise it monitors (then also its organization); null for a village device.' })
  @Column({ type: 'uuid', nullable: true })
  enterpriseId: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: '风险点标识。The risk point it watches, e.g. a landslide point; null when none.' })
  @Column({ type: 'uuid', nullable: true })
  riskPointId: string | null;

  @Field({ description: '名称。Its name, e.g. 文峰村2组滑坡点雨量计.' })
  @Column({ type: 'text' })
  name: string;

  @Field({ description: '描述。What it is and where (may be empty).' })
  @Column({ type: 'text', default: '' })
  description: string;

  @Field(() => SensorThingKind, { description: '类型。What kind of device.' })
  @Column({ type: 'text' })
  kind: SensorThingKind;

  @Field(() => SensorStatus, { description: '状态。Whether it reports: ACTIVE, MAINTENANCE or RETIRED.' })
  @Column({ type: 'text', default: SensorStatus.ACTIVE })
  status: SensorStatus;

  @Field(() => UUIDScalar, { nullable: true, description: '接入客户端标识。The API client (a monitoring platform) that feeds it; null when none is bound.' })
  @Column({ type: 'uuid', nullable: true })
  ownerClientId: string | null;

  @Field(() => JSONObjectScalar, { description: '属性。Free properties of the device (STA Thing properties), e.g. model and serial number.' })
  @Column({ type: 'jsonb', default: () => "'{}'" })
  properties: Record<string, unknown>;
}
