import { loadConfig } from './config';

describe('loadConfig', () => {
  it('defaults to embedded mode with migrations and seed on start', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 4000, databaseUrl: undefined, dataDir: './.data', modules: 'all', migrateOnStart: true, seedOnStart: true, introspection: true });
    expect(c.limits).toMatchObject({ maxDepth: 10, maxAliases: 15, bodyLimit: '100kb' });
  });

  it('in server mode does not migrate or seed unless asked', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://u@db:5432/town', MODULES: 'directory, risk' });
    expect(c).toMatchObject({ migrateOnStart: false, seedOnStart: false, modules: ['directory', 'risk'] });
    expect(loadConfig({ DATABASE_URL: 'postgres://u@db/town', MIGRATE_ON_START: 'true' }).migrateOnStart).toBe(true);
  });

  it('lists every bad variable with its rule', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', DB_POOL_SIZE: '0', INTROSPECTION: 'maybe' })).toThrow(
      /Invalid configuration:\n {2}PORT: .*\n {2}DATABASE_URL: must start with postgres:\/\/ or postgresql:\/\/\n {2}LOG_LEVEL: .*\n {2}DB_POOL_SIZE: .*\n {2}INTROSPECTION: .*/,
    );
  });

  it('turns the SQL count header off in production by default', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).sqlCountHeader).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', SQL_COUNT_HEADER: 'true' }).sqlCountHeader).toBe(true);
  });

  it('tightens V8 heap growth by default and lets it be turned off or refused when out of range', () => {
    expect(loadConfig({}).heapGrowingPercent).toBe(150);
    expect(loadConfig({ HEAP_GROWING_PERCENT: '0' }).heapGrowingPercent).toBe(0);
    expect(() => loadConfig({ HEAP_GROWING_PERCENT: '-5' })).toThrow(/HEAP_GROWING_PERCENT/);
  });

});
