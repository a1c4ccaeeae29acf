import { HazardCategory } from '@domains/risk';
import { ChecklistResult, HazardousWorkKind, InspectionFindingSeverity, InspectionKind, PermitCheckResult, PrincipalDuty } from './inspection.enums';
import type { FindingInput, PermitCheckInput } from './inspection.inputs';

/*
 * The demo inspections of 南平镇 by the town government (2025 and 2026), with fixed days around the
 * README's moment (2026-11-29): every state; the items of the list in force on the planned day (the
 * 2025-01 list in the first half of 2025, the 2025-07 list after); the brigade's head and staff as
 * inspectors (staff-3 only while certified, until 2026-03-31); checklists, certificate checks (an
 * expired, a revoked and an overdue one becoming findings), permits and findings, some raising hazards
 * and one calling for a case; and one re-inspection overdue on 2026-11-29.
 */

/** A brigade member by directory key suffix: the head or staff-1..3. */
export type SeedInspector = 'head' | 'staff-1' | 'staff-2' | 'staff-3';

/** The rows of a seeded visit. */
export interface SeedVisit {
  readonly on: string;
  readonly time: string;
  readonly signatory: string;
  readonly summary?: string;
  /** Duties found otherwise than COMPLIANT, with a note. */
  readonly checklist?: Partial<Record<PrincipalDuty, readonly [ChecklistResult, string]>>;
  /** Special-operation certificates seen, by the certificates seed's key. */
  readonly certificates?: readonly string[];
  readonly permits?: readonly PermitCheckInput[];
  readonly findings?: readonly SeedFinding[];
}

/** A finding of a seeded visit; articles by number of the 2021 Work Safety Law. */
export interface SeedFinding extends Omit<FindingInput, 'lawArticleIds'> {
  readonly articles?: readonly number[];
}

/** A seeded inspection: its steps as far as it went. */
export interface SeedInspection {
  readonly key: string;
  /** Its number in the year's codes (NPJC-<year>-<number>). */
  readonly number: number;
  readonly enterprise: string;
  /** The item list (2025-01, 2025-07) and item code (AQ-JC-001 work safety, XF-JC-001 fire safety). */
  readonly item: readonly ['2025-01' | '2025-07', 'AQ-JC-001' | 'XF-JC-001'];
  readonly kind: InspectionKind;
  readonly purpose: string;
  readonly plannedOn: string;
  readonly inspectors: readonly SeedInspector[];
  readonly submittedOn?: string;
  readonly rejection?: readonly [string, string];
  readonly approvedOn?: string;
  readonly visit?: SeedVisit;
  readonly order?: { readonly on: string; readonly deadline: string };
  readonly reinspection?: { readonly on: string; readonly rectified: boolean; readonly opinion: string };
  readonly closedOn?: string;
  readonly cancelled?: readonly [string, string];
}

const C = ChecklistResult;
const D = PrincipalDuty;

