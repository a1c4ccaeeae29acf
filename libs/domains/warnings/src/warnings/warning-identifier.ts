import type { ModuleRuntime } from '@platform/core';

/**
 * 发布单位代码 (GB/T 35965.1-2018, A.1.2): `ZZZZZZDDDUUUXX`, 14 characters: the 6-digit administrative
 * division code (GB/T 2260, county level: 南川区 500119), the 3-character institution or industry code
 * (GB/T 4657), the 3-digit internal second-level unit code and a 2-digit extension.
 */
export const ISSUER_CODE = /^\d{6}[0-9A-Z]{3}\d{3}\d{2}$/;

/** Warnings one unit may issue within one second: the serial N of the identifier is a single digit (0–9). */
export const MAX_WARNINGS_PER_SECOND = 10;

/**
 * 预警信息唯一标识 = CAP `identifier` (GB/T 35965.1-2018, A.1.1): `ZZZZZZDDDUUUXX_YYYYMMDDhhmmss_N`,
 * 31 characters: the issuing unit's code, the entry time in Beijing time (basic format) and the serial
 * number N (0–9, from 0) of the warnings that unit issued within that same second.
 *
 * e.g. `50011900000000_20250714103000_0`: the first record 南川区's unit 50011900000000 issued at
 * 2025-07-14 10:30:00 (UTC+8).
 */
export function warningIdentifier(unitCode: string, sentAt: Date, n: number): string {
  if (!ISSUER_CODE.test(unitCode)) throw new Error(`a warning identifier needs a 14-character issuing unit code (发布单位代码 ZZZZZZDDDUUUXX), got ${JSON.stringify(unitCode)}`);
  if (!Number.isInteger(n) || n < 0 || n >= MAX_WARNINGS_PER_SECOND) throw new Error(`the serial N of a warning identifier runs from 0 to ${MAX_WARNINGS_PER_SECOND - 1}, got ${n}`);
  return `${identifierSecondPrefix(unitCode, sentAt)}${n}`;
}

/** `ZZZZZZDDDUUUXX_YYYYMMDDhhmmss_`: what the identifiers of one unit's records of one second start with. */
export const identifierSecondPrefix = (unitCode: string, sentAt: Date): string => `${unitCode}_${chinaTimestamp(sentAt)}_`;

/**
 * The issuing unit code of an identifier (its part before the first `_`), which is the record's CAP
 * `sender`. A record from before the national format (`<12-digit division code><14-digit time><4-digit serial>`)
 * keeps its division code as sender.
 */
export function identifierUnitCode(identifier: string): string {
  const cut = identifier.indexOf('_');
  if (cut >= 0) return identifier.slice(0, cut);
  return /^\d{30}$/.test(identifier) ? identifier.slice(0, 12) : identifier;
}

/** YYYYMMDDhhmmss of an instant in China time (UTC+8, no daylight saving). */
export function chinaTimestamp(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().replace(/[-T:]/g, '').slice(0, 14);
}

/**
 * The default 发布单位代码 of an issuing organization with a 12-digit division code: its county (the
 * first 6 digits) + `000` + `000` + `00`. DDD `000` is a placeholder: in production set
 * `WARNING_ISSUER_CODE` with the real GB/T 4657 institution code the national platform registered.
 */
export function defaultIssuerCode(divisionCode: string): string {
  if (!/^\d{12}$/.test(divisionCode)) throw new Error(`a default issuing unit code needs a 12-digit division code, got ${JSON.stringify(divisionCode)}`);
  return `${divisionCode.slice(0, 6)}00000000`;
}

/** Name of the issuing-unit settings among the module's services (`ctx.service(WARNING_ISSUER_SERVICE)`). */
export const WARNING_ISSUER_SERVICE = 'rescue.warningIssuer';

/** The town's 发布单位代码 as configured (`WARNING_ISSUER_CODE`), reached by the warnings service. */
export class WarningIssuerCode {
  constructor(readonly configured: string | null = null) {
    if (configured !== null && !ISSUER_CODE.test(configured)) throw new Error(`bad issuing unit code ${JSON.stringify(configured)}`);
  }

  /** The unit code the records of an issuing organization (12-digit division code) carry. */
  unitCodeFor(divisionCode: string): string {
    return this.configured ?? defaultIssuerCode(divisionCode);
  }
}

/**
 * Reads `WARNING_ISSUER_CODE` (the town's 发布单位代码, 14 characters `ZZZZZZDDDUUUXX`); the deprecated
 * `CAP_SENDER_CODE` is read when it is not set. A malformed value stops the start with an error that
 * names the setting; unset, each record gets its issuer's default code (`defaultIssuerCode`).
 */
export function warningIssuerCode(settings: Readonly<Record<string, string | undefined>>, log?: Pick<ModuleRuntime['log'], 'warn'>): WarningIssuerCode {
  const name = settings['WARNING_ISSUER_CODE']?.trim() ? 'WARNING_ISSUER_CODE' : settings['CAP_SENDER_CODE']?.trim() ? 'CAP_SENDER_CODE' : null;
  if (name === null) return new WarningIssuerCode(null);
  const value = settings[name]!.trim();
  if (!ISSUER_CODE.test(value)) {
    throw new Error(
      `${name} must be the 14-character 发布单位代码 of GB/T 35965.1-2018 A.1.2 (ZZZZZZDDDUUUXX: 6-digit division code, 3-character GB/T 4657 institution code of digits or capital letters, 3-digit unit, 2-digit extension, e.g. 50011941600000), got ${JSON.stringify(value)}`,
    );
  }
  if (name === 'CAP_SENDER_CODE') log?.warn('CAP_SENDER_CODE is deprecated: set WARNING_ISSUER_CODE (the 发布单位代码 warning identifiers and CAP senders carry) instead');
  return new WarningIssuerCode(value);
}
