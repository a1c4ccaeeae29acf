import pino from 'pino';
import { createDataSource, DEFAULT_DATABASE_SETTINGS } from '@platform/core';
import { createTestDatabase } from '@platform/testing';
import { runSeeds, selectModules } from '@platform/server';
import { directoryModule } from '@platform/directory';
import { accessModule } from '@platform/access';
import { riskModule } from '@domains/risk';

describe('demo town seed', () => {
  it('is realistic, deterministic and idempotent', async () => {
    const modules = selectModules([directoryModule, accessModule, riskModule], 'all');
    const db = await createTestDatabase(modules, { seed: true });
    const ds = createDataSource({ url: db.url, ...DEFAULT_DATABASE_SETTINGS, poolSize: 2 }, modules, pino({ level: 'silent' }));
    await ds.initialize();
    try {
      const count = async () =>
        (await ds.query(`SELECT kind, count(*)::int AS n FROM organization GROUP BY kind ORDER BY kind`)).concat(
          await ds.query(
            `SELECT 'PERSON' AS kind, count(*)::int AS n FROM person UNION ALL SELECT 'POSITION', count(*)::int FROM person_position
             UNION ALL SELECT 'HAZARD', count(*)::int FROM hazard UNION ALL SELECT 'HAZARD_EVENT', count(*)::int FROM hazard_event
             UNION ALL SELECT 'RISK_POINT', count(*)::int FROM risk_point UNION ALL SELECT 'USER', count(*)::int FROM app_user
             UNION ALL SELECT 'SHELTER', count(*)::int FROM shelter UNION ALL SELECT 'FIRE_FACILITY', count(*)::int FROM fire_facility`,
          ),
        );
      const before = await count();
      const byKind = Object.fromEntries(before.map((r: { kind: string; n: number }) => [r.kind, r.n]));
      expect(byKind).toMatchObject({ TOWN_GOVERNMENT: 1, DEPARTMENT: 9, ENTERPRISE: 60, PUBLIC_INSTITUTION: 4 });
      expect(byKind['VILLAGE'] + byKind['COMMUNITY']).toBe(15);
      expect(byKind['PERSON']).toBeGreaterThanOrEqual(200);
      expect(byKind['HAZARD']).toBeGreaterThanOrEqual(180);
      expect(byKind['RISK_POINT']).toBeGreaterThanOrEqual(30);
      const states = await ds.query(`SELECT array_agg(DISTINCT status ORDER BY status) AS s, count(*) FILTER (WHERE grade = 'MAJOR')::int AS major, count(*) FILTER (WHERE deadline < current_date AND status NOT IN ('CLOSED','REJECTED'))::int AS overdue FROM hazard`);
      expect(states[0].s).toEqual(['CLOSED', 'CONFIRMED', 'PLANNED', 'RECTIFYING', 'REJECTED', 'REPORTED', 'SUBMITTED', 'VERIFIED']);
      expect(states[0].major).toBeGreaterThan(5);
      expect(states[0].overdue).toBeGreaterThan(0);
      const registers = await ds.query(`SELECT (SELECT count(*)::int FROM shelter) AS shelters, (SELECT count(*)::int FROM fire_facility) AS facilities`);
      expect(registers).toEqual([{ shelters: 15, facilities: 45 }]);
      const officers = await ds.query(`SELECT count(DISTINCT organization_id)::int AS villages, count(*) FILTER (WHERE role = 'A')::int AS a FROM disaster_information_officer`);
      expect(officers).toEqual([{ villages: 15, a: 15 }]);
      const colours = await ds.query(`SELECT array_agg(DISTINCT level ORDER BY level) AS l FROM risk_point`);
      expect(colours[0].l).toEqual(['BLUE', 'ORANGE', 'RED', 'YELLOW']);
      const highRisk = await ds.query(`SELECT count(*)::int AS n FROM enterprise_profile WHERE high_risk`);
      expect(highRisk[0].n).toBeGreaterThanOrEqual(12);
      const town = await ds.query(`SELECT id, name, code FROM organization WHERE kind = 'TOWN_GOVERNMENT'`);
      expect(town).toEqual([{ id: expect.any(String), name: '南平镇人民政府', code: '500119108000' }]);

      await runSeeds(ds, modules, pino({ level: 'silent' }), { demoAccounts: true });
      expect(await count()).toEqual(before);
      const seedAudits = await ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'directory.seed'`);
      expect(seedAudits).toEqual([{ n: 1 }]);
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });
});
