import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, DateTimeScalar, LocalDateScalar, Node, ReadByColumnSelection, UUIDScalar } from '@platform/core';
import type { SelfCheckArea, SelfCheckResult } from './qr-code.enums';

/** One answered item as a submission keeps it (the list of its rule version, as answered). */
export interface StoredSelfCheckItem {
  readonly code: string;
  readonly area: SelfCheckArea;
  readonly title: string;
  readonly result: SelfCheckResult;
  readonly note: string | null;
  /** The SELF_CHECK hazard a NOT_OK answer raised. */
  readonly hazardId: string | null;
}

/**
 * An owner's monthly self-check (月度自查) at a QR code: every item of the sector's list answered OK or
 * NOT_OK; each NOT_OK raised a SELF_CHECK hazard through the risk module in the same transaction.
 */
@ObjectType({ implements: Node, description: '场所自查记录。An owner\'s monthly self-check at a QR code: every item of the sector\'s list answered OK or NOT_OK, each NOT_OK raising a SELF_CHECK hazard.' })
@ReadByColumnSelection()
@Entity('qr_self_check')
@Index('qr_self_check_code_idx', ['qrCodeId', 'periodMonth', 'id'])
export class SelfCheckSubmission extends BaseRecord {
  @Field(() => UUIDScalar, { description: '码标识。The QR code (place) checked.' })
  @Column({ type: 'uuid' })
  qrCodeId: string;

  @Field(() => UUIDScalar, { description: '企业标识。The enterprise that checked (the code\'s owner); scope is measured from it.' })
  @Column({ type: 'uuid' })
  enterpriseId: string;

  @Field(() => LocalDateScalar, { description: '自查月份。The first day of the month checked (one self-check per code and month).' })
  @Column({ type: 'date' })
  periodMonth: string;

  @Field(() => DateTimeScalar, { description: '提交时间。When it was submitted.' })
  @Column({ type: 'timestamptz' })
  submittedAt: Date;

  @Field(() => UUIDScalar, { nullable: true, description: '提交账号标识。The account that submitted it; null for seeded history.' })
  @Column({ type: 'uuid', nullable: true })
  submittedByUserId: string | null;

  @Field(() => UUIDScalar, { description: '规则版本标识。The version of scenarios.qr-sector-lists whose list was answered.' })
  @Column({ type: 'uuid' })
  ruleVersionId: string;

  /** The answered items (see `items`). */
  @Column({ type: 'jsonb' })
  items: StoredSelfCheckItem[];

  @Field(() => Int, { description: '不合格项数。How many items were NOT_OK (each raised a hazard).' })
  @Column({ type: 'int' })
  notOkCount: number;
}
