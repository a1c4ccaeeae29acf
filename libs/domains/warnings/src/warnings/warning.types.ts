import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar, UUIDScalar } from '@platform/core';
import { WarningLevel } from '../model/warning.enums';

@ObjectType({ description: '叫应统计。Call-and-response figures over deliveries you may read (cancelled deliveries left out: they are no longer owed).' })
export class WarningFigures {
  @Field(() => Int, { description: '送达数。Deliveries still owed or answered (PENDING and ACKNOWLEDGED).' })
  deliveries: number;

  @Field(() => Int, { description: '已叫应数。Deliveries acknowledged.' })
  acknowledged: number;

  @Field(() => Int, { description: '待叫应数。Deliveries not yet acknowledged.' })
  pending: number;

  @Field(() => Int, { description: '已升级数。Deliveries that escalated at least once.' })
  escalated: number;

  @Field(() => Float, { nullable: true, description: '叫应率。acknowledged / deliveries, 0 to 1; null without deliveries.' })
  ackRate: number | null;

  @Field(() => Float, { nullable: true, description: '叫应用时中位数（秒）。Median seconds from delivery to acknowledgement (percentile_cont 0.5); null when none acknowledged.' })
  medianSecondsToAck: number | null;

  @Field(() => Float, { nullable: true, description: '叫应用时P90（秒）。90th percentile of seconds to acknowledge (percentile_cont 0.9); null when none acknowledged.' })
  p90SecondsToAck: number | null;
}

@ObjectType({ description: '未叫应单位。An organization that had deliveries in the period and acknowledged none of them.' })
export class NeverAcknowledgedOrganization {
  @Field(() => UUIDScalar, { description: '组织标识。The village or community.' })
  organizationId: string;

  @Field({ description: '组织名称。Its name.' })
  organizationName: string;

  @Field(() => Int, { description: '送达数。Deliveries it had in the period (none acknowledged).' })
  deliveries: number;
}

@ObjectType({ description: '期间叫应统计。Call-and-response figures of deliveries made in a period, with the organizations that never answered.' })
export class WarningPeriodFigures extends WarningFigures {
  @Field(() => Int, { description: '预警记录数。Warning records with deliveries in the period.' })
  warnings: number;

  @Field(() => Int, { description: '未叫应单位数。How many organizations never acknowledged any delivery in the period.' })
  neverAcknowledgedCount: number;

  @Field(() => [NeverAcknowledgedOrganization], { description: '未叫应单位。Those organizations by name (at most 100; see neverAcknowledgedCount).' })
  neverAcknowledged: NeverAcknowledgedOrganization[];
}

/** What happened to a warning, as pushed to subscribers. */
export enum WarningAction {
  ISSUED = 'ISSUED',
  UPDATED = 'UPDATED',
  CANCELLED = 'CANCELLED',
}

registerEnumType(WarningAction, {
  name: 'WarningAction',
  description: '预警推送类型。What happened to a warning.',
  valuesConfig: {
    ISSUED: { description: '发布。A warning was issued (CAP Alert).' },
    UPDATED: { description: '更新。An update superseded the record in force (CAP Update).' },
    CANCELLED: { description: '解除。The warning was cancelled (CAP Cancel).' },
  },
});

@ObjectType({ description: '预警推送。A warning record issued, updated or cancelled that targets your area, as it commits.' })
export class WarningNotice {
  @Field(() => WarningAction, { description: '操作。ISSUED, UPDATED or CANCELLED.' })
  action: WarningAction;

  @Field(() => UUIDScalar, { description: '预警记录标识。The new record (the update or the cancellation for those).' })
  warningId: string;

  @Field(() => UUIDScalar, { description: '预警链标识。The chain it belongs to.' })
  chainId: string;

  @Field(() => WarningLevel, { description: '级别。Its level.' })
  level: WarningLevel;

  @Field(() => [UUIDScalar], { description: '目标单位。The targets within your read scope.' })
  organizationIds: string[];

  @Field(() => DateTimeScalar, { description: '时间。When it committed.' })
  occurredAt: Date;
}

@ObjectType({ description: '叫应推送。A delivery acknowledged, as it commits.' })
export class DeliveryAcknowledgement {
  @Field(() => UUIDScalar, { description: '预警记录标识。The warning record.' })
  warningId: string;

  @Field(() => UUIDScalar, { description: '送达标识。The delivery acknowledged.' })
  deliveryId: string;

  @Field(() => UUIDScalar, { description: '单位标识。The organization that answered.' })
  organizationId: string;

  @Field(() => DateTimeScalar, { description: '时间。When it committed.' })
  occurredAt: Date;
}
