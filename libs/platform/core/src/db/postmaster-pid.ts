import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Logger } from 'pino';

/** The lines of `postmaster.pid` this code reads (PostgreSQL docs, "Database File Layout"). */
export interface PostmasterPidFile {
  readonly pid: number;
  readonly dataDir: string;
}

/** Line 1 is the postmaster's pid, line 2 its data directory; anything else is not a pid file we trust. */
export function parsePostmasterPid(text: string): PostmasterPidFile | null {
  const [pidLine, dataDir] = text.split('\n');
  if (!pidLine || !/^\d+$/.test(pidLine.trim()) || !dataDir?.trim()) return null;
  const pid = Number(pidLine.trim());
  return pid > 0 ? { pid, dataDir: dataDir.trim() } : null;
}

/** What a live process looks like from outside: its parent and its command line. */
export interface ProcessView {
  readonly ppid: number;
  readonly argv: readonly string[];
}

/** `/proc/<pid>/stat`: the command name may hold spaces and parentheses, so read after the last `)`. */
export function parseProcStat(text: string): { state: string; ppid: number } | null {
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const ppid = Number(fields[1]);
  return fields[0] && Number.isInteger(ppid) ? { state: fields[0], ppid } : null;
}

/** The data directory a `postgres` server command line names (`-D dir` or `-Ddir`), if it is one. */
export function dataDirOfPostgres(argv: readonly string[]): string | null {
  if (path.basename(argv[0] ?? '') !== 'postgres') return null;
  for (let i = 1; i < argv.length; i++) {
    if (argv[i] === '-D') return argv[i + 1] ?? null;
    if (argv[i]!.startsWith('-D')) return argv[i]!.slice(2);
  }
  return null;
}

/**
 * Who holds a data directory's `postmaster.pid`, and what to do about it:
 * - `free`: no pid file, or a stale one (process gone): PostgreSQL itself handles a stale file;
 * - `orphan`: a PostgreSQL serving exactly this directory whose parent is no longer a Node.js
 *   process (a gateway killed hard; init or a subreaper adopted it): ours to stop;
 * - `busy`: a live process we may not stop; `reason` says what the user should do.
 */
export type Holder = { kind: 'free' } | { kind: 'orphan'; pid: number } | { kind: 'busy'; reason: string };

export interface HolderFacts {
  /** Real path of the data directory we are about to start. */
  readonly dataDir: string;
  readonly pidFile: string;
  readonly file: PostmasterPidFile | null;
  /** `gone` for no such process (or a zombie), `foreign` when it exists but we may not signal it. */
  readonly process: ProcessView | 'gone' | 'foreign';
  /** Real path of the data directory named by line 2 and by the process's `-D` (null: none). */
  readonly fileDataDir: string | null;
  readonly argvDataDir: string | null;
  /** Command line of the process's parent (empty when unreadable). */
  readonly parentArgv: readonly string[];
  readonly ownPids: readonly number[];
}

/** The decision alone, from facts gathered by {@link inspectHolder}; kept pure to be tested. */
export function judgeHolder(f: HolderFacts): Holder {
  if (!f.file || f.process === 'gone' || f.ownPids.includes(f.file.pid)) return { kind: 'free' };
  const { pid } = f.file;
  const elsewhere = `stop it or choose another DATA_DIR`;
  if (f.process === 'foreign') return { kind: 'busy', reason: `process ${pid}, owned by another user, holds ${f.pidFile}: ${elsewhere}.` };
  if (f.argvDataDir !== f.dataDir) {
    const what = f.argvDataDir ? `a PostgreSQL serving ${f.argvDataDir}` : `"${f.process.argv.join(' ').slice(0, 120)}"`;
    return {
      kind: 'busy',
      reason: `${f.pidFile} names process ${pid}, which is ${what}, not a PostgreSQL serving ${f.dataDir}. If no PostgreSQL uses ${f.dataDir}, delete that file; otherwise ${elsewhere}.`,
    };
  }
  if (f.fileDataDir !== f.dataDir) return { kind: 'busy', reason: `${f.pidFile} was written for ${f.file.dataDir}, not ${f.dataDir}, so PostgreSQL ${pid} cannot be told apart from another server: ${elsewhere}.` };
  const parent = path.basename(f.parentArgv[0] ?? '');
  if (parent === 'node' || parent === path.basename(process.execPath)) {
    return { kind: 'busy', reason: `another gateway (pid ${f.process.ppid}) is running PostgreSQL (pid ${pid}) on ${f.dataDir}: ${elsewhere}.` };
  }
  return { kind: 'orphan', pid };
}

