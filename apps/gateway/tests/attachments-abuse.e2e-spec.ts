import { createHash, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { FileAttachmentStore, InProcessEventBus, PeriodicJobs, SYSTEM_CLOCK } from '@platform/core';
import { startAttachmentSweep, type AttachmentSweep } from '@platform/server';
import { checkedBody as checked, startTestGateway } from '@platform/testing';
import { directoryModule } from '@platform/directory';
import { accessModule } from '@platform/access';

// A 1×1 PNG.
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');
const png = (size: number) => Buffer.concat([PNG, Buffer.alloc(size - PNG.length)]);
const PART_HEAD = '--XX\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n';
const multipart = (content: Buffer) => Buffer.concat([Buffer.from(PART_HEAD), content, Buffer.from('\r\n--XX--\r\n')]);

/** Files under `dir` (recursively) whose name ends with `suffix`. */
const filesIn = (dir: string, suffix = '') => (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith(suffix) && /[0-9a-f-]{36}/.test(f));
const openFds = () => readdirSync('/proc/self/fd').length;
/** Polls until `check` holds (close events are asynchronous); answers whether it did in time. */
async function until(check: () => boolean, ms = 3000): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; ) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return check();
}

async function startGateway(env: Record<string, string> = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'attachments-'));
  const t = await startTestGateway([directoryModule, accessModule], { seed: true, env: { ATTACHMENT_DIR: dir, ...env } }).catch((error: unknown) => {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  });
  const token = await t.token('wenfeng-grid1');
  const headers = { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' };
  const post = (body: Buffer, contentType = 'multipart/form-data; boundary=XX') => fetch(`${t.origin}/attachments`, { method: 'POST', headers: { ...headers, 'content-type': contentType }, body });
  const upload = (content: Buffer) => {
    const form = new FormData();
    form.append('file', new Blob([content]), 'photo.png');
    return fetch(`${t.origin}/attachments`, { method: 'POST', headers, body: form });
  };
  return { t, dir, token, headers, post, upload, port: Number(new URL(t.origin).port) };
}
type Setup = Awaited<ReturnType<typeof startGateway>>;

/** Opens a raw connection and sends `head` plus `body`; the caller destroys it mid-request. */
async function rawRequest(port: number, head: string, body: Buffer = Buffer.alloc(0)): Promise<net.Socket> {
  const socket = net.connect(port, '127.0.0.1');
  await once(socket, 'connect');
  socket.on('error', () => undefined);
  socket.write(Buffer.concat([Buffer.from(head), body]));
  return socket;
}

