// First: tracing (when configured) must be set up before `http` and `pg` are loaded.
import './telemetry-first';
import 'reflect-metadata';
import { inspect } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { createLogger, loadConfig, startGateway } from '@platform/server';
import { AVAILABLE_MODULES, expandModuleGroups } from './available-modules';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env, AVAILABLE_MODULES);
    config = { ...config, modules: expandModuleGroups(config.modules) };
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  // A tighter heap growth than V8's default: measured under 32 concurrent 200 KB responses, 150 keeps
  // the process near 270 MB instead of 350 MB at no measurable cost in throughput (tools/bench/RESULTS.md).
  if (config.heapGrowingPercent > 0) setFlagsFromString(`--heap-growing-percent=${config.heapGrowingPercent}`);
  const log = createLogger(config.logLevel);
  const gateway = await startGateway(config, AVAILABLE_MODULES, log);
  console.log(`\n  Town safety GraphQL gateway: ${gateway.url}\n  Explorer (browser): ${gateway.url.replace(/\/graphql$/, '/explorer')}\n  Admin console (browser): ${gateway.url.replace(/\/graphql$/, '/console/')}\n`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: draining requests');
    gateway.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

// One line per cause: the message, else name and code (a connection's AggregateError has an empty
// message; its parts say which addresses failed), else the value, so no failure prints "undefined".
function describeFailure(error: unknown, depth = 0): string {
  if (!(error instanceof Error)) return error === undefined ? 'rejected without a reason (run with LOG_LEVEL=debug for details)' : inspect(error, { depth: 2 });
  const code = (error as NodeJS.ErrnoException).code;
  let text = error.message || `${error.name}${code ? ` ${code}` : ''}`;
  if (error instanceof AggregateError && !error.message) text += `: ${error.errors.map((e: unknown) => describeFailure(e, depth + 1)).join('; ')}`;
  if (error.cause !== undefined && depth < 4) text += `\n  caused by: ${describeFailure(error.cause, depth + 1)}`;
  return text;
}

main().catch((error: unknown) => {
  console.error(`Gateway failed to start: ${describeFailure(error)}`);
  process.exit(1);
});
