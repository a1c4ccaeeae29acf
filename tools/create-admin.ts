import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { createUserWithRole } from '@platform/access';
import { fail, withSystemContext } from './lib/system-context';

/**
 * Creates a user with a role (default super-admin at the town government), e.g. the first admin of
 * a server installation. The password comes from ADMIN_PASSWORD, not an argument, so it stays out
 * of shell history:
 *   ADMIN_PASSWORD=… npm run create-admin -- --username chen --display-name 陈工 [--role ROLE] [--organization ORG_ID]
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { username: { type: 'string' }, 'display-name': { type: 'string' }, role: { type: 'string', default: 'super-admin' }, organization: { type: 'string' } },
  });
  const password = process.env['ADMIN_PASSWORD'];
  if (!values.username || !values['display-name'] || !password) {
    throw new Error('usage: ADMIN_PASSWORD=… npm run create-admin -- --username NAME --display-name 显示名 [--role super-admin] [--organization ORG_ID]');
  }
  const user = await withSystemContext('create-admin', (ctx) =>
    createUserWithRole(ctx, { username: values.username!, password, displayName: values['display-name']!, roleCode: values.role, organizationId: values.organization }),
  );
  console.log(`Created user ${user.username} (${user.id}) with role ${values.role}.`);
}

main().catch((error: unknown) => fail('create-admin', error));