describe('attachments under abuse', () => {
  let s: Setup;
  beforeAll(async () => {
    s = await startGateway();
  });
  afterAll(async () => {
    await s?.t.close();
    if (s) rmSync(s.dir, { recursive: true, force: true });
  });

  const stillServing = async () => {
    expect((await fetch(`${s.t.origin}/healthz`)).status).toBe(200);
    const res = await s.t.gql('{ __typename }');
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ __typename: 'Query' });
  };

  it('answers the review reproduction (no closing boundary) with a typed 400, keeps nothing and keeps serving (D2)', async () => {
    const stored = filesIn(s.dir).length;
    const truncated = Buffer.from(`${PART_HEAD}\x89PNG\r\n\x1a\n0000`, 'latin1');
    const res = await s.post(truncated);
    expect(res.status).toBe(400);
    expect(await checked(res)).toEqual({ errors: [{ message: 'Malformed multipart body.', extensions: { code: 'BAD_REQUEST' } }] });
    await stillServing();
    expect(filesIn(s.dir).length).toBe(stored);
    // The same bytes completed are accepted: the refusal was about the missing boundary.
    expect((await s.post(multipart(PNG))).status).toBe(201);
  });

  it('answers any mangled multipart body with a 4xx JSON error or a 201, and leaves no partial file (property)', async () => {
    const valid = multipart(PNG);
    const multipartType = (boundary: string) => `multipart/form-data; boundary=${boundary}`;
    const bodies = fc.oneof(
      // a valid body cut anywhere
      fc.nat({ max: valid.length }).map((cut) => ({ body: valid.subarray(0, cut), type: multipartType('XX') })),
      // random bytes spliced in anywhere
      fc.record({ at: fc.nat({ max: valid.length }), junk: fc.uint8Array({ minLength: 1, maxLength: 64 }) }).map(({ at, junk }) => ({
        body: Buffer.concat([valid.subarray(0, at), Buffer.from(junk), valid.subarray(at)]),
        type: multipartType('XX'),
      })),
      // the header names another boundary, or none, or another type
      fc.oneof(fc.stringMatching(/^[\x21-\x7e]{1,20}$/).map(multipartType), fc.constantFrom('multipart/form-data', 'multipart/mixed; boundary=XX', 'text/plain')).map((type) => ({ body: valid, type })),
      // random bytes only
      fc.uint8Array({ maxLength: 400 }).map((bytes) => ({ body: Buffer.from(bytes), type: multipartType('XX') })),
    );
    await fc.assert(
      fc.asyncProperty(bodies, async ({ body, type }) => {
        const res = await s.post(body, type);
        const json = (await res.json()) as { id?: string; errors?: Array<{ message: string; extensions: { code: string } }> };
        if (res.status === 201) return expect(json.id).toEqual(expect.any(String));
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        expect(json.errors).toEqual([{ message: expect.any(String), extensions: expect.objectContaining({ code: expect.stringMatching(/^(BAD_REQUEST|BAD_USER_INPUT)$/) }) }]);
      }),
      { numRuns: 40 },
    );
    await stillServing();
    expect(await until(() => filesIn(s.dir, '.part').length === 0)).toBe(true);
  });

  it('releases the file descriptor and the partial file of 20 uploads the client aborts (D8)', async () => {
    await stillServing();
    const before = openFds();
    const head = [
      'POST /attachments HTTP/1.1',
      'Host: 127.0.0.1',
      `Authorization: Bearer ${s.token}`,
      'Apollo-Require-Preflight: true',
      'Content-Type: multipart/form-data; boundary=XX',
      'Content-Length: 1000000',
      '',
      '',
    ].join('\r\n');
    const kilobyte = Buffer.concat([Buffer.from(PART_HEAD), png(1024 - PART_HEAD.length)]);
    const sockets = await Promise.all(Array.from({ length: 20 }, () => rawRequest(s.port, head, kilobyte)));
    // Abort only once every upload is being written, so each abort hits an open temporary file.
    expect(await until(() => filesIn(s.dir, '.part').length === 20)).toBe(true);
    for (const socket of sockets) socket.destroy();
    expect(await until(() => filesIn(s.dir, '.part').length === 0)).toBe(true);
    expect(await until(() => openFds() <= before + 4)).toBe(true);
    await stillServing();
  });

  it('answers a missing file with a typed 404 and releases the file of aborted downloads', async () => {
    const big = png(1024 * 1024);
    const up = (await (await s.upload(big)).json()) as { id: string; sha256: string; sizeBytes: number };
    // Past the first bytes the type sniffer held back, the whole file streamed through unchanged.
    expect([up.sizeBytes, up.sha256]).toEqual([big.length, createHash('sha256').update(big).digest('hex')]);
    const [{ storage_key: key }] = await s.t.gateway.database.dataSource.query(`SELECT storage_key FROM attachment WHERE id = $1`, [up.id]);
    const before = openFds();
    const head = `GET /attachments/${up.id} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${s.headers.authorization}\r\n\r\n`;
    const sockets = await Promise.all(Array.from({ length: 10 }, () => rawRequest(s.port, head)));
    // Each client reads the start of the answer, then goes away with most of the file unsent.
    await Promise.all(sockets.map((socket) => once(socket, 'data')));
    for (const socket of sockets) socket.destroy();
    expect(await until(() => openFds() <= before + 4)).toBe(true);

    rmSync(path.join(s.dir, key.slice(0, 2), key));
    const missing = await fetch(`${s.t.origin}/attachments/${up.id}`, { headers: { authorization: s.headers.authorization } });
    expect(missing.status).toBe(404);
    expect(await checked(missing)).toEqual({ errors: [{ message: `Attachment ${up.id} was not found.`, extensions: { code: 'NOT_FOUND' } }] });
    await stillServing();
  });

  it('deletes unclaimed uploads older than ATTACHMENT_UNCLAIMED_HOURS with their files, once across replicas', async () => {
    const { dataSource } = s.t.gateway.database;
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push(((await (await s.upload(PNG)).json()) as { id: string }).id);
    const [old, claimed, fresh] = ids as [string, string, string];
    await dataSource.query(`UPDATE attachment SET entity_type = 'Probe', entity_id = gen_random_uuid(), read_permission = 'probe.probe:read' WHERE id = $1`, [claimed]);
    await dataSource.query(`UPDATE attachment SET created_at = now() - interval '2 days' WHERE id = ANY($1)`, [[old, claimed]]);
    const keys = new Map<string, string>((await dataSource.query(`SELECT id, storage_key FROM attachment WHERE id = ANY($1)`, [ids])).map((r: { id: string; storage_key: string }) => [r.id, r.storage_key]));
    const fileOf = (id: string) => path.join(s.dir, keys.get(id)!.slice(0, 2), keys.get(id)!);
    // Temporary files of writes that never finished (a crash mid-upload): one from two days ago, one current.
    mkdirSync(path.join(s.dir, 'ab'), { recursive: true });
    const [stalePart, currentPart] = [`ab${randomUUID().slice(2)}.part`, `ab${randomUUID().slice(2)}.part`].map((f) => path.join(s.dir, 'ab', f)) as [string, string];
    writeFileSync(stalePart, 'x');
    writeFileSync(currentPart, 'x');
    const twoDaysAgo = new Date(Date.now() - 48 * 3_600_000);
    utimesSync(stalePart, twoDaysAgo, twoDaysAgo);

    // Two "replicas" over the same database and folder, sweeping at once (each with its jobs, as a gateway has).
    const store = new FileAttachmentStore(s.dir);
    const replicas = [0, 1].map(() => new PeriodicJobs({ dataSource, events: new InProcessEventBus(), log: s.t.gateway.log, clock: SYSTEM_CLOCK, timers: false }));
    const [sweepA, sweepB] = replicas.map((jobs) => startAttachmentSweep(jobs.every, { store, unclaimedHours: 24 })) as [AttachmentSweep, AttachmentSweep];
    try {
      // The job's lock puts the runs one after the other: the old upload goes once, whichever runs first.
      const runs = await Promise.all([sweepA.runNow(), sweepB.runNow(), sweepA.runNow()]);
      expect(runs.map((r) => r.removed).sort()).toEqual([0, 0, 1]);
    } finally {
      await Promise.all(replicas.map((jobs) => jobs.stop()));
    }
    const left = await dataSource.query(`SELECT id FROM attachment WHERE id = ANY($1) ORDER BY created_at`, [ids]);
    expect(left.map((r: { id: string }) => r.id).sort()).toEqual([claimed, fresh].sort());
    expect([old, claimed, fresh].map((id) => existsSync(fileOf(id)))).toEqual([false, true, true]);
    expect([existsSync(stalePart), existsSync(currentPart)]).toEqual([false, true]);
    rmSync(currentPart);
    const gone = await fetch(`${s.t.origin}/attachments/${old}`, { headers: { authorization: s.headers.authorization } });
    expect(gone.status).toBe(404);
    expect((await fetch(`${s.t.origin}/attachments/${fresh}`, { headers: { authorization: s.headers.authorization } })).status).toBe(200);
  });
});

