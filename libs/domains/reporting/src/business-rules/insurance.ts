import { z } from 'zod';
import { defineBusinessRule, ruleVersionSeed, type BusinessRuleVersionSeed } from '@platform/core';

/** Money in yuan with at most two decimals, as text (e.g. "400000"). */
const YUAN = z.string().regex(/^(0|[1-9][0-9]{0,14})(\.[0-9]{1,2})?$/);

/** One sector of the mandatory list: a directory sector code where one exists, else a code of the rule's own (reported as not in the directory). */
const MANDATORY_SECTOR = z.object({
  /** Sector code; the directory's (`industrySectors`) where it has the sector, e.g. HAZARDOUS_CHEMICALS, else the rule's own, e.g. FISHERY. */
  code: z.string().regex(/^[A-Z][A-Z0-9_]{1,49}$/),
  /** The sector as the document names it, e.g. 危险化学品. */
  category: z.string().min(2).max(20),
});

/**
 * 应急〔2025〕27号《安全生产责任保险实施办法》: the sectors where work-safety liability insurance (安责险)
 * is mandatory, the minimum per-person death/disability limit, and how many days before its end an
 * active policy is listed as lapsing. Its own list, never the directory's high-risk flag.
 */
export const INSURANCE_MANDATORY_SECTORS_RULE = defineBusinessRule({
  code: 'reporting.insurance-mandatory-sectors',
  nameZh: '安全生产责任保险强制投保行业与最低保额',
  description: 'The sectors where work-safety liability insurance is mandatory (sector codes, the directory\'s where it has the sector), the minimum per-person death and disability limit in yuan, and the days before a policy\'s last day from which it is listed as lapsing.',
  schema: z.object({
    /** The mandatory sectors, in the order the document lists them. */
    sectors: z.array(MANDATORY_SECTOR).min(1).max(50),
    /** Minimum per-person death/disability limit (yuan); a policy below it does not count as coverage. */
    minPerPersonLimitYuan: YUAN,
    /** Days before the last day of an active policy from which it is listed as lapsing (both ends included). */
    lapseWarningDays: z.int().min(1).max(366),
  }),
});

/** 渝府办发〔2017〕121号: the minimum limits of the district's government-paid catastrophe insurance (巨灾保险). */
export const CATASTROPHE_INSURANCE_RULE = defineBusinessRule({
  code: 'reporting.catastrophe-insurance-minimums',
  nameZh: '巨灾保险最低保障标准',
  description: 'Minimum limits of a district catastrophe insurance policy in yuan: per person per event (death or disability), medical costs per person, per event and per year for the district.',
  schema: z.object({
    perPersonYuan: YUAN,
    medicalPerPersonYuan: YUAN,
    perEventYuan: YUAN,
    annualYuan: YUAN,
  }),
});

export const insuranceBusinessRules = [INSURANCE_MANDATORY_SECTORS_RULE, CATASTROPHE_INSURANCE_RULE];

/** The value of a version of `reporting.insurance-mandatory-sectors`. */
export type InsuranceMandate = z.infer<typeof INSURANCE_MANDATORY_SECTORS_RULE.schema>;
/** The value of a version of `reporting.catastrophe-insurance-minimums`. */
export type CatastropheMinimums = z.infer<typeof CATASTROPHE_INSURANCE_RULE.schema>;

export const INSURANCE_RULE_SEEDS: readonly BusinessRuleVersionSeed[] = [
  ruleVersionSeed({
    rule: INSURANCE_MANDATORY_SECTORS_RULE,
    jurisdiction: 'NATIONAL',
    jurisdictionName: '全国',
    documentNumber: '应急〔2025〕27号',
    documentTitle: '安全生产责任保险实施办法',
    value: {
      sectors: [
        { code: 'NON_COAL_MINE', category: '矿山' },
        { code: 'COAL_MINE', category: '矿山' },
        { code: 'HAZARDOUS_CHEMICALS', category: '危险化学品' },
        { code: 'FIREWORKS', category: '烟花爆竹' },
        { code: 'ROAD_TRANSPORT', category: '交通运输' },
        { code: 'WATERWAY_TRANSPORT', category: '交通运输' },
        { code: 'CONSTRUCTION', category: '建筑施工' },
        { code: 'CIVIL_EXPLOSIVES', category: '民用爆炸物品' },
        { code: 'METALLURGY', category: '金属冶炼' },
        { code: 'FISHERY', category: '渔业生产' },
      ],
      minPerPersonLimitYuan: '400000',
      lapseWarningDays: 30,
    },
    effectiveFrom: '2025-03-29',
    note: '[S] 矿山、危险化学品、烟花爆竹、交通运输、建筑施工、民用爆炸物品、金属冶炼、渔业生产 must insure; per-person death/disability limit not below ¥400,000 (regions may set higher); no cancellation or late renewal unless the enterprise closes. Mapped onto the directory\'s sector codes: COAL_MINE, WATERWAY_TRANSPORT and FISHERY are not in the directory (listed, reported as not in the directory); NONFERROUS (有色金属) is not listed because the directory\'s sector covers processing, not only smelting [U]. The 30-day lapse warning is the office\'s choice [U].',
  }),
  ruleVersionSeed({
    rule: CATASTROPHE_INSURANCE_RULE,
    jurisdiction: 'PROVINCE',
    jurisdictionName: '重庆市',
    documentNumber: '渝府办发〔2017〕121号',
    documentTitle: '重庆市人民政府办公厅关于开展巨灾保险试点工作的通知',
    value: { perPersonYuan: '100000', medicalPerPersonYuan: '10000', perEventYuan: '30000000', annualYuan: '60000000' },
    effectiveFrom: '2017-08-01',
    note: '[S] Government-paid, held by the district: at least ¥100,000 per person per event (medical at least ¥10,000), at least ¥30M per event and ¥60M per year per district; perils 气象/地质灾害、森林火灾、水库溃坝 and casualties in rescue or 见义勇为. The effective day is the notice\'s month [U].',
  }),
];
