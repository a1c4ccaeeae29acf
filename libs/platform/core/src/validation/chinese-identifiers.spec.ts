import { creditCodeCheckChar, idNumberCheckChar, isValidCreditCode, isValidIdNumber } from './chinese-identifiers';

describe('Chinese identifiers', () => {
  it('computes GB 32100 check characters', () => {
    // The published code of 深圳市腾讯计算机系统有限公司 (Tencent).
    expect(creditCodeCheckChar('91440300708461136')).toBe('T');
    expect(isValidCreditCode('91440300708461136T')).toBe(true);
    expect(isValidCreditCode('91440300708461136U')).toBe(false);
    expect(isValidCreditCode('9144030070846113')).toBe(false);
    expect(isValidCreditCode('91440300708461136I')).toBe(false);
  });

  it('computes GB 11643 check characters, including X', () => {
    // The standard's own worked example.
    expect(idNumberCheckChar('11010519491231002')).toBe('X');
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('110105194912310021')).toBe(false);
    expect(isValidIdNumber('11010519491231002x')).toBe(false);
  });
});
