/**
 * CAP identifier of a warning record after the national profile (GB/T 35965.1 应急信息交互协议):
 *
 *   <12-digit administrative division code of the issuing organization><YYYYMMDDHHmmss, China time><4-digit serial>
 *
 * e.g. `500119108000202507141030000001`: 南平镇 (500119108000), sent 2025-07-14 10:30:00 (UTC+8),
 * the first record that organization sent that day. The serial counts the issuer's records per China
 * day from 0001, so identifiers are unique and sort by time within an issuer.
 */
export function warningIdentifier(divisionCode: string, sentAt: Date, serial: number): string {
  if (!/^\d{12}$/.test(divisionCode)) throw new Error(`a warning identifier needs a 12-digit division code, got ${divisionCode}`);
  if (!Number.isInteger(serial) || serial < 1 || serial > 9999) throw new Error(`a warning serial runs from 1 to 9999, got ${serial}`);
  return `${divisionCode}${chinaTimestamp(sentAt)}${String(serial).padStart(4, '0')}`;
}

/** YYYYMMDDHHmmss of an instant in China time (UTC+8, no daylight saving). */
export function chinaTimestamp(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().replace(/[-T:]/g, '').slice(0, 14);
}

/** The identifier prefix of an issuer's records of one China day (for the next serial). */
export const identifierDayPrefix = (divisionCode: string, sentAt: Date): string => `${divisionCode}${chinaTimestamp(sentAt).slice(0, 8)}`;
