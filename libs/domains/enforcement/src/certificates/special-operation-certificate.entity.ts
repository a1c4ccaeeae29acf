import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, LocalDateScalar, Node, ReadByColumnSelection, UUIDScalar } from '@platform/core';
import { SpecialOperationReviewResult, SpecialOperationType } from './certificate.enums';

/**
 * A special-operation certificate (特种作业操作证) held by a worker of an enterprise (安全生产法 第三十条).
 * Its last valid day and first review due day come from the version of rule
 * `enforcement.special-operation-certificate` in force on the issue day, which it keeps; a passed
 * review moves the review due day on.
 */
@ObjectType({ implements: Node, description: '特种作业操作证。A special-operation certificate of a worker of an enterprise: operation type and item, number, issue day and authority, the last valid day and the next review (复审) due day from the rule version it keeps, its reviews and status.' })
@ReadByColumnSelection()
@Entity('special_operation_certificate')
@Index('special_operation_certificate_enterprise_idx', ['enterpriseId', 'reviewDueOn', 'validUntil', 'id'])
export class SpecialOperationCertificate extends BaseRecord {
  @Field(() => UUIDScalar, { description: '持证人标识。The worker who holds it.' })
  @Column({ type: 'uuid' })
  personId: string;

  @Field(() => UUIDScalar, { description: '用人单位标识。The enterprise the holder works for; scope is measured from it.' })
  @Column({ type: 'uuid' })
  enterpriseId: string;

  @Field(() => SpecialOperationType, { description: '作业类别。The operation type of the national catalogue.' })
  @Column({ type: 'text' })
  operationType: SpecialOperationType;

  @Field({ description: '准操项目。The operation item it allows, e.g. 低压电工作业 or 熔化焊接与热切割作业.' })
  @Column({ type: 'text' })
  operationItem: string;

  @Field({ description: '证号。The certificate number as printed.' })
  @Column({ type: 'text' })
  number: string;

  @Field(() => LocalDateScalar, { description: '初领日期。The day it was issued; validity and reviews count from it.' })
  @Column({ type: 'date' })
  issuedOn: string;

  @Field({ description: '发证机关。The authority that examined and issued it, e.g. 重庆市应急管理局.' })
  @Column({ type: 'text' })
  issuingAuthority: string;

  @Field(() => UUIDScalar, { description: '规则版本标识。The version of rule enforcement.special-operation-certificate in force on the issue day (validity, review interval, window); the certificate keeps it.' })
  @Column({ type: 'uuid' })
  ruleVersionId: string;

  @Field(() => LocalDateScalar, { description: '有效期至。The last valid day: the issue day plus the rule\'s validYears (6 as seeded).' })
  @Column({ type: 'date' })
  validUntil: string;

  @Field(() => LocalDateScalar, { description: '复审到期日。The day the next review is due: the issue day plus the rule\'s reviewIntervalYears, moved on by each passed review; no review is due when it is not before validUntil (the certificate is renewed instead).' })
  @Column({ type: 'date' })
  reviewDueOn: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '撤销日期。The day it was revoked (no longer valid from that day); null when it was not.' })
  @Column({ type: 'date', nullable: true })
  revokedOn: string | null;

  @Field(() => String, { nullable: true, description: '撤销原因。Why it was revoked, e.g. 违章作业造成事故; null when it was not.' })
  @Column({ type: 'text', nullable: true })
  revocationReason: string | null;
}

/** A review (复审) of a special-operation certificate: its day, result, authority and what it did to the due day. */
@ObjectType({ implements: Node, description: '特种作业操作证复审记录。A review of a special-operation certificate: day, result, authority and note, and the review due day before and after it.' })
@ReadByColumnSelection()
@Entity('special_operation_certificate_review')
@Index('special_operation_certificate_review_certificate_idx', ['certificateId', 'reviewedOn', 'id'])
export class SpecialOperationCertificateReview extends BaseRecord {
  @Field(() => UUIDScalar, { description: '操作证标识。The certificate reviewed; its scope is the certificate\'s.' })
  @Column({ type: 'uuid' })
  certificateId: string;

  @Field(() => LocalDateScalar, { description: '复审日期。The day of the review (not in the future).' })
  @Column({ type: 'date' })
  reviewedOn: string;

  @Field(() => SpecialOperationReviewResult, { description: '复审结论。PASSED or FAILED.' })
  @Column({ type: 'text' })
  result: SpecialOperationReviewResult;

  @Field({ description: '复审机关。The authority that reviewed it.' })
  @Column({ type: 'text' })
  authority: string;

  @Field(() => String, { nullable: true, description: '备注。What the review found or why it failed.' })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Field({ description: '延期复审。True when the authority approved the extended interval (连续从事本工种10年以上且无违法行为: every extendedReviewIntervalYears instead of reviewIntervalYears).' })
  @Column({ type: 'boolean', default: false })
  extendedInterval: boolean;

  @Field(() => Int, { nullable: true, description: '从业年限。Continuous years in the trade the holder showed, for an extended interval; null otherwise.' })
  @Column({ type: 'int', nullable: true })
  yearsInTrade: number | null;

  @Field(() => LocalDateScalar, { description: '复审前到期日。The review due day before this review.' })
  @Column({ type: 'date' })
  dueOnBefore: string;

  @Field(() => LocalDateScalar, { description: '复审后到期日。The review due day after it: moved on by a passed review, unchanged by a failed one.' })
  @Column({ type: 'date' })
  dueOnAfter: string;
}
