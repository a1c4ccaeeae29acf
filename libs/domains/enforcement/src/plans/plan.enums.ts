import { registerEnumType } from 'type-graphql';

/** The class of an enterprise in a plan: key enterprises are inspected more often (a higher yearly cap) and planned first. */
export enum EnterpriseClass {
  KEY = 'KEY',
  ORDINARY = 'ORDINARY',
}

registerEnumType(EnterpriseClass, {
  name: 'EnterpriseClass',
  description: '企业监管类别。Key (重点) or ordinary (一般) enterprise of the annual inspection plan (安全生产法 第六十二条: plans by classification and grading).',
  valuesConfig: {
    KEY: { description: '重点。A high-risk sector (EnterpriseProfile.highRisk) or a risk point graded MAJOR (red) or LARGE (orange); or moved here by an officer with a reason.' },
    ORDINARY: { description: '一般。Any other enterprise of the plan\'s territory.' },
  },
});

/** Where a plan stands: drafted, approved (then not edited), or replaced by an approved revision. */
export enum InspectionPlanStatus {
  DRAFT = 'DRAFT',
  APPROVED = 'APPROVED',
  SUPERSEDED = 'SUPERSEDED',
}

registerEnumType(InspectionPlanStatus, {
  name: 'InspectionPlanStatus',
  description: '检查计划状态。Where an annual inspection plan stands.',
  valuesConfig: {
    DRAFT: { description: '草稿。Being drawn up: its inputs and enterprise list may change.' },
    APPROVED: { description: '已批准。Approved by the office: the plan in force for its year, no longer edited (a revision replaces it).' },
    SUPERSEDED: { description: '已被替代。Replaced by an approved revision of the same year.' },
  },
});
