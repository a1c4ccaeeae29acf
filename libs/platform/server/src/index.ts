export { loadConfig, type GatewayConfig } from './config';
export { startGateway, type Gateway } from './gateway';
export { buildGatewaySchema, undeclaredOperations } from './schema';
export { openDatabase, migrate, runSeeds, type Database } from './database';
export { selectModules } from './modules';
export { undescribed } from './schema-lint';
export { createLogger } from './logger';
