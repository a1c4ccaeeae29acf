import { InProcessEventBus, ManualClock, RequestContext, SYSTEM } from '@platform/core';
import { seedId } from '@platform/directory';
import { errorOf, expectPagedCompletely, fieldsOf, startTestGateway, PAGE_ARGS, PAGE_VARS, walkedPage, type GraphQLClient, type GraphQLResponse, type TestGateway } from '@platform/testing';
import { QR_CODE_SEED, qrCodeSeedCode, qrCodeSeedId, selfCheckSeedId } from '../src/qr-codes/public';
import { seedQrCodes } from '../src/qr-codes/qr-codes.seed';
import { MODULES, mutation, mutated } from './support';

const org = (key: string) => seedId(`org:${key}`);
const TOWN = org('town');
const RESOLVE = `query($code: String!) { resolveQrCode(code: $code) {
  code kind placeName enterpriseName organizationName sectorCode
  tip { channel placeCode enterpriseId organizationId address location { longitude latitude } categories }
  selfCheck { periodMonth submitted ruleVersionId items { code area title } } } }`;
const QR = 'id version code kind status enterpriseId organizationId placeName address sectorCode revokedAt revocationReason imagePath location { longitude latitude }';
const CHECK = 'id version qrCodeId enterpriseId periodMonth notOkCount items { code area title result note hazardId hazard { id } } submittedByUser { username } ruleVersion { ruleCode } hazards { id source status category organizationId title }';
const SUBMIT_TIP = `mutation($input: SubmitTipInput!) { submitTip(input: $input) { trackingCode status } }`;

/** The sector list of the petrol station (HAZARDOUS_CHEMICALS): its six items. */
const STATION_ITEMS = ['STATIC_GROUNDING', 'GAS_DETECTION', 'EXPLOSION_PROOF', 'NO_OPEN_FLAME', 'FIRE_EXTINGUISHER', 'ESCAPE_ROUTE'];

/**
 * 安全隐患码上除 (issue 22): public resolution of a code to the tip form prefilled by sector (and a tip
 * submitted with it carrying the place and the enterprise), the owner's self-check form, scans counted
 * per code and day, the per-address and per-code limits, SVG/PNG images and the label, the monthly
 * self-check raising SELF_CHECK hazards, scope, typed errors and lossless paging.
 */
