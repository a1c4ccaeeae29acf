import { createHash } from 'node:crypto';
import { seedId } from '@platform/directory';
import { startTestGateway, type GraphQLClient, type TestGateway } from '@platform/testing';
import { hashTipSecret } from '../src/tips/public';
import { open311Answer, roundCoordinate, parseOpen311DateTime, open311DateTime } from '../src/open311/public';
import { MODULES } from './support';

/** The spec's fields of a request (its sample responses of GET requests), in its order: nothing else, never a reporter's. */
const REQUEST_KEYS = [
  'service_request_id',
  'status',
  'status_notes',
  'service_name',
  'service_code',
  'description',
  'agency_responsible',
  'service_notice',
  'requested_datetime',
  'updated_datetime',
  'expected_datetime',
  'address',
  'address_id',
  'zipcode',
  'lat',
  'long',
  'media_url',
];
/** The spec's fields of a service (GET services). */
const SERVICE_KEYS = ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group'];
/** The spec's fields of an attribute of a service definition. */
const ATTRIBUTE_KEYS = ['variable', 'code', 'datatype', 'required', 'datatype_description', 'order', 'description'];
/** W3C date-time with the +08:00 offset and whole seconds (the spec's samples: 2010-04-14T06:37:38-08:00). */
const W3C = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;

const TOWN = seedId('org:town');
const WENFENG = seedId('org:village-wenfeng');
const at = (local: string): Date => new Date(`${local}+08:00`);

interface Fixture {
  code: string;
  category: string;
  status: string;
  outcome?: string;
  receivedAt: string;
  accepted?: boolean;
  closedAt?: string;
  reporterKind?: 'ANONYMOUS' | 'NAMED' | 'EMPLOYEE';
  assigned?: 'village' | 'enterprise';
  duplicateOf?: string;
  location?: [number, number];
  handleDueAt?: string;
}

/**
 * Tips of spring 2024, far from the seeded ones (2025–2026), written in SQL: the view is read-only,
 * and these states need no workflow to reach. Codes JB-2024-9000xx are outside any yearly sequence.
 */
const FIXTURES: Record<string, Fixture> = {
  accepted: { code: 'JB-2024-900001', category: 'HAZARD', status: 'ACCEPTED', receivedAt: '2024-03-10T09:30:00', accepted: true, reporterKind: 'NAMED', location: [107.0675, 29.0455], handleDueAt: '2024-04-09T17:30:00' },
  waiting: { code: 'JB-2024-900002', category: 'FIRE_SAFETY', status: 'RECEIVED', receivedAt: '2024-03-20T20:00:00', location: [-0.0004, -0.00051] },
  fixed: { code: 'JB-2024-900003', category: 'ILLEGAL_OPERATION', status: 'CLOSED', outcome: 'FIXED', receivedAt: '2024-04-01T08:00:00', accepted: true, closedAt: '2024-04-25T16:00:00', assigned: 'village' },
  rejected: { code: 'JB-2024-900004', category: 'OTHER', status: 'REJECTED', outcome: 'REJECTED', receivedAt: '2024-04-10T11:00:00', closedAt: '2024-04-11T09:00:00' },
  employee: { code: 'JB-2024-900005', category: 'HAZARD', status: 'ACCEPTED', receivedAt: '2024-04-15T10:00:00', accepted: true, reporterKind: 'EMPLOYEE' },
  duplicate: { code: 'JB-2024-900006', category: 'HAZARD', status: 'CLOSED', outcome: 'DUPLICATE', receivedAt: '2024-05-01T10:00:00', accepted: true, closedAt: '2024-05-02T10:00:00', duplicateOf: 'accepted' },
  atEnterprise: { code: 'JB-2024-900007', category: 'MAJOR_HAZARD', status: 'ASSIGNED', receivedAt: '2024-05-10T10:00:00', accepted: true, assigned: 'enterprise' },
  later: { code: 'JB-2024-900008', category: 'HAZARD', status: 'RECEIVED', receivedAt: '2024-08-01T10:00:00' },
};
/** The reporter of the named fixture: never in any answer. */
const REPORTER = { name: '赵六', phone: '13800000000', contact: 'zhaoliu@example.cn' };

interface Open311Answer {
  status: number;
  type: string | null;
  body: any;
  text: string;
}

