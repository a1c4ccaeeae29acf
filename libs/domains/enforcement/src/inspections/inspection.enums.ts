import { registerEnumType } from 'type-graphql';

/** 检查类别 (国办发〔2024〕54号): routine, for a case, or a special campaign. */
export enum InspectionKind {
  ROUTINE = 'ROUTINE',
  CASE = 'CASE',
  SPECIAL = 'SPECIAL',
}

/** Where an inspection stands. */
export enum InspectionStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
  RECORDED = 'RECORDED',
  RECTIFICATION_ORDERED = 'RECTIFICATION_ORDERED',
  REINSPECTED = 'REINSPECTED',
  CLOSED = 'CLOSED',
  CANCELLED = 'CANCELLED',
}

/** The states of an inspection that has been carried out (its visit is recorded): what plan progress and indicators count as done. */
export const VISITED_STATUSES: readonly InspectionStatus[] = [InspectionStatus.RECORDED, InspectionStatus.RECTIFICATION_ORDERED, InspectionStatus.REINSPECTED, InspectionStatus.CLOSED];

/** The seven duties of an enterprise's principal (安全生产法 2021 第二十一条), the checklist's rows. */
export enum PrincipalDuty {
  RESPONSIBILITY_SYSTEM = 'RESPONSIBILITY_SYSTEM',
  RULES_AND_PROCEDURES = 'RULES_AND_PROCEDURES',
  TRAINING = 'TRAINING',
  INVESTMENT = 'INVESTMENT',
  DUAL_PREVENTION = 'DUAL_PREVENTION',
  EMERGENCY_PLAN = 'EMERGENCY_PLAN',
  ACCIDENT_REPORTING = 'ACCIDENT_REPORTING',
}

/** The wording of each duty in the law (安全生产法 2021 第二十一条（一）至（七）), in the law's order. */
export const PRINCIPAL_DUTY_TEXT: Readonly<Record<PrincipalDuty, string>> = {
  [PrincipalDuty.RESPONSIBILITY_SYSTEM]: '建立健全并落实本单位全员安全生产责任制，加强安全生产标准化建设',
  [PrincipalDuty.RULES_AND_PROCEDURES]: '组织制定并实施本单位安全生产规章制度和操作规程',
  [PrincipalDuty.TRAINING]: '组织制定并实施本单位安全生产教育和培训计划',
  [PrincipalDuty.INVESTMENT]: '保证本单位安全生产投入的有效实施',
  [PrincipalDuty.DUAL_PREVENTION]: '组织建立并落实安全风险分级管控和隐患排查治理双重预防工作机制，督促、检查本单位的安全生产工作，及时消除生产安全事故隐患',
  [PrincipalDuty.EMERGENCY_PLAN]: '组织制定并实施本单位的生产安全事故应急救援预案',
  [PrincipalDuty.ACCIDENT_REPORTING]: '及时、如实报告生产安全事故',
};

/** The duties in the law's order. */
export const PRINCIPAL_DUTIES: readonly PrincipalDuty[] = Object.values(PrincipalDuty);

/** How a checklist row was found. */
export enum ChecklistResult {
  COMPLIANT = 'COMPLIANT',
  NON_COMPLIANT = 'NON_COMPLIANT',
  NOT_APPLICABLE = 'NOT_APPLICABLE',
}

/** 危险作业 needing a permit (GB 30871 and 安全生产法 第四十三条). */
export enum HazardousWorkKind {
  HOT_WORK = 'HOT_WORK',
  CONFINED_SPACE = 'CONFINED_SPACE',
  WORK_AT_HEIGHT = 'WORK_AT_HEIGHT',
  TEMPORARY_ELECTRICITY = 'TEMPORARY_ELECTRICITY',
  LIFTING = 'LIFTING',
  BLIND_PLATE = 'BLIND_PLATE',
  EARTHWORK = 'EARTHWORK',
  ROAD_BREAKING = 'ROAD_BREAKING',
  BLASTING = 'BLASTING',
}

/** What the inspectors found of a hazardous-work permit. */
export enum PermitCheckResult {
  VALID = 'VALID',
  INVALID = 'INVALID',
  MISSING = 'MISSING',
}

/** How serious a finding is. */
export enum InspectionFindingSeverity {
  GENERAL = 'GENERAL',
  MAJOR = 'MAJOR',
}

/** Who wrote a finding: the inspectors, or the platform from a certificate checked. */
export enum InspectionFindingOrigin {
  INSPECTOR = 'INSPECTOR',
  CERTIFICATE_CHECK = 'CERTIFICATE_CHECK',
}

/** A warning on an inspection (国办发〔2024〕54号: alerts on repeated or high-frequency inspections of one enterprise). */
export enum InspectionWarningKind {
  REPEAT = 'REPEAT',
  NEAR_CAP = 'NEAR_CAP',
}

registerEnumType(InspectionKind, {
  name: 'InspectionKind',
  description: '检查类别。The kind of an administrative inspection (国办发〔2024〕54号).',
  valuesConfig: {
    ROUTINE: { description: '日常检查。Routine inspection under the annual plan.' },
    CASE: { description: '个案检查。Inspection of one matter: a tip, a complaint, a referral or an accident.' },
    SPECIAL: { description: '专项检查。Inspection of a special campaign (专项整治).' },
  },
});

