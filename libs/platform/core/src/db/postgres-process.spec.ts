import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Logger } from 'pino';
import { runInitdb, startPostmaster } from './postgres-process';

const log = { debug: jest.fn() } as unknown as Logger;

describe('PostgreSQL programs that fail', () => {
  let base: string;
  beforeEach(() => (base = mkdtempSync(path.join(tmpdir(), 'postgres-process-'))));
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  it('turn a spawn error into a rejection naming the program, not an unhandled error event', async () => {
    const missing = path.join(base, 'bin', 'initdb');
    await expect(runInitdb({ initdb: missing, postgres: missing }, [], null, log)).rejects.toThrow(`initialising the embedded PostgreSQL failed: could not run ${missing}: spawn ${missing} ENOENT`);
    await expect(startPostmaster({ initdb: missing, postgres: missing }, [], null, log)).rejects.toThrow(`the embedded PostgreSQL did not start: could not run ${missing}: spawn ${missing} ENOENT`);
  });

  // The reported crash: as root the programs run as `postgres`, which cannot enter a 0700 folder.
  (process.getuid?.() === 0 ? it : it.skip)('reject with EACCES when the user they run as cannot reach them', async () => {
    const closed = path.join(base, 'home');
    mkdirSync(closed, { mode: 0o700 });
    chmodSync(base, 0o755);
    const program = path.join(closed, 'initdb');
    copyFileSync('/bin/true', program);
    chmodSync(program, 0o755);
    await expect(runInitdb({ initdb: program, postgres: program }, [], { uid: 65534, gid: 65534 }, log)).rejects.toThrow(`could not run ${program}: spawn ${program} EACCES`);
  });

  it('report the last lines a program printed when it exits', async () => {
    const sh = { initdb: '/bin/sh', postgres: '/bin/sh' };
    await expect(runInitdb(sh, ['-c', 'echo "initdb: error: directory exists but is not empty" >&2; exit 1'], null, log)).rejects.toThrow(
      /initialising the embedded PostgreSQL failed: sh ended \(exit code 1\):\n {2}initdb: error: directory exists but is not empty/,
    );
    await expect(startPostmaster(sh, ['-c', 'echo "FATAL:  lock file \\"postmaster.pid\\" already exists" >&2; exit 1'], null, log)).rejects.toThrow(
      'the embedded PostgreSQL did not start: sh ended (exit code 1):\n  FATAL:  lock file "postmaster.pid" already exists',
    );
  });

  it('start once the server says it accepts connections, and stop it with SIGINT', async () => {
    const sh = { initdb: '/bin/sh', postgres: '/bin/sh' };
    const postmaster = await startPostmaster(sh, ['-c', 'echo "LOG:  database system is ready to accept connections" >&2; exec sleep 30'], null, log);
    expect(() => process.kill(postmaster.pid, 0)).not.toThrow();
    await postmaster.stop();
    expect(() => process.kill(postmaster.pid, 0)).toThrow();
  });
});
