import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, LocalDateScalar, Node, ReadByColumnSelection, UUIDScalar } from '@platform/core';
import type { Principal } from '@platform/core';
import { EffectivenessResult, ProblemCategory, ProblemSourceKind, ProblemStatus } from './problem.enums';

/**
 * A problem of the town's list (安全生产和自然灾害问题清单): found in an organization on a day, from a
 * source of this platform (by global id) or an upstream finding (by reference text), owned by an
 * organization and person until a deadline; closed by its owner, then checked for effectiveness by
 * someone else (ISO 9001 §10.2: closure is not effectiveness).
 */
@ObjectType({ implements: Node, description: '问题清单条目。A problem of the town\'s list: where and when it was found, its source, owner and deadline, its closure and the separate effectiveness check, and whether it repeats an earlier one.' })
@ReadByColumnSelection()
@Entity('problem')
@Index('problem_repeat_idx', ['organizationId', 'category', 'foundOn'])
export class Problem extends BaseRecord {
  @Field(() => UUIDScalar, { description: '问题所属单位标识。The organization the problem was found in (a village, a department, an enterprise or the town); scope and repeats are measured from it.' })
  @Column({ type: 'uuid' })
  organizationId: string;

  @Field(() => ProblemCategory, { description: '问题类别。The area of the work plan it belongs to.' })
  @Column({ type: 'text' })
  category: ProblemCategory;

  @Field({ description: '问题标题。What is wrong, in a line, e.g. 村应急物资储备清单与实物不符.' })
  @Column({ type: 'text' })
  title: string;

  @Field(() => String, { nullable: true, description: '问题描述。Details: what was seen, where, and why it matters.' })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Field(() => LocalDateScalar, { description: '发现日期。The day the problem was found (not in the future); repeats are counted back from it.' })
  @Column({ type: 'date' })
  foundOn: string;

  @Field(() => ProblemSourceKind, { description: '来源类型。Where the problem came from.' })
  @Column({ type: 'text' })
  sourceKind: ProblemSourceKind;

  @Field(() => ID, { nullable: true, description: '来源全局标识。The global id (`nodeId`) of the record it came from (a drill problem, an action item, a hazard, a key task…); see `source`.' })
  @Column({ type: 'text', nullable: true })
  sourceNodeId: string | null;

  @Field(() => String, { nullable: true, description: '来源文号。The reference of an upstream finding, e.g. 2025年区安委会考核巡查反馈第3条.' })
  @Column({ type: 'text', nullable: true })
  sourceReference: string | null;

  @Field(() => UUIDScalar, { description: '整改责任单位标识。The organization that owns the rectification.' })
  @Column({ type: 'uuid' })
  ownerOrganizationId: string;

  @Field(() => UUIDScalar, { nullable: true, description: '整改责任人标识。The official responsible; null when only the organization is named.' })
  @Column({ type: 'uuid', nullable: true })
  ownerPersonId: string | null;

  @Field(() => LocalDateScalar, { description: '整改时限。The day by which it is to be rectified and closed.' })
  @Column({ type: 'date' })
  dueOn: string;

  @Field(() => ProblemStatus, { description: '状态。Where it stands.' })
  @Column({ type: 'text' })
  status: ProblemStatus;

