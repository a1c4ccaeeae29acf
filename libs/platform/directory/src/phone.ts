/**
 * Chinese phone numbers as people write them: an 11-digit mobile (optionally +86) or a landline
 * with area code (023-12345678). graphql-scalars' PhoneNumber demands E.164, which local systems
 * and the 12345 hotline do not send, so the rule is checked by class-validator instead.
 */
export const PHONE_PATTERN = /^(?:(?:\+86)?1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;
export const PHONE_RULE = 'an 11-digit mobile number (optionally +86) or a landline such as 023-71234567';

/** 138****5678 / 023-****5678: keeps the last four digits and the prefix. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  if (phone.length <= 7) return '****';
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}

/** 500119********1234: keeps the region code and the last four characters. */
export function maskIdNumber(id: string | null): string | null {
  if (!id) return id;
  return `${id.slice(0, 6)}${'*'.repeat(Math.max(0, id.length - 10))}${id.slice(-4)}`;
}
