export { loadConfig, type GatewayConfig } from './config';
export { startGateway, startModules, type Gateway } from './gateway';
export { RateLimiters } from './rate-limit';
export { buildGatewaySchema, undeclaredOperations } from './schema';
export { openDatabase, migrate, runSeeds, type Database } from './database';
export { selectModules } from './modules';
export { undescribed } from './schema-lint';
export { createLogger } from './logger';
