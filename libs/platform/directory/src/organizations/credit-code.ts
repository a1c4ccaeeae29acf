import { isValidCreditCode } from '@platform/core';

/** True for a 12-digit administrative division code or a valid unified social credit code. */
export function isValidOrganizationCode(code: string): boolean {
  return /^\d{12}$/.test(code) || isValidCreditCode(code);
}
