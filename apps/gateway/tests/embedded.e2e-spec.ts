import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/**
 * The README's first command on a bare machine: the compiled gateway with no DATABASE_URL starts
 * its own PostgreSQL, migrates, seeds and serves the town; SIGTERM stops both cleanly. Compiled
 * into a folder of its own so a parallel `npm run build` cannot pull the files away.
 */
describe('embedded mode (no DATABASE_URL)', () => {
  const work = path.join(ROOT, 'tmp', `embedded-smoke-${process.pid}`);
  const dataDir = path.join(work, 'data');
  let child: ChildProcess | undefined;

  beforeAll(() => {
    mkdirSync(work, { recursive: true });
    execFileSync(path.join(ROOT, 'node_modules', '.bin', 'swc'), ['apps', 'libs', 'tools', '--out-dir', path.join(work, 'dist'), '--config-file', 'tools/build/swcrc.json', '--quiet'], { cwd: ROOT });
  });
  afterAll(() => {
    child?.kill('SIGKILL');
    rmSync(work, { recursive: true, force: true });
  });

  it('starts, serves the seeded town, and stops its database on SIGTERM', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', NODE_ENV: 'production' };
    delete env['DATABASE_URL'];
    child = spawn(process.execPath, [path.join(work, 'dist', 'apps', 'gateway', 'src', 'main.js')], { env, cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stderr!.on('data', (d) => (output += d));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed within 60 s:\n${output}`)), 60_000);
      child!.stdout!.on('data', (d) => {
        output += d;
        const m = /gateway: (http:\/\/\S+\/graphql)/.exec(output);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
      child!.on('exit', (code) => reject(new Error(`gateway exited with ${code}:\n${output}`)));
    });

    const post = (body: unknown, headers: Record<string, string> = {}) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    // The embedded demo seeds the demo accounts (README): sign in as the town safety office.
    const login = (await (await post({ query: `mutation { login(input: { username: "anban", password: "nanping2025" }) { accessToken } }` })).json()) as any;
    const res = await post({ query: `{ organizations(first: 1, filter: { kinds: [TOWN_GOVERNMENT] }) { edges { node { name } } } all: organizations { totalCount } }` }, { authorization: `Bearer ${login.data.login.accessToken}` });
    const body = (await res.json()) as any;
    expect(body.data.organizations.edges[0].node.name).toBe('南平镇人民政府');
    expect(body.data.all.totalCount).toBeGreaterThanOrEqual(100);
    expect((await fetch(url.replace('/graphql', '/readyz'))).status).toBe(200);
    expect(existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(true);

    const exit = new Promise<number | null>((resolve) => child!.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    // PostgreSQL removes its pid file when it has shut down.
    expect(existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
  }, 90_000);
});
