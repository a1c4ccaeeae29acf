import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkedBody as checked, startTestGateway, DEMO_PASSWORD, type TestGateway } from '@platform/testing';
import { directoryModule, seedId } from '@platform/directory';
import { accessModule } from '@platform/access';
import { probeModule } from './probe.module';

// A 1×1 PNG.
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');
// The start of a JFIF JPEG (SOI, APP0 "JFIF"), then filler and EOI.
const JPEG = Buffer.concat([Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'), Buffer.alloc(200, 0x11), Buffer.from('ffd9', 'hex')]);
// A DOS/Windows executable ("MZ" header) and an HTML page (no magic bytes at all).
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(3000)]);
const HTML = Buffer.from('<!doctype html><html><body><script>fetch("/steal?c=" + document.cookie)</script></body></html>');
// An ASF header whose first object claims size 0: file-type 16.5.4 alone would loop on it forever.
const ASF = Buffer.concat([Buffer.from('3026b2758e66cf11a6d900aa0062ce6c', 'hex'), Buffer.alloc(200)]);

describe('attachments', () => {
  let t: TestGateway;
  let dir: string;
  const tokens = new Map<string, string>();
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'attachments-'));
    t = await startTestGateway([directoryModule, accessModule, probeModule], { seed: true, env: { MAX_UPLOAD_BYTES: '4096', ATTACHMENT_DIR: dir } });
    for (const u of ['admin', 'wenfeng', 'shuanghe', 'anban']) {
      const res = await t.gql(`mutation($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { accessToken } }`, { u, p: DEMO_PASSWORD });
      tokens.set(u, res.body.data!['login'].accessToken);
    }
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const auth = (u: string) => ({ authorization: `Bearer ${tokens.get(u)}` });
  /** `type`: the part's declared Content-Type (none given: the Blob's application/octet-stream, no claim). */
  const upload = (content: Buffer, headers: Record<string, string>, name = 'photo.png', type?: string) => {
    const form = new FormData();
    form.append('file', new Blob([content], type ? { type } : {}), name);
    return fetch(`${t.origin}/attachments`, { method: 'POST', headers, body: form });
  };
  const download = (id: string, u?: string) => fetch(`${t.origin}/attachments/${id}`, { headers: u ? auth(u) : {} });

  it('stores an upload, checks its type from the bytes, and lets only the uploader fetch it until claimed', async () => {
    const res = await upload(PNG, { ...auth('wenfeng'), 'apollo-require-preflight': 'true' }, '隐患照片.png');
    expect(res.status).toBe(201);
    const body = (await res.json()) as any;
    expect(body).toEqual({ id: expect.any(String), fileName: '隐患照片.png', contentType: 'image/png', sizeBytes: PNG.length, sha256: createHash('sha256').update(PNG).digest('hex'), url: `/attachments/${body.id}` });
    const mine = await download(body.id, 'wenfeng');
    expect(mine.status).toBe(200);
    expect(Buffer.from(await mine.arrayBuffer()).equals(PNG)).toBe(true);
    expect(mine.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('隐患照片.png')}`);
    expect((await download(body.id, 'anban')).status).toBe(404);
    expect((await download(body.id)).status).toBe(404);
  });

  it('refuses uploads without credentials, the CSRF header, an accepted type or within the size limit', async () => {
    expect((await upload(PNG, { 'apollo-require-preflight': 'true' })).status).toBe(401);
    expect((await upload(PNG, auth('wenfeng'))).status).toBe(400);
    const text = await upload(Buffer.from('<script>alert(1)</script>'), { ...auth('wenfeng'), 'apollo-require-preflight': 'true' }, 'x.png');
    expect(text.status).toBe(415);
    const big = await upload(Buffer.concat([PNG, Buffer.alloc(5000)]), { ...auth('wenfeng'), 'apollo-require-preflight': 'true' });
    expect(big.status).toBe(413);
    expect(((await big.json()) as any).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const [{ n }] = await t.gateway.database.dataSource.query(`SELECT count(*)::int AS n FROM attachment WHERE size_bytes > 4096 OR content_type NOT LIKE 'image/%'`);
    expect(n).toBe(0);
  });

  it('once claimed by a record, serves it to those who may read that record in scope', async () => {
    const up = (await (await upload(PNG, { ...auth('admin'), 'apollo-require-preflight': 'true' })).json()) as any;
    const admin = async (q: string, v?: Record<string, unknown>) => t.gql(q, v, auth('admin'));
    const probe = (await admin(`mutation { writeProbe(name: "证据") { id } }`)).body.data!['writeProbe'].id;
    const attached = await admin(`mutation($p: UUID!, $o: UUID!, $a: [UUID!]!) { attachToProbe(probeId: $p, organizationId: $o, attachmentIds: $a) { attachments { id contentType url } } }`, {
      p: probe,
      o: seedId('org:village-wenfeng'),
      a: [up.id],
    });
    expect(attached.body.data!['attachToProbe'].attachments).toEqual([{ id: up.id, contentType: 'image/png', url: `/attachments/${up.id}` }]);
    expect((await download(up.id, 'wenfeng')).status).toBe(200);
    expect((await download(up.id, 'anban')).status).toBe(200);
    expect((await download(up.id, 'shuanghe')).status).toBe(404);
    const again = await admin(`mutation($p: UUID!, $o: UUID!, $a: [UUID!]!) { attachToProbe(probeId: $p, organizationId: $o, attachmentIds: $a) { id } }`, { p: probe, o: seedId('org:town'), a: [up.id] });
    expect(again.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'attachmentIds', rule: 'unclaimedUpload' }] });
  });
});

describe('attachment types from the bytes (file-type)', () => {
  let t: TestGateway;
  let dir: string;
  let headers: Record<string, string>;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'attachments-'));
    t = await startTestGateway([directoryModule, accessModule], { seed: true, env: { MAX_UPLOAD_BYTES: '4096', ATTACHMENT_DIR: dir } });
    headers = { authorization: `Bearer ${await t.token('wenfeng')}`, 'apollo-require-preflight': 'true' };
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const upload = (content: Buffer, type: string, name = 'photo.jpg') => {
    const form = new FormData();
    form.append('file', new Blob([content], { type }), name);
    return fetch(`${t.origin}/attachments`, { method: 'POST', headers, body: form });
  };
  const rows = async (): Promise<Array<{ id: string; content_type: string }>> => t.gateway.database.dataSource.query(`SELECT id, content_type FROM attachment ORDER BY created_at`);
  const files = () => (readdirSync(dir, { recursive: true }) as string[]).filter((f) => /[0-9a-f-]{36}/.test(f));

  it('stores a PNG declared image/png, and a JPEG declared by an alias, with the type sniffed from the bytes', async () => {
    const png = await upload(PNG, 'image/png', 'a.png');
    expect(png.status).toBe(201);
    const pngBody = (await png.json()) as { id: string; contentType: string };
    expect(pngBody.contentType).toBe('image/png');
    const jpeg = await upload(JPEG, 'image/jpg', 'b.png');
    expect(jpeg.status).toBe(201);
    const jpegBody = (await jpeg.json()) as { id: string; contentType: string };
    // The stored type is the sniffed one, whatever the alias or the file name said.
    expect(jpegBody.contentType).toBe('image/jpeg');
    const stored = new Map((await rows()).map((r) => [r.id, r.content_type]));
    expect([stored.get(pngBody.id), stored.get(jpegBody.id)]).toEqual(['image/png', 'image/jpeg']);
    const served = await fetch(`${t.origin}/attachments/${jpegBody.id}`, { headers: { authorization: headers['authorization']! } });
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await served.arrayBuffer()).equals(JPEG)).toBe(true);
  });

  it('refuses HTML, an executable or an ASF header declared image/jpeg with a typed 415, storing nothing', async () => {
    const [before, filesBefore] = [await rows(), files()];
    const html = await upload(HTML, 'image/jpeg');
    expect(html.status).toBe(415);
    expect(await checked(html)).toEqual({ errors: [{ message: 'Only JPEG, PNG, WebP, PDF and MP4 files are accepted.', extensions: { code: 'BAD_USER_INPUT' } }] });
    const exe = await upload(EXE, 'image/jpeg', 'photo.jpg');
    expect(exe.status).toBe(415);
    expect(await checked(exe)).toEqual({
      errors: [{ message: 'Only JPEG, PNG, WebP, PDF and MP4 files are accepted. This file is application/x-msdownload.', extensions: { code: 'BAD_USER_INPUT' } }],
    });
    const asf = await upload(ASF, 'image/jpeg');
    expect(asf.status).toBe(415);
    expect(((await asf.json()) as any).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(await rows()).toEqual(before);
    expect(files()).toEqual(filesBefore);
    expect((await t.gql('{ __typename }')).body.data).toEqual({ __typename: 'Query' });
  });

  it('refuses a JPEG declared application/pdf, naming both types, and stores nothing', async () => {
    const [before, filesBefore] = [await rows(), files()];
    const res = await upload(JPEG, 'application/pdf', 'report.pdf');
    expect(res.status).toBe(415);
    const message = 'The file was sent as application/pdf but its content is image/jpeg: send it as image/jpeg, or send the right file.';
    expect(await checked(res)).toEqual({ errors: [{ message, extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'file', rule: 'contentType', message }] } }] });
    // A PNG declared as a JPEG is refused the same way.
    expect((await upload(PNG, 'image/jpeg')).status).toBe(415);
    expect(await rows()).toEqual(before);
    expect(files()).toEqual(filesBefore);
  });
});
