import { defineRules, type RuleOf } from '@platform/core';
import { enforcementRules } from '../enforcement.rules';

/** The validation rule names of penalty lines, on-the-spot penalties and payments, on top of the module's (and the kernel's). */
export const penaltyRules = defineRules(
  [
    /** A discretion band that is not one of the case's item, or whose subject (unit / person) is not the line's. */
    'band',
    /** An amount outside the band's range in yuan, or a percentage outside its share of income. */
    'amountInBand',
    /** An income-based band without last year's income or its evidence, or such figures for a band in yuan. */
    'incomeBasis',
    /** A band whose condition names an accident grade other than the linked accident's. */
    'accidentGrade',
    /** 一事不再罚 (行政处罚法 第二十九条): a second fine line for the same subject on one case. */
    'sameSubject',
    /** 一事不再罚: another case already decided a fine on the same party for the same act (the same inspection or accident). */
    'sameActFined',
    /** A case in a state where its lines are frozen, or where payments are not recorded. */
    'caseState',
    /** An on-the-spot fine above the limit (行政处罚法 第五十一条), or a fine missing or given for a warning. */
    'onTheSpotLimit',
    /** Fewer than two enforcers, or one without an enforcement certificate valid on the day. */
    'enforcers',
    /** A party that does not fit its kind (a directory person given for an organization). */
    'party',
    /** A payment beyond what is due (fine and surcharge). */
    'overpaid',
  ] as const,
  enforcementRules,
);

export type PenaltyRule = RuleOf<typeof penaltyRules>;
