import { createLogger, loadConfig, selectModules, startGateway, type Gateway } from '@platform/server';
import { ErrorCode, type Clock, type DomainModule } from '@platform/core';
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
  /**
   * Like `as`, but every request also sends `x-read-compiler: off`: the resolver path, for its own
   * statement counts and to compare it with the compiled one (test gateways allow the header).
   */
  resolvers(username: string, password?: string): Promise<GraphQLClient>;
  /** Disposes the subscription clients still open against it (see `connect`), then stops the gateway. */
  close(): Promise<void>;
}

export type GraphQLClient = <D = Record<string, any>>(query: string, variables?: Record<string, unknown>) => Promise<GraphQLResponse<D>>;

/**
 * Which of the gateway's GraphQL routes the tests' requests take: `fast` (default) a JSON POST, which
 * the HTTP fast path serves; `apollo` (GRAPHQL_ROUTE=apollo, a second pass of the whole end-to-end
 * suite in `npm test`) Apollo Server's route: queries as GET with the CSRF preflight header, mutations
 * as POST asking for `application/graphql-response+json`, which the fast path leaves to Apollo.
 */
export const GRAPHQL_ROUTE: 'fast' | 'apollo' = process.env['GRAPHQL_ROUTE'] === 'apollo' ? 'apollo' : 'fast';

/** A mutation (or subscription) by its first keyword; anything else is a query, which may go as GET. */
const NOT_A_QUERY = /^\s*(#[^\n]*\n\s*)*(mutation|subscription)\b/;

function send(origin: string, query: string, variables: Record<string, unknown> | undefined, headers: Record<string, string>): Promise<Response> {
  if (GRAPHQL_ROUTE === 'apollo') {
    if (!NOT_A_QUERY.test(query)) {
      const params = new URLSearchParams({ query });
      if (variables) params.set('variables', JSON.stringify(variables));
      const url = `${origin}/graphql?${params}`;
      if (url.length <= 8000) return fetch(url, { headers: { 'apollo-require-preflight': 'true', ...headers } });
    }
    return fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json;q=0.9', ...headers },
      body: JSON.stringify({ query, variables }),
    });
  }
  return fetch(`${origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
}

const ERROR_CODES: ReadonlySet<string> = new Set(Object.values(ErrorCode));

/**
 * Every error of every test request carries a documented code (`ErrorCode`) and the request id of
 * its response (`x-request-id`); checked here for the whole suite, then the id is dropped so that
 * tests compare errors without it.
 */
export function checkedErrors(body: GraphQLResponse['body'], headers: Headers): GraphQLResponse['body'] {
  if (!body.errors) return body;
  const requestId = headers.get('x-request-id');
  const errors = body.errors.map((error) => {
    const { requestId: id, ...extensions } = error.extensions ?? {};
    if (id !== requestId) throw new Error(`error without the request id ${requestId}: ${JSON.stringify(error)}`);
    if (!ERROR_CODES.has(extensions['code'])) throw new Error(`error with a code not listed in ErrorCode: ${JSON.stringify(error)}`);
    return { ...error, extensions };
  });
  return { ...body, errors };
}

/** A raw response's JSON body with its errors checked as `checkedErrors` does (documented code, the response's request id, then dropped). */
export async function checkedBody(res: Response): Promise<GraphQLResponse['body']> {
  return checkedErrors((await res.json()) as GraphQLResponse['body'], res.headers);
}

/** The password of the seeded demo accounts (see the access module). */
export const DEMO_PASSWORD = 'nanping2025';

/**
 * Boots the real gateway (HTTP, Apollo, limits, metrics) on a free port over a fresh database of
 * its own, so end-to-end tests exercise exactly what clients get. `env` overrides settings.
 */
/**
 * Settings for a gateway on a stopped clock whose records must not change between two asks: the
 * overdue and warning-escalation sweeps run at start only (then hourly, beyond any test).
 */
export const QUIET_SWEEPS: Readonly<Record<string, string>> = { OVERDUE_SWEEP_INTERVAL_MS: '3600000', WARNING_ESCALATION_INTERVAL_MS: '3600000' };

export async function startTestGateway(
  modules: readonly DomainModule[],
  options: { seed?: boolean; env?: Record<string, string>; database?: TestDatabase; clock?: Clock } = {},
): Promise<TestGateway> {
  // A database passed in belongs to the caller (several gateways in turn over one database).
  const owned = !options.database;
  // A test on a manual clock gets the town seeded as of its clock's moment (see createTestDatabase).
  const database = options.database ?? (await createTestDatabase(selectModules(modules, 'all'), { seed: options.seed, seededAt: options.clock?.now() }));
  const config = loadConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    DATABASE_URL: database.url,
    MIGRATE_ON_START: 'false',
    SEED_ON_START: 'false',
    SQL_COUNT_HEADER: 'true',
    // Every query the read compiler answers is also run through its resolvers in the same snapshot and must give the same bytes.
    READ_COMPILER: 'true',
    READ_COMPILER_PARITY: 'true',
    READ_COMPILER_HEADER: 'true',
    DB_POOL_SIZE: '4',
    SHUTDOWN_TIMEOUT_MS: '500',
    JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-signing',
    LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
    ...options.env,
  }, modules);
  let gateway: Gateway;
  try {
    gateway = await startGateway(config, modules, createLogger(config.logLevel), { clock: options.clock });
    // On a manual clock the sweeps' runs at start read the clock's moment: they end before the test moves it.
    if (options.clock) await gateway.jobs.settled();
  } catch (error) {
    if (owned) await database.drop();
    throw error;
  }
  const origin = new URL(gateway.url).origin;
  const gql: TestGateway['gql'] = async (query, variables, headers = {}) => {
    const res = await send(origin, query, variables, headers);
    const body = (await res.json()) as GraphQLResponse['body'];
    return { status: res.status, headers: res.headers, body: checkedErrors(body, res.headers) as never, statements: Number(res.headers.get('x-sql-statements') ?? NaN) };
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
    async resolvers(username, password) {
      const accessToken = await token(username, password);
      return (query, variables) => gql(query, variables, { authorization: `Bearer ${accessToken}`, 'x-read-compiler': 'off' });
    },
    async close() {
      await disconnectAll(testGateway);
      await gateway.close();
      if (owned) await database.drop();
    },
  };
  return testGateway;
}
