import { ISSUER_CODE, chinaTimestamp, defaultIssuerCode, identifierSecondPrefix, identifierUnitCode, warningIdentifier, warningIssuerCode } from './warning-identifier';

describe('预警信息唯一标识 (GB/T 35965.1-2018 A.1.1/A.1.2)', () => {
  const UNIT = '50011900000000';

  it('is ZZZZZZDDDUUUXX_YYYYMMDDhhmmss_N: 31 characters, two underscores, Beijing time', () => {
    const id = warningIdentifier(UNIT, new Date('2025-07-14T02:30:05.999Z'), 0);
    expect(id).toBe('50011900000000_20250714103005_0');
    expect(id).toHaveLength(31);
    expect(id.split('_')).toEqual(['50011900000000', '20250714103005', '0']);
    expect(id).toMatch(/^\d{6}[0-9A-Z]{3}\d{3}\d{2}_\d{14}_\d$/);
    expect(identifierUnitCode(id)).toBe(UNIT);
    expect(identifierSecondPrefix(UNIT, new Date('2025-07-14T02:30:05Z'))).toBe('50011900000000_20250714103005_');
  });

  it('takes the China day at the day boundary (16:00 UTC is midnight in Beijing)', () => {
    expect(warningIdentifier(UNIT, new Date('2025-12-31T15:59:59Z'), 3)).toBe('50011900000000_20251231235959_3');
    expect(warningIdentifier(UNIT, new Date('2025-12-31T16:00:00Z'), 0)).toBe('50011900000000_20260101000000_0');
    expect(chinaTimestamp(new Date('2024-02-28T16:00:00Z'))).toBe('20240229000000');
  });

  it('numbers the records of one unit and second 0–9, and refuses anything else', () => {
    const at = new Date('2025-07-14T02:30:00Z');
    expect(warningIdentifier(UNIT, at, 9)).toBe('50011900000000_20250714103000_9');
    for (const n of [-1, 10, 1.5, Number.NaN]) expect(() => warningIdentifier(UNIT, at, n)).toThrow(/runs from 0 to 9/);
  });

  it('accepts a unit code of 6 digits, a 3-character GB/T 4657 code (digits or capitals), 3 + 2 digits', () => {
    expect(warningIdentifier('5001194A100203', new Date('2025-07-14T02:30:00Z'), 1)).toBe('5001194A100203_20250714103000_1');
    for (const bad of ['500119108000', '500119000000000', '5001190000000a', '500119000A0000', '50011900000 00', '50011900000000_']) {
      expect([bad, ISSUER_CODE.test(bad)]).toEqual([bad, false]);
      expect(() => warningIdentifier(bad, new Date(), 0)).toThrow(/14-character issuing unit code/);
    }
  });

  it('defaults the unit code to the county of the issuer + 00000000, and reads WARNING_ISSUER_CODE (CAP_SENDER_CODE deprecated)', () => {
    expect(defaultIssuerCode('500119108000')).toBe('50011900000000');
    expect(() => defaultIssuerCode('500119')).toThrow(/12-digit division code/);
    expect(warningIssuerCode({}).unitCodeFor('500119108000')).toBe('50011900000000');
    expect(warningIssuerCode({ WARNING_ISSUER_CODE: ' ' }).configured).toBeNull();
    expect(warningIssuerCode({ WARNING_ISSUER_CODE: ' 50011941600000 ' }).unitCodeFor('500119108000')).toBe('50011941600000');
    const warnings: string[] = [];
    const log = { warn: (msg: string) => warnings.push(msg) } as never;
    expect(warningIssuerCode({ CAP_SENDER_CODE: '50011941600000' }, log).configured).toBe('50011941600000');
    expect(warnings).toEqual([expect.stringContaining('CAP_SENDER_CODE is deprecated')]);
    expect(warningIssuerCode({ WARNING_ISSUER_CODE: '50011941700000', CAP_SENDER_CODE: '50011941600000' }).configured).toBe('50011941700000');
    expect(() => warningIssuerCode({ WARNING_ISSUER_CODE: '500119108000' })).toThrow(/^WARNING_ISSUER_CODE must be the 14-character 发布单位代码 .* got "500119108000"$/);
    expect(() => warningIssuerCode({ CAP_SENDER_CODE: 'urn:x' })).toThrow(/^CAP_SENDER_CODE must be/);
  });
});
