import { createHash } from 'node:crypto';
import { startTestGateway, DEMO_PASSWORD, type TestGateway } from '@platform/testing';
import { directoryModule, seedId } from '@platform/directory';
import { accessModule } from '@platform/access';
import { probeModule } from './probe.module';

// A 1×1 PNG.
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

describe('attachments', () => {
  let t: TestGateway;
  const tokens = new Map<string, string>();
  beforeAll(async () => {
    t = await startTestGateway([directoryModule, accessModule, probeModule], { seed: true, env: { MAX_UPLOAD_BYTES: '4096' } });
    for (const u of ['admin', 'wenfeng', 'shuanghe', 'anban']) {
      const res = await t.gql(`mutation($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { accessToken } }`, { u, p: DEMO_PASSWORD });
      tokens.set(u, res.body.data!['login'].accessToken);
    }
  });
  afterAll(() => t?.close());

  const auth = (u: string) => ({ authorization: `Bearer ${tokens.get(u)}` });
  const upload = (content: Buffer, headers: Record<string, string>, name = 'photo.png') => {
    const form = new FormData();
    form.append('file', new Blob([content]), name);
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
