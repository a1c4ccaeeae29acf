import { createLogger, loadConfig, selectModules, startGateway, type Gateway } from '@platform/server';
import type { Clock, DomainModule } from '@platform/core';
import { createTestDatabase, type TestDatabase } from './test-database';
import { disconnectAll } from './subscriptions';

export interface GraphQLResponse<D = Record<string, any>> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: { data?: D | null; errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, any> }> };
  /** SQL statements the request ran (from the `x-sql-statements` header). */
  readonly statements: number;
}

export interface TestGateway {
  readonly gateway: Gateway;
  readonly database: TestDatabase;
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /** POSTs a GraphQL request as JSON and returns status, body and the SQL statement count. */
  gql<D = Record<string, any>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<D>>;
  /** Signs in (demo password by default) and returns the access token. */
  token(username: string, password?: string): Promise<string>;
  /** Signs in (demo password by default) and returns a `gql` that sends the access token. */
  as(username: string, password?: string): Promise<GraphQLClient>;
  /** Disposes the subscription clients still open against it (see `connect`), then stops the gateway. */
  close(): Promise<void>;
}

export type GraphQLClient = <D = Record<string, any>>(query: string, variables?: Record<string, unknown>) => Promise<GraphQLResponse<D>>;

/** The password of the seeded demo accounts (see the access module). */
export const DEMO_PASSWORD = 'nanping2025';

/**
 * Boots the real gateway (HTTP, Apollo, limits, metrics) on a free port over a fresh database of
 * its own, so end-to-end tests exercise exactly what clients get. `env` overrides settings.
 */
export async function startTestGateway(
  modules: readonly DomainModule[],
  options: { seed?: boolean; env?: Record<string, string>; database?: TestDatabase; clock?: Clock } = {},
): Promise<TestGateway> {
  // A database passed in belongs to the caller (several gateways in turn over one database).
  const owned = !options.database;
  const database = options.database ?? (await createTestDatabase(selectModules(modules, 'all'), { seed: options.seed }));
  const config = loadConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    DATABASE_URL: database.url,
    MIGRATE_ON_START: 'false',
    SEED_ON_START: 'false',
    SQL_COUNT_HEADER: 'true',
    DB_POOL_SIZE: '4',
    SHUTDOWN_TIMEOUT_MS: '500',
    JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-signing',
    LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
    ...options.env,
  });
  let gateway: Gateway;
  try {
    gateway = await startGateway(config, modules, createLogger(config.logLevel), { clock: options.clock });
  } catch (error) {
    if (owned) await database.drop();
    throw error;
  }
  const origin = new URL(gateway.url).origin;
  const gql: TestGateway['gql'] = async (query, variables, headers = {}) => {
      const res = await fetch(`${origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as GraphQLResponse['body'];
      return { status: res.status, headers: res.headers, body: body as never, statements: Number(res.headers.get('x-sql-statements') ?? NaN) };
  };
  const token: TestGateway['token'] = async (username, password = DEMO_PASSWORD) => {
    const res = await gql(`mutation($input: LoginInput!) { login(input: $input) { accessToken } }`, { input: { username, password } });
    const accessToken = res.body.data?.['login']?.accessToken as string | undefined;
    if (!accessToken) throw new Error(`login as ${username} failed: ${JSON.stringify(res.body.errors)}`);
    return accessToken;
  };
  const testGateway: TestGateway = {
    gateway,
    database,
    origin,
    gql,
    token,
    async as(username, password) {
      const accessToken = await token(username, password);
      return (query, variables) => gql(query, variables, { authorization: `Bearer ${accessToken}` });
    },
    async close() {
      await disconnectAll(testGateway);
      await gateway.close();
      if (owned) await database.drop();
    },
  };
  return testGateway;
}
