import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, LocalDateScalar, Node, ReadByColumnSelection, UUIDScalar } from '@platform/core';

/**
 * An enforcement certificate (行政执法证) of an inspector: issued by a government (e.g. 重庆市人民政府)
 * for one legal subject (the body in whose name the holder enforces: the town government), valid for
 * a period unless revoked. Only holders of a valid one may take part in an inspection (国办发〔2024〕54号;
 * 行政处罚法 第四十二条). The number is printed on the badge the inspector shows, so it is not masked.
 */
@ObjectType({ implements: Node, description: '行政执法证。An inspector\'s enforcement certificate: number, issuing authority, the legal subject it is issued for, enforcement field, validity and revocation; only holders of a valid one may inspect.' })
@ReadByColumnSelection()
@Entity('enforcement_certificate')
@Index('enforcement_certificate_person_idx', ['personId', 'validTo', 'id'])
export class EnforcementCertificate extends BaseRecord {
  @Field(() => UUIDScalar, { description: '持证人标识。The person who holds it.' })
  @Column({ type: 'uuid' })
  personId: string;

  @Field({ description: '证号。The certificate number printed on the badge (unique), e.g. 渝执5001192023001.' })
  @Column({ type: 'text' })
  number: string;

  @Field({ description: '发证机关。The government that issued it, e.g. 重庆市人民政府.' })
  @Column({ type: 'text' })
  issuingAuthority: string;

  @Field(() => UUIDScalar, { description: '执法主体标识。The legal subject (行政执法主体) the holder enforces for, e.g. the town government; scope is measured from it.' })
  @Column({ type: 'uuid' })
  legalSubjectOrganizationId: string;

  @Field({ description: '执法类别。The enforcement field printed on it, e.g. 安全生产 or 综合行政执法.' })
  @Column({ type: 'text' })
  enforcementField: string;

  @Field(() => LocalDateScalar, { description: '有效期起。The first day it is valid.' })
  @Column({ type: 'date' })
  validFrom: string;

  @Field(() => LocalDateScalar, { description: '有效期止。The last day it is valid (included); a renewal that starts earlier ends it the day before.' })
  @Column({ type: 'date' })
  validTo: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '注销日期。The day it was revoked (not valid from that day on); null when it was not.' })
  @Column({ type: 'date', nullable: true })
  revokedOn: string | null;

  @Field(() => String, { nullable: true, description: '注销原因。Why it was revoked, e.g. 调离执法岗位; null when it was not.' })
  @Column({ type: 'text', nullable: true })
  revocationReason: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: '原证标识。The certificate this one renews; null for a first certificate.' })
  @Column({ type: 'uuid', nullable: true })
  previousCertificateId: string | null;
}
