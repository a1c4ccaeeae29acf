import { NIL, type MatrixRows, type Who } from './matrix-roles';

/** scenarios.enterprise-picture:read: the office, departments, villages (their subtree), enterprises (their own) and inspectors. */
const PICTURE_READERS: Who[] = ['admin', 'anban', 'jingfa', 'wenfeng', 'sinopec-nanping', 'zhifa'];

/** Scenarios module, enterprise picture part (企业安全管家): every operation with who may call it. */
export const SCENARIOS_ENTERPRISE_PICTURE_ROWS: MatrixRows = {
  'Query.enterprisePicture': { op: `{ enterprisePicture(enterpriseId: "${NIL}") { status } }`, allowed: PICTURE_READERS },
  'Query.enterpriseRedList': { op: `{ enterpriseRedList(first: 1) { totalCount } }`, allowed: PICTURE_READERS },
};