  @Field(() => LocalDateScalar, { nullable: true, description: '销号日期。The day its owner closed it; null unless CLOSED or EFFECTIVE (cleared when a check reopens it).' })
  @Column({ type: 'date', nullable: true })
  closedOn: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: '销号人标识。The user (or API client) who closed it; the effectiveness check must be made by someone else.' })
  @Column({ type: 'uuid', nullable: true })
  closedById: string | null;

  /** The kind of principal who closed it (user, api-client, system), for `closedBy`. */
  @Column({ type: 'text', nullable: true })
  closedByKind: Principal['kind'] | null;

  @Field(() => String, { nullable: true, description: '销号人。The name of who closed it.' })
  @Column({ type: 'text', nullable: true })
  closedByName: string | null;

  @Field(() => String, { nullable: true, description: '成效验证标准。What the effectiveness check is to confirm, set at closure, e.g. 汛前复查物资清单与实物一致.' })
  @Column({ type: 'text', nullable: true })
  effectivenessCriteria: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '成效验证期限。The day the effectiveness check is due: given at closure, or the closure day plus the working days of rule responsibility.problem.effectiveness.' })
  @Column({ type: 'date', nullable: true })
  checkDueOn: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: '成效验证规则版本。The version of rule responsibility.problem.effectiveness in force on the closure day, which set the default check due day.' })
  @Column({ type: 'uuid', nullable: true })
  effectivenessRuleVersionId: string | null;

  @Field(() => EffectivenessResult, { nullable: true, description: '最近验证结论。The result of the latest effectiveness check; null before the first.' })
  @Column({ type: 'text', nullable: true })
  effectivenessResult: EffectivenessResult | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '验证日期。The day of the latest effectiveness check.' })
  @Column({ type: 'date', nullable: true })
  checkedOn: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: '验证人标识。The user (or API client) who made the latest check; never the one who closed it.' })
  @Column({ type: 'uuid', nullable: true })
  checkedById: string | null;

  /** The kind of principal who made the latest check, for `checkedBy`. */
  @Column({ type: 'text', nullable: true })
  checkedByKind: Principal['kind'] | null;

  @Field(() => String, { nullable: true, description: '验证人。The name of who made the latest check.' })
  @Column({ type: 'text', nullable: true })
  checkedByName: string | null;

  @Field(() => String, { nullable: true, description: '验证意见。What the latest check found.' })
  @Column({ type: 'text', nullable: true })
  checkNote: string | null;

  @Field(() => UUIDScalar, { description: '重复判定规则版本。The version of rule responsibility.problem.repeat (the window in months) in force when the problem was recorded; the problem keeps it.' })
  @Column({ type: 'uuid' })
  repeatRuleVersionId: string;
}

/** A timeline entry of a problem (整改记录): rectification reported, closure, an effectiveness check. */
@ObjectType({ implements: Node, description: '问题整改记录。A timeline entry of a problem: rectification reported, closure with its criteria, or an effectiveness check with its result.' })
@ReadByColumnSelection()
@Entity('problem_update')
@Index('problem_update_problem_idx', ['problemId', 'createdAt', 'id'])
export class ProblemUpdate extends BaseRecord {
  @Field(() => UUIDScalar, { description: '问题标识。The problem; its scope is the problem\'s.' })
  @Column({ type: 'uuid' })
  problemId: string;

  @Field(() => LocalDateScalar, { description: '日期。The day the entry is about (not in the future).' })
  @Column({ type: 'date' })
  recordedOn: string;

  @Field(() => ProblemStatus, { description: '状态。The problem\'s status after the entry.' })
  @Column({ type: 'text' })
  status: ProblemStatus;

  @Field(() => EffectivenessResult, { nullable: true, description: '验证结论。The result, for an effectiveness check; null otherwise.' })
  @Column({ type: 'text', nullable: true })
  effectivenessResult: EffectivenessResult | null;

  @Field({ description: '说明。What was done, the closure\'s criteria, or what the check found.' })
  @Column({ type: 'text' })
  note: string;

  @Field(() => String, { nullable: true, description: '记录人。Who made the entry.' })
  @Column({ type: 'text', nullable: true })
  actorName: string | null;
}

/** A post-event review (复盘): what an incident, a drill or a season taught, and the problems it raised. */
@ObjectType({ implements: Node, description: '复盘。A post-event review: its subject (an incident, a drill, anything by global id), findings and lessons, and the problems it raised.' })
@ReadByColumnSelection()
@Entity('problem_review')
@Index('problem_review_org_idx', ['organizationId', 'heldOn', 'id'])
export class ProblemReview extends BaseRecord {
  @Field(() => UUIDScalar, { description: '组织单位标识。The organization that held the review; scope is measured from it.' })
  @Column({ type: 'uuid' })
  organizationId: string;

  @Field({ description: '复盘名称。Title, e.g. 2025年汛期工作复盘.' })
  @Column({ type: 'text' })
  title: string;

  @Field(() => LocalDateScalar, { description: '复盘日期。The day the review was held (not in the future).' })
  @Column({ type: 'date' })
  heldOn: string;

  @Field(() => ID, { nullable: true, description: '复盘对象全局标识。The global id of what was reviewed (an incident, a drill, a consultation…); null for a review of a period or a theme. See `subject`.' })
  @Column({ type: 'text', nullable: true })
  subjectNodeId: string | null;

  @Field({ description: '主要发现。What the review found.' })
  @Column({ type: 'text' })
  findings: string;

  @Field({ description: '经验教训。The lessons drawn, to pass on (典型经验推广、反面案例警示).' })
  @Column({ type: 'text' })
  lessons: string;
}
