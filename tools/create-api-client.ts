import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { createApiClientWithRole } from '@platform/access';
import { fail, withSystemContext } from './lib/system-context';

/**
 * Creates an API client for another government system with a role (default integration-readonly at
 * the town government) and prints its key once:
 *   npm run create-api-client -- --name 区应急管理局指挥平台 [--role ROLE] [--organization ORG_ID] [--expires 2027-12-31]
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { name: { type: 'string' }, role: { type: 'string', default: 'integration-readonly' }, organization: { type: 'string' }, expires: { type: 'string' } },
  });
  if (!values.name) throw new Error('usage: npm run create-api-client -- --name 系统名称 [--role integration-readonly] [--organization ORG_ID] [--expires YYYY-MM-DD]');
  const expiresAt = values.expires ? new Date(values.expires) : undefined;
  if (expiresAt && Number.isNaN(expiresAt.getTime())) throw new Error('--expires must be a date such as 2027-12-31');
  const created = await withSystemContext('create-api-client', (ctx) =>
    createApiClientWithRole(ctx, { name: values.name!, roleCode: values.role, organizationId: values.organization, expiresAt }),
  );
  console.log(`API client ${created.apiClient.name} (${created.apiClient.id}), role ${values.role}, expires ${created.apiClient.expiresAt.toISOString()}.`);
  console.log(`Key (shown only now; send it as X-Api-Key): ${created.key}`);
}

main().catch((error: unknown) => fail('create-api-client', error));
