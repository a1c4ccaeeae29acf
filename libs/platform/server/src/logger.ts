import pino, { type Logger } from 'pino';

/** Structured JSON logs; request logs carry `requestId`. */
export function createLogger(level: string, base: Record<string, unknown> = {}): Logger {
  return pino({ level, base: { service: 'gateway', ...base }, timestamp: pino.stdTimeFunctions.isoTime });
}
