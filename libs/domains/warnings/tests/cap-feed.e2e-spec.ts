import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { ManualClock } from '@platform/core';
import { checkedBody, startTestGateway, type GraphQLClient, type TestGateway } from '@platform/testing';
import { directoryModule, seedId } from '@platform/directory';
import { accessModule } from '@platform/access';
import { riskModule } from '@domains/risk';
import { preparednessModule } from '@domains/preparedness';
import { commandModule } from '@domains/command';
import { communityModule } from '@domains/community';
import { warningsModule } from '../src/index';
import { warningInput } from './support/warning-input';
import { ATOM, CAP, atom, atomProblems, cap, capValues, children, entriesOf, parse, type Entry } from './support/atom';

const MODULES = [directoryModule, accessModule, riskModule, preparednessModule, commandModule, communityModule, warningsModule];

const TOWN = seedId('org:town');
const WENFENG = seedId('org:village-wenfeng');
const SHUANGHE = seedId('org:village-shuanghe');
const HOUR = 3_600_000;
/**
 * No sweep runs on its own (the feed must drop a record at its expiresAt, swept or not), and
 * principals are kept for the whole file (a reload between two requests is one statement more).
 */
const ENV = { WARNING_ESCALATION_INTERVAL_MS: '86400000', OVERDUE_SWEEP_INTERVAL_MS: '86400000', PRINCIPAL_CACHE_TTL_MS: '3600000' };

const XSD = readFileSync(join(__dirname, 'fixtures/CAP-v1.2.xsd'), 'utf8');
const validateCap = (xml: string) => validateXML({ xml: [{ fileName: 'alert.xml', contents: xml }], schema: [{ fileName: 'CAP-v1.2.xsd', contents: XSD }] });

/** CAP dateTime in Beijing time, as the CAP document writes it. */
const beijing = (iso: string) => `${new Date(new Date(iso).getTime() + 8 * HOUR).toISOString().slice(0, 19)}+08:00`;

// ---------------------------------------------------------------------------------------------

