import { calculate, inspectionWorkingDaysOf, keyEnterprisesCoverable } from './plan-calculation';

describe('the annual plan calculator (安监总政法〔2017〕150号)', () => {
  it('computes the inspection working days as the circular does (宽城 2025: 248 × 8 − 1035 − 535 = 414)', () => {
    expect(inspectionWorkingDaysOf({ legalWorkingDays: 248, certifiedInspectors: 8, otherEnforcementDays: 1035, nonEnforcementDays: 535 })).toBe(414);
  });

  it('covers the most key enterprises that fit, those with the fewest planned inspections first', () => {
    // 10 days at 2 per inspection: 2 × 1 inspection (4 days) + 1 × 2 inspections (4 days) = 8; the next needs 4 more.
    expect(keyEnterprisesCoverable([{ inspections: 2, enterprises: 3 }, { inspections: 1, enterprises: 2 }], 10, 2)).toBe(3);
    expect(keyEnterprisesCoverable([{ inspections: 2, enterprises: 3 }, { inspections: 1, enterprises: 2 }], 16, 2)).toBe(5);
    expect(keyEnterprisesCoverable([{ inspections: 0, enterprises: 4 }], 0, 4)).toBe(4);
    expect(keyEnterprisesCoverable([], 100, 4)).toBe(0);
  });

  it('gives the key list its days first and the rest to ordinary enterprises, naming the shortfalls', () => {
    const c = calculate(
      { legalWorkingDays: 20, certifiedInspectors: 2, otherEnforcementDays: 5, nonEnforcementDays: 5, keyInspectionDays: 2.5, ordinaryInspectionDays: 1.5 },
      { keyEnterprises: 4, keyInspections: 8, keyEnterprisesCoverable: 4, ordinaryEnterprises: 10, ordinaryInspections: 10 },
    );
    // 40 − 10 = 30; key 8 × 2.5 = 20; left 10 ÷ 1.5 = 6 ordinary enterprises; the 10 listed need 15, 5 short.
    expect(c).toMatchObject({ inspectionWorkingDays: 30, keyDaysRequired: 20, keyDaysAllocated: 20, keyShortfallDays: 0, ordinaryDaysAvailable: 10, ordinaryEnterprisesCoverable: 6, ordinaryDaysRequired: 15, ordinaryShortfallDays: 5 });
    expect(c.formula).toBe('监督检查工作日 = 法定工作日 20 × 持证执法人员 2 − 其他执法工作日 5 − 非执法工作日 5 = 30；重点企业 4 家计划检查 8 次 × 每次 2.5 日 = 20 日；余 10 日 ÷ 一般企业每次 1.5 日 = 可覆盖一般企业 6 家（每家 1 次）；已列一般企业 10 家计划检查 10 次需 15 日（缺 5 日）');
  });
});
