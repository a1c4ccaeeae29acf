import { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { InternalsChangedError, installedVersion } from './internals-check';
import { poolConnectionSettings, poolOf, poolShapeProblems } from './pg-pool';

const dataSourceWith = (master: unknown) => ({ driver: { master } }) as unknown as DataSource;

describe('the start-up check of TypeORM’s pool (driver.master)', () => {
  it('accepts a real pg Pool, the shape TypeORM 1 keeps there', async () => {
    const pool = new Pool({ host: '127.0.0.1', max: 1, application_name: 'shape-check' });
    try {
      expect(poolShapeProblems({ master: pool })).toEqual([]);
      expect(poolOf(dataSourceWith(pool))).toBe(pool);
      // The listener copies the settings, so changing its copy leaves the pool's own alone.
      const settings = poolConnectionSettings(dataSourceWith(pool));
      expect(settings).toMatchObject({ host: '127.0.0.1', application_name: 'shape-check' });
      expect(settings).not.toBe(pool.options);
    } finally {
      await pool.end();
    }
  });

  it('names each missing piece when an upgrade changes the shape', () => {
    expect(poolShapeProblems({})).toEqual(['driver.master is undefined, not the pg Pool']);
    expect(poolShapeProblems({ master: { query: 'SELECT 1', options: null, totalCount: 1, idleCount: '1' } })).toEqual([
      'driver.master.query is string, not a function',
      'driver.master.options is null, not the connection settings',
      'driver.master.idleCount is string, not a number',
      'driver.master.waitingCount is undefined, not a number',
    ]);
  });

  it('fails with the TypeORM version and the README to read, instead of a TypeError at the first read', () => {
    // Say a release renamed the pool (to `primary`, say): `master` is gone.
    const renamed = dataSourceWith(undefined);
    const error = (() => {
      try {
        poolOf(renamed);
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(InternalsChangedError);
    expect((error as InternalsChangedError).message).toBe(
      `typeorm ${installedVersion('typeorm')} no longer has what the platform's read path relies on: driver.master is undefined, not the pg Pool. ` +
        'Pin the previous version or adapt the code described in libs/platform/core/src/perf/README.md.',
    );
    expect(installedVersion('typeorm')).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('reads versions from package.json even where the package does not export it', () => {
    expect(installedVersion('type-graphql')).toMatch(/^2\./);
    expect(installedVersion('no-such-package-here')).toBe('unknown');
  });
});
