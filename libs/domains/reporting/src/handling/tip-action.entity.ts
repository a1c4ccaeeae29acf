import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, DateTimeScalar, Node, PrincipalKind, ReadByColumnSelection, UUIDScalar, type Principal } from '@platform/core';
import { TipFollowUpResult } from '../tips/public';

/** What a tip action records. None of them changes the tip's state by itself. */
export enum TipActionKind {
  URGE = 'URGE',
  SUPERVISE = 'SUPERVISE',
  SEND_BACK = 'SEND_BACK',
  EXTEND = 'EXTEND',
  FOLLOW_UP = 'FOLLOW_UP',
  REOPEN = 'REOPEN',
  MERGE = 'MERGE',
  NOTE = 'NOTE',
}

registerEnumType(TipActionKind, {
  name: 'TipActionKind',
  description: '举报办理动作类型。What a tip action records beside the workflow.',
  valuesConfig: {
    URGE: { description: '催办。The handler was urged before the due time.' },
    SUPERVISE: { description: '督办。The office put the tip under supervision (安办督办).' },
    SEND_BACK: { description: '退单。A 12345 ticket sent back to the hotline, with the reason.' },
    EXTEND: { description: '延期。The handling clock was extended, with the days and reason.' },
    FOLLOW_UP: { description: '回访。The reporter was asked after closing whether it is fixed, with the answer.' },
    REOPEN: { description: '重新办理。Reopened, by the reporter within the window or after a follow-up found it not fixed.' },
    MERGE: { description: '合并。Another tip was merged into this one as a duplicate, or this one into another.' },
    NOTE: { description: '备注。A note of the handler.' },
  },
});

/**
 * 催办/督办/退单/延期/回访: one action on a tip beside its workflow, with who took it and when. Readable
 * with the tip (`Tip.actions`), written by the handling mutations in the same transaction as their change.
 */
@ObjectType({ implements: Node, description: '举报办理动作。An action on a tip beside its workflow (催办、督办、退单、延期、回访、重新办理、合并): who took it, when, with what note.' })
@ReadByColumnSelection()
@Entity('tip_action')
@Index('tip_action_tip_at_idx', ['tipId', 'at', 'createdAt', 'id'])
export class TipAction extends BaseRecord {
  @Field(() => UUIDScalar, { description: '举报标识。The tip it is about.' })
  @Column({ type: 'uuid' })
  tipId: string;

  @Field(() => TipActionKind, { description: '类型。What was done.' })
  @Column({ type: 'text' })
  kind: TipActionKind;

  @Field(() => String, { nullable: true, description: '说明。The note or reason (at most 2,000 characters); null when none.' })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Field(() => Int, { nullable: true, description: '延期天数。For EXTEND: the calendar days added; null otherwise.' })
  @Column({ type: 'int', nullable: true })
  days: number | null;

  @Field(() => TipFollowUpResult, { nullable: true, description: '回访结果。For FOLLOW_UP: the reporter\'s answer; null otherwise.' })
  @Column({ type: 'text', nullable: true })
  result: TipFollowUpResult | null;

  @Field(() => UUIDScalar, { nullable: true, description: '关联举报标识。For MERGE: the other tip of the merge; null otherwise.' })
  @Column({ type: 'uuid', nullable: true })
  relatedTipId: string | null;

  @Field(() => PrincipalKind, { description: '操作者类型。Who took it: a user, an API client, the system or the anonymous reporter.' })
  @Column({ type: 'text' })
  actorKind: Principal['kind'];

  @Field(() => UUIDScalar, { nullable: true, description: '操作者标识。The user or API client; null for the system and the reporter.' })
  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Field(() => DateTimeScalar, { description: '时间。When it was taken.' })
  @Column({ type: 'timestamptz' })
  at: Date;
}