describe('Open311 GeoReport v2 view', () => {
  let t: TestGateway;
  let admin: GraphQLClient;
  let posterKey: string;
  let readerKey: string;
  let enterpriseName: string;
  const sql = <R = any>(text: string, params: unknown[] = []): Promise<R[]> => t.gateway.database.dataSource.query(text, params);
  const get = async (path: string, headers: Record<string, string> = {}, origin = () => t.origin): Promise<Open311Answer> => {
    const res = await fetch(`${origin()}/open311/v2${path}`, { headers });
    const text = await res.text();
    return { status: res.status, type: res.headers.get('content-type'), text, body: res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
  };
  const post = async (path: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Open311Answer> => {
    const res = await fetch(`${t.origin}/open311/v2${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', ...headers }, body: new URLSearchParams(fields).toString() });
    const text = await res.text();
    return { status: res.status, type: res.headers.get('content-type'), text, body: res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
  };
  const codesOf = (answer: Open311Answer): string[] => answer.body.map((r: { service_request_id: string }) => r.service_request_id);
  const SPRING = 'start_date=2024-03-01T00:00:00%2B08:00&end_date=2024-05-30T00:00:00%2B08:00';

  beforeAll(async () => {
    t = await startTestGateway(MODULES, { seed: true });
    admin = await t.as('admin');
    const [enterprise] = await sql<{ id: string; name: string }>(`SELECT id, name FROM organization WHERE kind = 'ENTERPRISE' ORDER BY id LIMIT 1`);
    enterpriseName = enterprise!.name;
    const ids = new Map<string, string>();
    for (const [key, f] of Object.entries(FIXTURES)) {
      const named = f.reporterKind === 'NAMED' || f.reporterKind === 'EMPLOYEE';
      const [row] = await sql<{ id: string }>(
        `INSERT INTO tip (code, secret_hash, channel, category, title, description, organization_id, address, longitude, latitude, reporter_kind, reporter_name, reporter_phone, reporter_contact,
           reporter_access_expires_at, received_at, status, outcome, accepted_at, closed_at, assigned_organization_id, duplicate_of_id, handle_due_at, updated_at)
         VALUES ($1, $2, 'ONLINE', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, now() + interval '90 days', $14, $15, $16, $17, $18, $19, $20, $21, $22) RETURNING id`,
        [
          f.code,
          createHash('sha256').update(key).digest('hex'),
          f.category,
          `${key} 标题`,
          `${key}：文凤村二组某厂房安全通道堵塞，消防器材过期。`,
          f.assigned === 'enterprise' ? enterprise!.id : WENFENG,
          `文凤村二组 ${key}`,
          f.location?.[0] ?? null,
          f.location?.[1] ?? null,
          f.reporterKind ?? 'ANONYMOUS',
          named ? REPORTER.name : null,
          named ? REPORTER.phone : null,
          named ? REPORTER.contact : null,
          at(f.receivedAt),
          f.status,
          f.outcome ?? null,
          f.accepted ? new Date(at(f.receivedAt).getTime() + 3_600_000) : null,
          f.closedAt ? at(f.closedAt) : null,
          f.assigned === 'village' ? WENFENG : f.assigned === 'enterprise' ? enterprise!.id : null,
          f.duplicateOf ? ids.get(f.duplicateOf) : null,
          f.handleDueAt ? at(f.handleDueAt) : null,
          at(f.closedAt ?? f.receivedAt),
        ],
      );
      ids.set(key, row!.id);
    }
    // An API client holding only reporting.tip:submit (a custom role), and one holding no submit at all.
    const role = (await admin(`mutation { createRole(input: { code: "open311-poster", nameZh: "Open311接入", description: "Posts Open311 requests." }) { id } }`)).body.data!['createRole'].id;
    await admin(`mutation($r: UUID!) { grantPermission(input: { roleId: $r, permission: "reporting.tip:submit", scope: ALL }) { id } }`, { r: role });
    posterKey = (await admin(`mutation($r: UUID!, $o: UUID!) { createApiClient(input: { name: "区12345平台", roleId: $r, organizationId: $o }) { key } }`, { r: role, o: TOWN })).body.data!['createApiClient'].key;
    const roles = (await admin(`{ roles(first: 100) { edges { node { id code } } } }`)).body.data!['roles'].edges.map((e: { node: { id: string; code: string } }) => e.node);
    const readonly = roles.find((r: { code: string }) => r.code === 'integration-readonly').id;
    readerKey = (await admin(`mutation($r: UUID!, $o: UUID!) { createApiClient(input: { name: "只读对接", roleId: $r, organizationId: $o }) { key } }`, { r: readonly, o: TOWN })).body.data!['createApiClient'].key;
  });
  afterAll(() => t?.close());

  describe('GET services', () => {
    it('lists one realtime service per tip category with exactly the spec\'s fields, the same without an extension', async () => {
      const answer = await get('/services.json');
      expect(answer.status).toBe(200);
      expect(answer.type).toBe('application/json; charset=utf-8');
      expect(answer.body.map((s: Record<string, unknown>) => s['service_code'])).toEqual(['major-hazard', 'hazard', 'illegal-operation', 'concealed-accident', 'fire-safety', 'other']);
      for (const service of answer.body) expect(Object.keys(service)).toEqual(SERVICE_KEYS);
      expect(answer.body[4]).toMatchObject({ service_code: 'fire-safety', service_name: '消防安全隐患', metadata: false, type: 'realtime', group: '消防安全' });
      expect(answer.body[4].keywords).toMatch(/^[^,]+(,[^,]+)+$/);
      expect((await get('/services')).text).toBe(answer.text);
    });

    it('is public: anonymous, staff and API clients read the same list', async () => {
      const anonymous = await get('/services.json');
      expect((await get('/services.json', { authorization: `Bearer ${await t.token('wenfeng')}` })).text).toBe(anonymous.text);
      expect((await get('/services.json', { 'x-api-key': readerKey })).text).toBe(anonymous.text);
    });

    it('defines a service: its optional attributes (involves_deaths, reported_deaths) in the spec\'s shape; an unknown code is the spec\'s 404', async () => {
      const answer = await get('/services/concealed-accident.json');
      expect(answer.status).toBe(200);
      expect(Object.keys(answer.body)).toEqual(['service_code', 'attributes']);
      expect(answer.body.service_code).toBe('concealed-accident');
      expect(answer.body.attributes.map((a: { code: string }) => a.code)).toEqual(['involves_deaths', 'reported_deaths']);
      expect(Object.keys(answer.body.attributes[0])).toEqual([...ATTRIBUTE_KEYS, 'values']);
      expect(Object.keys(answer.body.attributes[1])).toEqual(ATTRIBUTE_KEYS);
      expect(answer.body.attributes[0]).toMatchObject({ variable: true, datatype: 'singlevaluelist', required: false, order: 1, values: [{ key: 'false', name: '否' }, { key: 'true', name: '是' }] });
      expect(answer.body.attributes[1]).toMatchObject({ datatype: 'number', required: false, order: 2 });
      expect((await get('/services/concealed-accident')).text).toBe(answer.text);
      const missing = await get('/services/potholes.json');
      expect(missing.status).toBe(404);
      expect(missing.body).toEqual([{ code: 404, description: 'service_code potholes was not found.' }]);
      expect((await get('/services/hazard.csv')).status).toBe(404);
    });

    it('has the Service Discovery document: the endpoint under the address the client used, its formats, contact and how to get a key', async () => {
      const answer = await get('/../discovery.json');
      expect(answer.status).toBe(200);
      expect(Object.keys(answer.body)).toEqual(['changeset', 'contact', 'key_service', 'endpoints']);
      expect(answer.body.changeset).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
      expect(answer.body.endpoints).toEqual([{ specification: 'http://wiki.open311.org/GeoReport_v2', url: `${t.origin}/open311/v2`, changeset: answer.body.changeset, type: 'production', formats: ['text/xml', 'application/json'] }]);
      expect(answer.body.contact).toContain('南平镇人民政府');
      const xml = await get('/../discovery.xml');
      expect(xml.text).toContain(`<endpoints><endpoint><specification>http://wiki.open311.org/GeoReport_v2</specification><url>${t.origin}/open311/v2</url>`);
      expect(xml.text).toContain('<formats><format>text/xml</format><format>application/json</format></formats>');
    });

    it('answers XML too, schemaless, with the XML declaration (the spec\'s required format)', async () => {
      const answer = await get('/services.xml');
      expect(answer.status).toBe(200);
      expect(answer.type).toBe('text/xml; charset=utf-8');
      expect(answer.text.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<services><service><service_code>major-hazard</service_code><service_name>重大事故隐患</service_name>')).toBe(true);
      expect(answer.text.match(/<service>/g)).toHaveLength(6);
      const definition = await get('/services/hazard.xml');
      expect(definition.text).toContain('<service_definition><service_code>hazard</service_code><attributes><attribute><variable>true</variable><code>involves_deaths</code>');
      expect(definition.text).toContain('<values><value><key>false</key><name>否</name></value>');
      expect(definition.text).toContain('<datatype_description/>');
      const missing = await get('/services/potholes.xml');
      expect(missing.status).toBe(404);
      expect(missing.text).toBe('<?xml version="1.0" encoding="utf-8"?>\n<errors><error><code>404</code><description>service_code potholes was not found.</description></error></errors>');
    });
  });

  describe('GET requests', () => {
    it('answers the tips of the span newest first, each with exactly the spec\'s fields; employees\' own tips are never in the feed', async () => {
      const answer = await get(`/requests.json?${SPRING}`);
      expect(answer.status).toBe(200);
      expect(codesOf(answer)).toEqual([FIXTURES['atEnterprise']!.code, FIXTURES['duplicate']!.code, FIXTURES['rejected']!.code, FIXTURES['fixed']!.code, FIXTURES['waiting']!.code, FIXTURES['accepted']!.code]);
      for (const request of answer.body) {
        expect(Object.keys(request)).toEqual(REQUEST_KEYS);
        expect(request.requested_datetime).toMatch(W3C);
        expect(request.updated_datetime).toMatch(W3C);
        expect(request.service_notice).toBeNull();
        expect(request.media_url).toBeNull();
      }
      expect((await get(`/requests?${SPRING}`)).text).toBe(answer.text);
    });

    it('maps a tip field by field: status, note, service, agency, times in +08:00, rounded WGS 84 location', async () => {
      const [accepted] = (await get(`/requests/${FIXTURES['accepted']!.code}.json`)).body;
      expect(accepted).toEqual({
        service_request_id: 'JB-2024-900001',
        status: 'open',
        status_notes: '已受理，正在分派办理。',
        service_name: '一般事故隐患',
        service_code: 'hazard',
        description: 'accepted：文凤村二组某厂房安全通道堵塞，消防器材过期。',
        agency_responsible: '南平镇人民政府',
        service_notice: null,
        requested_datetime: '2024-03-10T09:30:00+08:00',
        updated_datetime: '2024-03-10T09:30:00+08:00',
        expected_datetime: '2024-04-09T17:30:00+08:00',
        address: '文凤村二组 accepted',
        address_id: null,
        zipcode: null,
        lat: 29.046,
        long: 107.068,
        media_url: null,
      });
    });

    it('closes rejected, duplicate and fixed tips with their notes; the date a closed request changed is when it closed', async () => {
      const byCode = new Map<string, any>((await get(`/requests.json?${SPRING}`)).body.map((r: { service_request_id: string }) => [r.service_request_id, r]));
      expect(byCode.get(FIXTURES['fixed']!.code)).toMatchObject({ status: 'closed', status_notes: '已办结：隐患已整改销号。', updated_datetime: '2024-04-25T16:00:00+08:00' });
      const [village] = await sql<{ name: string }>(`SELECT name FROM organization WHERE id = $1`, [WENFENG]);
      expect(byCode.get(FIXTURES['fixed']!.code).agency_responsible).toBe(village!.name);
      expect(byCode.get(FIXTURES['duplicate']!.code)).toMatchObject({ status: 'closed', status_notes: '已办结：与其他举报为同一事项，合并办理。' });
      expect(byCode.get(FIXTURES['rejected']!.code)).toMatchObject({ status: 'closed', status_notes: '不予受理。', updated_datetime: '2024-04-11T09:00:00+08:00' });
      // Assigned to an enterprise (whom the tip may be about): the agency shown is the town, never the enterprise.
      expect(byCode.get(FIXTURES['atEnterprise']!.code).agency_responsible).toBe('南平镇人民政府');
      expect(JSON.stringify([...byCode.values()])).not.toContain(enterpriseName);
    });

    it('shows the reporter\'s words only once the office accepted the tip (not while waiting, not when rejected)', async () => {
      const byCode = new Map<string, any>((await get(`/requests.json?${SPRING}`)).body.map((r: { service_request_id: string }) => [r.service_request_id, r]));
      expect(byCode.get(FIXTURES['waiting']!.code)).toMatchObject({ description: null, address: null, status: 'open', status_notes: '已收到，待受理。' });
      expect(byCode.get(FIXTURES['rejected']!.code)).toMatchObject({ description: null, address: null });
      expect(byCode.get(FIXTURES['fixed']!.code).description).toContain('fixed：');
    });

    it('never carries a reporter field: no reporter key, and no reporter name, phone or contact anywhere in the JSON or XML', async () => {
      for (const path of [`/requests.json?${SPRING}`, `/requests.xml?${SPRING}`, `/requests/${FIXTURES['accepted']!.code}.json`, `/requests/${FIXTURES['accepted']!.code}.xml`]) {
        const answer = await get(path);
        expect(answer.status).toBe(200);
        for (const secret of [REPORTER.name, REPORTER.phone, REPORTER.contact, 'reporter', 'secret', 'first_name', 'last_name', 'email', 'phone']) expect(answer.text).not.toContain(secret);
      }
      const employee = await get(`/requests/${FIXTURES['employee']!.code}.json`);
      expect(employee.status).toBe(404);
    });

    it('rounds locations half away from zero to OPEN311_LOCATION_DECIMALS (3 by default; 2 on another gateway)', async () => {
      const [waiting] = (await get(`/requests/${FIXTURES['waiting']!.code}.json`)).body;
      expect([waiting.lat, waiting.long]).toEqual([-0.001, 0]);
      const coarse = await startTestGateway(MODULES, { database: t.database, env: { OPEN311_LOCATION_DECIMALS: '2' } });
      try {
        const [accepted] = (await get(`/requests/${FIXTURES['accepted']!.code}.json`, {}, () => new URL(coarse.gateway.url).origin)).body;
        expect([accepted.lat, accepted.long]).toEqual([29.05, 107.07]);
      } finally {
        await coarse.close();
      }
    });

    it('filters by status (open, closed, or both) and by service_code (comma lists)', async () => {
      expect(codesOf(await get(`/requests.json?${SPRING}&status=open`))).toEqual([FIXTURES['atEnterprise']!.code, FIXTURES['waiting']!.code, FIXTURES['accepted']!.code]);
      expect(codesOf(await get(`/requests.json?${SPRING}&status=closed`))).toEqual([FIXTURES['duplicate']!.code, FIXTURES['rejected']!.code, FIXTURES['fixed']!.code]);
      expect(codesOf(await get(`/requests.json?${SPRING}&status=open,closed`))).toHaveLength(6);
      for (const request of (await get(`/requests.json?${SPRING}&status=open`)).body) expect(request.status).toBe('open');
      expect(codesOf(await get(`/requests.json?${SPRING}&service_code=hazard`))).toEqual([FIXTURES['duplicate']!.code, FIXTURES['accepted']!.code]);
      expect(codesOf(await get(`/requests.json?${SPRING}&service_code=hazard,fire-safety&status=open`))).toEqual([FIXTURES['waiting']!.code, FIXTURES['accepted']!.code]);
    });

    it('lets service_request_id override every other argument (a comma list; unknown and hidden ids are left out)', async () => {
      const ids = [FIXTURES['accepted']!.code, FIXTURES['later']!.code, FIXTURES['employee']!.code, 'JB-2024-999999'].join(',');
      const answer = await get(`/requests.json?service_request_id=${ids}&status=closed&service_code=fire-safety&start_date=2020-01-01T00:00:00Z&end_date=2020-01-02T00:00:00Z`);
      expect(answer.status).toBe(200);
      expect(codesOf(answer)).toEqual([FIXTURES['later']!.code, FIXTURES['accepted']!.code]);
      expect(codesOf(await get(`/requests.json?service_request_id=${FIXTURES['accepted']!.code.toLowerCase()}`))).toEqual([FIXTURES['accepted']!.code]);
    });

    it('refuses a span over 90 days with the spec\'s error array; exactly 90 days is allowed; one date alone means the 90 days from or to it', async () => {
      const over = await get('/requests.json?start_date=2024-03-01T00:00:00Z&end_date=2024-05-30T00:00:01Z');
      expect(over.status).toBe(400);
      expect(over.body).toEqual([{ code: 400, description: 'start_date and end_date may not span more than 90 days.' }]);
      expect((await get('/requests.json?start_date=2024-03-01T00:00:00Z&end_date=2024-05-30T00:00:00Z')).status).toBe(200);
      // From 2024-03-15 (Beijing): 90 days reach 2024-06-13, so the later tip (August) is out and the first (March 10) too.
      expect(codesOf(await get('/requests.json?start_date=2024-03-15'))).toEqual([FIXTURES['atEnterprise']!.code, FIXTURES['duplicate']!.code, FIXTURES['rejected']!.code, FIXTURES['fixed']!.code, FIXTURES['waiting']!.code]);
      expect(codesOf(await get('/requests.json?end_date=2024-08-02T00:00:00%2B08:00'))).toEqual([FIXTURES['later']!.code, FIXTURES['atEnterprise']!.code]);
    });

    it('defaults to the last 90 days', async () => {
      const answer = await get('/requests.json');
      expect(answer.status).toBe(200);
      const now = Date.now();
      for (const request of answer.body) {
        const received = new Date(request.requested_datetime).getTime();
        expect(received).toBeGreaterThanOrEqual(now - 90 * 86_400_000 - 60_000);
        expect(received).toBeLessThanOrEqual(now + 60_000);
      }
      expect(codesOf(answer).some((code) => code.startsWith('JB-2024-'))).toBe(false);
    });

    it('answers every bad argument at once in the spec\'s error array, in JSON or XML', async () => {
      const bad = await get('/requests.json?start_date=yesterday&end_date=2024-02-30T00:00:00Z&status=pending&service_code=potholes');
      expect(bad.status).toBe(400);
      expect(bad.body).toEqual([
        { code: 400, description: 'service_code potholes was not found: GET services.json lists the codes.' },
        { code: 400, description: 'status must be open or closed (a comma list), not pending.' },
        { code: 400, description: 'start_date must be a W3C date-time with a zone, e.g. 2026-07-01T00:00:00+08:00 or 2026-07-01T00:00:00Z.' },
        { code: 400, description: 'end_date must be a W3C date-time with a zone, e.g. 2026-07-01T00:00:00+08:00 or 2026-07-01T00:00:00Z.' },
      ]);
      const backwards = await get('/requests.xml?start_date=2024-05-01T00:00:00Z&end_date=2024-04-01T00:00:00Z');
      expect(backwards.status).toBe(400);
      expect(backwards.text).toBe('<?xml version="1.0" encoding="utf-8"?>\n<errors><error><code>400</code><description>end_date is before start_date.</description></error></errors>');
    });

    it('GET requests/{id}: one request in a list, as the spec\'s sample; a missing one is the spec\'s 404', async () => {
      const one = await get(`/requests/${FIXTURES['fixed']!.code}.json`);
      expect(one.status).toBe(200);
      expect(one.body).toHaveLength(1);
      expect(Object.keys(one.body[0])).toEqual(REQUEST_KEYS);
      const xml = await get(`/requests/${FIXTURES['fixed']!.code}.xml`);
      expect(xml.text).toMatch(/^<\?xml version="1\.0" encoding="utf-8"\?>\n<service_requests><request><service_request_id>JB-2024-900003<\/service_request_id><status>closed<\/status>/);
      expect(xml.text).toContain('<address_id/><zipcode/>');
      const missing = await get('/requests/JB-2024-999999.json');
      expect(missing.status).toBe(404);
      expect(missing.body).toEqual([{ code: 404, description: 'service_request_id JB-2024-999999 was not found.' }]);
    });
  });

  describe('POST requests', () => {
    const REQUEST = {
      service_code: 'fire-safety',
      lat: '29.0712345',
      long: '107.0923456',
      address_string: '南平镇集镇南平街12号',
      description: '南平街12号门面楼梯间堆满纸箱，消防通道堵塞，灭火器已过期。',
      jurisdiction_id: 'nanping.gov.cn',
      device_id: 'tt222111',
      media_url: 'http://example.cn/photo.jpg',
    };

    it('refuses a request without an API key with the spec\'s 403 error array', async () => {
      const answer = await post('/requests.json', REQUEST);
      expect(answer.status).toBe(403);
      expect(answer.body).toEqual([{ code: 403, description: 'api_key is required to post a request: ask the town office for an API client key holding reporting.tip:submit.' }]);
      const signedIn = await post('/requests.json', REQUEST, { authorization: `Bearer ${await t.token('anban')}` });
      expect(signedIn.status).toBe(403);
      // A wrong key is refused by the gateway before the view (its format), as on every route.
      const wrong = await post('/requests.json', { ...REQUEST, api_key: 'tsk_wrongwrong_000000000000000000000000' });
      expect(wrong.status).toBe(401);
      expect(wrong.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      // An API client without reporting.tip:submit: the gateway's 403.
      const reader = await post('/requests.json', REQUEST, { 'x-api-key': readerKey });
      expect(reader.status).toBe(403);
      expect(reader.body.errors[0].extensions.code).toBe('FORBIDDEN');
    });

    it('files a tip (channel OPEN311, anonymous) and answers its id, a notice and the secret, with which the reporter tracks it', async () => {
      const answer = await post('/requests.json', { ...REQUEST, api_key: posterKey });
      expect(answer.status).toBe(201);
      expect(answer.body).toHaveLength(1);
      const [created] = answer.body;
      expect(Object.keys(created)).toEqual(['service_request_id', 'service_notice', 'account_id', 'tracking_secret']);
      expect(created.service_request_id).toMatch(/^JB-\d{4}-\d{6}$/);
      expect(created.account_id).toBeNull();
      expect(created.tracking_secret).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
      expect(created.service_notice).toContain(created.service_request_id);
      const [tip] = await sql(`SELECT channel, category, title, reporter_kind, reporter_name, latitude, longitude, address, secret_hash FROM tip WHERE code = $1`, [created.service_request_id]);
      expect(tip).toEqual({ secret_hash: hashTipSecret(created.tracking_secret), channel: 'OPEN311', category: 'FIRE_SAFETY', title: '南平街12号门面楼梯间堆满纸箱，消防通道堵塞，灭火器已过期。', reporter_kind: 'ANONYMOUS', reporter_name: null, latitude: 29.0712345, longitude: 107.0923456, address: '南平镇集镇南平街12号' });
      const tracked = await t.gql(`query($c: String!, $s: String!) { trackTip(code: $c, secret: $s) { code status } }`, { c: created.service_request_id, s: created.tracking_secret });
      expect(tracked.body.data).toEqual({ trackTip: { code: created.service_request_id, status: 'RECEIVED' } });
      const [shown] = (await get(`/requests/${created.service_request_id}.json`)).body;
      expect(shown).toMatchObject({ service_request_id: created.service_request_id, status: 'open', service_code: 'fire-safety', lat: 29.071, long: 107.092, description: null });
    });

    it('takes the key as a header too, a named reporter from first_name/last_name/phone/email, and answers XML', async () => {
      const answer = await post('/requests.xml', { ...REQUEST, first_name: '三', last_name: '张', phone: '13912345678', email: 'zhangsan@example.cn' }, { 'x-api-key': posterKey });
      expect(answer.status).toBe(201);
      expect(answer.type).toBe('text/xml; charset=utf-8');
      const code = /<service_request_id>(JB-\d{4}-\d{6})<\/service_request_id>/.exec(answer.text)![1];
      expect(answer.text).toMatch(/<account_id\/><tracking_secret>[0-9A-Z]{16}<\/tracking_secret><\/request><\/service_requests>$/);
      const [tip] = await sql(`SELECT reporter_kind, reporter_name, reporter_phone, reporter_contact FROM tip WHERE code = $1`, [code]);
      expect(tip).toEqual({ reporter_kind: 'NAMED', reporter_name: '张三', reporter_phone: '13912345678', reporter_contact: 'zhangsan@example.cn' });
      const shown = await get(`/requests/${code}.json`);
      for (const secret of ['张三', '13912345678', 'zhangsan']) expect(shown.text).not.toContain(secret);
    });

    it('takes the deaths attributes: a tip involving deaths is filed as such', async () => {
      const answer = await post('/requests.json', { ...REQUEST, service_code: 'concealed-accident', 'attribute[involves_deaths]': 'true', 'attribute[reported_deaths]': '2' }, { 'x-api-key': posterKey });
      expect(answer.status).toBe(201);
      const [tip] = await sql(`SELECT category, involves_deaths, reported_deaths FROM tip WHERE code = $1`, [answer.body[0].service_request_id]);
      expect(tip).toEqual({ category: 'CONCEALED_ACCIDENT', involves_deaths: true, reported_deaths: 2 });
    });

    it('refuses what it cannot file with the spec\'s errors: 400 for a missing or bad field (all at once), 404 for an unknown service', async () => {
      const key = { 'x-api-key': posterKey };
      expect(await post('/requests.json', { description: REQUEST.description, lat: '29.1', long: '107.1' }, key)).toMatchObject({ status: 400, body: [{ code: 400, description: 'service_code was not provided: GET services.json lists the codes.' }] });
      expect(await post('/requests.json', { ...REQUEST, service_code: 'potholes' }, key)).toMatchObject({ status: 404, body: [{ code: 404, description: 'service_code potholes was not found.' }] });
      const several = await post('/requests.json', { service_code: 'hazard', lat: '29.1', phone: '13912345678', 'attribute[colour]': 'red' }, key);
      expect(several.status).toBe(400);
      expect(several.body.map((e: { description: string }) => e.description)).toEqual([
        'lat and long must be sent together.',
        'description is required: say what is wrong and where (10–4000 characters).',
        'attribute[colour] is not an attribute of service hazard: GET services/hazard.json lists them.',
        'first_name or last_name is required with phone or email (a request without any of them is anonymous).',
      ]);
      const nowhere = await post('/requests.json', { service_code: 'hazard', description: REQUEST.description }, key);
      expect(nowhere.body).toEqual([{ code: 400, description: 'A location is required: lat and long, or address_string (address_id is not supported).' }]);
      // The intake's own rules, named by the posted parameter.
      const short = await post('/requests.json', { ...REQUEST, description: '太短' }, key);
      expect(short.status).toBe(400);
      expect(short.body[0].description).toMatch(/^description: /);
      const abroad = await post('/requests.json', { ...REQUEST, lat: '37.76524078', long: '-122.4212043' }, key);
      expect(abroad.status).toBe(400);
      expect(abroad.body[0].description).toMatch(/^long: /);
    });
  });
});

describe('Open311 wire format', () => {
  it('rounds half away from zero on the decimal digits', () => {
    expect(roundCoordinate(29.0455, 3)).toBe(29.046);
    expect(roundCoordinate(-29.0455, 3)).toBe(-29.046);
    expect(roundCoordinate(107.06749, 3)).toBe(107.067);
    expect(roundCoordinate(1.005, 2)).toBe(1.01);
    expect(roundCoordinate(-0.0004, 3)).toBe(0);
    expect(Object.is(roundCoordinate(-0.0004, 3), -0)).toBe(false);
    expect(roundCoordinate(29.123456789, 6)).toBe(29.123457);
    expect(roundCoordinate(29.5, 0)).toBe(30);
    expect(roundCoordinate(null, 3)).toBeNull();
  });

  it('writes XML with escaped text, empty elements for null, and one element per list item', () => {
    const xml = open311Answer('xml', 'service_requests', [{ service_request_id: 'JB-2026-000001', description: '<b>"油罐"</b> & \'阀门\'', address: null, formats: ['a', 'b'] }]).body;
    expect(xml).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n<service_requests><request><service_request_id>JB-2026-000001</service_request_id><description>&lt;b&gt;&quot;油罐&quot;&lt;/b&gt; &amp; &apos;阀门&apos;</description><address/><formats><format>a</format><format>b</format></formats></request></service_requests>',
    );
  });

  it('writes W3C date-times in Beijing time with +08:00 and reads those with a zone', () => {
    expect(open311DateTime(new Date('2010-04-14T14:37:38.123Z'))).toBe('2010-04-14T22:37:38+08:00');
    expect(parseOpen311DateTime('2010-04-14T06:37:38-08:00')).toEqual(new Date('2010-04-14T14:37:38Z'));
    expect(parseOpen311DateTime('2010-01-01T00:00:00Z')).toEqual(new Date('2010-01-01T00:00:00Z'));
    expect(parseOpen311DateTime('2010-01-01T00:00Z')).toEqual(new Date('2010-01-01T00:00:00Z'));
    expect(parseOpen311DateTime('2010-01-01')).toEqual(new Date('2009-12-31T16:00:00Z'));
    for (const bad of ['2010-01-01T00:00:00', '2010-02-30T00:00:00Z', '2010-02-30', 'yesterday', '1262304000']) expect(parseOpen311DateTime(bad)).toBeNull();
  });
});
