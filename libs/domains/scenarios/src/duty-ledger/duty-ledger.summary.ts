import type { DutyLedger } from './duty-ledger.types';
import { DutyLedgerGapKind } from './duty-ledger.enums';

const day = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/**
 * 述职摘要: the paragraph the duty report quotes from a snapshot, e.g. "2026年1月1日至2026年11月29日，
 * 职责清单7项中5项有履职记录，记录履职9次（有佐证6次）；牵头重点任务3项，完成1项…".
 */
export function summaryOf(l: DutyLedger): string {
  const count = (kind: DutyLedgerGapKind) => l.gaps.filter((g) => g.kind === kind).length;
  const parts = [
    `${day(l.from)}至${day(l.to)}，${l.organizationName}${l.positionTitle}${l.personName ?? ''}职责清单${l.dutyCount}项中${l.dutiesActed}项有履职记录，记录履职${l.actionCount}次（有佐证${l.actionsWithEvidence}次）`,
    `牵头重点任务${l.taskCount}项，完成${l.tasksCompleted}项，报送进展${l.taskUpdates}次`,
    `参与执法检查${l.inspections}次，本单位组织演练${l.drills}次，验收隐患整改${l.hazardVerifications}项，辖区隐患销号${l.hazardsClosed}项`,
  ];
  const gaps = l.gapCount
    ? `存在缺口${l.gapCount}处（职责无履职记录${count(DutyLedgerGapKind.DUTY_WITHOUT_ACTION)}项、履职无佐证${count(DutyLedgerGapKind.ACTION_WITHOUT_EVIDENCE)}项、任务逾期${count(DutyLedgerGapKind.TASK_OVERDUE)}项、任务无进展${count(DutyLedgerGapKind.TASK_WITHOUT_UPDATE)}项）`
    : '未发现履职缺口';
  return `${parts.join('；')}；${gaps}。`;
}
