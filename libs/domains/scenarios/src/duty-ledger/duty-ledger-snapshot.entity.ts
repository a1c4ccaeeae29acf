import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, DateTimeScalar, LocalDateScalar, Node, ReadByColumnSelection, UUIDScalar } from '@platform/core';

/** A period snapshot of an official's duty ledger: immutable once taken (the table refuses changes). */
@ObjectType({ implements: Node, description: '履职台账快照。A period snapshot of one official\'s duty ledger, taken for the duty report (述职): its figures, gaps and summary as they stood when taken; never changed afterwards.' })
@ReadByColumnSelection()
@Entity('duty_ledger_snapshot')
@Index('duty_ledger_snapshot_taken_idx', ['takenAt', 'id'])
export class DutyLedgerSnapshot extends BaseRecord {
  @Field(() => UUIDScalar, { description: '职责清单标识。The signed duty list in force the ledger followed.' })
  @Column({ type: 'uuid' })
  listId: string;

  @Field(() => UUIDScalar, { description: '人员标识。The official.' })
  @Column({ type: 'uuid' })
  personId: string;

  @Field(() => UUIDScalar, { description: '单位标识。The organization of the position; scope is measured from it.' })
  @Column({ type: 'uuid' })
  organizationId: string;

  @Field({ description: '职务。The position.' })
  @Column({ type: 'text' })
  positionTitle: string;

  @Field(() => LocalDateScalar, { description: '起始日期。First day of the period.' })
  @Column({ type: 'date' })
  periodFrom: string;

  @Field(() => LocalDateScalar, { description: '截止日期。Last day of the period (included).' })
  @Column({ type: 'date' })
  periodTo: string;

  @Field(() => DateTimeScalar, { description: '固化时间。When it was taken.' })
  @Column({ type: 'timestamptz' })
  takenAt: Date;

  @Field(() => Int, { description: '职责数。Duties of the list.' })
  @Column({ type: 'int' })
  dutyCount: number;

  @Field(() => Int, { description: '已履职职责数。Duties with an action in the period.' })
  @Column({ type: 'int' })
  dutiesActed: number;

  @Field(() => Int, { description: '履职记录数。Duty actions in the period.' })
  @Column({ type: 'int' })
  actionCount: number;

  @Field(() => Int, { description: '有佐证记录数。Actions with evidence.' })
  @Column({ type: 'int' })
  actionsWithEvidence: number;

  @Field(() => Int, { description: '任务数。Key tasks owned and open during the period.' })
  @Column({ type: 'int' })
  taskCount: number;

  @Field(() => Int, { description: '已完成任务数。Of them, completed.' })
  @Column({ type: 'int' })
  tasksCompleted: number;

  @Field(() => Int, { description: '缺口数。Gaps when taken.' })
  @Column({ type: 'int' })
  gapCount: number;

  /** The whole ledger as it stood (`DutyLedger` as JSON); exposed as `ledger`. */
  @Column({ type: 'jsonb' })
  content: Record<string, unknown>;

  @Field({ description: '述职摘要。The paragraph the duty report (述职) quotes: the period, duties acted on, actions and evidence, tasks, other actions and gaps.' })
  @Column({ type: 'text' })
  summaryText: string;

  @Field(() => String, { nullable: true, description: '备注。Why or for what it was taken.' })
  @Column({ type: 'text', nullable: true })
  note: string | null;
}
