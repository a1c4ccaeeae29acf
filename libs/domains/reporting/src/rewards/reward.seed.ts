import { SortDirection, businessRules, createRecord, sql, todayInChina, transaction, unscoped, updateRecord, type RequestContext } from '@platform/core';
import { Organizations, seedId } from '@platform/directory';
import { AccidentInvestigations, PenaltyCases, accidentIncidentSeedId, penaltyCaseSeedId } from '@domains/enforcement';
import { Tip, TipReporterKind, Tips } from '../tips/public';
import { TipReward } from './tip-reward.entity';
import { InternalRewardChannel, TipRewardPaymentMethod, TipRewardStatus } from './reward.enums';
import { InternalRewardMechanisms, TipRewards } from './rewards.entities';
import { InternalRewardLedgerYear, InternalRewardMechanism } from './internal-reward-mechanism.entity';
import { REWARD_TIERS_RULE } from '../business-rules/rewards';
import { RewardService, addDays, isRewardable } from './reward.service';

/** Why the seed reads beyond any caller's scope. */
const SEEDING = 'seeding demo data, on no caller\'s behalf';

/** Which link a seeded reward comes from: a seeded penalty case (enforcement `SEED_CASES` key) or a seeded accident (incident key). */
type SeedLink = { readonly penaltyCase: string } | { readonly accident: string };

/** A seeded reward: the tip by its tracking code (the intake part's seed), its outcome, its state and the day it was computed. */
interface SeedReward {
  readonly code: string;
  readonly link: SeedLink;
  readonly status: TipRewardStatus;
  readonly computedOn: string;
}

/**
 * The demo rewards, on the intake part's seeded tips once the handling part's seed has closed them as
 * FIXED (or VERIFIED, HANDLED):
 * - JB-2025-000001 (祥瑞烟花 stored in a house, NAMED, MAJOR_HAZARD) from case 2025-xiangrui-storage
 *   (¥50,000 → 15 % = ¥7,500): PAID;
 * - JB-2026-000002 (凤香酒厂, ILLEGAL_OPERATION) from case 2026-fengxiang-training (¥10,000 → 15 % =
 *   ¥1,500 → the ¥3,000 minimum): APPROVED;
 * - JB-2026-000007 (金星铸造厂 deaths not reported, CONCEALED_ACCIDENT) from the jinxing-burn accident
 *   (较大, 3 verified deaths → ¥120,000): COMPUTED.
 */
export const SEED_REWARDS: readonly SeedReward[] = [
  { code: 'JB-2025-000001', link: { penaltyCase: '2025-xiangrui-storage' }, status: TipRewardStatus.PAID, computedOn: '2025-11-12' },
  { code: 'JB-2026-000002', link: { penaltyCase: '2026-fengxiang-training' }, status: TipRewardStatus.APPROVED, computedOn: '2026-11-16' },
  { code: 'JB-2026-000007', link: { accident: 'jinxing-burn' }, status: TipRewardStatus.COMPUTED, computedOn: '2026-11-26' },
];

const BY_ID = [{ column: 't.id', direction: SortDirection.ASC }];
const DAY = 86_400_000;
const at = (day: string, time: string): Date => new Date(`${day}T${time}:00+08:00`);
const later = (a: Date, b: Date): Date => (a.getTime() >= b.getTime() ? a : b);
const identified = (t: Tip): boolean => t.reporterKind !== TipReporterKind.ANONYMOUS || t.identityDisclosedAt !== null;

/**
 * Seeds `SEED_REWARDS`, deterministic and idempotent: a tip that is missing, not VERIFIED, HANDLED or
 * CLOSED as FIXED, already rewarded, or not its group's first valid reporter is skipped (so the part
 * seeds nothing before the intake and handling parts' seeds); a tip with no outcome linked is linked to
 * the seeded case or investigation (audited `reporting.tip.outcome-linked`); a PAID reward needs an
 * identified reporter. Times: computed on `computedOn` 10:00 (or a day after the tip came in),
 * approved two days later, paid six days after that; none after the seeding clock's now.
 */
