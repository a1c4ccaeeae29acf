import { Client } from 'pg';
import { isValidCreditCode, kernelModule } from '@platform/core';
import { createTestDatabase } from './test-database';
import { uniqueCreditCode } from './factories';

describe('test harness', () => {
  it('clones a migrated database per test file and drops it', async () => {
    const db = await createTestDatabase([kernelModule]);
    const client = new Client({ connectionString: db.url });
    await client.connect();
    const tables = await client.query(`SELECT to_regclass('audit_log') IS NOT NULL AS audit, (SELECT count(*)::int FROM migrations) AS migrations`);
    await client.end();
    expect(tables.rows).toEqual([{ audit: true, migrations: kernelModule.migrations.length }]);
    await db.drop();
    const admin = new Client({ connectionString: process.env['TEST_DATABASE_ADMIN_URL'] });
    await admin.connect();
    const left = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [db.name]);
    await admin.end();
    expect(left.rowCount).toBe(0);
  });

  it('makes unique, valid credit codes', () => {
    const codes = Array.from({ length: 50 }, uniqueCreditCode);
    expect(new Set(codes).size).toBe(50);
    expect(codes.every(isValidCreditCode)).toBe(true);
  });
});