export const SEED_INSPECTIONS: readonly SeedInspection[] = [
  {
    key: '2025-hongfa-routine', number: 1, enterprise: 'ent-hongfa-quarry', item: ['2025-01', 'AQ-JC-001'], kind: InspectionKind.ROUTINE,
    purpose: '年度计划内日常检查：爆破作业管理、边坡稳定和主要负责人安全生产职责落实情况。', plannedOn: '2025-03-12', inspectors: ['head', 'staff-3'],
    submittedOn: '2025-03-05', approvedOn: '2025-03-06',
    visit: {
      on: '2025-03-12', time: '9时30分至11时40分', signatory: '陈宏发', summary: '爆破作业审批手续齐全，双重预防台账更新不及时，爆破器材临时存放点警示标志缺失。',
      checklist: { [D.DUAL_PREVENTION]: [C.NON_COMPLIANT, '风险分级管控清单未随采掘面推进更新'] },
      certificates: ['hongfa-blaster', 'hongfa-inspector'],
      permits: [{ kind: HazardousWorkKind.BLASTING, permitNumber: 'BP-2025-031', result: PermitCheckResult.VALID }],
      findings: [
        { description: '爆破器材临时存放点未设置警示标志和警戒线', checklistDuty: D.DUAL_PREVENTION, articles: [101], severity: InspectionFindingSeverity.GENERAL, rectificationRequired: true, hazardCategory: HazardCategory.WORK_SAFETY },
      ],
    },
    order: { on: '2025-03-12', deadline: '2025-03-26' }, reinspection: { on: '2025-03-28', rectified: true, opinion: '经复查，警示标志和警戒线已设置，风险管控清单已更新，整改到位。' }, closedOn: '2025-03-31',
  },
  {
    key: '2025-fengshou-routine', number: 2, enterprise: 'ent-fengshou-rice', item: ['2025-01', 'AQ-JC-001'], kind: InspectionKind.ROUTINE,
    purpose: '年度计划内日常检查：粉尘防爆和主要负责人安全生产职责落实情况。', plannedOn: '2025-02-20', inspectors: ['staff-1', 'staff-2'],
    submittedOn: '2025-02-14', approvedOn: '2025-02-17',
    visit: { on: '2025-02-20', time: '14时00分至15时30分', signatory: '刘丰收', summary: '未发现问题。' },
    closedOn: '2025-02-21',
  },
  {
    key: '2025-fengshou-fire', number: 3, enterprise: 'ent-fengshou-rice', item: ['2025-01', 'XF-JC-001'], kind: InspectionKind.ROUTINE,
    purpose: '消防安全检查：仓储区消防设施、疏散通道。', plannedOn: '2025-04-15', inspectors: ['staff-2', 'staff-3'],
    submittedOn: '2025-04-09', approvedOn: '2025-04-10',
    visit: {
      on: '2025-04-15', time: '9时00分至10时10分', signatory: '刘丰收', summary: '成品库灭火器过期，疏散通道堆放杂物。',
      findings: [{ description: '成品库4具灭火器超过有效期，疏散通道堆放编织袋', severity: InspectionFindingSeverity.GENERAL, rectificationRequired: true }],
    },
    order: { on: '2025-04-15', deadline: '2025-04-25' }, reinspection: { on: '2025-04-28', rectified: true, opinion: '经复查，灭火器已更换，疏散通道已清理，整改到位。' }, closedOn: '2025-04-30',
  },
  {
    key: '2025-fengshou-tip', number: 4, enterprise: 'ent-fengshou-rice', item: ['2025-01', 'AQ-JC-001'], kind: InspectionKind.CASE,
    purpose: '群众举报核查：反映企业夜间违规使用临时电源烘干稻谷。', plannedOn: '2025-06-10', inspectors: ['head', 'staff-1'],
    submittedOn: '2025-06-09', approvedOn: '2025-06-09',
    visit: {
      on: '2025-06-10', time: '20时10分至21时00分', signatory: '刘丰收', summary: '现场核查，烘干机由固定线路供电，未发现违规临时用电，举报不属实。',
    },
    closedOn: '2025-06-11',
  },
  {
    key: '2025-sinopec-nanping-routine', number: 5, enterprise: 'ent-sinopec-nanping', item: ['2025-07', 'AQ-JC-001'], kind: InspectionKind.ROUTINE,
    purpose: '年度计划内日常检查：加油站防爆电气、卸油作业和主要负责人安全生产职责落实情况。', plannedOn: '2025-09-10', inspectors: ['staff-1', 'staff-2'],
    submittedOn: '2025-09-03', approvedOn: '2025-09-04',
    visit: {
      on: '2025-09-10', time: '9时30分至11时00分', signatory: '王建国', summary: '各项制度落实，特种作业人员持证上岗，未发现问题。',
      certificates: ['sinopec-nanping-electrician', 'sinopec-nanping-explosion-proof'],
      permits: [{ kind: HazardousWorkKind.HOT_WORK, permitNumber: 'DH-2025-017', result: PermitCheckResult.VALID, note: '罩棚照明检修动火' }],
    },
    closedOn: '2025-09-10',
  },
  {
    key: '2025-xiangrui-special', number: 6, enterprise: 'ent-xiangrui-fireworks', item: ['2025-07', 'AQ-JC-001'], kind: InspectionKind.SPECIAL,
    purpose: '国庆前烟花爆竹经营单位安全专项检查。', plannedOn: '2025-09-25', inspectors: ['head', 'staff-2'],
    submittedOn: '2025-09-22', approvedOn: '2025-09-23',
    visit: {
      on: '2025-09-25', time: '10时00分至11时20分', signatory: '李祥瑞',
      summary: '仓库超量储存烟花爆竹，部分产品存放于经营场所外的民房内。',
      checklist: { [D.DUAL_PREVENTION]: [C.NON_COMPLIANT, '未开展节前隐患自查'], [D.TRAINING]: [C.NON_COMPLIANT, '仓库保管员未参加年度培训'] },
      findings: [
        {
          description: '烟花爆竹超量储存，约40箱产品存放于经营场所外未经许可的民房内', checklistDuty: D.DUAL_PREVENTION, articles: [102], severity: InspectionFindingSeverity.MAJOR, rectificationRequired: true,
          hazardCategory: HazardCategory.WORK_SAFETY, caseReason: '在未经许可的场所储存烟花爆竹，构成重大事故隐患，涉嫌违反《中华人民共和国安全生产法》第一百零二条，拟立案查处',
        },
        { description: '仓库保管员未经年度安全培训上岗', checklistDuty: D.TRAINING, articles: [97], severity: InspectionFindingSeverity.GENERAL, rectificationRequired: true },
      ],
    },
    order: { on: '2025-09-25', deadline: '2025-09-28' }, reinspection: { on: '2025-09-29', rectified: true, opinion: '经复查，超量产品已运回批发企业仓库，民房内无存放，保管员已完成培训，整改到位；违法行为另案处理。' },
  },
  {
    key: '2025-jinxing-cancelled', number: 7, enterprise: 'ent-jinxing-foundry', item: ['2025-07', 'AQ-JC-001'], kind: InspectionKind.ROUTINE,
    purpose: '年度计划内日常检查：熔炼炉、煤气作业和有限空间作业管理。', plannedOn: '2025-11-18', inspectors: ['staff-1', 'staff-3'],
    submittedOn: '2025-11-10', approvedOn: '2025-11-11', cancelled: ['2025-11-14', '企业停产检修至12月底，检查改期至2026年'],
  },
  {
    key: '2025-hengtong-routine', number: 8, enterprise: 'ent-hengtong-construction', item: ['2025-07', 'AQ-JC-001'], kind: InspectionKind.ROUTINE,
    purpose: '年度计划内日常检查：施工现场脚手架、临时用电和高处作业。', plannedOn: '2025-12-09', inspectors: ['head', 'staff-1'],
    submittedOn: '2025-12-03', approvedOn: '2025-12-04',
    visit: {
      on: '2025-12-09', time: '9时00分至11时30分', signatory: '张恒通', summary: '落地式脚手架连墙件缺失，临时用电未执行三级配电。',
      certificates: ['hengtong-scaffolder', 'hengtong-electrician'],
      permits: [
        { kind: HazardousWorkKind.WORK_AT_HEIGHT, permitNumber: 'GC-2025-112', result: PermitCheckResult.VALID },
        { kind: HazardousWorkKind.TEMPORARY_ELECTRICITY, permitNumber: 'LD-2025-048', result: PermitCheckResult.INVALID, note: '作业票已过期三天仍在作业' },
      ],
      findings: [
        { description: '3号楼落地式脚手架第6至9步连墙件缺失', articles: [101], severity: InspectionFindingSeverity.GENERAL, rectificationRequired: true, hazardCategory: HazardCategory.WORK_SAFETY },
        { description: '临时用电作业票过期仍在作业，未执行三级配电两级保护', articles: [101], severity: InspectionFindingSeverity.GENERAL, rectificationRequired: true },
      ],
    },
    order: { on: '2025-12-09', deadline: '2025-12-23' }, reinspection: { on: '2026-01-05', rectified: true, opinion: '经复查，连墙件已补设，临时用电已整改，整改到位（复查晚于时限）。' }, closedOn: '2026-01-06',
  },
  {
    key: '2026-longmen-routine', number: 1, enterprise: 'ent-sinopec-longmen', item: ['2025-07', 'AQ-JC-001'], kind: InspectionKind.ROUTINE,
    purpose: '年度计划内日常检查：加油站防爆电气和特种作业人员持证情况。', plannedOn: '2026-03-18', inspectors: ['staff-1', 'staff-2'],
    submittedOn: '2026-03-11', approvedOn: '2026-03-12',
    visit: { on: '2026-03-18', time: '14时00分至15时20分', signatory: '赵龙门', summary: '防爆电气作业人员操作证已过有效期仍在岗。', certificates: ['sinopec-longmen-explosion-proof'] },
    order: { on: '2026-03-18', deadline: '2026-04-17' }, reinspection: { on: '2026-04-20', rectified: true, opinion: '经复查，该作业人员已停止作业并重新取证，整改到位。' }, closedOn: '2026-04-21',
  },
  {
    key: '2026-desheng-routine', number: 2, enterprise: 'ent-desheng-concrete', item: ['2025-07', 'AQ-JC-001'], kind: InspectionKind.ROUTINE,
    purpose: '年度计划内日常检查：搅拌站有限空间和机械设备安全。', plannedOn: '2026-05-12', inspectors: ['head', 'staff-2'],
    submittedOn: '2026-05-06', approvedOn: '2026-05-07',
    visit: { on: '2026-05-12', time: '9时30分至10时50分', signatory: '孙德胜', summary: '未发现问题。', certificates: ['desheng-electrician'], permits: [{ kind: HazardousWorkKind.CONFINED_SPACE, permitNumber: 'SX-2026-009', result: PermitCheckResult.VALID, note: '搅拌罐清理' }] },
    closedOn: '2026-05-12',
  },
  {
    key: '2026-hongfa-routine', number: 3, enterprise: 'ent-hongfa-quarry', item: ['2025-07', 'AQ-JC-001'], kind: InspectionKind.ROUTINE,
    purpose: '年度计划内日常检查：爆破作业人员持证和汛期边坡管理。', plannedOn: '2026-06-20', inspectors: ['head', 'staff-1'],
    submittedOn: '2026-06-15', approvedOn: '2026-06-16',
    visit: { on: '2026-06-20', time: '9时00分至11时00分', signatory: '陈宏发', summary: '爆破作业人员复审不合格后仍从事爆破作业。', certificates: ['hongfa-blaster', 'hongfa-inspector'] },
    order: { on: '2026-06-20', deadline: '2026-07-20' }, reinspection: { on: '2026-07-28', rectified: true, opinion: '经复查，该人员已调离爆破岗位，爆破作业由持证人员实施，整改到位。' }, closedOn: '2026-07-30',
  },
  {
    key: '2026-dashi-routine', number: 4, enterprise: 'ent-dashi-stone', item: ['2025-07', 'AQ-JC-001'], kind: InspectionKind.ROUTINE,
    purpose: '年度计划内日常检查：采场边坡、配电设施和特种作业人员持证情况。', plannedOn: '2026-09-15', inspectors: ['staff-1', 'staff-2'],
    submittedOn: '2026-09-08', approvedOn: '2026-09-09',
    visit: {
      on: '2026-09-15', time: '9时30分至11时30分', signatory: '周大石', summary: '电工操作证已被撤销仍从事电气作业；采场东侧边坡台阶宽度不足。',
      checklist: { [D.DUAL_PREVENTION]: [C.NON_COMPLIANT, '边坡隐患未纳入排查台账'] },
      certificates: ['dashi-electrician'],
      findings: [{ description: '采场东侧边坡安全平台宽度不足，局部有浮石', checklistDuty: D.DUAL_PREVENTION, articles: [102], severity: InspectionFindingSeverity.GENERAL, rectificationRequired: true, hazardCategory: HazardCategory.GEOLOGICAL }],
    },
    order: { on: '2026-09-15', deadline: '2026-10-15' },
  },
  {
    key: '2026-sinopec-nanping-fire', number: 5, enterprise: 'ent-sinopec-nanping', item: ['2025-07', 'XF-JC-001'], kind: InspectionKind.ROUTINE,
    purpose: '消防安全检查：加油站消防器材和应急预案演练。', plannedOn: '2026-10-10', inspectors: ['staff-1', 'staff-2'],
    submittedOn: '2026-10-08', approvedOn: '2026-10-09',
    visit: { on: '2026-10-10', time: '10时00分至11时00分', signatory: '王建国', summary: '消防器材完好，应急预案按期演练。', certificates: ['sinopec-nanping-electrician'] },
    closedOn: '2026-10-10',
  },
  {
    key: '2026-sinopec-nanping-routine', number: 6, enterprise: 'ent-sinopec-nanping', item: ['2025-07', 'AQ-JC-001'], kind: InspectionKind.ROUTINE,
    purpose: '年度计划内日常检查：卸油作业和防爆电气。', plannedOn: '2026-10-28', inspectors: ['head', 'staff-2'],
    submittedOn: '2026-10-22', approvedOn: '2026-10-23',
    visit: { on: '2026-10-28', time: '9时30分至10时40分', signatory: '王建国', summary: '未发现问题。', certificates: ['sinopec-nanping-explosion-proof'] },
    closedOn: '2026-10-28',
  },
  {
    key: '2026-desheng-fire', number: 7, enterprise: 'ent-desheng-concrete', item: ['2025-07', 'XF-JC-001'], kind: InspectionKind.ROUTINE,
    purpose: '消防安全检查：办公楼和配电房消防设施。', plannedOn: '2026-11-10', inspectors: ['staff-1', 'staff-2'],
    submittedOn: '2026-11-04', approvedOn: '2026-11-05',
    visit: { on: '2026-11-10', time: '14时30分至15时20分', signatory: '孙德胜', summary: '未发现问题。' },
    closedOn: '2026-11-10',
  },
  {
    key: '2026-xianda-routine', number: 8, enterprise: 'ent-xianda-cold-chain', item: ['2025-07', 'AQ-JC-001'], kind: InspectionKind.ROUTINE,
    purpose: '年度计划内日常检查：液氨制冷系统和有限空间作业。', plannedOn: '2026-11-20', inspectors: ['head', 'staff-1'],
    submittedOn: '2026-11-16', approvedOn: '2026-11-17',
    visit: {
      on: '2026-11-20', time: '9时00分至11时10分', signatory: '吴鲜达', summary: '氨泄漏报警装置未定期校验，冷库有限空间作业审批不规范。',
      checklist: { [D.EMERGENCY_PLAN]: [C.NON_COMPLIANT, '液氨泄漏专项预案未演练'] },
      certificates: ['xianda-refrigeration'],
      permits: [{ kind: HazardousWorkKind.CONFINED_SPACE, result: PermitCheckResult.MISSING, note: '冷库蒸发器检修未办理作业票' }],
      findings: [
        { description: '氨泄漏报警装置超过一年未校验', articles: [101], severity: InspectionFindingSeverity.GENERAL, rectificationRequired: true, hazardCategory: HazardCategory.WORK_SAFETY },
        { description: '冷库蒸发器检修属有限空间作业，未办理作业审批', articles: [101], severity: InspectionFindingSeverity.GENERAL, rectificationRequired: true },
        { description: '液氨泄漏专项应急预案年内未组织演练', checklistDuty: D.EMERGENCY_PLAN, articles: [21], severity: InspectionFindingSeverity.GENERAL, rectificationRequired: true },
      ],
    },
  },
  {
    key: '2026-jinlong-routine', number: 9, enterprise: 'ent-jinlong-gas-station', item: ['2025-07', 'AQ-JC-001'], kind: InspectionKind.ROUTINE,
    purpose: '年度计划内日常检查：加油站冬季安全和特种作业人员持证情况。', plannedOn: '2026-12-03', inspectors: ['staff-1', 'staff-2'],
    submittedOn: '2026-11-25', approvedOn: '2026-11-26',
  },
  {
    key: '2026-fengxiang-routine', number: 10, enterprise: 'ent-fengxiang-liquor', item: ['2025-07', 'AQ-JC-001'], kind: InspectionKind.ROUTINE,
    purpose: '年度计划内日常检查：白酒储存区防火防爆和粉尘防爆。', plannedOn: '2026-12-08', inspectors: ['head', 'staff-2'],
    submittedOn: '2026-11-27',
  },
  {
    key: '2026-lvyuan-routine', number: 11, enterprise: 'ent-lvyuan-bamboo-shoots', item: ['2025-07', 'AQ-JC-001'], kind: InspectionKind.ROUTINE,
    purpose: '年度计划内日常检查：冷库制冷系统和食品加工车间机械防护。', plannedOn: '2026-12-15', inspectors: ['staff-1', 'staff-2'],
    submittedOn: '2026-11-23', rejection: ['2026-11-24', '检查事项未列明液氨制冷系统，请补充后重新提交'],
  },
];