describe('attachment quota (ATTACHMENT_QUOTA_BYTES)', () => {
  let s: Setup;
  beforeAll(async () => {
    s = await startGateway({ ATTACHMENT_QUOTA_BYTES: '1024' });
  });
  afterAll(async () => {
    await s?.t.close();
    if (s) rmSync(s.dir, { recursive: true, force: true });
  });

  const held = async () => {
    const [row] = await s.t.gateway.database.dataSource.query(
      `SELECT count(*)::int AS n, coalesce(sum(size_bytes), 0)::int AS bytes FROM attachment a JOIN app_user u ON u.id = a.uploaded_by_id WHERE u.username = 'wenfeng-grid1' AND a.entity_id IS NULL`,
    );
    return row as { n: number; bytes: number };
  };
  const quotaError = (heldBytes: number) => {
    const message = `Your unclaimed uploads already hold ${heldBytes} bytes and the quota is 1024 bytes: attach them to a record first, or wait until they expire.`;
    return { errors: [{ message, extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'file', rule: 'quota', message }] } }] };
  };

  it('refuses an upload that would take the caller past the quota with 413 and stores nothing', async () => {
    // Two at once: both may pass the check made before reading, only one fits.
    const both = await Promise.all([s.upload(png(600)), s.upload(png(600))]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 413]);
    expect(await checked(both.find((r) => r.status === 413)!)).toEqual(quotaError(600));
    expect(await held()).toEqual({ n: 1, bytes: 600 });

    // Exactly up to the quota is allowed; one byte more is not, refused before the body is read.
    expect((await s.upload(png(424))).status).toBe(201);
    const full = await s.upload(png(100));
    expect(full.status).toBe(413);
    expect(await checked(full)).toEqual(quotaError(1024));
    expect(await held()).toEqual({ n: 2, bytes: 1024 });
    expect(filesIn(s.dir).length).toBe(2);
    expect(await until(() => filesIn(s.dir, '.part').length === 0)).toBe(true);

    // Claimed uploads no longer count.
    await s.t.gateway.database.dataSource.query(`UPDATE attachment SET entity_type = 'Probe', entity_id = gen_random_uuid(), read_permission = 'probe.probe:read' WHERE size_bytes = 600`);
    expect((await s.upload(png(500))).status).toBe(201);
  });
});
