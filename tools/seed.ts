import 'reflect-metadata';
import { createLogger, loadConfig, openDatabase, runSeeds, selectModules } from '@platform/server';
import { AVAILABLE_MODULES, expandModuleGroups } from '../apps/gateway/src/available-modules';

/** `npm run seed`: writes the deterministic demo town; running it again changes nothing. */
async function main(): Promise<void> {
  const config = loadConfig(process.env, AVAILABLE_MODULES);
  const log = createLogger(config.logLevel);
  const modules = selectModules(AVAILABLE_MODULES, expandModuleGroups(config.modules));
  const db = await openDatabase(config, modules, log);
  try {
    await runSeeds(db.dataSource, modules, log, { demoAccounts: config.demoAccounts });
    console.log('Seed data is in place.');
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error('Seeding failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
