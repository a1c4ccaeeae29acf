import { Field, Int, ObjectType } from 'type-graphql';
import { LocalDateScalar, UUIDScalar } from '@platform/core';
import { DutyCategory, KeyTaskStatus } from '@domains/responsibility';
import { DutyLedgerGapKind } from './duty-ledger.enums';

/** One duty of the list in force with what was done for it. */
@ObjectType({ description: '职责履职情况。One duty of the official\'s signed list in force, with the actions recorded against it in the period and their evidence.' })
export class DutyLedgerDuty {
  @Field(() => UUIDScalar, { description: '职责条目标识。The duty item (responsibility module).' })
  itemId: string;

  @Field({ description: '条目编号。The item\'s key, kept across years (e.g. SAF-02).' })
  key: string;

  @Field({ description: '职责内容。The duty as the list writes it.' })
  text: string;

  @Field(() => DutyCategory, { description: '类别。The duty\'s category.' })
  category: DutyCategory;

  @Field(() => Int, { description: '履职次数。Actions recorded against it in the period.' })
  actions: number;

  @Field(() => Int, { description: '有佐证次数。Of them, actions with evidence attached.' })
  actionsWithEvidence: number;

  @Field(() => LocalDateScalar, { nullable: true, description: '最近履职日期。The last day acted on in the period; null when none.' })
  lastActedOn: string | null;
}

/** One key task the official owns, with its progress in the period. */
@ObjectType({ description: '任务推进情况。A key task (重点任务) the official owns that is open during the period, with its progress updates in it.' })
export class DutyLedgerTask {
  @Field(() => UUIDScalar, { description: '任务标识。The key task (responsibility module).' })
  taskId: string;

  @Field({ description: '任务编号。Its code.' })
  code: string;

  @Field({ description: '任务名称。Its title.' })
  title: string;

  @Field(() => KeyTaskStatus, { description: '状态。Its status now.' })
  status: KeyTaskStatus;

  @Field(() => LocalDateScalar, { description: '完成期限。Its due day.' })
  dueOn: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '完成日期。When completed; null when not.' })
  completedOn: string | null;

  @Field(() => Int, { description: '进展记录数。Progress updates recorded in the period.' })
  updates: number;

  @Field(() => Boolean, { description: '逾期。Due within the period (by its last day or today) and not completed.' })
  overdue: boolean;
}

/** One gap of the ledger. */
@ObjectType({ description: '履职缺口。Something missing in the ledger for the period: a duty without action or evidence, a task overdue or without progress.' })
export class DutyLedgerGap {
  @Field(() => DutyLedgerGapKind, { description: '类型。What is missing.' })
  kind: DutyLedgerGapKind;

  @Field(() => UUIDScalar, { description: '对象标识。The duty item or key task concerned.' })
  referenceId: string;

  @Field({ description: '说明。The duty\'s key and text, or the task\'s code and title.' })
  label: string;
}

/** An official's ledger over a period. */
@ObjectType({ description: '安全履职一本账。One official\'s ledger over a period: the duties of their signed list in force, the key tasks they own, the actions recorded (duty actions, task updates, inspections, drills, hazard verifications) with evidence, and the gaps.' })
export class DutyLedger {
  @Field(() => UUIDScalar, { description: '职责清单标识。The signed duty list in force (responsibility module) the ledger follows.' })
  listId: string;

  @Field(() => UUIDScalar, { description: '人员标识。The official.' })
  personId: string;

  @Field(() => String, { nullable: true, description: '姓名。The official\'s name; null when you may not read persons there.' })
  personName: string | null;

  @Field(() => UUIDScalar, { description: '单位标识。The organization of the position.' })
  organizationId: string;

  @Field({ description: '单位名称。Its name.' })
  organizationName: string;

  @Field({ description: '职务。The position, as the list names it.' })
  positionTitle: string;

  @Field(() => LocalDateScalar, { description: '起始日期。First day of the period.' })
  from: string;

  @Field(() => LocalDateScalar, { description: '截止日期。Last day of the period (included).' })
  to: string;

  @Field(() => Int, { description: '职责数。Duties of the list.' })
  dutyCount: number;

  @Field(() => Int, { description: '已履职职责数。Duties with at least one action in the period.' })
  dutiesActed: number;

  @Field(() => Int, { description: '履职记录数。Duty actions recorded in the period.' })
  actionCount: number;

  @Field(() => Int, { description: '有佐证记录数。Of them, with evidence attached.' })
  actionsWithEvidence: number;

  @Field(() => Int, { description: '任务数。Key tasks owned and open during the period.' })
  taskCount: number;

  @Field(() => Int, { description: '已完成任务数。Of them, completed.' })
  tasksCompleted: number;

  @Field(() => Int, { description: '任务进展数。Progress updates of those tasks in the period.' })
  taskUpdates: number;

  @Field(() => Int, { description: '参与执法检查数。Inspections visited in the period with the official among the inspectors (enforcement module).' })
  inspections: number;

  @Field(() => Int, { description: '单位演练数。Drills held in the period by the official\'s organization (preparedness module).' })
  drills: number;

  @Field(() => Int, { description: '隐患验收数。Hazard rectifications the official verified in the period (through a user account linked to them).' })
  hazardVerifications: number;

  @Field(() => Int, { description: '辖区销号隐患数。Hazards closed in the period in the organization\'s subtree.' })
  hazardsClosed: number;

  @Field(() => Int, { description: '缺口数。How many gaps.' })
  gapCount: number;

  @Field(() => [DutyLedgerDuty], { description: '职责。The duties in the list\'s order.' })
  duties: DutyLedgerDuty[];

  @Field(() => [DutyLedgerTask], { description: '重点任务。The key tasks, by due day.' })
  tasks: DutyLedgerTask[];

  @Field(() => [DutyLedgerGap], { description: '缺口。The gaps: duties first (list order), then tasks.' })
  gaps: DutyLedgerGap[];
}
