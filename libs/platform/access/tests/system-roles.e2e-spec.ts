import { randomUUID } from 'node:crypto';
import pino from 'pino';
import type { DataSource } from 'typeorm';
import { DEFAULT_DATABASE_SETTINGS, InProcessEventBus, RequestContext, SYSTEM, createDataSource, kernelModule, syncPoint, transaction, type DomainModule } from '@platform/core';
import { directoryModule } from '@platform/directory';
import { createTestDatabase, type TestDatabase } from '@platform/testing';
import { accessModule } from '../src/access.module';
import { syncSystemRoles } from '../src/roles/system-roles';

/**
 * The system roles are brought back to the modules' declarations at every start: a role whose name or
 * grants changed gets a new version and `updated_at` (so `roles(filter: { updatedSince })` lists it);
 * one that stays as declared is left untouched (no new version, no change-feed entry at every start).
 */
describe('system roles kept as the modules declare them', () => {
  const modules: DomainModule[] = [kernelModule, directoryModule, accessModule];
  let db: TestDatabase;
  let ds: DataSource;
  beforeAll(async () => {
    db = await createTestDatabase(modules, { seed: true });
    ds = createDataSource({ url: db.url, ...DEFAULT_DATABASE_SETTINGS, poolSize: 2 }, modules, pino({ level: 'silent' }));
    await ds.initialize();
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  const system = () => new RequestContext({ requestId: `test-${randomUUID()}`, principal: SYSTEM, dataSource: ds, events: new InProcessEventBus(), log: pino({ level: 'silent' }) });
  /** What a start does to them. */
  const start = () => transaction(system(), (tx) => syncSystemRoles(tx, modules));
  const roles = async () =>
    new Map(((await ds.query(`SELECT code, version, updated_at FROM role WHERE is_system`)) as Array<{ code: string; version: number; updated_at: Date }>).map((r) => [r.code, r]));

  it('leaves roles as declared untouched, and moves the version and updated_at of those it changes back', async () => {
    await start();
    const settled = await roles();
    await start();
    expect(await roles()).toEqual(settled);

    // As if an older release had declared them otherwise: another name, one grant less, one grant more.
    await ds.query(`UPDATE role SET name_zh = '旧名称' WHERE code = 'grid-worker'`);
    await ds.query(`DELETE FROM role_permission WHERE role_id = (SELECT id FROM role WHERE code = 'village-officer') AND permission = 'directory.organization:read'`);
    await ds.query(`INSERT INTO role_permission (role_id, permission, scope) SELECT id, 'access.role:write', 'ALL' FROM role WHERE code = 'inspector'`);
    const since = await syncPoint(system());
    await start();
    const after = await roles();
    const changed = ['grid-worker', 'inspector', 'village-officer'];
    expect([...after.keys()].sort()).toEqual([...settled.keys()].sort());
    for (const [code, row] of after) {
      if (changed.includes(code)) {
        expect({ code, version: row.version, changedSince: row.updated_at >= since }).toEqual({ code, version: settled.get(code)!.version + 1, changedSince: true });
      } else {
        expect({ code, row }).toEqual({ code, row: settled.get(code) });
      }
    }
    expect(await ds.query(`SELECT r.name_zh, count(*) FILTER (WHERE rp.permission = 'access.role:write')::int AS extra
                           FROM role r LEFT JOIN role_permission rp ON rp.role_id = r.id WHERE r.code IN ('grid-worker', 'inspector') GROUP BY r.code, r.name_zh ORDER BY r.code`)).toEqual([
      { name_zh: '网格员', extra: 0 },
      { name_zh: '执法检查人员', extra: 0 },
    ]);
    expect(await ds.query(`SELECT count(*)::int AS n FROM role_permission rp JOIN role r ON r.id = rp.role_id WHERE r.code = 'village-officer' AND rp.permission = 'directory.organization:read'`)).toEqual([{ n: 1 }]);
  });
});
