import 'reflect-metadata';
import { createLogger, loadConfig, migrate, openDatabase, selectModules } from '@platform/server';
import { AVAILABLE_MODULES, expandModuleGroups } from '../apps/gateway/src/available-modules';

/** `npm run migrate`: applies the enabled modules' pending migrations to DATABASE_URL (or the embedded database). */
async function main(): Promise<void> {
  const config = { ...loadConfig(process.env, AVAILABLE_MODULES), migrateOnStart: false };
  const log = createLogger(config.logLevel);
  const modules = selectModules(AVAILABLE_MODULES, expandModuleGroups(config.modules));
  const db = await openDatabase(config, modules, log);
  try {
    const applied = await migrate(db.dataSource, log);
    console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(', ')}` : 'Database is up to date.');
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error('Migration failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