export async function seedRewards(ctx: RequestContext): Promise<void> {
  await seedInternalRewardMechanisms(ctx);
  const service = new RewardService();
  for (const s of SEED_REWARDS) {
    await transaction(ctx, async (tx) => {
      const [found] = await unscoped(tx, Tips, SEEDING).where(sql`t.code = ${s.code}`).list({ keys: BY_ID, limit: 1, properties: ['id'] });
      if (!found || (await unscoped(tx, TipRewards, SEEDING).where(sql`t.tip_id = ${found.id}`).count())) return;
      const tip = await unscoped(tx, Tips, SEEDING).lock(found.id);
      if (!isRewardable(tip) || (s.status === TipRewardStatus.PAID && !identified(tip))) return;
      let link: { penaltyCaseId: string } | { accidentInvestigationId: string };
      if ('penaltyCase' in s.link) {
        const caseId = penaltyCaseSeedId(s.link.penaltyCase);
        if (!(await unscoped(tx, PenaltyCases, SEEDING).exists(caseId))) return;
        link = { penaltyCaseId: caseId };
      } else {
        const [accident] = await unscoped(tx, AccidentInvestigations, SEEDING).where(sql`t.incident_id = ${accidentIncidentSeedId(s.link.accident)}`).list({ keys: BY_ID, limit: 1, properties: ['id'] });
        if (!accident) return;
        link = { accidentInvestigationId: accident.id };
      }
      const linked = tip.penaltyCaseId || tip.accidentInvestigationId ? tip : await updateRecord(tx, Tip, 'Tip', tip, tip.version, link, { action: 'reporting.tip.outcome-linked' });
      let values: Awaited<ReturnType<RewardService['rewardOf']>>;
      try {
        values = await service.rewardOf(tx, linked, 'seed');
      } catch {
        return; // Not rewardable as seeded (a later duplicate, a case not decided): no reward.
      }
      const computedAt = later(at(s.computedOn, '10:00'), new Date(tip.receivedAt.getTime() + DAY));
      const approvedAt = new Date(computedAt.getTime() + 2 * DAY);
      const paidAt = new Date(approvedAt.getTime() + 6 * DAY);
      const last = s.status === TipRewardStatus.PAID ? paidAt : s.status === TipRewardStatus.APPROVED ? approvedAt : computedAt;
      if (last.getTime() > tx.clock.now().getTime()) return;
      const { claimDays } = (await businessRules.stored(tx, REWARD_TIERS_RULE, values.ruleVersionId as string)).value;
      const approval = s.status === TipRewardStatus.COMPUTED ? {} : { approvedAt, approvedBy: '镇安办主任', approvedByPersonId: seedId('person:person-dept-safety-head'), approvalNote: '经审核，举报属实，符合奖励条件。', claimDueOn: addDays(todayInChina(approvedAt), claimDays) };
      const payment = s.status !== TipRewardStatus.PAID ? {} : { paidAmountYuan: values.amountYuan, paidAt, paymentMethod: TipRewardPaymentMethod.BANK_TRANSFER, voucherNumber: `南平应急奖付〔${todayInChina(paidAt).slice(0, 4)}〕1号`, paymentRecordedBy: '镇安办主任' };
      await createRecord(tx, TipReward, 'TipReward', { ...values, status: s.status, computedAt, ...approval, ...payment }, { action: 'reporting.reward.seed' });
    });
  }
}

/**
 * Two enterprises' internal reward mechanisms (安委〔2024〕7号): 龙门加油站 has one in place since
 * 2024-09-01 (phone line and app, funded from 安全生产费用) with its 2025 ledger (12 reports, 5 rewarded,
 * ¥2,500); 金星铸造厂 is recorded as having none (listed among the enterprises without one, with the
 * others not recorded). Idempotent: an enterprise already recorded is left alone.
 */
async function seedInternalRewardMechanisms(ctx: RequestContext): Promise<void> {
  const seeds = [
    { enterprise: 'ent-sinopec-longmen', inPlace: true, since: '2024-09-01', channels: [InternalRewardChannel.HOTLINE, InternalRewardChannel.APP], funding: '安全生产费用', note: '依据《中国石化加油站安全隐患内部报告奖励实施细则》建立。', ledger: { year: 2025, reportsReceived: 12, reportsRewarded: 5, amountPaidYuan: '2500.00' } },
    { enterprise: 'ent-jinxing-foundry', inPlace: false, since: null, channels: [], funding: null, note: '2026年11月检查时尚未建立，已责令建立。', ledger: null },
  ];
  await transaction(ctx, async (tx) => {
    for (const s of seeds) {
      const enterpriseId = seedId(`org:${s.enterprise}`);
      if (!(await unscoped(tx, Organizations, SEEDING).exists(enterpriseId))) continue;
      if (await unscoped(tx, InternalRewardMechanisms, SEEDING).where(sql`t.enterprise_id = ${enterpriseId}`).count()) continue;
      const m = await createRecord(tx, InternalRewardMechanism, 'InternalRewardMechanism', { enterpriseId, inPlace: s.inPlace, since: s.since, channels: s.channels, funding: s.funding, note: s.note }, { action: 'reporting.internal-reward.seed' });
      if (s.ledger) await createRecord(tx, InternalRewardLedgerYear, 'InternalRewardLedgerYear', { enterpriseId, ...s.ledger }, { action: 'reporting.internal-reward.seed', auditUnder: { entityType: 'InternalRewardMechanism', entityId: m.id } });
    }
  });
}
