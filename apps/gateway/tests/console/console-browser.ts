import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DEMO_PASSWORD, startTestGateway, type TestGateway } from '@platform/testing';
import { AVAILABLE_MODULES } from '../../src/available-modules';

/*
 * The admin console (apps/console) in Debian's chromium, driven by playwright-core, against a real
 * gateway over the seeded town that serves the built console at /console. Every GraphQL request a page
 * sends is recorded and must be one of the generated documents (apps/console/src/generated/graphql.ts):
 * the console uses only the public API, only through typed documents.
 *
 * The console is built by `npm run build` (dist/console) before `npm test` runs the suites; CONSOLE_DIR
 * points elsewhere (a helper's own build). CONSOLE_SCREENSHOTS=docs/console writes each page's
 * screenshot (`shoot`) for the README.
 */

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
export const CONSOLE_DIR = process.env['CONSOLE_DIR'] ?? path.join(ROOT, 'dist', 'console');
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const installed = existsSync(CHROMIUM);
const missing = `${CHROMIUM} is not installed: \`apt-get install -y chromium\` (.ci/run does it in CI)`;
if (!installed && !process.env['CI']) console.warn(`console browser tests: skipped, ${missing}`);
/** `describe` where chromium is (always in CI, which installs it), else skipped with the reason printed. */
export const describeBrowser = installed || process.env['CI'] ? describe : describe.skip;

/** The texts of the generated documents, exactly as the console sends them. */
export function generatedDocuments(): Set<string> {
  const file = readFileSync(path.join(ROOT, 'apps', 'console', 'src', 'generated', 'graphql.ts'), 'utf8');
  // A fragment's document carries its name as a second argument: `new TypedDocumentString(`…`, {"fragmentName":…})`.
  const texts = [...file.matchAll(/new TypedDocumentString\(`([\s\S]*?)`(?:, \{[^`]*?\})?\)/g)].map((m) => m[1]!);
  if (!texts.length) throw new Error('no generated documents found in apps/console/src/generated/graphql.ts');
  return new Set(texts);
}

/** One GraphQL request a page sent: its operation's name and variables. */
export interface SentOperation {
  readonly operationName: string | null;
  readonly variables: Record<string, unknown>;
}

export interface ConsoleUnderTest {
  readonly t: TestGateway;
  readonly browser: Browser;
  /** Every GraphQL operation the pages sent, in order. */
  readonly sent: SentOperation[];
  /** Texts sent that are not generated documents (must stay empty). */
  readonly strays: string[];
  /** A fresh browser context (its own session storage) at 1366×768, or the given viewport. */
  open(viewport?: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page }>;
  /** A page signed in as the demo account, on the console's first page. */
  signedIn(username: string, viewport?: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page }>;
  /** Writes the page's screenshot to $CONSOLE_SCREENSHOTS/<name>.png when that is set. */
  shoot(page: Page, name: string): Promise<void>;
  close(): Promise<void>;
}

export async function startConsole(options: { env?: Record<string, string> } = {}): Promise<ConsoleUnderTest> {
  if (!installed) throw new Error(missing);
  if (!existsSync(path.join(CONSOLE_DIR, 'index.html'))) throw new Error(`the console is not built at ${CONSOLE_DIR}: run \`npm run build\` (or set CONSOLE_DIR)`);
  const allowed = generatedDocuments();
  const t = await startTestGateway(AVAILABLE_MODULES, { seed: true, env: { CONSOLE_DIR, ...options.env } });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const sent: SentOperation[] = [];
  const strays: string[] = [];
  const contexts: BrowserContext[] = [];
  const open = async (viewport = { width: 1366, height: 768 }) => {
    const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    contexts.push(context);
    context.on('request', (req) => {
      if (!req.url().endsWith('/graphql') || req.method() !== 'POST') return;
      const body = JSON.parse(req.postData() ?? '{}') as { query?: string; operationName?: string; variables?: Record<string, unknown> };
      const name = /^\s*(?:query|mutation|subscription)\s+(\w+)/.exec(body.query ?? '')?.[1] ?? null;
      sent.push({ operationName: name, variables: body.variables ?? {} });
      if (!allowed.has(body.query ?? '')) strays.push(body.query ?? '');
    });
    const page = await context.newPage();
    await page.goto(`${t.origin}/console/`);
    return { context, page };
  };
  return {
    t,
    browser,
    sent,
    strays,
    open,
    async signedIn(username, viewport) {
      const opened = await open(viewport);
      await opened.page.getByLabel('用户名').fill(username);
      await opened.page.getByLabel('密码').fill(DEMO_PASSWORD);
      await opened.page.getByRole('button', { name: '登录' }).click();
      await opened.page.getByRole('button', { name: '退出' }).waitFor();
      return opened;
    },
    async shoot(page, name) {
      const dir = process.env['CONSOLE_SCREENSHOTS'];
      if (!dir) return;
      mkdirSync(path.resolve(ROOT, dir), { recursive: true });
      await page.screenshot({ path: path.resolve(ROOT, dir, `${name}.png`) });
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
      await t.close();
    },
  };
}
