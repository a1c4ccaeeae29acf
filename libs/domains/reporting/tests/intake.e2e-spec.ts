import { ManualClock, toGlobalId } from '@platform/core';
import { seedId } from '@platform/directory';
import { errorOf, fieldsOf, startTestGateway, type GraphQLClient, type GraphQLResponse, type TestGateway } from '@platform/testing';
import { provesWork, solveChallenge } from '../src/intake/intake-guard';
import { TIP_SEED, tipSeedId, tipSeedSecret } from '../src/intake/tip.seed';
import { MODULES } from './support';


const org = (key: string) => seedId(`org:${key}`);
const DIFFICULTY = 8;
const RECEIPT = 'trackingCode secret status receivedAt expectedAcceptanceAt accessExpiresAt';
const TRACKED = 'code title category status statusNote outcome receivedAt acceptedAt closedAt expectedAcceptanceAt expectedCompletionAt identityDisclosed accessExpiresAt messages(first: 20) { totalCount edges { node { author body createdAt } } }';
const SUBMIT = `mutation($input: SubmitTipInput!) { submitTip(input: $input) { ${RECEIPT} } }`;
const RECORD = `mutation($input: RecordTipInput!) { recordTip(input: $input) { ${RECEIPT} tip { id nodeId code channel externalReference receivedAt reporterName reporterPhone reporterContact } } }`;
const TRACK = `query($code: String!, $secret: String!) { trackTip(code: $code, secret: $secret) { ${TRACKED} } }`;
const CHALLENGE = `{ tipChallenge { challenge difficulty expiresAt } }`;
const STAFF_VIEW = `query($n: ID!) { node(nodeId: $n) { ... on Tip { id code reporterKind reporterName reporterPhone reporterContact identityDisclosedAt messages(first: 20) { totalCount edges { node { author authorUserId body } } } } } }`;

/** A tip as the public form sends it. */
const tipInput = (extra: Record<string, unknown> = {}) => ({
  channel: 'ONLINE',
  category: 'HAZARD',
  title: '厂房消防通道被堵',
  description: '厂区东侧的消防通道堆满了纸箱和木托盘，车辆无法通行，已经有一个多月了。',
  reporterKind: 'ANONYMOUS',
  ...extra,
});

/**
 * The intake (issue 21): anonymous submission and tracking with the secret, the same NOT_FOUND for a
 * wrong secret, a missing code and expired access, the per-address and per-code limits, the proof of
 * work beyond the first tip per address per hour, size and content rules, staff recording, the masking
 * of the reporter and its audit, messages both ways and identity disclosure.
 */
