import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, Node, ReadByColumnSelection, UUIDScalar } from '@platform/core';

/** The most characters of one message. */
export const MESSAGE_MAX_LENGTH = 2000;
/** The most messages of one tip's thread (both ways). */
export const MESSAGES_PER_TIP = 200;

/** Who wrote a message of a tip's thread. */
export enum TipMessageAuthor {
  REPORTER = 'REPORTER',
  STAFF = 'STAFF',
}

registerEnumType(TipMessageAuthor, {
  name: 'TipMessageAuthor',
  description: '留言方。Who wrote a message of a tip\'s thread.',
  valuesConfig: {
    REPORTER: { description: '举报人。The reporter, with the tracking code and secret (no account, identity not revealed).' },
    STAFF: { description: '工作人员。A member of staff answering for the office.' },
  },
});

/**
 * 举报留言: one message of the two-way thread between a tip's reporter (who proves the tracking code
 * and secret, never an account) and the office. Nothing is sent to the reporter's phone or mail: the
 * reporter reads replies when tracking.
 */
@ObjectType({ implements: Node, description: '举报留言。One message of the thread between a tip\'s reporter (with the tracking code and secret) and the office; the reporter reads replies when tracking, nothing is sent to them.' })
@ReadByColumnSelection()
@Entity('tip_message')
@Index('tip_message_thread_idx', ['tipId', 'createdAt', 'id'])
export class TipMessage extends BaseRecord {
  @Field(() => UUIDScalar, { description: '举报标识。The tip whose thread it belongs to.' })
  @Column({ type: 'uuid' })
  tipId: string;

  @Field(() => TipMessageAuthor, { description: '留言方。REPORTER or STAFF.' })
  @Column({ type: 'text' })
  author: TipMessageAuthor;

  @Field(() => UUIDScalar, { nullable: true, description: '回复人账号标识。The account of the member of staff who replied; null for the reporter\'s messages.' })
  @Column({ type: 'uuid', nullable: true })
  authorUserId: string | null;

  @Field({ description: '内容。The message (1–2000 characters).' })
  @Column({ type: 'text' })
  body: string;
}
