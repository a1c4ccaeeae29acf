import { SortDirection, defineOrder } from '@platform/core';

/** `liabilityInsurancePolicies(orderBy:)`: the one ending first first by default; ties by id, so the order (and the cursor) is total. */
export const LiabilityPolicyOrder = defineOrder(
  'LiabilityInsurancePolicy',
  '安全生产责任保险保单',
  {
    ENDS_ON: { column: 't.ends_on', description: '保险止期。By the last day covered.' },
    STARTS_ON: { column: 't.starts_on', description: '保险起期。By the first day covered.' },
    PER_PERSON_LIMIT: { column: 't.per_person_limit_yuan', description: '每人限额。By the per-person limit.' },
    CREATED_AT: { column: 't.created_at', description: '登记时间。By when it was recorded.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when it last changed (for syncing).' },
  },
  [
    { column: 't.ends_on', direction: SortDirection.ASC },
    { column: 't.id', direction: SortDirection.ASC },
  ],
);

/** `catastrophePolicies(orderBy:)`: the latest period first by default. */
export const CatastrophePolicyOrder = defineOrder(
  'CatastrophePolicy',
  '巨灾保险保单',
  {
    STARTS_ON: { column: 't.starts_on', description: '保险起期。By the first day covered.' },
    CREATED_AT: { column: 't.created_at', description: '登记时间。By when it was recorded.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when it last changed (for syncing).' },
  },
  [
    { column: 't.starts_on', direction: SortDirection.DESC },
    { column: 't.id', direction: SortDirection.DESC },
  ],
);

/** `catastropheClaims(orderBy:)`: the latest filed first by default. */
export const CatastropheClaimOrder = defineOrder(
  'CatastropheClaim',
  '巨灾保险理赔',
  {
    FILED_ON: { column: 't.filed_on', description: '报案日期。By the day filed.' },
    CREATED_AT: { column: 't.created_at', description: '登记时间。By when it was recorded.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when it last changed (for syncing).' },
  },
  [
    { column: 't.filed_on', direction: SortDirection.DESC },
    { column: 't.id', direction: SortDirection.DESC },
  ],
);

/** An incident's or a policy's claims: in the order filed. */
export const CLAIMS_IN_ORDER = [
  { column: 't.filed_on', direction: SortDirection.ASC },
  { column: 't.id', direction: SortDirection.ASC },
];

/**
 * `liabilityInsuranceCoverage(orderBy:)`, over the computed rows `g`: by enterprise name by default;
 * ties by the enterprise id (one row per enterprise), so paging is lossless for every order.
 */
export const LiabilityInsuranceCoverageOrder = defineOrder(
  'LiabilityInsuranceCoverage',
  '安责险覆盖情况',
  {
    ENTERPRISE_NAME: { column: 'g."enterpriseName"', description: '企业名称。By the enterprise\'s name.' },
    SECTOR: { column: 'g."sectorCode"', description: '行业。By the sector code (enterprises without one last ascending).' },
    MANDATORY: { column: 'g.mandatory', description: '强制投保。By whether the sector is mandatory today (false first ascending).' },
    COVERED: { column: 'g.covered', description: '已覆盖。By whether an active policy meeting the limit covers it today (false first ascending).' },
  },
  [
    { column: 'g."enterpriseName"', direction: SortDirection.ASC },
    { column: 'g."enterpriseId"', direction: SortDirection.ASC },
  ],
  { tieBreak: ['g."enterpriseId"'] },
);
