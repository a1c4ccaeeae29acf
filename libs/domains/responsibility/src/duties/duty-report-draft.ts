import { HazardGrade } from '@domains/risk';
import type { DutyAction, DutyItem } from './duty-list.entity';

/** What a draft is generated from: the ledger of the official over the period. */
export interface DutyLedger {
  readonly officialName: string;
  readonly organizationName: string;
  readonly positionTitle: string;
  readonly from: string;
  readonly to: string;
  readonly actions: ReadonlyArray<Pick<DutyAction, 'id' | 'itemId' | 'actedOn' | 'description'>>;
  readonly items: ReadonlyMap<string, Pick<DutyItem, 'id' | 'key' | 'text'>>;
  readonly keyTasks: ReadonlyArray<{ readonly id: string; readonly code: string; readonly title: string; readonly completedOn: string | null }>;
  readonly hazards: ReadonlyArray<{ readonly id: string; readonly title: string; readonly grade: HazardGrade | null }>;
}

/** The draft text (述职报告草稿) the official then edits: each part of the ledger with its count and its entries. */
export function draftText(l: DutyLedger): string {
  const lines: string[] = [];
  lines.push(`${l.organizationName}${l.positionTitle}${l.officialName}${l.from}至${l.to}安全生产履职情况述职报告（草稿）`);
  const performed = new Set(l.actions.map((a) => a.itemId));
  lines.push('', `一、履行职责清单情况：期间记录履职${l.actions.length}项，涉及职责条目${performed.size}项。`);
  l.actions.forEach((a, i) => {
    const item = l.items.get(a.itemId);
    lines.push(`${i + 1}. ${a.actedOn}【${item?.key ?? ''}】${a.description}`);
  });
  lines.push('', `二、年度重点任务完成情况：期间完成本人负责的重点任务${l.keyTasks.length}项。`);
  l.keyTasks.forEach((t, i) => lines.push(`${i + 1}. ${t.code} ${t.title}（${t.completedOn}完成）`));
  const major = l.hazards.filter((h) => h.grade === HazardGrade.MAJOR).length;
  lines.push('', `三、隐患排查治理情况：期间辖区销号隐患${l.hazards.length}项，其中重大事故隐患${major}项。`);
  lines.push('', '四、存在的问题和下一步打算：（请述职人填写）');
  return lines.join('\n');
}
