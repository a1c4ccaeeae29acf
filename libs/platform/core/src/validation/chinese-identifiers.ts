/**
 * Check characters of the Chinese identifiers every module meets: the unified social credit code
 * of organizations (统一社会信用代码, GB 32100-2015) and the resident ID number (居民身份证号码,
 * GB 11643-1999).
 */

const CREDIT_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** The check character for the first 17 characters of a unified social credit code. */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CHARSET.indexOf(first17[i] ?? '');
    if (v < 0) throw new Error(`invalid credit code character at ${i + 1}`);
    sum += v * CREDIT_WEIGHTS[i]!;
  }
  return CREDIT_CHARSET[(31 - (sum % 31)) % 31]!;
}

/** True for an 18-character unified social credit code whose check character is right. */
export function isValidCreditCode(code: string): boolean {
  if (code.length !== 18) return false;
  try {
    return creditCodeCheckChar(code.slice(0, 17)) === code[17];
  } catch {
    return false;
  }
}

/** The check character of the first 17 digits of a resident ID number. */
export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

/** True for an 18-character resident ID number whose check character is right. */
export function isValidIdNumber(id: string): boolean {
  return /^\d{17}[\dX]$/.test(id) && idNumberCheckChar(id.slice(0, 17)) === id[17];
}
