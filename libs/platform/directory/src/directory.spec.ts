import { maskIdNumber, maskPhone, PHONE_PATTERN } from './phone';
import { isValidOrganizationCode } from './organizations/credit-code';

describe('directory helpers', () => {
  it('masks personal data keeping only what identifies the record to a person who already knows it', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('023-71234567')).toBe('023*****4567');
    expect(maskIdNumber('50011919850302123X')).toBe('500119********123X');
    expect(maskPhone(null)).toBeNull();
  });

  it('accepts the phone numbers local systems send', () => {
    for (const ok of ['13812345678', '+8613812345678', '023-71234567', '02371234567']) expect(PHONE_PATTERN.test(ok)).toBe(true);
    for (const bad of ['12345678901', '1381234567', '+1-555-0100']) expect(PHONE_PATTERN.test(bad)).toBe(false);
  });

  it('accepts division codes and credit codes with a right check character', () => {
    expect(isValidOrganizationCode('500119108000')).toBe(true);
    expect(isValidOrganizationCode('91440300708461136T')).toBe(true);
    expect(isValidOrganizationCode('91440300708461136X')).toBe(false);
  });
});