describe('CAP feed: GET /cap/warnings, an Atom index of the current warnings', () => {
  const clock = new ManualClock(new Date());
  let t: TestGateway;
  let anban: GraphQLClient;
  const tokens = new Map<string, string>();
  let apiKey = '';
  const sql = <R = any>(text: string, params: unknown[] = []): Promise<R[]> => t.gateway.database.dataSource.query(text, params);

  /** Ids by what the test made them to be. */
  const ids = {
    issued: '',
    ahead: '',
    shuanghe: '',
    cancelled: '',
    cancellation: '',
    replaced: '',
    update: '',
    pastExpiry: '',
    expired: '',
  };
  let issued: { id: string; identifier: string; sentAt: string; expiresAt: string };
  const rain = (level: string, targets: string[], changes: (now: Date) => Record<string, unknown> = () => ({})) => (now: Date) => ({ ...warningInput(now, level, 'RAINSTORM', targets), ...changes(now) });
  const at = (now: Date, ms: number) => new Date(now.getTime() + ms).toISOString();

  /** Issues the warning `input(now)` one second after the last record (a unit issues at most 10 identifiers within one second). */
  const issue = async (input: (now: Date) => Record<string, unknown>) => {
    clock.advance(1000);
    const res = await anban(`mutation($input: IssueWarningInput!) { issueWarning(input: $input) { id version identifier sentAt expiresAt } }`, { input: input(clock.now()) });
    expect(res.body.errors).toBeUndefined();
    return res.body.data!['issueWarning'] as { id: string; version: number; identifier: string; sentAt: string; expiresAt: string };
  };
  const step = async (mutation: 'updateWarning' | 'cancelWarning', input: Record<string, unknown>) => {
    clock.advance(1000);
    const type = mutation === 'updateWarning' ? 'UpdateWarningInput' : 'CancelWarningInput';
    const res = await anban(`mutation($input: ${type}!) { ${mutation}(input: $input) { id } }`, { input });
    expect(res.body.errors).toBeUndefined();
    return res.body.data![mutation].id as string;
  };
  /** A record written as it stands, for states the API reaches only with time (ACTIVE past its expiry, EXPIRED). */
  const insertWarning = async (identifier: string, status: string, expiresAt: Date, target: string): Promise<string> => {
    const id = randomUUID();
    const sentAt = new Date(expiresAt.getTime() - 12 * HOUR);
    await sql(
      `INSERT INTO warning (id, identifier, chain_id, message_type, status, issuer_organization_id, sender_name, source, hazard_type, event_name, level,
         headline, description, instruction, sent_at, effective_at, expires_at)
       VALUES ($1, $2, $1, 'ALERT', $3, $4, '南平镇人民政府', '南川区气象局', 'FOREST_FIRE', '森林火险', 'YELLOW', '南平镇人民政府发布森林火险黄色预警',
         '未来三天森林火险气象等级高。', '严禁野外用火。', $5, $5, $6)`,
      [id, identifier, status, TOWN, sentAt, expiresAt],
    );
    await sql(`INSERT INTO warning_target (warning_id, organization_id) VALUES ($1, $2)`, [id, target]);
    return id;
  };

  const bearer = (u: string): Record<string, string> => ({ authorization: `Bearer ${tokens.get(u)}` });
  const get = (headers: Record<string, string> = {}, origin = t.origin) => fetch(`${origin}/cap/warnings`, { headers });
  /** The feed as a reader gets it: 200, Atom, parsed back, RFC 4287's rules kept. */
  const feedOf = async (headers: Record<string, string>, origin = t.origin) => {
    const res = await get(headers, origin);
    const body = await res.text();
    expect([res.status, res.headers.get('content-type')]).toEqual([200, 'application/atom+xml; charset=utf-8']);
    const root = parse(body);
    expect(atomProblems(root)).toEqual([]);
    return { res, body, root, entries: entriesOf(root), statements: Number(res.headers.get('x-sql-statements') ?? NaN) };
  };
  const idsIn = (entries: readonly Entry[]) => entries.map((e) => e.id);
  const uuid = (id: string) => `urn:uuid:${id}`;

  beforeAll(async () => {
    t = await startTestGateway(MODULES, { seed: true, clock, env: ENV });
    clock.set(new Date());
    anban = await t.as('anban');
    for (const u of ['anban', 'wenfeng', 'shuanghe', 'sinopec-nanping']) tokens.set(u, await t.token(u));
    // An integration of 双河村: an API key with the village officer's role there (rescue.warning:read over its subtree).
    const admin = await t.as('admin');
    const roles = (await admin(`{ roles(first: 100) { edges { node { id code } } } }`)).body.data!['roles'].edges.map((e: any) => e.node);
    const role = roles.find((r: any) => r.code === 'village-officer').id;
    const created = await admin(`mutation($r: UUID!, $o: UUID!) { createApiClient(input: { name: "双河村预警接入", roleId: $r, organizationId: $o }) { key } }`, { r: role, o: SHUANGHE });
    expect(created.body.errors).toBeUndefined();
    apiKey = created.body.data!['createApiClient'].key;

    issued = await issue(rain('ORANGE', [WENFENG], (now) => ({ expiresAt: at(now, 12 * HOUR) })));
    ids.issued = issued.id;
    // Sent now, in force from two hours on: current (people prepare for it), see the README.
    ids.ahead = (await issue(rain('BLUE', [WENFENG], (now) => ({ effectiveAt: at(now, 2 * HOUR) })))).id;
    ids.shuanghe = (await issue((now) => warningInput(now, 'YELLOW', 'GEOLOGICAL', [SHUANGHE]))).id;
    const toCancel = await issue(rain('YELLOW', [WENFENG]));
    ids.cancelled = toCancel.id;
    ids.cancellation = await step('cancelWarning', { id: toCancel.id, version: toCancel.version, reason: '降雨已明显减弱' });
    const toUpdate = await issue(rain('ORANGE', [WENFENG]));
    ids.replaced = toUpdate.id;
    ids.update = await step('updateWarning', { id: toUpdate.id, version: toUpdate.version, level: 'RED' });
    // Past its expiry, not yet swept (still ACTIVE); and one the sweep has marked EXPIRED.
    ids.pastExpiry = await insertWarning('50011900000000_20260101080000_0', 'ACTIVE', new Date(clock.now().getTime() - 60_000), WENFENG);
    ids.expired = await insertWarning('50011900000000_20260101090000_0', 'EXPIRED', new Date(clock.now().getTime() - HOUR), WENFENG);
  }, 120_000);
  afterAll(() => t?.close());

  it('lists what is in force within the caller\'s scope: issued, updated and issued-ahead records, not cancelled, replaced or expired ones', async () => {
    const { entries } = await feedOf(bearer('anban'));
    const listed = idsIn(entries);
    for (const id of [ids.issued, ids.ahead, ids.shuanghe, ids.update]) expect(listed).toContain(uuid(id));
    for (const [why, id] of Object.entries({ cancelled: ids.cancelled, cancellation: ids.cancellation, replaced: ids.replaced, pastExpiry: ids.pastExpiry, expired: ids.expired })) {
      expect([why, listed.includes(uuid(id))]).toEqual([why, false]);
    }
    // Exactly the current records in the database (the seed's live warning among them), newest sent first.
    const current = await sql<{ id: string }>(`SELECT id FROM warning WHERE status = 'ACTIVE' AND expires_at > $1 ORDER BY sent_at DESC, id DESC`, [clock.now()]);
    expect(listed).toEqual(current.map((r) => uuid(r.id)));
    const published = entries.map((e) => e.published!);
    expect([...published].sort().reverse()).toEqual(published);
    const update = entries.find((e) => e.id === uuid(ids.update))!;
    expect([cap(update.el, 'msgType'), cap(update.el, 'severity'), update.title]).toEqual(['Update', 'Extreme', '南平镇人民政府更新暴雨红色预警']);
  });

  it('describes an entry with its CAP facts and links its CAP document', async () => {
    const { root, entries } = await feedOf(bearer('anban'));
    expect([root.namespaceURI, root.localName, root.getAttribute('xml:lang')]).toEqual([ATOM, 'feed', 'zh-CN']);
    expect([atom(root, 'id'), atom(root, 'title')]).toEqual([`${t.origin}/cap/warnings`, '当前预警信息']);
    const self = children(root, ATOM, 'link').find((l) => l.getAttribute('rel') === 'self')!;
    expect([self.getAttribute('type'), self.getAttribute('href')]).toEqual(['application/atom+xml', `${t.origin}/cap/warnings`]);

    const entry = entries.find((e) => e.id === uuid(issued.id))!;
    const sent = `${issued.sentAt.slice(0, 19)}Z`;
    expect([entry.title, entry.published, entry.updated, entry.author, entry.summary]).toEqual([
      '南平镇人民政府发布暴雨橙色预警',
      sent,
      sent,
      '南平镇人民政府',
      '预计未来24小时南平镇累计雨量可达100毫米以上，地质灾害气象风险高。',
    ]);
    expect(entry.link).toEqual({ type: 'application/cap+xml', href: `${t.origin}/cap/warnings/${issued.id}` });
    const facts = ['identifier', 'sender', 'sent', 'status', 'msgType', 'scope', 'category', 'event', 'urgency', 'severity', 'certainty', 'effective', 'expires', 'areaDesc'].map((n) => cap(entry.el, n));
    expect(facts).toEqual([
      issued.identifier,
      '50011900000000',
      beijing(issued.sentAt),
      'Actual',
      'Alert',
      'Public',
      'Met',
      '暴雨',
      'Immediate',
      'Severe',
      'Likely',
      beijing(issued.sentAt),
      beijing(issued.expiresAt),
      '文凤村',
    ]);
    expect([capValues(entry.el, 'parameter', '预警级别'), capValues(entry.el, 'geocode', '行政区划代码')]).toEqual([['Orange'], ['500119108200']]);

    // The link is the per-warning route: the same record as schema-valid CAP, with the facts the entry shows.
    const doc = await fetch(entry.link!.href!, { headers: bearer('anban') });
    expect([doc.status, doc.headers.get('content-type')]).toEqual([200, 'application/cap+xml; charset=utf-8']);
    const xml = await doc.text();
    expect((await validateCap(xml)).errors).toEqual([]);
    const alert = parse(xml);
    const info = children(alert, CAP, 'info')[0]!;
    expect([cap(alert, 'identifier'), cap(info, 'severity'), cap(info, 'expires'), cap(children(info, CAP, 'area')[0]!, 'areaDesc')]).toEqual([issued.identifier, 'Severe', beijing(issued.expiresAt), '文凤村']);
  });

  it('stops at the caller\'s scope: a village officer and a village\'s API key see what is aimed at their village only', async () => {
    const aimedAtShuanghe = async () =>
      (
        await sql<{ id: string }>(
          `SELECT w.id FROM warning w WHERE w.status = 'ACTIVE' AND w.expires_at > $1 AND EXISTS (SELECT 1 FROM warning_target wt WHERE wt.warning_id = w.id AND wt.organization_id = $2)
           ORDER BY w.sent_at DESC, w.id DESC`,
          [clock.now(), SHUANGHE],
        )
      ).map((r) => uuid(r.id));
    for (const headers of [bearer('shuanghe'), { 'x-api-key': apiKey }]) {
      const { entries } = await feedOf(headers);
      expect(idsIn(entries)).toEqual(await aimedAtShuanghe());
      expect(idsIn(entries)).toContain(uuid(ids.shuanghe));
      // Every entry names 双河村 (500119108201) among its areas.
      expect(entries.filter((e) => !capValues(e.el, 'geocode', '行政区划代码').includes('500119108201'))).toEqual([]);
    }
    const wenfeng = idsIn((await feedOf(bearer('wenfeng'))).entries);
    expect(wenfeng).toContain(uuid(ids.issued));
    expect(wenfeng).not.toContain(uuid(ids.shuanghe));
    // A grid worker of 文凤村: warnings go to villages, so nothing is in their scope: an empty feed of 1970.
    const grid = await feedOf({ authorization: `Bearer ${await t.token('wenfeng-grid1')}` });
    expect([grid.entries, atom(grid.root, 'updated'), grid.res.headers.get('last-modified')]).toEqual([[], '1970-01-01T00:00:00Z', 'Thu, 01 Jan 1970 00:00:00 GMT']);
  });

  it('refuses like the per-warning route: 401 without or with bad credentials, 403 without rescue.warning:read', async () => {
    const anonymous = await get();
    expect([anonymous.status, anonymous.headers.get('www-authenticate'), (await checkedBody(anonymous)).errors?.[0]?.extensions?.['code']]).toEqual([401, 'Bearer', 'UNAUTHENTICATED']);
    const bad = await get({ authorization: 'Bearer nonsense' });
    expect([bad.status, (await checkedBody(bad)).errors?.[0]?.extensions?.['code']]).toEqual([401, 'UNAUTHENTICATED']);
    const enterprise = await get(bearer('sinopec-nanping'));
    const refused = (await checkedBody(enterprise)).errors?.[0]?.extensions;
    expect([enterprise.status, refused?.['code'], refused?.['permission']]).toEqual([403, 'FORBIDDEN', 'rescue.warning:read']);
  });

  it('answers 304 to a matching If-None-Match or If-Modified-Since, and 200 again once a warning is issued', async () => {
    const first = await feedOf(bearer('anban'));
    const etag = first.res.headers.get('etag')!;
    const lastModified = first.res.headers.get('last-modified')!;
    // A strong tag: the body's SHA-256.
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(first.res.headers.get('cache-control')).toBe('private, no-cache');
    // Last-Modified is the feed's <updated>, to the second.
    expect(new Date(lastModified).toISOString()).toBe(`${atom(first.root, 'updated')!.slice(0, 19)}.000Z`);

    const byEtag = await get({ ...bearer('anban'), 'if-none-match': etag });
    expect([byEtag.status, await byEtag.text(), byEtag.headers.get('etag'), byEtag.headers.get('cache-control')]).toEqual([304, '', etag, 'private, no-cache']);
    const byDate = await get({ ...bearer('anban'), 'if-modified-since': lastModified });
    expect(byDate.status).toBe(304);
    const earlier = await get({ ...bearer('anban'), 'if-modified-since': new Date(new Date(lastModified).getTime() - 1000).toUTCString() });
    expect(earlier.status).toBe(200);
    // The ETag is the caller's own: another scope, another body.
    expect((await get({ ...bearer('shuanghe'), 'if-none-match': etag })).status).toBe(200);

    const fresh = await issue((now) => warningInput(now, 'RED', 'FLOOD', [WENFENG]));
    const after = await get({ ...bearer('anban'), 'if-none-match': etag });
    expect(after.status).toBe(200);
    const body = await after.text();
    expect(after.headers.get('etag')).not.toBe(etag);
    expect(idsIn(entriesOf(parse(body)))[0]).toBe(uuid(fresh.id));
    expect((await get({ ...bearer('anban'), 'if-modified-since': lastModified })).status).toBe(200);
    expect((await get({ ...bearer('anban'), 'if-none-match': after.headers.get('etag')! })).status).toBe(304);
  });

  it('changes when an entry leaves: by its expiry on the clock alone (no sweep), and by a cancellation', async () => {
    const leaving = await issue((now) => ({ ...warningInput(now, 'BLUE', 'DROUGHT', [WENFENG]), expiresAt: at(now, 60_000) }));
    const before = await feedOf(bearer('anban'));
    expect(idsIn(before.entries)).toContain(uuid(leaving.id));
    const etag = before.res.headers.get('etag')!;
    const lastModified = before.res.headers.get('last-modified')!;

    clock.advance(61_000);
    const expired = await get({ ...bearer('anban'), 'if-none-match': etag });
    expect(expired.status).toBe(200);
    expect(idsIn(entriesOf(parse(await expired.text())))).not.toContain(uuid(leaving.id));
    // Last-Modified moves to the moment it left (its expiry), so If-Modified-Since alone sees the change too.
    expect(new Date(expired.headers.get('last-modified')!).getTime()).toBe(Math.floor(new Date(leaving.expiresAt).getTime() / 1000) * 1000);
    expect((await get({ ...bearer('anban'), 'if-modified-since': lastModified })).status).toBe(200);

    const toCancel = await issue(rain('YELLOW', [WENFENG]));
    const listed = await feedOf(bearer('anban'));
    expect(idsIn(listed.entries)).toContain(uuid(toCancel.id));
    await step('cancelWarning', { id: toCancel.id, version: toCancel.version, reason: '预警解除' });
    const cancelled = await get({ ...bearer('anban'), 'if-none-match': listed.res.headers.get('etag')! });
    expect(cancelled.status).toBe(200);
    expect(idsIn(entriesOf(parse(await cancelled.text())))).not.toContain(uuid(toCancel.id));
    // Last-Modified moves to the cancellation's sending.
    const cancellation = (await sql<{ sent_at: Date }>(`SELECT sent_at FROM warning WHERE supersedes_id = $1`, [toCancel.id]))[0]!.sent_at;
    expect(cancelled.headers.get('last-modified')).toBe(cancellation.toUTCString());
    expect(cancellation.getTime()).toBeGreaterThan(new Date(listed.res.headers.get('last-modified')!).getTime());
  });

  it('runs a constant number of SQL statements, however many warnings are current', async () => {
    // Each measured after a first request, so both find the principal cached alike.
    const measure = async (headers: Record<string, string>) => {
      await feedOf(headers);
      return feedOf(headers);
    };
    const before = await measure(bearer('anban'));
    for (let i = 0; i < 6; i++) await issue((now) => warningInput(now, 'YELLOW', 'METEOROLOGICAL', [WENFENG, SHUANGHE]));
    const after = await measure(bearer('anban'));
    expect(after.entries.length).toBe(before.entries.length + 6);
    expect(after.statements).toBe(before.statements);
    expect(before.statements).toBe(1);
    expect((await measure(bearer('shuanghe'))).statements).toBe(before.statements);
  });

  it('builds absolute links from X-Forwarded-Proto and -Host only when TRUST_PROXY trusts the peer', async () => {
    const forwarded = { ...bearer('anban'), 'x-forwarded-proto': 'https', 'x-forwarded-host': 'safety.example.gov.cn' };
    const untrusted = await feedOf(forwarded);
    expect(atom(untrusted.root, 'id')).toBe(`${t.origin}/cap/warnings`);

    const behindProxy = await startTestGateway(MODULES, { database: t.database, clock, env: { ...ENV, TRUST_PROXY: 'loopback' } });
    try {
      const trusted = await feedOf(forwarded, behindProxy.origin);
      expect(atom(trusted.root, 'id')).toBe('https://safety.example.gov.cn/cap/warnings');
      expect(trusted.entries.every((e) => e.link?.href?.startsWith('https://safety.example.gov.cn/cap/warnings/'))).toBe(true);
      // A forwarded host that is not one is ignored: the Host header stands.
      const odd = await feedOf({ ...forwarded, 'x-forwarded-host': 'evil.example/x?y' }, behindProxy.origin);
      expect(atom(odd.root, 'id')).toBe(`https://${new URL(behindProxy.origin).host}/cap/warnings`);
    } finally {
      await behindProxy.close();
    }
  });

  it('really checks Atom: a feed without <updated>, with an entry id that is no IRI, or of another namespace fails', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="${ATOM}"><id>urn:x:1</id><title>t</title><updated>2026-01-01T00:00:00Z</updated><link rel="self" href="http://h/f"/>
<entry><id>urn:uuid:1</id><title>a</title><updated>2026-01-01T00:00:00Z</updated><author><name>n</name></author><link rel="alternate" href="http://h/1"/></entry></feed>`;
    expect(atomProblems(parse(xml))).toEqual([]);
    expect(atomProblems(parse(xml.replace('<updated>2026-01-01T00:00:00Z</updated><link', '<link')))).toEqual(['feed has 0 atom:updated']);
    expect(atomProblems(parse(xml.replace('urn:uuid:1', '50011900000000_20260101080000_0')))).toEqual(['entry 0 atom:id 50011900000000_20260101080000_0 is not an IRI']);
    expect(atomProblems(parse(xml.replace(`xmlns="${ATOM}"`, 'xmlns="http://purl.org/rss/1.0/"')))).toEqual(['the root is {http://purl.org/rss/1.0/}feed, not an Atom feed']);
  });
});
