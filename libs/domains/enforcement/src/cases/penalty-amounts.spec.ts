import { gradeOfCondition, incomeShare, withinIncomeBand, withinYuanBand } from './penalty-amounts';

describe('penalty amounts', () => {
  it('computes an income share exactly, rounding half up to the fen', () => {
    expect(incomeShare('123456.78', 60)).toBe('74074.07');
    expect(incomeShare('100000.00', 40)).toBe('40000.00');
    expect(incomeShare('0.05', 50)).toBe('0.03');
    expect(incomeShare('987654321.99', 100)).toBe('987654321.99');
    expect(incomeShare('333333.33', 80)).toBe('266666.66');
  });

  it('holds bands inclusive at both ends', () => {
    const band = { fineMinYuan: '20000.00', fineMaxYuan: '50000.00' };
    expect(withinYuanBand(band, '20000.00')).toBe(true);
    expect(withinYuanBand(band, '50000.00')).toBe(true);
    expect(withinYuanBand(band, '19999.99')).toBe(false);
    expect(withinYuanBand(band, '50000.01')).toBe(false);
    expect(withinIncomeBand({ incomePercentMin: 60, incomePercentMax: 100 }, 60)).toBe(true);
    expect(withinIncomeBand({ incomePercentMin: 60, incomePercentMax: 100 }, 59)).toBe(false);
  });

  it('reads the accident grade a band condition names, not a major hazard', () => {
    expect(gradeOfCondition('发生一般事故的')).toBe('ORDINARY');
    expect(gradeOfCondition('发生较大事故的')).toBe('LARGER');
    expect(gradeOfCondition('发生重大事故的')).toBe('SERIOUS');
    expect(gradeOfCondition('发生特别重大事故的')).toBe('EXTRAORDINARILY_SERIOUS');
    expect(gradeOfCondition('重大事故隐患，或者逾期未消除的')).toBeNull();
    expect(gradeOfCondition('逾期未改正的')).toBeNull();
  });
});
