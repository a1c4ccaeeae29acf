import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, DateTimeScalar, Node, ReadByColumnSelection, UUIDScalar } from '@platform/core';
import { QrCodeKind, QrCodeStatus } from './qr-code.enums';

/**
 * A QR code of 安全隐患码上除: posted at an enterprise or a place, it resolves (without an account) to the
 * public tip form prefilled with the place, the enterprise and the tip categories of its sector, and
 * for the owner also to the monthly self-check list of the sector. The code is short and unguessable;
 * scans are counted per day.
 */
@ObjectType({ implements: Node, description: '安全隐患码。A QR code posted at an enterprise or a place (安全隐患码上除): resolves to the public tip form prefilled with the place, enterprise and categories of its sector, and for the owner to the monthly self-check list; scans counted per day.' })
@ReadByColumnSelection()
@Entity('qr_code')
@Index('qr_code_organization_idx', ['organizationId', 'createdAt', 'id'])
export class QrCode extends BaseRecord {
  @Field({ description: '码值。The short unguessable code (12 characters of Crockford base 32) the QR image carries in its link.' })
  @Column({ type: 'text' })
  code: string;

  @Field(() => QrCodeKind, { description: '类型。An enterprise as a whole, or one place.' })
  @Column({ type: 'text' })
  kind: QrCodeKind;

  @Field(() => QrCodeStatus, { description: '状态。ACTIVE, or REVOKED (resolves no more).' })
  @Column({ type: 'text' })
  status: QrCodeStatus;

  @Field(() => UUIDScalar, { nullable: true, description: '企业标识。The enterprise it belongs to (its owner); null for a public place of a village.' })
  @Column({ type: 'uuid', nullable: true })
  enterpriseId: string | null;

  @Field(() => UUIDScalar, { description: '所属单位标识。Where it is kept and scoped: the enterprise, else the village, community or grid of the place.' })
  @Column({ type: 'uuid' })
  organizationId: string;

  @Field({ description: '场所名称。The place as the label names it, e.g. 老街餐馆后厨.' })
  @Column({ type: 'text' })
  placeName: string;

  @Field(() => String, { nullable: true, description: '场所地址。The place\'s address; the tip form is prefilled with it.' })
  @Column({ type: 'text', nullable: true })
  address: string | null;

  /** WGS 84 longitude (the `location` field). */
  @Column({ type: 'double precision', nullable: true })
  longitude: number | null;

  /** WGS 84 latitude (the `location` field). */
  @Column({ type: 'double precision', nullable: true })
  latitude: number | null;

  @Field({ description: '行业代码。The sector (directory code, e.g. CATERING) whose tip categories and self-check list the code offers (scenarios.qr-sector-lists).' })
  @Column({ type: 'text' })
  sectorCode: string;

  @Field(() => DateTimeScalar, { nullable: true, description: '作废时间。When it was revoked; null while active.' })
  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Field(() => String, { nullable: true, description: '作废原因。Why it was revoked, e.g. 标签损毁; null while active.' })
  @Column({ type: 'text', nullable: true })
  revocationReason: string | null;
}
