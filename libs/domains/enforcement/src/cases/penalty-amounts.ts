import { compareDecimals, normalizeDecimal } from '@platform/core';
import type { EnforcementDiscretionBand } from '../items/public';

/*
 * The pure arithmetic of penalty lines and on-the-spot fines, exact on decimal texts (fen as bigint):
 * never a binary floating-point number for money.
 */

/** Fen (units of 0.01 yuan) of a decimal text. */
const fen = (yuan: string): bigint => BigInt(normalizeDecimal(yuan)!.replace('.', ''));

/** A decimal text from fen. */
const yuanOf = (units: bigint): string => {
  const digits = units.toString().padStart(3, '0');
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
};

/**
 * Last year's income × percent ÷ 100, rounded half up to the fen (安全生产法 第九十五条: 40/60/80/100 %,
 * 第一百一十条: 60–100 %): `incomeShare('123456.78', 60)` → `'74074.07'`. The column check
 * `amount_yuan = round(income_yuan * income_percent / 100, 2)` holds the database to the same figure.
 */
export function incomeShare(incomeYuan: string, percent: number): string {
  if (!Number.isInteger(percent) || percent < 0) throw new Error(`Not a whole percentage: ${percent}`);
  const hundredths = fen(incomeYuan) * BigInt(percent);
  return yuanOf((hundredths + 50n) / 100n);
}

/** Whether a band is set as a share of income (rather than in yuan). */
export const incomeBased = (band: Pick<EnforcementDiscretionBand, 'incomePercentMin'>): boolean => band.incomePercentMin !== null;

/** Whether `amount` lies within the band's yuan range (both ends included). */
export const withinYuanBand = (band: Pick<EnforcementDiscretionBand, 'fineMinYuan' | 'fineMaxYuan'>, amount: string): boolean =>
  band.fineMinYuan !== null && band.fineMaxYuan !== null && compareDecimals(amount, band.fineMinYuan) >= 0 && compareDecimals(amount, band.fineMaxYuan) <= 0;

/** Whether `percent` lies within the band's share of income (both ends included). */
export const withinIncomeBand = (band: Pick<EnforcementDiscretionBand, 'incomePercentMin' | 'incomePercentMax'>, percent: number): boolean =>
  band.incomePercentMin !== null && band.incomePercentMax !== null && percent >= band.incomePercentMin && percent <= band.incomePercentMax;

/** The accident grades a band's condition names (its Chinese words), the gravest first; none when it names no grade. */
const GRADE_WORDS: ReadonlyArray<readonly [string, string]> = [
  ['特别重大', 'EXTRAORDINARILY_SERIOUS'],
  ['重大', 'SERIOUS'],
  ['较大', 'LARGER'],
  ['一般事故', 'ORDINARY'],
];

/**
 * The grade a band's condition is for, read from its words (e.g. 发生较大事故的 → LARGER); null when the
 * condition names no accident grade. Only the first (gravest) match counts, so 特别重大 is not read as 重大.
 */
export function gradeOfCondition(condition: string): string | null {
  for (const [word, grade] of GRADE_WORDS) {
    const at = condition.indexOf(word);
    if (at < 0) continue;
    // 重大事故隐患 is a hazard, not an accident grade.
    if (word === '重大' && !/重大(生产安全)?事故(?!隐患)/.test(condition)) continue;
    if (word === '较大' && !/较大(生产安全)?事故/.test(condition)) continue;
    return grade;
  }
  return null;
}
