/**
 * Check characters of the identifiers used in the seed data:
 * - 统一社会信用代码 (unified social credit code, GB 32100-2015), whose characters 9–17 are an
 *   organization code with its own check character (GB 11714-1997);
 * - 居民身份证号码 (resident ID number, GB 11643-1999).
 * The check characters themselves come from the validators the services use.
 */

import { creditCodeCheckChar, idNumberCheckChar } from '@platform/core';

const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** Check character (9th) of an organization code (GB 11714), from its first 8 characters. */
export function orgCodeCheckChar(first8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(first8)) throw new Error(`organization code body must be 8 characters [0-9A-Z]: ${first8}`);
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = first8.charCodeAt(i);
    const value = c <= 57 ? c - 48 : c - 55; // '0'..'9' → 0..9, 'A'..'Z' → 10..35
    sum += value * ORG_CODE_WEIGHTS[i];
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/**
 * Builds a unified social credit code: registration authority + category (e.g. '91' company,
 * '92' individual business, '93' farmers' cooperative, '12' public institution), 6-digit region,
 * 8-character organization code body (its check character is appended), then the check character.
 */
export function creditCode(authorityAndCategory: string, region: string, orgBody8: string): string {
  const first17 = `${authorityAndCategory}${region}${orgBody8}${orgCodeCheckChar(orgBody8)}`;
  return first17 + creditCodeCheckChar(first17);
}

/** Builds an ID number from a 6-digit region, a YYYYMMDD birth date and a 3-digit sequence (odd last digit = male). */
export function idNumber(region: string, birthDate: string, sequence: string): string {
  const first17 = `${region}${birthDate}${sequence}`;
  return first17 + idNumberCheckChar(first17);
}

