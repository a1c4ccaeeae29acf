/** GB 32100-2015 unified social credit code: 18 characters, the last a check character. */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character for the first 17 characters of a unified social credit code. */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CHARSET.indexOf(first17[i]!);
    if (v < 0) throw new Error(`invalid character ${first17[i]}`);
    sum += v * WEIGHTS[i]!;
  }
  return CHARSET[(31 - (sum % 31)) % 31]!;
}

/** True for a 12-digit administrative division code or an 18-character credit code with a valid check character. */
export function isValidOrganizationCode(code: string): boolean {
  if (/^\d{12}$/.test(code)) return true;
  if (code.length !== 18) return false;
  try {
    return creditCodeCheckChar(code.slice(0, 17)) === code[17];
  } catch {
    return false;
  }
}
