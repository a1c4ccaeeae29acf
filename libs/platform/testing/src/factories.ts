import { createHash } from 'node:crypto';
import { creditCodeCheckChar } from '@platform/core';

let counter = 0;
const next = () => `${process.pid}-${++counter}`;

const CREDIT_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A unique, valid unified social credit code (GB 32100) for test enterprises. */
export function uniqueCreditCode(): string {
  const digest = createHash('sha1').update(next()).digest();
  let body = '915001190';
  for (let i = 0; body.length < 17; i++) body += CREDIT_CHARSET[digest[i]! % 31];
  return body + creditCodeCheckChar(body);
}

/** A unique name with a readable prefix, e.g. `测试企业-1234-7`. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${next()}`;
}

/** Input for `createOrganization` of an enterprise under `parentId`. */
export function enterpriseInput(parentId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'ENTERPRISE',
    name: uniqueName('测试企业'),
    parentId,
    code: uniqueCreditCode(),
    enterprise: { sectorCode: 'BUILDING_MATERIALS', employeeCount: 25 },
    ...overrides,
  };
}
