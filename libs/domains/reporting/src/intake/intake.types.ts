import { Field, Int, ObjectType } from 'type-graphql';
import { Connection, DateTimeScalar } from '@platform/core';
import { TipCategory, TipOutcome, TipStatus } from '../tips/public';
import { TipMessageAuthor } from './tip-message.entity';

@ObjectType({ description: '举报回执。What the reporter gets once, right after submitting: the tracking code and the secret (提取码) to follow the tip with. The secret is not stored and is never shown again.' })
export class TipReceipt {
  @Field({ description: '流水号。The public tracking code, e.g. JB-2026-000123.' })
  trackingCode: string;

  @Field({ description: '提取码。The secret (16 characters, 80 bits) that with the code proves you are the reporter; shown only here: keep it, it cannot be recovered.' })
  secret: string;

  @Field(() => TipStatus, { description: '状态。RECEIVED (or ESCALATED for a tip involving deaths).' })
  status: TipStatus;

  @Field(() => DateTimeScalar, { description: '接收时间。When it came in.' })
  receivedAt: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: '预计受理时间。When acceptance is due by the channel\'s clock; null when no clock applies.' })
  expectedAcceptanceAt: Date | null;

  @Field(() => DateTimeScalar, { description: '访问期限。Until when the code and secret work; each use extends it.' })
  accessExpiresAt: Date;
}

@ObjectType({ description: '举报留言（举报人视图）。One message of the thread as the reporter sees it: who wrote (the reporter or the office), what and when; never a name.' })
export class TrackedTipMessage {
  @Field(() => TipMessageAuthor, { description: '留言方。REPORTER (you) or STAFF (the office).' })
  author: TipMessageAuthor;

  @Field({ description: '内容。The message.' })
  body: string;

  @Field(() => DateTimeScalar, { description: '留言时间。When it was written.' })
  createdAt: Date;
}

export const TrackedTipMessageConnection = Connection(TrackedTipMessage, '举报留言');

@ObjectType({ description: '举报进度（举报人视图）。A tip as its reporter follows it with the code and secret: status, a note, the times and the thread with the office. Never the reporter\'s identity, the handlers or internal notes.' })
export class TrackedTip {
  /** The tip's id, for the thread (not a field: the public view names no record). */
  tipId: string;

  @Field({ description: '流水号。The tracking code.' })
  code: string;

  @Field({ description: '标题。The title you gave.' })
  title: string;

  @Field(() => TipCategory, { description: '类别。What it is about.' })
  category: TipCategory;

  @Field(() => TipStatus, { description: '状态。Where it stands.' })
  status: TipStatus;

  @Field({ description: '进度说明。What the status means for you, in Chinese.' })
  statusNote: string;

  @Field(() => TipOutcome, { nullable: true, description: '办理结果。How it ended; null while open.' })
  outcome: TipOutcome | null;

  @Field(() => DateTimeScalar, { description: '接收时间。When it came in.' })
  receivedAt: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: '受理时间。When it was accepted; null until then.' })
  acceptedAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '办结时间。When it was closed, rejected or sent back; null while open.' })
  closedAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '预计受理时间。When acceptance is due; null when no clock applies.' })
  expectedAcceptanceAt: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '预计办结时间。When handling is due, extensions included; null when no clock applies.' })
  expectedCompletionAt: Date | null;

  @Field({ description: '已披露身份。True when you have disclosed your identity (needed for a reward).' })
  identityDisclosed: boolean;

  @Field(() => DateTimeScalar, { description: '访问期限。Until when the code and secret work; extended by this use.' })
  accessExpiresAt: Date;
}

@ObjectType({ description: '工作量证明挑战。A signed challenge for an anonymous submission beyond the first per address per hour: find a nonce with which SHA-256(challenge + nonce) has `difficulty` leading zero bits, and send both as `proofOfWork`.' })
export class TipChallenge {
  @Field({ description: '挑战。The signed challenge text; usable once.' })
  challenge: string;

  @Field(() => Int, { description: '难度。Leading zero bits the SHA-256 of challenge + nonce must have.' })
  difficulty: number;

  @Field(() => DateTimeScalar, { description: '有效期。When the challenge expires.' })
  expiresAt: Date;
}
