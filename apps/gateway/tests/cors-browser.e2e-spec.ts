import http from 'node:http';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startTestGateway, type TestGateway } from '@platform/testing';
import { AVAILABLE_MODULES } from '../src/available-modules';

/**
 * CORS as a browser applies it: Debian's chromium (driven by playwright-core) loads a page from another
 * origin that calls the gateway with `fetch` (JSON + Authorization: a non-simple request, so a preflight).
 * `.ci/run` installs chromium when missing, so in CI (CI set) a missing browser fails the suite; elsewhere
 * the suite is skipped with the reason printed.
 */
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const installed = existsSync(CHROMIUM);
const missing = `${CHROMIUM} is not installed: \`apt-get install -y chromium\` (.ci/run does it in CI)`;
if (!installed && !process.env['CI']) console.warn(`cors-browser.e2e-spec: skipped, ${missing}`);
const describeBrowser = installed || process.env['CI'] ? describe : describe.skip;

const QUERY = '{ organizations(first: 1) { totalCount } }';

/** A page server: `/` is a page whose script calls the gateway (origin given when it is served) with fetch. */
async function pageServer(gatewayOrigin: () => string): Promise<{ origin: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    if (req.url !== '/') {
      res.statusCode = 404;
      res.end();
      return;
    }
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(`<!doctype html><meta charset="utf-8"><title>front end</title>
<script>
const GATEWAY = ${JSON.stringify(gatewayOrigin())};
window.callGateway = async (query, token, requestId, credentials = 'same-origin') => {
  try {
    const res = await fetch(GATEWAY + '/graphql', {
      method: 'POST',
      credentials,
      headers: { 'content-type': 'application/json', authorization: 'Bearer ' + token, 'x-request-id': requestId },
      body: JSON.stringify({ query }),
    });
    return { status: res.status, requestId: res.headers.get('x-request-id'), sqlStatements: res.headers.get('x-sql-statements'), body: await res.json() };
  } catch (error) {
    return { error: error.name + ': ' + error.message };
  }
};
</script>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

interface Preflight {
  url: string;
  status: number;
  headers: Record<string, string>;
}
interface Failure {
  errorText: string;
  corsError?: string;
}

/** Opens the page in a fresh context (no cached preflight) and records, through CDP, the preflights and failed loads the browser reports. */
async function openPage(browser: Browser, origin: string): Promise<{ page: Page; context: BrowserContext; preflights: Preflight[]; failures: Failure[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const preflights: Preflight[] = [];
  const failures: Failure[] = [];
  cdp.on('Network.responseReceived', (e) => {
    if (e.type !== 'Preflight') return;
    preflights.push({ url: e.response.url, status: e.response.status, headers: Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)])) });
  });
  cdp.on('Network.loadingFailed', (e) => failures.push({ errorText: e.errorText, corsError: e.corsErrorStatus?.corsError }));
  await cdp.send('Network.enable');
  await page.goto(`${origin}/`);
  return { page, context, preflights, failures };
}

async function until<T>(what: string, read: () => T | undefined, ms = 5000): Promise<T> {
  for (const end = Date.now() + ms; ; ) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

type CallResult = { status: number; requestId: string | null; sqlStatements: string | null; body: any } | { error: string };
/** Runs the page's own script (`callGateway`) in the page. */
type Credentials = 'omit' | 'same-origin' | 'include';
type PageGlobals = { callGateway(query: string, token: string, requestId: string, credentials: Credentials): Promise<CallResult> };
/** Runs the page's own script (`callGateway`) in the page. */
const call = (page: Page, token: string, requestId: string, credentials: Credentials = 'same-origin'): Promise<CallResult> =>
  page.evaluate(([query, t, id, c]) => (globalThis as unknown as PageGlobals).callGateway(query, t, id, c), [QUERY, token, requestId, credentials] as const);

describeBrowser('CORS in a browser (chromium)', () => {
  let t: TestGateway;
  let allowed: Awaited<ReturnType<typeof pageServer>>;
  let other: Awaited<ReturnType<typeof pageServer>>;
  let browser: Browser;
  let token: string;

  beforeAll(async () => {
    if (!installed) throw new Error(missing);
    allowed = await pageServer(() => t.origin);
    other = await pageServer(() => t.origin);
    t = await startTestGateway(AVAILABLE_MODULES, { seed: true, env: { CORS_ORIGINS: allowed.origin } });
    token = await t.token('anban');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await Promise.all([allowed?.close(), other?.close()]);
    await t?.close();
  });

  it('lets a page on a listed origin read the data and the x-request-id header, after a preflight', async () => {
    const { page, context, preflights } = await openPage(browser, allowed.origin);
    try {
      const result = await call(page, token, 'browser-cors-1');
      const direct = await t.gql(QUERY, undefined, { authorization: `Bearer ${token}` });
      expect(result).toEqual({ status: 200, requestId: 'browser-cors-1', sqlStatements: null, body: { data: { organizations: { totalCount: direct.body.data!['organizations'].totalCount } } } });
      expect(direct.body.data!['organizations'].totalCount).toBeGreaterThan(0);
      // x-sql-statements is sent (SQL_COUNT_HEADER) but not exposed: the page cannot read it.
      expect(direct.headers.get('x-sql-statements')).not.toBeNull();
      const preflight = await until('the preflight', () => preflights[0]);
      expect(preflight).toMatchObject({ url: `${t.origin}/graphql`, status: 204 });
      expect(preflight.headers).toMatchObject({ 'access-control-allow-origin': allowed.origin, 'access-control-allow-methods': 'GET,POST,OPTIONS', 'access-control-max-age': '600', vary: 'Origin' });
      expect(preflight.headers['access-control-allow-headers']!.split(',')).toEqual(expect.arrayContaining(['content-type', 'authorization', 'x-request-id']));
      expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();
    } finally {
      await context.close();
    }
  });

  it('refuses a page on an origin not listed: the fetch fails with a TypeError, the preflight answered without Access-Control-Allow-Origin', async () => {
    const { page, context, preflights, failures } = await openPage(browser, other.origin);
    try {
      const result = await call(page, token, 'browser-cors-2');
      expect(result).toEqual({ error: expect.stringMatching(/^TypeError: /) });
      const preflight = await until('the preflight', () => preflights[0]);
      expect(preflight).toMatchObject({ url: `${t.origin}/graphql`, status: 204 });
      expect(Object.keys(preflight.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
      expect(preflight.headers['vary']).toBe('Origin');
      // The browser's own reason: the preflight had no Access-Control-Allow-Origin, so the POST was never sent.
      expect(await until('the failed load', () => failures.find((f) => f.corsError))).toEqual({ errorText: 'net::ERR_FAILED', corsError: 'PreflightMissingAllowOriginHeader' });
    } finally {
      await context.close();
    }
  });

  it('has no credentials mode: a listed origin’s fetch with credentials: "include" is refused by the browser', async () => {
    const { page, context, failures } = await openPage(browser, allowed.origin);
    try {
      expect(await call(page, token, 'browser-cors-3', 'include')).toEqual({ error: expect.stringMatching(/^TypeError: /) });
      expect(await until('the failed load', () => failures.find((f) => f.corsError))).toEqual({ errorText: 'net::ERR_FAILED', corsError: 'PreflightInvalidAllowCredentials' });
    } finally {
      await context.close();
    }
  });
});
