import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { BaseRecord, DateTimeScalar, JSONObjectScalar, Node, UUIDScalar } from '@platform/core';
import { WebhookAttemptError, WebhookDeliveryStatus } from '../webhooks.enums';

@ObjectType({
  implements: Node,
  description: '事件推送投递。One event for one subscription: its message and where its delivery stands. Its id is the message\'s webhook-id, the same on every attempt (receivers drop repeats by it).',
})
@Entity('webhook_delivery')
export class WebhookDelivery extends BaseRecord {
  @Field(() => UUIDScalar, { description: '订阅标识。The subscription.' })
  @Column({ type: 'uuid' })
  subscriptionId: string;

  /** The outbox row (`event_outbox.id`) it was made from; null for a test message. */
  @Field(() => String, { nullable: true, description: '事件序号。The event\'s number in the outbox (increasing); null for a test message.' })
  @Column({ type: 'bigint', nullable: true })
  eventId: string | null;

  @Field({ description: '事件类型。The event type, e.g. risk.hazard.reported (the message\'s type).' })
  @Column({ type: 'text' })
  eventType: string;

  @Field(() => DateTimeScalar, { description: '发生时间。When the change committed (the message\'s timestamp).' })
  @Column({ type: 'timestamptz' })
  occurredAt: Date;

  @Field(() => JSONObjectScalar, { description: '消息数据。The message\'s data: the event\'s payload and its subject (type, id, nodeId).' })
  @Column({ type: 'jsonb' })
  data: Record<string, unknown>;

  /** The subject's global id (`nodeId`), for `subject`; null for a test message. */
  @Column({ type: 'text', nullable: true })
  subjectNodeId: string | null;

  @Field(() => WebhookDeliveryStatus, { description: '状态。Where the delivery stands.' })
  @Column({ type: 'text' })
  status: WebhookDeliveryStatus;

  @Field(() => Int, { description: '尝试次数。Attempts made so far (redeliveries included).' })
  @Column({ type: 'int' })
  attemptCount: number;

  @Field(() => DateTimeScalar, { nullable: true, description: '最近尝试。When the last attempt started.' })
  @Column({ type: 'timestamptz', nullable: true })
  lastAttemptAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '送达时间。When the receiver answered 2xx (the last time, after a redelivery).' })
  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  @Field(() => Int, { nullable: true, description: '最近状态码。The HTTP status of the last attempt; null when it got none.' })
  @Column({ type: 'int', nullable: true })
  lastStatusCode: number | null;

  @Field(() => WebhookAttemptError, { nullable: true, description: '最近失败类别。Why the last attempt failed; null when it succeeded or none was made.' })
  @Column({ type: 'text', nullable: true })
  lastError: WebhookAttemptError | null;
}

@ObjectType({ description: '投递尝试。One attempt to deliver a message: when, how long, what the receiver answered or why it failed.' })
@Entity('webhook_attempt')
export class WebhookAttempt {
  @Field(() => UUIDScalar, { description: '标识。The attempt\'s id.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => UUIDScalar, { description: '投递标识。The delivery.' })
  @Column({ type: 'uuid' })
  deliveryId: string;

  @Field(() => Int, { description: '第几次。The attempt\'s number, from 1 (redeliveries go on counting).' })
  @Column({ type: 'int' })
  attempt: number;

  @Field(() => DateTimeScalar, { description: '开始时间。When it started.' })
  @Column({ type: 'timestamptz' })
  startedAt: Date;

  @Field(() => Int, { nullable: true, description: '耗时。Milliseconds until the answer was read or the attempt failed; null when nothing was sent.' })
  @Column({ type: 'int', nullable: true })
  durationMs: number | null;

  @Field(() => Int, { nullable: true, description: 'HTTP 状态码。What the receiver answered; null when it did not answer.' })
  @Column({ type: 'int', nullable: true })
  statusCode: number | null;

  @Field(() => WebhookAttemptError, { nullable: true, description: '失败类别。Why it failed; null when the receiver answered 2xx.' })
  @Column({ type: 'text', nullable: true })
  error: WebhookAttemptError | null;

  @Field(() => String, { nullable: true, description: '失败说明。The failure in a few words (e.g. connect ECONNREFUSED); null on success.' })
  @Column({ type: 'text', nullable: true })
  errorMessage: string | null;

  @Field(() => String, { nullable: true, description: '响应内容。The start of the receiver\'s answer (at most 2 KiB); null when there was none.' })
  @Column({ type: 'text', nullable: true })
  responseBody: string | null;
}
