import pino from 'pino';
import { createDataSource, DEFAULT_DATABASE_SETTINGS, pendingMigrations } from '@platform/core';
import { createTestDatabase } from '@platform/testing';
import { selectModules } from '@platform/server';
import { AVAILABLE_MODULES, expandModuleGroups } from '../src/available-modules';

/**
 * Every migration the gateway ran before the rescue module was split into five libraries (issue 14),
 * in order. A database migrated then holds exactly these names in its `migrations` table, so the split
 * must keep each name and its place: a renamed or reordered migration would run again, or never.
 */
const BEFORE_THE_SPLIT = [
  'CreateAuditLog1764400000000',
  'CreateDirectory1764400100000',
  'AddAuditIp1764400200000',
  'CreateAccess1764400300000',
  'CreateAttachments1764400400000',
  'CreateHazards1764400500000',
  'CreateRiskPoints1764400700000',
  'CreateAccountabilityReviews1764400800000',
  'CreateRegisters1764401000000',
  'CreateVisitsAndCampaigns1764401100000',
  'CreateTrainingRecords1764401200000',
  'CreateDisasterOfficers1764401300000',
  'AddHazardOverdueAnnounced1764401400000',
  'AddHazardLocationAndEmergencyMeasures1764401500000',
  'AddHazardReadIndexes1764401600000',
  'NotifyAccessChanges1764401700000',
  'AddHazardSourceDrill1764401800000',
  'CreatePlansAndDrills1764401900000',
  'CreateCommandAndTeams1764402000000',
  'CreateDutyRosters1764402100000',
  'CreateConsultations1764402200000',
  'CreateJointDefense1764402300000',
  'CreateWarnings1764402400000',
  'CreateWarningDeliveries1764402500000',
  'CreateWarningEscalations1764402550000',
  'CreateIncidents1764402600000',
  'CreateRelief1764402700000',
  'CreateSupplies1764402800000',
  'AddHomeOrganizations1764402900000',
  'AddHazardOrigin1764403000000',
];

describe('migrations across the rescue split', () => {
  it('keeps every migration name and its order, so a database migrated before the split has nothing to run', async () => {
    const modules = selectModules(AVAILABLE_MODULES, 'all');
    const db = await createTestDatabase(modules);
    const ds = createDataSource({ url: db.url, ...DEFAULT_DATABASE_SETTINGS, poolSize: 2 }, modules, pino({ level: 'silent' }));
    await ds.initialize();
    try {
      const applied = (await ds.query(`SELECT name FROM migrations ORDER BY id`)).map((r: { name: string }) => r.name);
      // Those first, in their order; every later migration after them.
      expect(applied.slice(0, BEFORE_THE_SPLIT.length)).toEqual(BEFORE_THE_SPLIT);
      const stamp = (name: string) => Number(/\d{13}$/.exec(name)![0]);
      expect(applied.slice(BEFORE_THE_SPLIT.length).every((name: string) => stamp(name) > stamp(BEFORE_THE_SPLIT.at(-1)!))).toBe(true);
      expect(await pendingMigrations(ds)).toEqual([]);
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });

  it('declares in the entities exactly the tables, columns, types and nullability the migrations create (no change awaits a migration)', async () => {
    const modules = selectModules(AVAILABLE_MODULES, 'all');
    const db = await createTestDatabase(modules);
    const ds = createDataSource({ url: db.url, ...DEFAULT_DATABASE_SETTINGS, poolSize: 2 }, modules, pino({ level: 'silent' }));
    await ds.initialize();
    try {
      // TypeORM's schema builder reads this table (generated columns); the migrations do not create it.
      await ds.query(`CREATE TABLE typeorm_metadata ("type" varchar NOT NULL, "database" varchar, "schema" varchar, "table" varchar, "name" varchar, "value" text)`);
      const statements = (await ds.driver.createSchemaBuilder().log()).upQueries.map((q) => q.query);
      // What synchronize would change that the entities declare: tables, columns, types, nullability. Foreign keys,
      // indexes, defaults and comments live in the migrations' SQL only, by design, and so do two generated columns:
      // access's role rank and the knowledge base's bigram search vector (never read or written as an entity field).
      const GENERATED = ['"role_rank"', '"search_vector"'];
      const drift = statements.filter((q) => /CREATE TABLE|ADD "|ADD COLUMN|DROP COLUMN|ALTER COLUMN "[^"]+" TYPE|NOT NULL|RENAME/.test(q) && !GENERATED.some((c) => q.includes(c)));
      expect(drift).toEqual([]);
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });

  it('reads MODULES=rescue as the five libraries it became', () => {
    expect(expandModuleGroups(['directory', 'rescue'])).toEqual(['directory', 'preparedness', 'command', 'community', 'warnings', 'response']);
    expect(selectModules(AVAILABLE_MODULES, expandModuleGroups(['directory', 'access', 'risk', 'rescue'])).map((m) => m.name)).toEqual(
      expect.arrayContaining(['preparedness', 'command', 'community', 'warnings', 'response']),
    );
    expect(expandModuleGroups('all')).toBe('all');
  });
});