registerEnumType(InspectionStatus, {
  name: 'InspectionStatus',
  description: '检查状态。Where an administrative inspection stands in its workflow.',
  valuesConfig: {
    DRAFT: { description: '草稿。Planned, not yet submitted for approval; may be changed.' },
    SUBMITTED: { description: '待审批。Submitted for approval (行政检查审批表).' },
    APPROVED: { description: '已审批。Approved by someone who is not one of its inspectors; the visit may take place.' },
    RECORDED: { description: '已检查。The visit is recorded with its checklist, certificates, permits and findings (现场检查记录 issued).' },
    RECTIFICATION_ORDERED: { description: '责令整改。Findings ordered rectified by a deadline (责令限期整改指令书 issued); the re-inspection is due after it.' },
    REINSPECTED: { description: '已复查。Re-inspected, rectified or not (整改复查意见书 issued).' },
    CLOSED: { description: '已办结。Closed; final.' },
    CANCELLED: { description: '已取消。Cancelled before the visit, with a reason; final, and not counted against the frequency cap.' },
  },
});

registerEnumType(PrincipalDuty, {
  name: 'PrincipalDuty',
  description: '主要负责人职责。The seven duties of an enterprise\'s principal (安全生产法 2021 第二十一条), the rows of an inspection\'s checklist.',
  valuesConfig: {
    RESPONSIBILITY_SYSTEM: { description: '（一）建立健全并落实本单位全员安全生产责任制，加强安全生产标准化建设。The all-staff responsibility system and standardisation.' },
    RULES_AND_PROCEDURES: { description: '（二）组织制定并实施本单位安全生产规章制度和操作规程。Safety rules and operating procedures.' },
    TRAINING: { description: '（三）组织制定并实施本单位安全生产教育和培训计划。The safety education and training plan.' },
    INVESTMENT: { description: '（四）保证本单位安全生产投入的有效实施。Effective safety investment.' },
    DUAL_PREVENTION: { description: '（五）组织建立并落实安全风险分级管控和隐患排查治理双重预防工作机制……及时消除生产安全事故隐患。Risk grading and hazard elimination (双重预防).' },
    EMERGENCY_PLAN: { description: '（六）组织制定并实施本单位的生产安全事故应急救援预案。The emergency rescue plan.' },
    ACCIDENT_REPORTING: { description: '（七）及时、如实报告生产安全事故。Reporting accidents promptly and truthfully.' },
  },
});

registerEnumType(ChecklistResult, {
  name: 'ChecklistResult',
  description: '检查结论。How a checklist row was found.',
  valuesConfig: {
    COMPLIANT: { description: '符合。The duty is performed.' },
    NON_COMPLIANT: { description: '不符合。The duty is not (fully) performed; usually a finding follows.' },
    NOT_APPLICABLE: { description: '不适用。Does not apply to this enterprise (say why in the note).' },
  },
});

registerEnumType(HazardousWorkKind, {
  name: 'HazardousWorkKind',
  description: '危险作业类别。Hazardous work that needs a permit (GB 30871 特殊作业, 安全生产法 第四十三条).',
  valuesConfig: {
    HOT_WORK: { description: '动火作业。Hot work.' },
    CONFINED_SPACE: { description: '受限空间作业。Work in a confined space.' },
    WORK_AT_HEIGHT: { description: '高处作业。Work at height.' },
    TEMPORARY_ELECTRICITY: { description: '临时用电作业。Temporary electrical supply.' },
    LIFTING: { description: '吊装作业。Lifting.' },
    BLIND_PLATE: { description: '盲板抽堵作业。Blind-plate insertion or removal.' },
    EARTHWORK: { description: '动土作业。Earthwork.' },
    ROAD_BREAKING: { description: '断路作业。Road closing.' },
    BLASTING: { description: '爆破作业。Blasting.' },
  },
});

registerEnumType(PermitCheckResult, {
  name: 'PermitCheckResult',
  description: '作业票检查结论。What the inspectors found of a hazardous-work permit.',
  valuesConfig: {
    VALID: { description: '有效。A permit that covers the work, approved and within its time.' },
    INVALID: { description: '无效。A permit that does not cover the work, is expired or incomplete.' },
    MISSING: { description: '未办理。Work under way without a permit.' },
  },
});

registerEnumType(InspectionFindingSeverity, {
  name: 'InspectionFindingSeverity',
  description: '问题性质。How serious a finding of an inspection is.',
  valuesConfig: {
    GENERAL: { description: '一般问题。A general problem or hazard.' },
    MAJOR: { description: '重大事故隐患。A major accident hazard by the sector\'s criteria.' },
  },
});

registerEnumType(InspectionFindingOrigin, {
  name: 'InspectionFindingOrigin',
  description: '问题来源。Who wrote a finding.',
  valuesConfig: {
    INSPECTOR: { description: '检查人员。Written by the inspectors.' },
    CERTIFICATE_CHECK: { description: '证件核查。Written by the platform for a special-operation certificate found expired, revoked or overdue for review (安全生产法 第三十条).' },
  },
});

registerEnumType(InspectionWarningKind, {
  name: 'InspectionWarningKind',
  description: '检查预警。Why an inspection is warned of (国办发〔2024〕54号: repeated or high-frequency inspections of one enterprise).',
  valuesConfig: {
    REPEAT: { description: '重复检查。Another inspection of the same enterprise (by any legal subject) falls within the repeat window of the frequency rule.' },
    NEAR_CAP: { description: '达到频次上限。With this inspection the enterprise reaches its yearly cap: no further inspection may be planned this year.' },
  },
});