describe('QR codes (安全隐患码上除)', () => {
  // Monday 2026-12-07, 10:00 China time.
  const NOW = new Date('2026-12-07T02:00:00Z');
  const clock = new ManualClock(NOW);
  let t: TestGateway;
  let nextAddress = 1;
  const tokens = new Map<string, string>();
  beforeAll(async () => {
    t = await startTestGateway(MODULES, { seed: true, clock, env: { TRUST_PROXY: 'loopback', REPORTING_TIP_POW_BITS: '0' } });
    for (const who of ['anban', 'jingfa', 'wenfeng', 'sinopec-nanping', 'zhifa', 'admin']) tokens.set(who, await t.token(who));
    // The whole platform seeded on two cores shared with other test runs.
  }, 300_000);
  afterAll(() => t?.close());
  afterEach(() => clock.set(NOW));

  /** A caller from an address of its own (TEST-NET-3 and beyond), signed in as `who` or anonymous. */
  const client = (who?: string): GraphQLClient => {
    const n = nextAddress++;
    const address = `198.51.${Math.floor(n / 250)}.${(n % 250) + 1}`;
    const headers: Record<string, string> = { 'x-forwarded-for': address };
    if (who) headers['authorization'] = `Bearer ${tokens.get(who)}`;
    return (query, variables) => t.gql(query, variables, headers);
  };
  const office = () => client('anban');
  const ok = async (c: GraphQLClient, query: string, variables?: Record<string, unknown>) => {
    const res = await c(query, variables);
    expect(res.body.errors).toBeUndefined();
    return res.body.data!;
  };
  const resolve = (code: string, c: GraphQLClient = client()) => c(RESOLVE, { code });
  const resolved = async (code: string, c: GraphQLClient = client()) => (await ok(c, RESOLVE, { code }))['resolveQrCode'];
  const db = (text: string, params: unknown[] = []) => t.gateway.database.dataSource.query(text, params);
  const orgRow = async (id: string) => (await db(`SELECT name, short_name AS "shortName", code, address FROM organization WHERE id = $1`, [id]))[0];
  const code = (key: string) => qrCodeSeedCode(key);
  const answersFor = (items: readonly string[], notOk: Record<string, string> = {}) => items.map((c) => (notOk[c] ? { code: c, result: 'NOT_OK', note: notOk[c] } : { code: c, result: 'OK' }));
  const indicator = async (code: string, organizationId = TOWN) =>
    (await ok(office(), `query($o: UUID!, $c: String!) { indicatorValues(organizationId: $o, from: "2026-12-01", to: "2026-12-31", filter: { codes: [$c] }) { edges { node { numerator denominator } } } }`, { o: organizationId, c: code }))['indicatorValues'].edges[0]?.node ?? null;

  it('resolves a code without an account to the place and the tip form prefilled by its sector', async () => {
    const restaurant = await orgRow(org('ent-laojie-restaurant'));
    // As a person types it: lower case, in groups, O for 0 and l for 1 read alike.
    const typed = code('laojie-restaurant').toLowerCase().replace(/(.{4})(?!$)/g, '$1-');
    const r = await resolved(typed);
    expect(r).toMatchObject({
      code: code('laojie-restaurant'),
      kind: 'ENTERPRISE',
      placeName: restaurant.shortName ?? restaurant.name,
      enterpriseName: restaurant.name,
      organizationName: null,
      sectorCode: 'CATERING',
      tip: { channel: 'QR_CODE', placeCode: restaurant.code, enterpriseId: org('ent-laojie-restaurant'), organizationId: null, address: restaurant.address },
      selfCheck: null,
    });
    expect(r.tip.categories).toEqual(['FIRE_SAFETY', 'HAZARD', 'MAJOR_HAZARD', 'ILLEGAL_OPERATION', 'OTHER']);
    // A public place of a village: no enterprise, the village named instead, the crowded places' categories.
    const centre = await resolved(code('wenfeng-activity-centre'));
    expect(centre).toMatchObject({
      kind: 'PLACE', placeName: '文凤村村民活动中心', enterpriseName: null, sectorCode: 'CROWDED_PLACES',
      tip: { placeCode: null, enterpriseId: null, organizationId: org('village-wenfeng'), address: '南平镇文凤村一组村委会旁', location: { longitude: 107.0958, latitude: 29.1591 }, categories: ['FIRE_SAFETY', 'MAJOR_HAZARD', 'HAZARD', 'ILLEGAL_OPERATION', 'OTHER'] },
      selfCheck: null,
    });
    expect(centre.organizationName).toMatch(/文凤/);
    // Another enterprise's account and a village officer scan it like the public: no self-check form.
    expect((await resolved(code('laojie-restaurant'), client('sinopec-nanping'))).selfCheck).toBeNull();
    expect((await resolved(code('qingshan-farmstay'), client('wenfeng'))).selfCheck).toBeNull();
  });

  it('answers the owner (and the office) with this month\'s self-check form', async () => {
    const mine = await resolved(code('sinopec-nanping'), client('sinopec-nanping'));
    expect(mine.selfCheck).toMatchObject({ periodMonth: '2026-12-01', submitted: false, ruleVersionId: expect.any(String) });
    expect(mine.selfCheck.items.map((i: any) => i.code)).toEqual(STATION_ITEMS);
    expect(mine.selfCheck.items[0]).toEqual({ code: 'STATIC_GROUNDING', area: 'HAZARDOUS_MATERIALS', title: '卸油静电接地装置完好，卸油时可靠连接' });
    // 九小场所 lists: the restaurant's covers 消防、厨房用火、电气、建筑 and gas.
    const restaurant = await resolved(code('laojie-restaurant'), office());
    expect(new Set(restaurant.selfCheck.items.map((i: any) => i.area))).toEqual(new Set(['FIRE', 'EVACUATION', 'ELECTRICAL', 'BUILDING', 'KITCHEN_FIRE', 'GAS']));
    // A public place has no owner: no form, even for the office.
    expect((await resolved(code('wenfeng-activity-centre'), office())).selfCheck).toBeNull();
  });

  it('takes a tip submitted with the prefill as a QR tip carrying the place and the enterprise', async () => {
    const scanner = client();
    const r = await resolved(code('qingshan-farmstay'), scanner);
    const p = r.tip;
    const input = {
      channel: p.channel, category: p.categories[0], placeCode: p.placeCode, enterpriseId: p.enterpriseId, organizationId: p.organizationId, address: p.address, location: p.location,
      title: '农家乐楼道里给电动车充电', description: '青山农家乐晚上在客房楼道里给好几辆电动车充电，楼道里还堆着纸箱，一旦起火很危险。', reporterKind: 'ANONYMOUS',
    };
    const receipt = (await ok(scanner, SUBMIT_TIP, { input }))['submitTip'];
    const [tip] = await db(`SELECT channel, category, place_code, enterprise_id, organization_id, address FROM tip WHERE code = $1`, [receipt.trackingCode]);
    expect(tip).toEqual({ channel: 'QR_CODE', category: 'FIRE_SAFETY', place_code: (await orgRow(org('ent-qingshan-farmstay'))).code, enterprise_id: org('ent-qingshan-farmstay'), organization_id: org('ent-qingshan-farmstay'), address: p.address });
    // The place code alone (a scanner sending only it) finds the same enterprise.
    const alone = (await ok(client(), SUBMIT_TIP, { input: { ...input, enterpriseId: null } }))['submitTip'];
    expect((await db(`SELECT enterprise_id FROM tip WHERE code = $1`, [alone.trackingCode]))[0].enterprise_id).toBe(org('ent-qingshan-farmstay'));
    // A public place's prefill puts the tip in its village.
    const centre = (await resolved(code('wenfeng-activity-centre'))).tip;
    const other = (await ok(client(), SUBMIT_TIP, { input: { ...input, placeCode: centre.placeCode, enterpriseId: centre.enterpriseId, organizationId: centre.organizationId, address: centre.address, location: centre.location, category: centre.categories[0] } }))['submitTip'];
    expect((await db(`SELECT place_code, enterprise_id, organization_id, address FROM tip WHERE code = $1`, [other.trackingCode]))[0]).toEqual({ place_code: null, enterprise_id: null, organization_id: org('village-wenfeng'), address: '南平镇文凤村一组村委会旁' });
  });

  it('counts scans per code and China day with one upsert, and reads them without N+1', async () => {
    const id = qrCodeSeedId('shunfa-grocery');
    const SCANS = `query($id: UUID!) { qrCode(id: $id) { today: scanCount(from: "2026-12-07", to: "2026-12-07") week: scanCount(from: "2026-11-22", to: "2026-11-28") scanDays(from: "2026-11-22", to: "2026-12-08") { day scans } } }`;
    const before = (await ok(office(), SCANS, { id }))['qrCode'];
    const seeded = (await db(`SELECT coalesce(sum(scans), 0)::int AS n FROM qr_code_scan_day WHERE qr_code_id = $1 AND day BETWEEN '2026-11-22' AND '2026-11-28'`, [id]))[0].n;
    expect(before.week).toBe(seeded);
    for (let i = 0; i < 3; i++) await resolved(code('shunfa-grocery'));
    const after = (await ok(office(), SCANS, { id }))['qrCode'];
    expect(after.today).toBe(before.today + 3);
    expect(await db(`SELECT day::text, scans FROM qr_code_scan_day WHERE qr_code_id = $1 AND day = '2026-12-07'`, [id])).toEqual([{ day: '2026-12-07', scans: after.today }]);
    // The next China day (16:00 UTC is midnight in China) starts a new row.
    clock.set(new Date('2026-12-07T16:00:00Z'));
    await resolved(code('shunfa-grocery'));
    const days = (await ok(office(), SCANS, { id }))['qrCode'].scanDays;
    expect(days.slice(0, 2)).toEqual([{ day: '2026-12-08', scans: 1 }, { day: '2026-12-07', scans: after.today }]);
    // A failed scan (a bad or missing code) counts nothing.
    expect(errorOf(await resolve('0000-0000-0000'))).toMatchObject({ code: 'NOT_FOUND', field: 'code' });
    // Nested reads: the same statements for one code as for six (one per level).
    const reader = await t.resolvers('anban');
    const LIST = (n: number) => `{ qrCodes(first: ${n}, filter: { kinds: [ENTERPRISE] }) { edges { node { id scanCount scanDays { day } enterprise { name } organization { name } selfChecks(first: 2) { totalCount edges { node { id periodMonth } } } } } } }`;
    const one = await reader(LIST(1));
    const four = await reader(LIST(4));
    expect(one.body.errors).toBeUndefined();
    expect(four.body.data!['qrCodes'].edges).toHaveLength(4);
    // The page, the organizations, the self-check pages, the scan days: one statement each, whatever the page size.
    expect(one.statements).toBe(4);
    expect(four.statements).toBe(one.statements);
  });

  it('limits resolutions per address and per code, counted before the lookup (RATE_LIMITED)', async () => {
    const limited = await startTestGateway(MODULES, { database: t.database, clock, env: { TRUST_PROXY: 'loopback', SCENARIOS_QR_RESOLVES_PER_ADDRESS: '3', SCENARIOS_QR_RESOLVES_PER_CODE: '5', SCENARIOS_QR_RATE_WINDOW_SECONDS: '60' } });
    try {
      const from = (address: string): GraphQLClient => (query, variables) => limited.gql(query, variables, { 'x-forwarded-for': address });
      const a = from('203.0.113.10');
      const id = qrCodeSeedId('laojie-kitchen');
      const countOf = async () => (await db(`SELECT coalesce(sum(scans), 0)::int AS n FROM qr_code_scan_day WHERE qr_code_id = $1`, [id]))[0].n;
      const start = await countOf();
      for (let i = 0; i < 3; i++) expect((await a(RESOLVE, { code: code('laojie-kitchen') })).body.errors).toBeUndefined();
      const refused = await a(RESOLVE, { code: code('laojie-kitchen') });
      expect(errorOf(refused)?.['code']).toBe('RATE_LIMITED');
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBeTruthy();
      // The address is refused for any code, and its images too.
      expect(errorOf(await a(RESOLVE, { code: code('shunfa-grocery') }))?.['code']).toBe('RATE_LIMITED');
      expect((await fetch(`${limited.origin}/qr/${code('shunfa-grocery')}.svg`, { headers: { 'x-forwarded-for': '203.0.113.10' } })).status).toBe(429);
      // Per code: 5 per window from all addresses together (3 counted so far); other codes are not affected.
      expect((await from('203.0.113.11')(RESOLVE, { code: code('laojie-kitchen') })).body.errors).toBeUndefined();
      expect((await from('203.0.113.12')(RESOLVE, { code: code('laojie-kitchen') })).body.errors).toBeUndefined();
      const byCode = await from('203.0.113.13')(RESOLVE, { code: code('laojie-kitchen') });
      expect(errorOf(byCode)?.['code']).toBe('RATE_LIMITED');
      expect(byCode.body.errors![0]!.message).toMatch(/this QR code/);
      expect((await from('203.0.113.13')(RESOLVE, { code: code('laojie-restaurant') })).body.errors).toBeUndefined();
      // A missing code is limited like an existing one (probing does not tell them apart).
      const probe = (n: number) => from(`203.0.113.${20 + n}`)(RESOLVE, { code: 'ZZZZZZZZZZZZ' });
      for (let n = 0; n < 5; n++) expect(errorOf(await probe(n))?.['code']).toBe('NOT_FOUND');
      expect(errorOf(await probe(5))?.['code']).toBe('RATE_LIMITED');
      // Only the scans that resolved were counted.
      expect(await countOf()).toBe(start + 5);
    } finally {
      await limited.close();
    }
  });

  it('renders the code as SVG and PNG and a printable label; the plain route answers the resolution', async () => {
    const get = (path: string) => fetch(`${t.origin}${path}`, { headers: { 'x-forwarded-for': `192.0.2.${nextAddress++ % 250}` } });
    const svg = await get(`/qr/${code('laojie-kitchen')}.svg`);
    expect(svg.status).toBe(200);
    expect(svg.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect((await svg.text()).startsWith('<svg')).toBe(true);
    const png = await get(`/qr/${code('laojie-kitchen')}.png`);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect([...new Uint8Array(await png.arrayBuffer()).subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const label = await (await get(`/qr/${code('laojie-kitchen')}/label.svg`)).text();
    expect(label.startsWith('<svg')).toBe(true);
    expect(label).toContain('老街餐馆后厨');
    expect(label).toContain('安全隐患码上除');
    expect(label).toContain(code('laojie-kitchen').replace(/(.{4})(?!$)/g, '$1-'));
    const json = await get(`/qr/${code('laojie-kitchen')}`);
    expect(json.status).toBe(200);
    expect(((await json.json()) as any).data).toMatchObject({ code: code('laojie-kitchen'), kind: 'PLACE', placeName: '老街餐馆后厨', tip: { channel: 'QR_CODE', enterpriseId: org('ent-laojie-restaurant') } });
    expect((await get(`/qr/ZZZZZZZZZZZZ.svg`)).status).toBe(404);
    expect((await get(`/qr/not-a-code.png`)).status).toBe(400);
  });

  it('raises a SELF_CHECK hazard for each NOT_OK item in the same transaction, with one audit entry', async () => {
    const sinopec = client('sinopec-nanping');
    const qrCodeId = qrCodeSeedId('sinopec-nanping');
    const rateBefore = await indicator('scenarios.qr-self-check-rate');
    const hazardsBefore = (await db(`SELECT count(*)::int AS n FROM hazard WHERE organization_id = $1`, [org('ent-sinopec-nanping')]))[0].n;
    // Nothing half-written: a failure after the hazards (an upload that is not the caller's) leaves no hazard and no self-check.
    const failed = await mutation(sinopec, 'submitSelfCheck', 'SubmitSelfCheckInput', { qrCodeId, answers: answersFor(STATION_ITEMS, { STATIC_GROUNDING: '卸油区静电接地夹锈蚀，接触不良' }), attachmentIds: ['00000000-0000-4000-8000-00000000abcd'] }, 'id');
    expect(fieldsOf(failed)).toEqual([expect.objectContaining({ field: 'input.attachmentIds', rule: 'unclaimedUpload' })]);
    expect((await db(`SELECT count(*)::int AS n FROM hazard WHERE organization_id = $1`, [org('ent-sinopec-nanping')]))[0].n).toBe(hazardsBefore);

    const s = await mutated(sinopec, 'submitSelfCheck', 'SubmitSelfCheckInput', { qrCodeId, answers: answersFor(STATION_ITEMS, { STATIC_GROUNDING: '卸油区静电接地夹锈蚀，接触不良', NO_OPEN_FLAME: '站区东侧严禁烟火标志褪色' }) }, CHECK);
    expect(s).toMatchObject({ qrCodeId, enterpriseId: org('ent-sinopec-nanping'), periodMonth: '2026-12-01', notOkCount: 2 });
    expect(s.items.map((i: any) => [i.code, i.result])).toEqual(STATION_ITEMS.map((c) => [c, c === 'STATIC_GROUNDING' || c === 'NO_OPEN_FLAME' ? 'NOT_OK' : 'OK']));
    expect(s.hazards).toHaveLength(2);
    expect(s.hazards[0]).toMatchObject({ id: s.items[0].hazardId, source: 'SELF_CHECK', status: 'REPORTED', category: 'WORK_SAFETY', organizationId: org('ent-sinopec-nanping') });
    expect(s.hazards[1]).toMatchObject({ id: s.items[3].hazardId, source: 'SELF_CHECK', category: 'FIRE' });
    expect([s.items[0].hazard, s.items[1].hazard, s.items[3].hazard]).toEqual([{ id: s.items[0].hazardId }, null, { id: s.items[3].hazardId }]);
    // The account that submitted: hidden from the enterprise (it may not read accounts), read by the administrator.
    expect(s).toMatchObject({ submittedByUser: null, ruleVersion: { ruleCode: 'scenarios.qr-sector-lists' } });
    const byAdmin = await ok(client('admin'), `query($id: UUID!) { selfCheckSubmission(id: $id) { submittedByUser { username } } }`, { id: s.id });
    expect(byAdmin['selfCheckSubmission']).toEqual({ submittedByUser: { username: 'sinopec-nanping' } });
    expect(s.hazards[0].title).toMatch(/自查不合格：卸油静电接地装置完好/);
    expect((await db(`SELECT count(*)::int AS n FROM hazard WHERE organization_id = $1`, [org('ent-sinopec-nanping')]))[0].n).toBe(hazardsBefore + 2);
    expect(await db(`SELECT action FROM audit_log WHERE entity_type = 'SelfCheckSubmission' AND entity_id = $1`, [s.id])).toEqual([{ action: 'scenarios.self-check.submit' }]);
    const [event] = await db(`SELECT payload FROM event_outbox WHERE type = 'scenarios.self-check.submitted' AND payload->>'id' = $1`, [s.id]);
    expect(event.payload).toMatchObject({ qrCodeId, notOkCount: 2, hazardIds: [s.items[0].hazardId, s.items[3].hazardId] });
    // Once per code and month; the owner's form now says it is in; the indicator counts it.
    expect(fieldsOf(await mutation(sinopec, 'submitSelfCheck', 'SubmitSelfCheckInput', { qrCodeId, answers: answersFor(STATION_ITEMS) }, 'id'))).toEqual([expect.objectContaining({ field: 'input.periodMonth', rule: 'unique' })]);
    expect((await resolved(code('sinopec-nanping'), sinopec)).selfCheck.submitted).toBe(true);
    expect(await indicator('scenarios.qr-self-check-rate')).toEqual({ numerator: rateBefore.numerator + 1, denominator: rateBefore.denominator });
    // The seeded history raised its hazards too.
    const seeded = (await ok(office(), `query($id: UUID!) { selfCheckSubmission(id: $id) { ${CHECK} } }`, { id: selfCheckSeedId('qingshan-farmstay', '2026-11') }))['selfCheckSubmission'];
    expect(seeded).toMatchObject({ periodMonth: '2026-11-01', notOkCount: 2 });
    expect(seeded.hazards.map((h: any) => h.source)).toEqual(['SELF_CHECK', 'SELF_CHECK']);
  });

  it('keeps codes and self-checks within scope: an enterprise its own, a village its subtree; out of reach answers NOT_FOUND', async () => {
    const sinopec = client('sinopec-nanping');
    const mine = (await ok(sinopec, `{ qrCodes(first: 100) { edges { node { enterpriseId } } } }`))['qrCodes'].edges.map((e: any) => e.node.enterpriseId);
    expect(mine.length).toBeGreaterThan(0);
    expect(new Set(mine)).toEqual(new Set([org('ent-sinopec-nanping')]));
    expect((await ok(sinopec, `query($id: UUID!) { qrCode(id: $id) { id } }`, { id: qrCodeSeedId('laojie-restaurant') }))['qrCode']).toBeNull();
    expect(errorOf(await mutation(sinopec, 'issueQrCode', 'IssueQrCodeInput', { kind: 'PLACE', enterpriseId: org('ent-laojie-restaurant'), placeName: '越权测试' }, 'id'))).toMatchObject({ code: 'NOT_FOUND', field: 'input.enterpriseId' });
    expect(errorOf(await mutation(sinopec, 'submitSelfCheck', 'SubmitSelfCheckInput', { qrCodeId: qrCodeSeedId('laojie-restaurant'), answers: [{ code: 'WIRING', result: 'OK' }] }, 'id'))).toMatchObject({ code: 'NOT_FOUND', field: 'input.qrCodeId' });
    expect(errorOf(await mutation(sinopec, 'revokeQrCode', 'RevokeQrCodeInput', { id: qrCodeSeedId('laojie-restaurant'), version: 1, reason: '越权测试' }, 'id'))).toMatchObject({ code: 'NOT_FOUND' });
    const ownChecks = (await ok(sinopec, `{ selfCheckSubmissions(first: 100) { edges { node { enterpriseId } } } }`))['selfCheckSubmissions'].edges.map((e: any) => e.node.enterpriseId);
    expect(new Set(ownChecks)).toEqual(new Set([org('ent-sinopec-nanping')]));
    // 文凤村 manages the codes of its subtree (青山农家乐, its activity centre), not the town centre's.
    const village = (await ok(client('wenfeng'), `{ qrCodes(first: 100) { edges { node { id } } } }`))['qrCodes'].edges.map((e: any) => e.node.id);
    expect(village).toEqual(expect.arrayContaining([qrCodeSeedId('qingshan-farmstay'), qrCodeSeedId('wenfeng-activity-centre')]));
    expect(village).not.toContain(qrCodeSeedId('laojie-restaurant'));
    // Departments and inspectors read self-checks, but manage no codes.
    expect(errorOf(await client('jingfa')(`{ qrCodes(first: 1) { totalCount } }`))).toMatchObject({ code: 'FORBIDDEN' });
    expect((await ok(client('zhifa'), `{ selfCheckSubmissions(first: 1) { totalCount } }`))['selfCheckSubmissions'].totalCount).toBeGreaterThanOrEqual(9);
  });

  it('issues, corrects and revokes codes; a revoked code resolves like one that never existed', async () => {
    const staff = office();
    const grocery = await orgRow(org('ent-wanjiafu-grocery'));
    const issued = await mutated(staff, 'issueQrCode', 'IssueQrCodeInput', { kind: 'ENTERPRISE', enterpriseId: org('ent-wanjiafu-grocery') }, QR);
    expect(issued).toMatchObject({ kind: 'ENTERPRISE', status: 'ACTIVE', enterpriseId: org('ent-wanjiafu-grocery'), organizationId: org('ent-wanjiafu-grocery'), placeName: grocery.shortName ?? grocery.name, sectorCode: 'TRADE', imagePath: `/qr/${issued.code}.svg` });
    expect(issued.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
    // The audit entry never holds the code (the key to the place).
    const [entry] = await db(`SELECT changes FROM audit_log WHERE entity_id = $1 AND action = 'scenarios.qr-code.issue'`, [issued.id]);
    expect(JSON.stringify(entry.changes)).not.toContain(issued.code);
    expect(fieldsOf(await mutation(staff, 'issueQrCode', 'IssueQrCodeInput', { kind: 'ENTERPRISE', enterpriseId: org('ent-wanjiafu-grocery') }, 'id'))).toEqual([expect.objectContaining({ field: 'input.enterpriseId', rule: 'unique' })]);
    const updated = await mutated(staff, 'updateQrCode', 'UpdateQrCodeInput', { id: issued.id, version: issued.version, placeName: '万家福超市收银台', location: { longitude: 107.101, latitude: 29.151 } }, QR);
    expect(updated).toMatchObject({ placeName: '万家福超市收银台', version: issued.version + 1, location: { longitude: 107.101, latitude: 29.151 } });
    expect(errorOf(await mutation(staff, 'updateQrCode', 'UpdateQrCodeInput', { id: issued.id, version: issued.version, placeName: '过期版本' }, 'id'))).toMatchObject({ code: 'CONFLICT' });
    expect((await resolved(issued.code)).placeName).toBe('万家福超市收银台');
    const revoked = await mutated(staff, 'revokeQrCode', 'RevokeQrCodeInput', { id: issued.id, version: updated.version, reason: '标签损毁' }, QR);
    expect(revoked).toMatchObject({ status: 'REVOKED', revocationReason: '标签损毁', revokedAt: NOW.toISOString() });
    const gone = await resolve(issued.code);
    const missing = await resolve('ZZZZ-ZZZZ-ZZZZ');
    const answer = (res: GraphQLResponse, c: string) => JSON.stringify(res.body).split(c).join('<code>');
    expect(errorOf(gone)).toMatchObject({ code: 'NOT_FOUND', field: 'code' });
    expect(answer(gone, issued.code)).toBe(answer(missing, 'ZZZZZZZZZZZZ'));
    expect(fieldsOf(await mutation(staff, 'revokeQrCode', 'RevokeQrCodeInput', { id: issued.id, version: revoked.version, reason: '再次作废' }, 'id'))).toEqual([expect.objectContaining({ field: 'input.id', rule: 'state' })]);
    // Revoked, a new enterprise code may be issued; a village officer issues one for a public place of its own.
    expect((await mutated(staff, 'issueQrCode', 'IssueQrCodeInput', { kind: 'ENTERPRISE', enterpriseId: org('ent-wanjiafu-grocery') }, 'status')).status).toBe('ACTIVE');
    const place = await mutated(client('wenfeng'), 'issueQrCode', 'IssueQrCodeInput', { kind: 'PLACE', organizationId: org('village-wenfeng'), placeName: '文凤村老年活动室', sectorCode: 'CROWDED_PLACES' }, QR);
    expect(place).toMatchObject({ enterpriseId: null, organizationId: org('village-wenfeng'), sectorCode: 'CROWDED_PLACES' });
  });

  it('answers bad input with BAD_USER_INPUT naming the field and the rule', async () => {
    const staff = office();
    const issue = (input: Record<string, unknown>) => mutation(staff, 'issueQrCode', 'IssueQrCodeInput', input, 'id');
    expect(fieldsOf(await resolve('ABC'))).toEqual([expect.objectContaining({ field: 'code', rule: 'qrCode' })]);
    expect(fieldsOf(await resolve('U'.repeat(12)))).toEqual([expect.objectContaining({ field: 'code', rule: 'qrCode' })]);
    expect(fieldsOf(await issue({ kind: 'ENTERPRISE' }))).toEqual([expect.objectContaining({ field: 'input.enterpriseId', rule: 'required' })]);
    expect(fieldsOf(await issue({ kind: 'PLACE', organizationId: org('village-wenfeng') }))).toEqual([expect.objectContaining({ field: 'input.placeName', rule: 'required' })]);
    expect(fieldsOf(await issue({ kind: 'PLACE', enterpriseId: org('village-wenfeng'), placeName: '某处' }))).toEqual([expect.objectContaining({ field: 'input.enterpriseId', rule: 'organizationKind' })]);
    expect(fieldsOf(await issue({ kind: 'PLACE', organizationId: org('ent-shunfa-grocery'), placeName: '某处' }))).toEqual([expect.objectContaining({ field: 'input.organizationId', rule: 'organizationKind' })]);
    expect(fieldsOf(await issue({ kind: 'PLACE', enterpriseId: org('ent-shunfa-grocery'), placeName: '仓库', sectorCode: 'NO_SUCH_SECTOR' }))).toEqual([expect.objectContaining({ field: 'input.sectorCode', rule: 'exists' })]);
    expect(fieldsOf(await issue({ kind: 'PLACE', enterpriseId: org('ent-shunfa-grocery'), placeName: '仓库', sectorCode: 'lower' }))).toEqual([expect.objectContaining({ field: 'input.sectorCode' })]);
    const submit = (input: Record<string, unknown>) => mutation(staff, 'submitSelfCheck', 'SubmitSelfCheckInput', { qrCodeId: qrCodeSeedId('shunfa-grocery'), ...input }, 'id');
    const trade = ['FIRE_EXTINGUISHER', 'ESCAPE_ROUTE', 'EMERGENCY_LIGHTING', 'WIRING', 'EBIKE_CHARGING', 'NO_LIVING', 'STRUCTURE', 'HAZARDOUS_GOODS'];
    expect(fieldsOf(await submit({ answers: answersFor(trade.slice(1)) }))).toEqual([expect.objectContaining({ field: 'input.answers', rule: 'selfCheckItems' })]);
    expect(fieldsOf(await submit({ answers: [...answersFor(trade), { code: 'GAS_HOSE', result: 'OK' }] }))).toEqual([expect.objectContaining({ field: 'input.answers.8.code', rule: 'selfCheckItems' })]);
    expect(fieldsOf(await submit({ answers: [...answersFor(trade), { code: 'WIRING', result: 'OK' }] }))).toEqual([expect.objectContaining({ field: 'input.answers.8.code', rule: 'unique' })]);
    expect(fieldsOf(await submit({ answers: [{ code: 'FIRE_EXTINGUISHER', result: 'NOT_OK' }, ...answersFor(trade.slice(1))] }))).toEqual([expect.objectContaining({ field: 'input.answers.0.note', rule: 'required' })]);
    expect(fieldsOf(await submit({ periodMonth: '2027-01-01', answers: answersFor(trade) }))).toEqual([expect.objectContaining({ field: 'input.periodMonth', rule: 'notFuture' })]);
    expect(fieldsOf(await submit({ periodMonth: '2026-11-15', answers: answersFor(trade) }))).toEqual([expect.objectContaining({ field: 'input.periodMonth', rule: 'unique' })]);
    expect(fieldsOf(await submit({ qrCodeId: qrCodeSeedId('wenfeng-activity-centre'), answers: answersFor(trade) }))).toEqual([expect.objectContaining({ field: 'input.qrCodeId', rule: 'selfCheckOwner' })]);
    const scans = await staff(`query($id: UUID!) { qrCode(id: $id) { scanCount(from: "2026-12-07", to: "2026-12-01") } }`, { id: qrCodeSeedId('shunfa-grocery') });
    expect(fieldsOf(scans)).toEqual([expect.objectContaining({ field: 'from', rule: 'range' })]);
    const long = await staff(`query($id: UUID!) { qrCode(id: $id) { scanCount(from: "2025-01-01", to: "2026-12-01") } }`, { id: qrCodeSeedId('shunfa-grocery') });
    expect(fieldsOf(long)).toEqual([expect.objectContaining({ field: 'from', rule: 'range' })]);
  });

  it('seeds idempotently: a second run adds no code, self-check, scan or hazard', async () => {
    const log = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined, trace: () => undefined, child: () => log };
    const seed = () => seedQrCodes(new RequestContext({ requestId: 'seed-qr-codes-test', principal: SYSTEM, dataSource: t.gateway.database.dataSource, events: new InProcessEventBus(), log: log as never, clock }));
    const counts = async () =>
      (await db(`SELECT (SELECT count(*) FROM qr_code)::int AS codes, (SELECT count(*) FROM qr_self_check)::int AS checks, (SELECT coalesce(sum(scans), 0) FROM qr_code_scan_day WHERE day <= '2026-11-28')::int AS scans,
        (SELECT count(*) FROM hazard WHERE source = 'SELF_CHECK')::int AS hazards`))[0];
    const before = await counts();
    expect(before.checks).toBeGreaterThanOrEqual(10);
    await seed();
    await seed();
    expect(await counts()).toEqual(before);
    // Nothing seeded is dated after the README's instant (2026-11-29 10:00 China time).
    const [latest] = await db(`SELECT max(created_at) AS codes, (SELECT max(submitted_at) FROM qr_self_check WHERE id = ANY($1)) AS checks FROM qr_code WHERE id = ANY($2)`, [
      QR_CODE_SEED.flatMap((c) => (c.selfChecks ?? []).map((m) => selfCheckSeedId(c.key, m.month))),
      QR_CODE_SEED.map((c) => qrCodeSeedId(c.key)),
    ]);
    expect(new Date(latest.codes).getTime()).toBeLessThanOrEqual(new Date('2026-11-29T10:00:00+08:00').getTime());
    expect(new Date(latest.checks).getTime()).toBeLessThanOrEqual(new Date('2026-11-29T10:00:00+08:00').getTime());
  });

  it('pages codes and self-checks losslessly with page size 1 in both directions, ties on equal timestamps', async () => {
    // Codes sharing their issue instant: the id breaks the tie.
    await db(`UPDATE qr_code SET created_at = '2026-11-20T02:00:00Z' WHERE id = ANY($1)`, [QR_CODE_SEED.map((s) => qrCodeSeedId(s.key))]);
    const staff = office();
    const total = (await ok(staff, `{ qrCodes(first: 1) { totalCount } }`))['qrCodes'].totalCount;
    expect(total).toBeGreaterThanOrEqual(QR_CODE_SEED.length);
    await expectPagedCompletely(staff, `query(${PAGE_VARS}) { qrCodes(${PAGE_ARGS}) { ${walkedPage()} } }`, {}, ['qrCodes'], 1, total);
    await expectPagedCompletely(staff, `query(${PAGE_VARS}) { qrCodes(orderBy: [{ field: PLACE_NAME }], ${PAGE_ARGS}) { ${walkedPage()} } }`, {}, ['qrCodes'], 1, total);
    // Self-checks of one month (several share 2026-11-01).
    const november = (await ok(staff, `{ selfCheckSubmissions(first: 100) { edges { node { periodMonth } } } }`))['selfCheckSubmissions'].edges.filter((e: any) => e.node.periodMonth === '2026-11-01');
    expect(november.length).toBeGreaterThanOrEqual(4);
    const checks = (await ok(staff, `{ selfCheckSubmissions(first: 1) { totalCount } }`))['selfCheckSubmissions'].totalCount;
    await expectPagedCompletely(staff, `query(${PAGE_VARS}) { selfCheckSubmissions(${PAGE_ARGS}) { ${walkedPage()} } }`, {}, ['selfCheckSubmissions'], 1, checks);
    // A code's nested self-checks, the latest month first.
    const nested = (await ok(staff, `query($id: UUID!) { qrCode(id: $id) { selfChecks(first: 10) { totalCount edges { node { periodMonth } } } } }`, { id: qrCodeSeedId('laojie-restaurant') }))['qrCode'].selfChecks;
    expect(nested.edges.map((e: any) => e.node.periodMonth)).toEqual(['2026-11-01', '2026-10-01', '2026-09-01']);
  });
});
