import { printSchema } from 'graphql';
import { Ctx, Query, Resolver } from 'type-graphql';
import { createTestDatabase, startTestGateway } from '@platform/testing';
import { buildGatewaySchema, selectModules } from '@platform/server';
import type { DomainEvent, RequestContext } from '@platform/core';
import { directoryModule } from '@platform/directory';
import { accessModule } from '@platform/access';
import { probeModule } from './probe.module';

describe('kernel through the gateway', () => {
  it('rolls back every write of a mutation that fails after writing, and publishes its events only after commit', async () => {
    const t = await startTestGateway([directoryModule, accessModule, probeModule], { seed: true });
    try {
      const admin = await t.as('admin');
      const seen: DomainEvent[] = [];
      t.gateway.events.subscribe('probe.created', (e) => seen.push(e));
      const failed = await admin(`mutation { writeProbe(name: "半途而废", fail: true) { id } }`);
      expect(failed.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'fail', rule: 'mustBeFalse' }] });
      const ds = t.gateway.database.dataSource;
      expect(await ds.query(`SELECT count(*)::int AS n FROM probe`)).toEqual([{ n: 0 }]);
      expect(await ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'probe.probe.create'`)).toEqual([{ n: 0 }]);
      expect(seen).toEqual([]);

      const ok = await admin(`mutation { writeProbe(name: "成功") { id name } }`);
      const id = ok.body.data!['writeProbe'].id;
      expect(seen.map((e) => e.payload)).toEqual([{ id }]);
      expect(seen[0]!.requestId).toBe(ok.headers.get('x-request-id'));
      expect(await ds.query(`SELECT action, entity_id FROM audit_log WHERE action = 'probe.probe.create'`)).toEqual([{ action: 'probe.probe.create', entity_id: id }]);

      const log = await admin(`query($id: UUID!) { auditLog(filter: { entityId: $id, actionPrefix: "probe." }) { totalCount edges { node { action actorKind ip requestId entityType } } } }`, { id });
      expect(log.body.data!['auditLog']).toEqual({
        totalCount: 1,
        edges: [{ node: { action: 'probe.probe.create', actorKind: 'USER', ip: expect.stringMatching(/127\.0\.0\.1$/), requestId: ok.headers.get('x-request-id'), entityType: 'Probe' } }],
      });
      const none = await admin(`{ auditLog(filter: { actionPrefix: "probe.", to: "2000-01-01T00:00:00Z" }) { totalCount } }`);
      expect(none.body.data!['auditLog'].totalCount).toBe(0);
    } finally {
      await t.close();
    }
  });

  it('removes a disabled module from the schema and leaves its tables untouched', async () => {
    const database = await createTestDatabase(selectModules([directoryModule, accessModule, probeModule], 'all'), { seed: true });
    try {
      const both = await startTestGateway([directoryModule, accessModule, probeModule], { database });
      await (await both.as('admin'))(`mutation { writeProbe(name: "留下") { id } }`);
      expect(printSchema(both.gateway.schema)).toContain('type Probe');
      await both.close();

      const only = await startTestGateway([directoryModule, accessModule, probeModule], { database, env: { MODULES: 'directory,access' } });
      try {
        expect(only.gateway.modules.map((m) => m.name)).toEqual(['kernel', 'directory', 'access']);
        const admin = await only.as('admin');
        expect(printSchema(only.gateway.schema)).not.toMatch(/Probe|probeCount|writeProbe/);
        const res = await admin(`{ probeCount }`);
        expect(res.body.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
        expect(await only.gateway.database.dataSource.query(`SELECT name FROM probe`)).toEqual([{ name: '留下' }]);
        expect((await admin(`{ organizations { totalCount } }`)).body.errors).toBeUndefined();
      } finally {
        await only.close();
      }
    } finally {
      await database.drop();
    }
  });

  it('masks unexpected errors: no SQL text, no stack, a stable code', async () => {
    const t = await startTestGateway([directoryModule, accessModule, probeModule]);
    try {
      const res = await t.gql(`{ probeBrokenSql }`);
      expect(res.body.errors).toEqual([{ message: 'Internal server error.', locations: expect.any(Array), path: ['probeBrokenSql'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
      expect(JSON.stringify(res.body)).not.toMatch(/SELECT|no_such_table|secret_column|relation|stack/i);
    } finally {
      await t.close();
    }
  });

  it('refuses unknown module names with the list of known ones', async () => {
    await expect(startTestGateway([directoryModule], { env: { MODULES: 'directory,risk' } })).rejects.toThrow(/unknown module\(s\): risk\. Known: directory/);
  });

  it('refuses to build a schema with an operation that declares no permission', async () => {
    @Resolver()
    class Undeclared {
      @Query(() => String, { description: '未声明。Undeclared.' })
      leak(@Ctx() _ctx: RequestContext): string {
        return 'x';
      }
    }
    const rogue = { name: 'rogue', description: '测试。Test.', entities: [], resolvers: [Undeclared], migrations: [], permissions: [] };
    await expect(buildGatewaySchema(selectModules([directoryModule, rogue], 'all'))).rejects.toThrow('Operation fields without @RequirePermission: Query.leak');
  });
});
