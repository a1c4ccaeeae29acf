import { z } from 'zod';
import { defineBusinessRule, normalizeDecimal, ruleVersionSeed, type BusinessRuleVersionSeed } from '@platform/core';

/** Money in yuan with at most two decimals, as text (e.g. "3000" or "3000.00"). */
const YUAN = z.string().regex(/^(0|[1-9][0-9]{0,9})(\.[0-9]{1,2})?$/);
/** A percentage with at most two decimals (e.g. "15" for 15 %). */
const PERCENT = z.string().regex(/^(100|[1-9]?[0-9])(\.[0-9]{1,2})?$/);

/** A tier paid as a share of the final fine, held within a minimum and a maximum. */
const FINE_TIER = z.object({ basis: z.literal('FINE'), percent: PERCENT, minYuan: YUAN, maxYuan: YUAN });
/** A tier paid per verified death by the accident's final grade, capped. */
const ACCIDENT_TIER = z.object({
  basis: z.literal('ACCIDENT_GRADE'),
  perDeathYuan: z.object({ ORDINARY: YUAN, LARGER: YUAN, SERIOUS: YUAN, EXTRAORDINARILY_SERIOUS: YUAN }),
  maxYuan: YUAN,
});
const TIER = z.union([FINE_TIER, ACCIDENT_TIER]).nullable();

/**
 * 举报奖励标准: per tip category, how a reward is computed (null: the category is not rewarded by this
 * version), and the calendar days from approval within which the reporter claims it. Versions carry
 * their jurisdiction (business_rule_version.jurisdiction): the most local version in force applies, so
 * a 重庆 (PROVINCE) version, once added, takes over from the national one for the town.
 */
export const REWARD_TIERS_RULE = defineBusinessRule({
  code: 'reporting.reward-tiers',
  nameZh: '安全生产举报奖励标准',
  description: 'Reward tiers per tip category: a percent of the final fine within a minimum and a maximum (yuan), or a sum per verified death by the accident\'s final grade within a cap; null when the category is not rewarded; claimDays: calendar days from approval to claim the reward.',
  schema: z.object({
    tiers: z.object({ MAJOR_HAZARD: TIER, HAZARD: TIER, ILLEGAL_OPERATION: TIER, CONCEALED_ACCIDENT: TIER, FIRE_SAFETY: TIER, OTHER: TIER }),
    claimDays: z.int().min(1).max(3650),
  }),
});

export type RewardTiers = z.infer<typeof REWARD_TIERS_RULE.schema>;
export type RewardTier = NonNullable<RewardTiers['tiers'][keyof RewardTiers['tiers']]>;
export type FineTier = z.infer<typeof FINE_TIER>;
export type AccidentTier = z.infer<typeof ACCIDENT_TIER>;

export const rewardBusinessRules = [REWARD_TIERS_RULE];

const NATIONAL_FINE_TIER = { basis: 'FINE', percent: '15', minYuan: '3000', maxYuan: '300000' } as const;

export const REWARD_RULE_SEEDS: readonly BusinessRuleVersionSeed[] = [
  ruleVersionSeed({
    rule: REWARD_TIERS_RULE,
    jurisdiction: 'NATIONAL',
    jurisdictionName: '全国',
    documentNumber: '安监总财〔2018〕19号',
    documentTitle: '安全生产领域举报奖励办法',
    article: '第十一条、第十二条',
    value: {
      tiers: {
        MAJOR_HAZARD: NATIONAL_FINE_TIER,
        ILLEGAL_OPERATION: NATIONAL_FINE_TIER,
        CONCEALED_ACCIDENT: { basis: 'ACCIDENT_GRADE', perDeathYuan: { ORDINARY: '30000', LARGER: '40000', SERIOUS: '50000', EXTRAORDINARILY_SERIOUS: '60000' }, maxYuan: '300000' },
        HAZARD: null,
        FIRE_SAFETY: null,
        OTHER: null,
      },
      claimDays: 90,
    },
    effectiveFrom: '2018-01-04',
    note: '[S] 重大事故隐患、非法违法生产经营建设: 15% of the fine, at least ¥3,000, at most ¥300,000; 瞒报谎报: ¥30k/40k/50k/60k per verified death for 一般/较大/重大/特别重大, at most ¥300,000 (several consistent secondary sources). [U] The effective date and articles are as summarized, the 90 claim days the office\'s working value. 一般隐患 has no national tier: 重庆 (渝安办〔2021〕49号) amounts unread — add a PROVINCE version.',
  }),
];

/** Fen of a yuan amount given as text. */
export const fenOf = (yuan: string): bigint => {
  const normal = normalizeDecimal(yuan);
  if (normal === null) throw new Error(`Not an amount in yuan: ${JSON.stringify(yuan)}`);
  return BigInt(normal.replace('.', ''));
};

/** Yuan text with two decimals of an amount in fen. */
export const yuanOf = (fen: bigint): string => {
  const digits = fen.toString().padStart(3, '0');
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
};

const clamp = (v: bigint, min: bigint, max: bigint): bigint => (v < min ? min : v > max ? max : v);

/**
 * The reward of a fine tier: `percent` of the fine, rounded to the fen half-up (15 % of ¥20,000.01 is
 * ¥3,000.0015 → ¥3,000.00), then raised to the minimum and held to the maximum.
 */
export function fineReward(tier: FineTier, fineYuan: string): string {
  const [whole, part = ''] = tier.percent.split('.');
  const hundredths = BigInt(whole!) * 100n + BigInt(part.padEnd(2, '0')); // 15 % → 1500 (ten-thousandths)
  const raw = (fenOf(fineYuan) * hundredths + 5000n) / 10000n;
  return yuanOf(clamp(raw, fenOf(tier.minYuan), fenOf(tier.maxYuan)));
}

/** The reward of an accident tier: the sum of the grade per verified death, held to the cap. */
export function accidentReward(tier: AccidentTier, grade: keyof AccidentTier['perDeathYuan'], deaths: number): string {
  const raw = fenOf(tier.perDeathYuan[grade]) * BigInt(deaths);
  const max = fenOf(tier.maxYuan);
  return yuanOf(raw > max ? max : raw);
}
