import { randomBytes } from 'node:crypto';
import { startTestGateway, type TestGateway } from '@platform/testing';
import { directoryModule } from '@platform/directory';
import { accessModule, createUserWithRole } from '@platform/access';
import type { DomainEvent } from '@platform/core';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the command-line tools are not a library; this test runs their shared context as they do
import { withSystemContext } from '../../../tools/lib/system-context';

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/**
 * The command-line tools (create-admin, create-api-client) publish their domain events on the same
 * bus as the gateways: with REDIS_URL a running gateway hears `access.changed` from a one-off command.
 */
describe('command-line tools and the gateways\' event bus', () => {
  const channel = `town-safety:test:cli:${randomBytes(4).toString('hex')}`;
  let t: TestGateway;
  const saved = { ...process.env };
  beforeAll(async () => {
    t = await startTestGateway([directoryModule, accessModule], { seed: true, env: { REDIS_URL, EVENTS_CHANNEL: channel } });
    // What an operator's shell would hold: the same database, Redis and channel as the gateway.
    Object.assign(process.env, { DATABASE_URL: t.database.url, REDIS_URL, EVENTS_CHANNEL: channel, MODULES: 'directory,access', JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-signing', LOG_LEVEL: 'silent' });
  });
  afterAll(async () => {
    process.env = saved;
    await t?.close();
  });

  it('delivers a command\'s access.changed to a gateway through Redis', async () => {
    const heard: DomainEvent[] = [];
    const off = t.gateway.events.subscribe('access.changed', (event) => heard.push(event));
    try {
      const user = await withSystemContext('test-cli', (ctx) => createUserWithRole(ctx, { username: 'cli-admin', password: 'Start12345!', displayName: '命令行管理员', roleCode: 'super-admin' }));
      expect(user.username).toBe('cli-admin');
      // The account and its role are one transaction, announced as one change of assignments.
      const deadline = Date.now() + 5000;
      while (!heard.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
      expect(heard.map((e) => [e.type, e.payload])).toEqual([['access.changed', { change: 'assignment' }]]);
      // The new account signs in on the gateway at once.
      expect(await t.token('cli-admin', 'Start12345!')).toEqual(expect.any(String));
    } finally {
      off();
    }
  });

  it('holds a command to the API\'s input rules: a weak password or a bad username is refused and nothing is written', async () => {
    const create = (username: string, password: string) => withSystemContext('test-cli', (ctx) => createUserWithRole(ctx, { username, password, displayName: '弱口令', roleCode: 'super-admin' }));
    await expect(create('weak-admin', '123')).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'password', rule: 'matches' })] } });
    await expect(create('bad name!', 'Start12345!')).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'username', rule: 'matches' })] } });
    expect(await t.gateway.database.dataSource.query(`SELECT username FROM app_user WHERE username IN ('weak-admin', 'bad name!')`)).toEqual([]);
  });
});
