import { SpecialOperationReviewResult, SpecialOperationType } from './certificate.enums';

/*
 * The demo certificates of 南平镇, fixed days (the same on every day). Around the README's moment
 * (2026-11-29) with the seeded rule (valid 6 years, reviewed every 3, a 60-day window) they stand:
 * most VALID; eight REVIEW_DUE within 60 days; one REVIEW_OVERDUE (a failed review); two EXPIRING;
 * one EXPIRED; one REVOKED. Numbers and authorities are demo values.
 */

/** An inspector's enforcement certificate for the town government (`person` is a directory person key). */
export interface SeedEnforcementCertificate {
  readonly person: string;
  readonly number: string;
  readonly validFrom: string;
  readonly validTo: string;
}

export const ENFORCEMENT_ISSUING_AUTHORITY = '重庆市人民政府';
export const ENFORCEMENT_FIELD = '综合行政执法（安全生产）';

/** The brigade head and its three staff; staff-3's certificate expired on 2026-03-31 (an uncertified inspector on the demo day). */
export const SEED_ENFORCEMENT_CERTIFICATES: readonly SeedEnforcementCertificate[] = [
  { person: 'person-dept-enforcement-head', number: '渝执5001192022001', validFrom: '2022-06-01', validTo: '2027-05-31' },
  { person: 'person-dept-enforcement-staff-1', number: '渝执5001192023011', validFrom: '2023-03-01', validTo: '2028-02-29' },
  { person: 'person-dept-enforcement-staff-2', number: '渝执5001192024005', validFrom: '2024-09-01', validTo: '2029-08-31' },
  { person: 'person-dept-enforcement-staff-3', number: '渝执5001192021009', validFrom: '2021-04-01', validTo: '2026-03-31' },
];

/** A review of a seeded special-operation certificate. */
export interface SeedReview {
  readonly on: string;
  readonly result: SpecialOperationReviewResult;
  readonly note?: string;
}

/** A special operator's certificate: `enterprise` is an `ent-*` key, `holder` the enterprise's `lead` or `safety` person. */
export interface SeedSpecialOperationCertificate {
  readonly key: string;
  readonly enterprise: string;
  readonly holder: 'lead' | 'safety';
  readonly type: SpecialOperationType;
  readonly item: string;
  readonly number: string;
  readonly issuedOn: string;
  readonly reviews?: readonly SeedReview[];
  readonly revoked?: { readonly on: string; readonly reason: string };
}

export const OPERATOR_ISSUING_AUTHORITY = '重庆市应急管理局';
export const REVIEW_AUTHORITY = '重庆市应急管理局（南川区考试点）';

const T = SpecialOperationType;
const PASSED = SpecialOperationReviewResult.PASSED;
const FAILED = SpecialOperationReviewResult.FAILED;

