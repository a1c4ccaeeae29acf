import { SortDirection, audit, sql, unscoped, type RequestContext } from '@platform/core';
import { seedId } from '@platform/directory';
import { PenaltyCases } from './cases.entities';
import { SEED_CASES } from './case.seed-data';
import { penaltyCaseSeedId } from './case.seed';
import { EnforcementDiscretionBands, enforcementItemSeedId } from '../items/public';
import { lawArticleSeedId } from '../laws/public';
import { PenaltySubjectKind } from './penalty.enums';
import { insertSeedPenaltyLine, insertSeedPenaltyPayment } from './penalties.seed.sql';

/** Why the seed reads beyond any caller's scope. */
const SEEDING = 'seeding demo data, on no caller\'s behalf';

/** The article of 安全生产法 2021 each seeded penalty item applies (its basis). */
const ARTICLE_OF_ITEM: Readonly<Record<string, number>> = { 'YJ-CF-003': 97, 'YJ-CF-004': 101, 'YJ-CF-005': 102, 'YJ-CF-006': 109 };

/**
 * The payments of the seeded cases: the archived case paid in time; the executing one paid 50 days
 * late, its surcharge (50 × 3 % = 150 %) capped at the fine and still owed; the served one not paid
 * (17 days overdue by the README's day).
 */
const SEED_PAYMENTS: ReadonlyArray<{ readonly key: string; readonly amountYuan: string; readonly paidOn: string; readonly receipt: string; readonly note: string }> = [
  { key: '2025-xiangrui-storage', amountYuan: '50000', paidOn: '2025-11-06', receipt: '渝非税2025-0011062', note: '罚款缴清' },
  { key: '2026-longmen-hazard', amountYuan: '15000', paidOn: '2026-10-29', receipt: '渝非税2026-0010291', note: '逾期50日缴纳罚款本金，加处罚款未缴' },
];

/** The id of a seeded line or payment, by the case's key. */
export const penaltyLineSeedId = (caseKey: string, position: number): string => seedId(`penalty-line:${caseKey}:${position}`);
export const penaltyPaymentSeedId = (receipt: string): string => seedId(`penalty-payment:${receipt}`);

/**
 * The unit line of each seeded case that states a fine (`fineYuan`, in the case's `band` of its
 * item), and the payments above. The notified case of 安全生产法 第九十七条 keeps no person line, so
 * it shows the 一案双罚 warning. Idempotent (fixed ids); nothing when the cases part seeded none.
 */
export async function seedCaseLines(ctx: RequestContext): Promise<void> {
  let lines = 0;
  let payments = 0;
  for (const s of SEED_CASES) {
    if (!s.fineYuan || !s.band) continue;
    const caseId = penaltyCaseSeedId(s.key);
    const kase = await unscoped(ctx, PenaltyCases, SEEDING).one(caseId, ['id', 'enforcementItemId', 'decidedOn', 'notifiedOn', 'filedOn']);
    if (!kase) continue;
    const [band] = await unscoped(ctx, EnforcementDiscretionBands, SEEDING)
      .where(sql`t.item_id = ${enforcementItemSeedId('2025-07', s.item)} AND t.subject = ${PenaltySubjectKind.UNIT} AND t.level = ${s.band}`)
      .list({ keys: [{ column: 't.id', direction: SortDirection.ASC }], limit: 1 });
    if (!band) throw new Error(`Seed case ${s.key}: item ${s.item} has no UNIT band ${s.band}.`);
    const at = `${kase.notifiedOn ?? kase.filedOn}T16:00:00+08:00`;
    const inserted = await insertSeedPenaltyLine(ctx, {
      id: penaltyLineSeedId(s.key, 1), case_id: caseId, position: 1, subject_kind: PenaltySubjectKind.UNIT, band_id: band.id,
      law_article_ids: [lawArticleSeedId('work-safety-law-2021', ARTICLE_OF_ITEM[s.item] ?? 97)], amount_yuan: s.fineYuan, reason: `${band.condition}：${s.cause}`, created_at: at, updated_at: at,
    });
    if (inserted) lines++;
  }
  for (const p of SEED_PAYMENTS) {
    const caseId = penaltyCaseSeedId(p.key);
    if (!(await unscoped(ctx, PenaltyCases, SEEDING).exists(caseId))) continue;
    const at = `${p.paidOn}T15:00:00+08:00`;
    const inserted = await insertSeedPenaltyPayment(ctx, { id: penaltyPaymentSeedId(p.receipt), case_id: caseId, amount_yuan: p.amountYuan, paid_on: p.paidOn, receipt_number: p.receipt, note: p.note, created_at: at, updated_at: at });
    if (inserted) payments++;
  }
  if (lines || payments) await audit(ctx, { action: 'enforcement.penalty-line.seed', entityType: 'PenaltyCase', entityId: null, changes: { lines, payments } });
}
