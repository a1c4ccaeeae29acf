export { loadConfig, type GatewayConfig } from './config';
export { startGateway, startModules, type Gateway } from './gateway';
export { RateLimiters } from './rate-limit';
export { DEFAULT_EVENTS_CHANNEL, RedisEventBus, decodeEnvelope, encodeEnvelope, type RedisEventBusOptions } from './redis-event-bus';
export { buildGatewaySchema, undeclaredOperations } from './schema';
export { openDatabase, migrate, runSeeds, type Database } from './database';
export { selectModules } from './modules';
export { undescribed } from './schema-lint';
export { createLogger } from './logger';