export const SEED_SPECIAL_OPERATION_CERTIFICATES: readonly SeedSpecialOperationCertificate[] = [
  // 加油站: explosion-proof and low-voltage electricians.
  { key: 'sinopec-nanping-electrician', enterprise: 'ent-sinopec-nanping', holder: 'safety', type: T.ELECTRICAL, item: '低压电工作业', number: 'TZ2024000118', issuedOn: '2024-01-10' },
  { key: 'sinopec-nanping-explosion-proof', enterprise: 'ent-sinopec-nanping', holder: 'lead', type: T.ELECTRICAL, item: '防爆电气作业', number: 'TZ2025000342', issuedOn: '2025-04-18' },
  { key: 'sinopec-longmen-explosion-proof', enterprise: 'ent-sinopec-longmen', holder: 'safety', type: T.ELECTRICAL, item: '防爆电气作业', number: 'TZ2020000077', issuedOn: '2020-03-02', reviews: [{ on: '2023-02-20', result: PASSED }] },
  { key: 'jinlong-gas-electrician', enterprise: 'ent-jinlong-gas-station', holder: 'safety', type: T.ELECTRICAL, item: '低压电工作业', number: 'TZ2021000015', issuedOn: '2021-01-15', reviews: [{ on: '2023-12-28', result: PASSED }] },
  { key: 'fengming-welder', enterprise: 'ent-fengming-industrial-gas', holder: 'lead', type: T.WELDING_AND_CUTTING, item: '熔化焊接与热切割作业', number: 'TZ2022000263', issuedOn: '2022-05-09', reviews: [{ on: '2025-04-20', result: PASSED }] },
  { key: 'xinyuan-lpg-electrician', enterprise: 'ent-xinyuan-lpg', holder: 'safety', type: T.ELECTRICAL, item: '低压电工作业', number: 'TZ2023000951', issuedOn: '2023-12-20' },
  // 采石场: blasting and safety inspection in open-pit mines; one review failed and now overdue, one certificate revoked.
  {
    key: 'hongfa-blaster', enterprise: 'ent-hongfa-quarry', holder: 'safety', type: T.MINE_SAFETY, item: '金属非金属矿山爆破作业', number: 'TZ2023000402', issuedOn: '2023-06-15',
    reviews: [{ on: '2026-05-28', result: FAILED, note: '安全技术理论考试不合格，需重新申请复审。' }],
  },
  { key: 'hongfa-inspector', enterprise: 'ent-hongfa-quarry', holder: 'lead', type: T.MINE_SAFETY, item: '金属非金属矿山安全检查作业', number: 'TZ2024000187', issuedOn: '2024-03-05' },
  {
    key: 'dashi-electrician', enterprise: 'ent-dashi-stone', holder: 'safety', type: T.ELECTRICAL, item: '低压电工作业', number: 'TZ2021000688', issuedOn: '2021-09-01',
    revoked: { on: '2026-08-10', reason: '违章带电作业被责令停止作业，发证机关撤销操作证。' },
  },
  { key: 'qinglong-blaster', enterprise: 'ent-qinglong-quarry', holder: 'safety', type: T.MINE_SAFETY, item: '金属非金属矿山爆破作业', number: 'TZ2024000131', issuedOn: '2024-01-20' },
  // 烟花爆竹经营: storage work of the retail points' warehouses.
  { key: 'xiangrui-storage', enterprise: 'ent-xiangrui-fireworks', holder: 'lead', type: T.FIREWORKS, item: '烟花爆竹储存作业', number: 'TZ2025000907', issuedOn: '2025-11-20' },
  { key: 'longteng-storage', enterprise: 'ent-longteng-fireworks', holder: 'lead', type: T.FIREWORKS, item: '烟花爆竹储存作业', number: 'TZ2023000966', issuedOn: '2023-12-25' },
  // 建筑施工: scaffolders, site electricians, welders.
  { key: 'hengtong-scaffolder', enterprise: 'ent-hengtong-construction', holder: 'safety', type: T.WORK_AT_HEIGHT, item: '登高架设作业', number: 'TZ2024000029', issuedOn: '2024-01-05' },
  { key: 'hengtong-electrician', enterprise: 'ent-hengtong-construction', holder: 'lead', type: T.ELECTRICAL, item: '低压电工作业', number: 'TZ2022000574', issuedOn: '2022-10-12', reviews: [{ on: '2025-09-30', result: PASSED }] },
  { key: 'jiarui-welder', enterprise: 'ent-jiarui-construction', holder: 'safety', type: T.WELDING_AND_CUTTING, item: '熔化焊接与热切割作业', number: 'TZ2025000455', issuedOn: '2025-06-16' },
  { key: 'chuanping-height', enterprise: 'ent-chuanping-construction', holder: 'safety', type: T.WORK_AT_HEIGHT, item: '高处安装、维护、拆除作业', number: 'TZ2021000143', issuedOn: '2021-03-10', reviews: [{ on: '2024-02-26', result: PASSED }] },
  // 铸造与铝业: gas work and welding.
  { key: 'jinxing-gas', enterprise: 'ent-jinxing-foundry', holder: 'safety', type: T.METALLURGY_GAS, item: '煤气作业', number: 'TZ2023000921', issuedOn: '2023-12-08' },
  { key: 'jinxing-welder', enterprise: 'ent-jinxing-foundry', holder: 'lead', type: T.WELDING_AND_CUTTING, item: '熔化焊接与热切割作业', number: 'TZ2024000612', issuedOn: '2024-08-20' },
  { key: 'xintai-gas', enterprise: 'ent-xintai-aluminium', holder: 'safety', type: T.METALLURGY_GAS, item: '煤气作业', number: 'TZ2022000219', issuedOn: '2022-04-11', reviews: [{ on: '2025-03-18', result: PASSED }] },
  { key: 'desheng-electrician', enterprise: 'ent-desheng-concrete', holder: 'safety', type: T.ELECTRICAL, item: '低压电工作业', number: 'TZ2025000198', issuedOn: '2025-03-03' },
  // 冷链与食品加工: refrigeration; the liquor works' electrician (文凤村).
  { key: 'xianda-refrigeration', enterprise: 'ent-xianda-cold-chain', holder: 'safety', type: T.REFRIGERATION, item: '制冷与空调设备运行操作作业', number: 'TZ2023000990', issuedOn: '2023-12-30' },
  { key: 'fengxiang-electrician', enterprise: 'ent-fengxiang-liquor', holder: 'safety', type: T.ELECTRICAL, item: '低压电工作业', number: 'TZ2024000377', issuedOn: '2024-05-06' },
  { key: 'lvyuan-refrigeration', enterprise: 'ent-lvyuan-bamboo-shoots', holder: 'safety', type: T.REFRIGERATION, item: '制冷与空调设备运行操作作业', number: 'TZ2021000008', issuedOn: '2021-01-05', reviews: [{ on: '2023-12-15', result: PASSED }] },
  // 农机修理: a welder.
  { key: 'limin-welder', enterprise: 'ent-limin-farm-machinery', holder: 'safety', type: T.WELDING_AND_CUTTING, item: '熔化焊接与热切割作业', number: 'TZ2024000052', issuedOn: '2024-01-26' },
];