describe('tip intake (举报受理)', () => {
  // 2026-11-29 (Sunday) 10:00 China time.
  const NOW = new Date('2026-11-29T02:00:00Z');
  const clock = new ManualClock(NOW);
  let t: TestGateway;
  let anban: GraphQLClient;
  let jingfa: GraphQLClient;
  let wenfeng: GraphQLClient;
  let zhifa: GraphQLClient;
  let nextAddress = 1;
  beforeAll(async () => {
    t = await startTestGateway(MODULES, { seed: true, clock, env: { TRUST_PROXY: 'loopback', REPORTING_TIP_POW_BITS: String(DIFFICULTY) } });
    [anban, jingfa, wenfeng, zhifa] = await Promise.all([t.as('anban'), t.as('jingfa'), t.as('wenfeng'), t.as('zhifa')]);
  });
  afterAll(() => t?.close());
  afterEach(() => clock.set(NOW));

  /** An anonymous caller from an address of its own (TEST-NET-3). */
  const fromAddress = (): GraphQLClient => {
    const address = `203.0.113.${nextAddress++}`;
    return (query, variables) => t.gql(query, variables, { 'x-forwarded-for': address });
  };
  const submit = (client: GraphQLClient, input: Record<string, unknown>) => client(SUBMIT, { input });
  const submitted = async (client: GraphQLClient, input: Record<string, unknown> = tipInput()) => {
    const res = await submit(client, input);
    expect(res.body.errors).toBeUndefined();
    return res.body.data!['submitTip'] as { trackingCode: string; secret: string; status: string; receivedAt: string; expectedAcceptanceAt: string | null; accessExpiresAt: string };
  };
  const track = (client: GraphQLClient, code: string, secret: string) => client(TRACK, { code, secret });
  const proof = async (client: GraphQLClient) => {
    const c = (await client(CHALLENGE)).body.data!['tipChallenge'];
    return { challenge: c.challenge as string, nonce: solveChallenge(c.challenge, c.difficulty) };
  };
  const idOf = async (code: string): Promise<string> => (await t.gateway.database.dataSource.query(`SELECT id FROM tip WHERE code = $1`, [code]))[0].id;
  const staffView = async (client: GraphQLClient, id: string) => (await client(STAFF_VIEW, { n: toGlobalId('Tip', id) })).body.data!['node'];
  const field = (res: GraphQLResponse) => fieldsOf(res).map((f) => `${f.field}:${f.rule}`);

  it('takes an anonymous tip without an account and lets the reporter track it with the secret', async () => {
    const me = fromAddress();
    const receipt = await submitted(me, tipInput({ enterpriseId: org('ent-desheng-concrete'), location: { longitude: 107.1, latitude: 29.15 } }));
    expect(receipt.trackingCode).toMatch(/^JB-2026-\d{6}$/);
    expect(receipt.secret).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
    expect(receipt.status).toBe('RECEIVED');
    expect(receipt.receivedAt).toBe(NOW.toISOString());
    expect(new Date(receipt.accessExpiresAt).getTime()).toBe(NOW.getTime() + 90 * 86_400_000);

    // Only the hash is stored; the tip is in the enterprise's scope.
    const [row] = await t.gateway.database.dataSource.query(`SELECT secret_hash, organization_id, enterprise_id, reporter_name, longitude FROM tip WHERE code = $1`, [receipt.trackingCode]);
    expect(row.secret_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.secret_hash).not.toContain(receipt.secret);
    expect([row.organization_id, row.enterprise_id, row.reporter_name, row.longitude]).toEqual([org('ent-desheng-concrete'), org('ent-desheng-concrete'), null, 107.1]);
    // Announced as reporting.tip.received, with no reporter and no secret in the payload.
    const [event] = await t.gateway.database.dataSource.query(`SELECT payload FROM event_outbox WHERE type = 'reporting.tip.received' AND payload->>'code' = $1`, [receipt.trackingCode]);
    expect(event.payload).toMatchObject({ code: receipt.trackingCode, channel: 'ONLINE', category: 'HAZARD', organizationId: org('ent-desheng-concrete'), status: 'RECEIVED' });
    expect(JSON.stringify(event.payload)).not.toMatch(/secret|reporter/i);

    clock.advance(3 * 86_400_000);
    // The secret as a person types it: lower case, in groups.
    const typed = receipt.secret.toLowerCase().replace(/(.{4})(?!$)/g, '$1-');
    const res = await track(fromAddress(), receipt.trackingCode.toLowerCase(), typed);
    expect(res.body.errors).toBeUndefined();
    const tracked = res.body.data!['trackTip'];
    expect(tracked).toMatchObject({ code: receipt.trackingCode, title: '厂房消防通道被堵', category: 'HAZARD', outcome: null, identityDisclosed: false, messages: { totalCount: 0, edges: [] } });
    expect(tracked.statusNote).toMatch(/[\u4e00-\u9fa5]/);
    // Each use extends the reporter's access to 90 days from then.
    expect(tracked.accessExpiresAt).toBe(new Date(NOW.getTime() + 93 * 86_400_000).toISOString());
    // The public view carries no reporter, handler or internal field.
    expect(Object.keys(tracked)).not.toEqual(expect.arrayContaining(['reporterName']));
  });

  it('answers a wrong secret, a missing code and expired access with the same NOT_FOUND', async () => {
    const me = fromAddress();
    const a = await submitted(me);
    const b = await submitted(me, tipInput({ proofOfWork: await proof(me) }));
    const wrong = await track(fromAddress(), a.trackingCode, 'ABCDEFGHJKMNPQRS');
    const missing = await track(fromAddress(), 'JB-2026-999999', b.secret);
    clock.advance(91 * 86_400_000);
    const expired = await track(fromAddress(), b.trackingCode, b.secret);
    // Byte-identical once the code each request named is set aside (the answer echoes the code asked for, nothing else).
    const answer = (res: GraphQLResponse, code: string) => JSON.stringify({ status: res.status, body: res.body }).split(code).join('<code>');
    expect(errorOf(wrong)?.['code']).toBe('NOT_FOUND');
    expect(wrong.body.data ?? null).toBeNull();
    expect(answer(missing, 'JB-2026-999999')).toBe(answer(wrong, a.trackingCode));
    expect(answer(expired, b.trackingCode)).toBe(answer(wrong, a.trackingCode));
    // Expired access comes back with nothing extended.
    const [row] = await t.gateway.database.dataSource.query(`SELECT reporter_access_expires_at AS "until" FROM tip WHERE code = $1`, [b.trackingCode]);
    expect(new Date(row.until).getTime()).toBe(NOW.getTime() + 90 * 86_400_000);
  });

  it('caps failed tracking attempts per code, counted before the secret is compared', async () => {
    const r = await submitted(fromAddress());
    for (let i = 0; i < 10; i++) expect(errorOf(await track(fromAddress(), r.trackingCode, `WRONGSECRET${String(i).padStart(5, '0')}`))?.['code']).toBe('NOT_FOUND');
    // The 11th attempt is refused whatever the secret, from any address; other codes are not affected.
    const refused = await track(fromAddress(), r.trackingCode, r.secret);
    expect(errorOf(refused)?.['code']).toBe('RATE_LIMITED');
    expect(refused.status).toBe(429);
    const other = await submitted(fromAddress());
    expect((await track(fromAddress(), other.trackingCode, other.secret)).body.errors).toBeUndefined();
    // A missing code is capped alike (no telling it from an existing one).
    for (let i = 0; i < 10; i++) await track(fromAddress(), 'JB-2026-888888', 'ABCDEFGHJKMNPQRS');
    expect(errorOf(await track(fromAddress(), 'JB-2026-888888', 'ABCDEFGHJKMNPQRS'))?.['code']).toBe('RATE_LIMITED');
    // An hour later the code may be tracked again.
    clock.advance(3601 * 1000);
  });

  it('limits anonymous submissions per address and asks a proof of work beyond the first per hour', async () => {
    const me = fromAddress();
    await submitted(me);
    // The second within the hour: without a proof, with a bad nonce, with a forged challenge.
    const without = await submit(me, tipInput());
    expect(errorOf(without)?.['code']).toBe('BAD_USER_INPUT');
    expect(field(without)).toEqual(['input.proofOfWork:proofOfWork']);
    const p = await proof(me);
    expect(field(await submit(me, tipInput({ proofOfWork: { challenge: p.challenge, nonce: wrongNonce(p.challenge) } })))).toEqual(['input.proofOfWork.nonce:proofOfWork']);
    const forged = p.challenge.replace(/^v1\.(\d+)\./, (_m, ms: string) => `v1.${Number(ms) + 3_600_000}.`);
    expect(field(await submit(me, tipInput({ proofOfWork: { challenge: forged, nonce: solveChallenge(forged, DIFFICULTY) } })))).toEqual(['input.proofOfWork.challenge:proofOfWork']);
    await submitted(me, tipInput({ proofOfWork: p }));
    // Every attempt counts against the address: 5 per 10 minutes (this is the 6th).
    const limited = await submit(me, tipInput({ proofOfWork: await proof(me) }));
    expect(errorOf(limited)?.['code']).toBe('RATE_LIMITED');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBeTruthy();

    // Another address is not affected; its first tip needs no proof. An expired and a spent challenge are refused.
    const other = fromAddress();
    await submitted(other);
    const old = await proof(other);
    clock.advance(11 * 60_000);
    expect(field(await submit(other, tipInput({ proofOfWork: old })))).toEqual(['input.proofOfWork.challenge:proofOfWork']);
    expect(field(await submit(other, tipInput({ proofOfWork: p })))).toEqual(['input.proofOfWork.challenge:proofOfWork']);
    await submitted(other, tipInput({ proofOfWork: await proof(other) }));
    // Two submissions racing with one challenge: one is taken, the other finds it spent.
    const racer = fromAddress();
    await submitted(racer);
    const shared = await proof(racer);
    const raced = await Promise.all([submit(racer, tipInput({ proofOfWork: shared })), submit(racer, tipInput({ proofOfWork: shared }))]);
    expect(raced.map((r) => (r.body.errors ? field(r)[0] : 'ok')).sort()).toEqual(['input.proofOfWork.challenge:proofOfWork', 'ok']);
    // Two first submissions racing from a fresh address without a proof: one goes free, the other must prove its work.
    const fresh = fromAddress();
    const firsts = await Promise.all([submit(fresh, tipInput()), submit(fresh, tipInput())]);
    expect(firsts.map((r) => (r.body.errors ? field(r)[0] : 'ok')).sort()).toEqual(['input.proofOfWork:proofOfWork', 'ok']);

    // Staff recording is not limited by address.
    for (let i = 0; i < 7; i++) {
      const res = await anban(RECORD, { input: tipInput({ channel: 'HOTLINE_12350', reporterKind: 'ANONYMOUS' }) });
      expect(res.body.errors).toBeUndefined();
    }
  });

  /** A nonce that does not prove the work for the challenge. */
  function wrongNonce(challenge: string): string {
    for (let n = 0; ; n++) if (!provesWork(challenge, `w${n}`, DIFFICULTY)) return `w${n}`;
  }

  it('refuses oversized and inconsistent tips with typed errors naming the field', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ title: '题'.repeat(101) }, 'input.title:isLength'],
      [{ description: '太短了的描述' }, 'input.description:isLength'],
      [{ description: '长'.repeat(4001) }, 'input.description:isLength'],
      [{ channel: 'HOTLINE_12345' }, 'input.channel:isIn'],
      [{ reporterKind: 'EMPLOYEE', reporterPhone: '13800001111' }, 'input.reporterName:employeeIdentity'],
      [{ reporterKind: 'EMPLOYEE', reporterName: '张三' }, 'input.reporterPhone:employeeIdentity'],
      [{ reporterKind: 'NAMED', reporterName: '张三', reporterPhone: '12345' }, 'input.reporterPhone:matches'],
      [{ reporterKind: 'ANONYMOUS', reporterName: '张三' }, 'input.reporterKind:range'],
      [{ involvesDeaths: true }, 'input.reportedDeaths:deaths'],
      [{ reportedDeaths: 2 }, 'input.reportedDeaths:deaths'],
      [{ location: { longitude: 151.2, latitude: -33.9 } }, 'input.location.longitude:coordinates'],
      [{ location: { longitude: 107.1, latitude: 60 } }, 'input.location.latitude:coordinates'],
      [{ attachmentIds: Array.from({ length: 6 }, (_, i) => `00000000-0000-4000-8000-00000000000${i}`) }, 'input.attachmentIds:arrayMaxSize'],
      [{ placeCode: 'NO-SUCH-PLACE' }, 'input.placeCode:placeCode'],
      [{ organizationId: org('ent-desheng-concrete') }, 'input.organizationId:organizationKind'],
    ];
    for (const [extra, expected] of cases) {
      const res = await submit(fromAddress(), tipInput(extra));
      expect([errorOf(res)?.['code'], field(res)[0]]).toEqual(['BAD_USER_INPUT', expected]);
    }
    // A missing enterprise or village is NOT_FOUND naming the field; nothing is written.
    const before = (await t.gateway.database.dataSource.query(`SELECT count(*)::int AS n FROM tip`))[0].n;
    const missing = await submit(fromAddress(), tipInput({ enterpriseId: '00000000-0000-4000-8000-000000000000' }));
    expect([errorOf(missing)?.['code'], errorOf(missing)?.['field']]).toEqual(['NOT_FOUND', 'input.enterpriseId']);
    const noVillage = await submit(fromAddress(), tipInput({ organizationId: '00000000-0000-4000-8000-000000000000' }));
    expect([errorOf(noVillage)?.['code'], errorOf(noVillage)?.['field']]).toEqual(['NOT_FOUND', 'input.organizationId']);
    expect((await t.gateway.database.dataSource.query(`SELECT count(*)::int AS n FROM tip`))[0].n).toBe(before);
    // A message over 2000 characters.
    const r = await submitted(fromAddress());
    const long = await fromAddress()(`mutation($c: String!, $s: String!, $b: String!) { postTipMessage(code: $c, secret: $s, body: $b) { body } }`, { c: r.trackingCode, s: r.secret, b: '字'.repeat(2001) });
    expect(field(long)).toEqual(['body:isLength']);
  });

  it('takes a tip involving deaths from the public, starts its clocks and escalates it to the district in the same transaction', async () => {
    const r = await submitted(fromAddress(), tipInput({ category: 'CONCEALED_ACCIDENT', involvesDeaths: true, reportedDeaths: 2, enterpriseId: org('ent-jinxing-foundry') }));
    expect(r.status).toBe('ESCALATED');
    const tracked = (await track(fromAddress(), r.trackingCode, r.secret)).body.data!['trackTip'];
    expect(tracked).toMatchObject({ status: 'ESCALATED', outcome: null });
    // An ordinary tip gets its channel's acceptance clock on the receipt and when tracked.
    const plain = await submitted(fromAddress());
    expect(plain.expectedAcceptanceAt).not.toBeNull();
    expect((await track(fromAddress(), plain.trackingCode, plain.secret)).body.data!['trackTip'].expectedAcceptanceAt).toBe(plain.expectedAcceptanceAt);
  });

  it('resolves a QR place code to its enterprise and a village to its scope; the town when neither', async () => {
    const [{ code }] = await t.gateway.database.dataSource.query(`SELECT code FROM organization WHERE id = $1`, [org('ent-sinopec-longmen')]);
    const qr = await submitted(fromAddress(), tipInput({ channel: 'QR_CODE', placeCode: code.toLowerCase() }));
    const village = await submitted(fromAddress(), tipInput({ organizationId: org('village-wenfeng') }));
    const town = await submitted(fromAddress(), tipInput());
    const rows = await t.gateway.database.dataSource.query(`SELECT code, organization_id AS o, enterprise_id AS e, place_code AS p FROM tip WHERE code = ANY($1) ORDER BY code`, [[qr.trackingCode, village.trackingCode, town.trackingCode]]);
    expect(rows.map((r: any) => [r.o, r.e, r.p])).toEqual([
      [org('ent-sinopec-longmen'), org('ent-sinopec-longmen'), code.toLowerCase()],
      [org('village-wenfeng'), null, null],
      [org('town'), null, null],
    ]);
  });

  it('lets staff record a tip from any channel in the past, within their recording scope', async () => {
    const receivedAt = '2026-11-27T01:30:00.000Z';
    const res = await anban(RECORD, {
      input: tipInput({ channel: 'HOTLINE_12345', externalReference: '500119-2026-1127-00042', receivedAt, reporterKind: 'NAMED', reporterName: '赵六', reporterPhone: '13912345678', enterpriseId: org('ent-hongfa-quarry') }),
    });
    expect(res.body.errors).toBeUndefined();
    const r = res.body.data!['recordTip'];
    expect(r).toMatchObject({ status: 'RECEIVED', receivedAt, tip: { channel: 'HOTLINE_12345', externalReference: '500119-2026-1127-00042', receivedAt, reporterName: '赵六', reporterPhone: '13912345678' } });
    expect(r.secret).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
    // Not in the future.
    const future = await anban(RECORD, { input: tipInput({ channel: 'LETTER', receivedAt: '2026-12-01T00:00:00Z' }) });
    expect(field(future)).toEqual(['input.receivedAt:notFuture']);
    // A village officer records tips about its village, not about enterprises elsewhere (out of scope: NOT_FOUND).
    expect((await wenfeng(RECORD, { input: tipInput({ channel: 'VISIT', organizationId: org('village-wenfeng') }) })).body.errors).toBeUndefined();
    const elsewhere = await wenfeng(RECORD, { input: tipInput({ channel: 'VISIT', enterpriseId: org('ent-hongfa-quarry') }) });
    expect([errorOf(elsewhere)?.['code'], errorOf(elsewhere)?.['field']]).toEqual(['NOT_FOUND', 'input.enterpriseId']);
    // The public cannot record, nor set receivedAt on the public form.
    expect(errorOf(await fromAddress()(RECORD, { input: tipInput({ channel: 'VISIT' }) }))?.['code']).toBe('UNAUTHENTICATED');
    expect(errorOf(await submit(fromAddress(), tipInput({ receivedAt })))?.['code']).toBe('BAD_USER_INPUT');
  });

  it('links up to 5 uploaded files to a recorded tip, downloadable by who may read the tip', async () => {
    const form = new FormData();
    form.append('file', new Blob([Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1')]), '来信扫描件.pdf');
    const token = await t.token('anban');
    const upload = (await (await fetch(`${t.origin}/attachments`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' }, body: form })).json()) as { id: string };
    const res = await anban(RECORD, { input: tipInput({ channel: 'LETTER', attachmentIds: [upload.id], enterpriseId: org('ent-desheng-concrete') }) });
    expect(res.body.errors).toBeUndefined();
    const id = res.body.data!['recordTip'].tip.id;
    const view = (await jingfa(`query($n: ID!) { node(nodeId: $n) { ... on Tip { attachments { id fileName } } } }`, { n: toGlobalId('Tip', id) })).body.data!['node'];
    expect(view.attachments).toEqual([{ id: upload.id, fileName: '来信扫描件.pdf' }]);
    expect((await fetch(`${t.origin}/attachments/${upload.id}`, { headers: { authorization: `Bearer ${await t.token('jingfa')}` } })).status).toBe(200);
    // A file cannot be claimed twice.
    const again = await anban(RECORD, { input: tipInput({ channel: 'LETTER', attachmentIds: [upload.id] }) });
    expect(field(again)).toEqual(['input.attachmentIds:unclaimedUpload']);
  });

  it('masks the reporter unless read-reporter is held, audits unmasked reads, and never shows them to the public', async () => {
    const r = await anban(RECORD, { input: tipInput({ channel: 'VISIT', reporterKind: 'EMPLOYEE', reporterName: '欧阳明', reporterPhone: '13812345678', reporterContact: 'wx_ouyangming', enterpriseId: org('ent-desheng-concrete') }) });
    expect(r.body.errors).toBeUndefined();
    const id = r.body.data!['recordTip'].tip.id;
    // The department officer reads tips but not reporters: masked.
    expect(await staffView(jingfa, id)).toMatchObject({ reporterKind: 'EMPLOYEE', reporterName: '欧**', reporterPhone: '138****5678', reporterContact: 'wx_o*********' });
    expect(await staffView(zhifa, id)).toMatchObject({ reporterName: '欧**' });
    // The town safety office holds read-reporter: unmasked, and the read is audited (which record and fields, not the values).
    const audits = async () => t.gateway.database.dataSource.query(`SELECT changes FROM audit_log WHERE action = 'kernel.sensitive.read' AND entity_type = 'Tip' AND entity_id = $1 ORDER BY occurred_at`, [id]);
    // The masked reads above left no entry; the recording office's own answer (it selected the reporter) left one.
    expect(await audits()).toHaveLength(1);
    expect(await staffView(anban, id)).toMatchObject({ reporterName: '欧阳明', reporterPhone: '13812345678', reporterContact: 'wx_ouyangming' });
    const entries = await audits();
    expect(entries).toHaveLength(2);
    const entry = entries[1];
    expect(entry.changes).toEqual({ records: { [id]: ['reporterName', 'reporterPhone', 'reporterContact'] } });
    expect(JSON.stringify(entry)).not.toContain('欧阳明');
    // The intake's own audit entry says only whether an identity was given.
    const [received] = await t.gateway.database.dataSource.query(`SELECT changes FROM audit_log WHERE action = 'reporting.tip.receive' AND entity_id = $1`, [id]);
    expect(received.changes).toMatchObject({ reporterKind: 'EMPLOYEE', identityGiven: true });
    expect(JSON.stringify(received.changes)).not.toMatch(/欧阳明|13812345678|secret/i);
    // The reporter's own view has no reporter fields at all.
    const tracked = await track(fromAddress(), r.body.data!['recordTip'].trackingCode, r.body.data!['recordTip'].secret);
    expect(JSON.stringify(tracked.body)).not.toMatch(/欧阳明|13812345678|wx_ouyangming/);
    const noSuchField = await fromAddress()(`query($c: String!, $s: String!) { trackTip(code: $c, secret: $s) { reporterName } }`, { c: 'JB-2026-000001', s: 'X' });
    expect(errorOf(noSuchField)?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('carries messages both ways: the reporter writes with the secret, staff reply, the reporter reads replies when tracking', async () => {
    const me = fromAddress();
    const r = await submitted(me, tipInput({ enterpriseId: org('ent-desheng-concrete') }));
    const post = `mutation($c: String!, $s: String!, $b: String!) { postTipMessage(code: $c, secret: $s, body: $b) { author body createdAt } }`;
    const mine = await me(post, { c: r.trackingCode, s: r.secret, b: '补充：通道里还堆了两桶柴油。' });
    expect(mine.body.data!['postTipMessage']).toMatchObject({ author: 'REPORTER', body: '补充：通道里还堆了两桶柴油。' });
    // A wrong secret writes nothing and answers NOT_FOUND.
    expect(errorOf(await me(post, { c: r.trackingCode, s: 'ABCDEFGHJKMNPQRS', b: '冒充' }))?.['code']).toBe('NOT_FOUND');
    const id = await idOf(r.trackingCode);
    clock.advance(60_000);
    const reply = `mutation($t: UUID!, $b: String!) { replyToTip(tipId: $t, body: $b) { id author authorUserId body } }`;
    const answered = await jingfa(reply, { t: id, b: '已收到，我们将于近日到现场核查。' });
    expect(answered.body.errors).toBeUndefined();
    expect(answered.body.data!['replyToTip']).toMatchObject({ author: 'STAFF', body: '已收到，我们将于近日到现场核查。' });
    expect(answered.body.data!['replyToTip'].authorUserId).toMatch(/^[0-9a-f-]{36}$/);
    // The records next to the ids: the tip, and the account when the reader may read it (null otherwise, never an error).
    const relations = await jingfa(`query($t: UUID!) { tip(id: $t) { messages(first: 5) { edges { node { authorUserId tip { id } authorUser { id } } } } } }`, { t: id });
    expect(relations.body.errors).toBeUndefined();
    for (const { node } of relations.body.data!['tip'].messages.edges) {
      expect(node.tip).toEqual({ id });
      if (node.authorUser) expect(node.authorUser.id).toBe(node.authorUserId);
      if (!node.authorUserId) expect(node.authorUser).toBeNull();
    }
    // Staff outside the tip's handling scope cannot reply (a village officer, for an enterprise elsewhere).
    expect(errorOf(await wenfeng(reply, { t: id, b: '越权回复' }))?.['code']).toBe('NOT_FOUND');
    // The reporter sees both, in order, without any name.
    const tracked = (await track(fromAddress(), r.trackingCode, r.secret)).body.data!['trackTip'];
    expect(tracked.messages.totalCount).toBe(2);
    expect(tracked.messages.edges.map((e: any) => [e.node.author, e.node.body])).toEqual([
      ['REPORTER', '补充：通道里还堆了两桶柴油。'],
      ['STAFF', '已收到，我们将于近日到现场核查。'],
    ]);
    // Staff see the thread on the tip.
    const view = await staffView(jingfa, id);
    expect(view.messages.edges.map((e: any) => e.node.author)).toEqual(['REPORTER', 'STAFF']);
    expect(view.messages.edges[0].node.authorUserId).toBeNull();
    // Nothing was queued for the reporter (no SMS, no mail): the only trace is the audit entries.
    const actions = (await t.gateway.database.dataSource.query(`SELECT action FROM audit_log WHERE entity_type = 'Tip' AND entity_id = $1 ORDER BY occurred_at`, [id])).map((a: any) => a.action);
    expect(actions.filter((a: string) => a !== 'reporting.tip.startClocks')).toEqual(['reporting.tip.receive', 'reporting.tip.reporterMessage', 'reporting.tip.staffReply']);
  });

  it('lets an anonymous reporter disclose identity later, seen only by who may read reporters', async () => {
    const me = fromAddress();
    const r = await submitted(me);
    clock.advance(10 * 86_400_000);
    const disclose = `mutation($c: String!, $s: String!) { discloseTipIdentity(code: $c, secret: $s, name: "孙丽", phone: "13700001234", contact: "南平镇双河村") { identityDisclosed accessExpiresAt } }`;
    const res = await me(disclose, { c: r.trackingCode, s: r.secret });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!['discloseTipIdentity']).toEqual({ identityDisclosed: true, accessExpiresAt: new Date(NOW.getTime() + 100 * 86_400_000).toISOString() });
    const id = await idOf(r.trackingCode);
    expect(await staffView(anban, id)).toMatchObject({ reporterKind: 'ANONYMOUS', reporterName: '孙丽', reporterPhone: '13700001234', identityDisclosedAt: new Date(NOW.getTime() + 10 * 86_400_000).toISOString() });
    expect(await staffView(jingfa, id)).toMatchObject({ reporterName: '孙*', reporterPhone: '137****1234' });
    const [entry] = await t.gateway.database.dataSource.query(`SELECT changes FROM audit_log WHERE action = 'reporting.tip.discloseIdentity' AND entity_id = $1`, [id]);
    expect(entry.changes).toMatchObject({ identityDisclosed: true });
    expect(JSON.stringify(entry.changes)).not.toMatch(/孙丽|13700001234/);
    // A wrong secret discloses nothing.
    expect(errorOf(await me(disclose, { c: r.trackingCode, s: 'ABCDEFGHJKMNPQRS' }))?.['code']).toBe('NOT_FOUND');
  });

  it('seeds tips from every channel and reporter kind, trackable with their demo secrets', async () => {
    const rows = await t.gateway.database.dataSource.query(`SELECT id, code, channel, reporter_kind AS k, external_reference AS x FROM tip WHERE id = ANY($1)`, [TIP_SEED.map((s) => tipSeedId(s.key))]);
    expect(rows).toHaveLength(TIP_SEED.length);
    expect(new Set(rows.map((r: any) => r.channel))).toEqual(new Set(['HOTLINE_12350', 'HOTLINE_12345', 'QR_CODE', 'LETTER', 'VISIT', 'ONLINE']));
    expect(new Set(rows.map((r: any) => r.k))).toEqual(new Set(['ANONYMOUS', 'NAMED', 'EMPLOYEE']));
    expect(rows.filter((r: any) => r.channel === 'HOTLINE_12345').every((r: any) => r.x)).toBe(true);
    expect(Object.fromEntries(rows.map((r: any) => [r.id, r.code]))).toEqual(Object.fromEntries(TIP_SEED.map((s) => [tipSeedId(s.key), s.code])));
    const letter = TIP_SEED.find((s) => s.thread)!;
    const tracked = (await track(fromAddress(), letter.code, tipSeedSecret(letter.key))).body.data!['trackTip'];
    expect(tracked.messages.edges.map((e: any) => e.node.author)).toEqual(['REPORTER', 'STAFF']);
  });
});