const run = promisify(execFile);

/** A live process's parent and argv from /proc (Linux) or `ps` (macOS); `gone` covers zombies. */
async function viewProcess(pid: number): Promise<ProcessView | 'gone' | 'foreign'> {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? 'foreign' : 'gone';
  }
  if (existsSync('/proc/self/stat')) {
    const stat = parseProcStat(await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => ''));
    if (!stat || stat.state === 'Z') return 'gone';
    const argv = (await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')).split('\0').filter(Boolean);
    return { ppid: stat.ppid, argv };
  }
  const out = await run('ps', ['-ww', '-o', 'ppid=,stat=,args=', '-p', String(pid)]).then((r) => r.stdout.trim(), () => '');
  const m = /^(\d+)\s+(\S+)\s+(.*)$/.exec(out);
  if (!m || m[2]!.startsWith('Z')) return 'gone';
  return { ppid: Number(m[1]), argv: m[3]!.split(' ') };
}

const realOrResolved = (p: string) => realpath(p).catch(() => path.resolve(p));

/** Gathers the facts about whoever holds `<databaseDir>/postmaster.pid` and judges them. */
export async function inspectHolder(databaseDir: string): Promise<Holder> {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  const file = parsePostmasterPid(await readFile(pidFile, 'utf8').catch(() => ''));
  if (!file) return { kind: 'free' };
  const view = await viewProcess(file.pid);
  const argvDir = typeof view === 'object' ? dataDirOfPostgres(view.argv) : null;
  const parent = typeof view === 'object' ? await viewProcess(view.ppid) : 'gone';
  return judgeHolder({
    dataDir: await realOrResolved(databaseDir),
    pidFile,
    file,
    process: view,
    fileDataDir: await realOrResolved(file.dataDir),
    // A relative -D depends on that process's working directory: left unverified on purpose.
    argvDataDir: argvDir && path.isAbsolute(argvDir) ? await realOrResolved(argvDir) : null,
    parentArgv: typeof parent === 'object' ? parent.argv : [],
    ownPids: [process.pid, process.ppid],
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Stops a postmaster: SIGINT (fast shutdown: rolls back, checkpoints, removes postmaster.pid),
 * then SIGQUIT (immediate shutdown, crash recovery on next start), then SIGKILL. Resolves with the
 * signal that ended it; rejects if even SIGKILL did not within its wait.
 */
export async function shutDownPostmaster(pid: number, gone: () => Promise<boolean>, fastMs = 15_000): Promise<NodeJS.Signals> {
  const steps: [NodeJS.Signals, number][] = [
    ['SIGINT', fastMs],
    ['SIGQUIT', 5_000],
    ['SIGKILL', 5_000],
  ];
  for (const [signal, waitMs] of steps) {
    try {
      process.kill(pid, signal);
    } catch {
      if (await gone()) return signal;
    }
    for (const until = Date.now() + waitMs; Date.now() < until; await sleep(100)) if (await gone()) return signal;
  }
  throw new Error(`PostgreSQL (pid ${pid}) did not stop, even after SIGKILL`);
}

/**
 * Before starting PostgreSQL on `databaseDir`: stops the server a hard-killed gateway left behind
 * (it would otherwise hold postmaster.pid and the new server would refuse to start), and refuses
 * at once, saying what to do, when a live process we may not stop holds the directory.
 */
export async function clearOrphanedPostmaster(databaseDir: string, log: Logger): Promise<void> {
  const holder = await inspectHolder(databaseDir);
  if (holder.kind === 'free') return;
  if (holder.kind === 'busy') throw new Error(`cannot start the embedded PostgreSQL: ${holder.reason}`);
  // PostgreSQL removes postmaster.pid on its way out (not after SIGKILL: then the file is stale,
  // which the new server handles), so "the process is gone" is the condition to wait for.
  const signal = await shutDownPostmaster(holder.pid, async () => (await viewProcess(holder.pid)) === 'gone');
  log.warn({ pid: holder.pid, databaseDir, signal }, `stopped orphaned embedded PostgreSQL (pid ${holder.pid}) left running by a gateway that was killed (${signal})`);
}
