import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { getNamedType, getNullableType, isNonNullType, isObjectType } from 'graphql';
import { DEMO_PASSWORD, startTestGateway, type TestGateway } from '@platform/testing';
import { buildGatewaySchema, selectModules, undescribed } from '@platform/server';
import { directoryModule, seedId } from '@platform/directory';
import { accessModule } from '@platform/access';
import { riskModule } from '@domains/risk';
import { preparednessModule } from '@domains/preparedness';
import { commandModule } from '@domains/command';
import { communityModule } from '@domains/community';
import { warningsModule } from '../src/index';

const MODULES = [directoryModule, accessModule, riskModule, preparednessModule, commandModule, communityModule, warningsModule];

const TOWN = seedId('org:town');
const EMERGENCY_OFFICE = seedId('org:dept-emergency');
const WENFENG = seedId('org:village-wenfeng');
const SHUANGHE = seedId('org:village-shuanghe');
const NIL = '00000000-0000-4000-8000-000000000000';
/** 南平镇's default 发布单位代码 (南川区 500119 + 000 + 000 + 00), and one a gateway is configured with (WARNING_ISSUER_CODE). */
const UNIT = '50011900000000';
const CONFIGURED = '50011941600000';

const XSD = readFileSync(join(__dirname, 'fixtures/CAP-v1.2.xsd'), 'utf8');
const validate = (xml: string) => validateXML({ xml: [{ fileName: 'alert.xml', contents: xml }], schema: [{ fileName: 'CAP-v1.2.xsd', contents: XSD }] });
const values = (xml: string, tag: string): string[] => [...xml.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, 'g'))].map((m) => m[1]!);
const value = (xml: string, tag: string): string | undefined => values(xml, tag)[0];

interface Row {
  identifier: string;
  chainId?: string;
  supersedesId?: string | null;
  messageType?: 'ALERT' | 'UPDATE' | 'CANCEL';
  status?: string;
  issuer?: string;
  level?: string;
  sentAt: string;
  targets: string[];
  polygon?: unknown;
}

describe('CAP 1.2 export of warnings (GB/T 35965.1)', () => {
  let t: TestGateway;
  const tokens = new Map<string, string>();
  const sql = <R = any>(text: string, params: unknown[] = []): Promise<R[]> => t.gateway.database.dataSource.query(text, params);
  const chain: { alert: string; update: string; cancel: string } = { alert: '', update: '', cancel: '' };
  let both = '';
  let fromOffice = '';

  const insertWarning = async (w: Row): Promise<string> => {
    const id = randomUUID();
    await sql(
      `INSERT INTO warning (id, identifier, chain_id, supersedes_id, message_type, status, issuer_organization_id, sender_name, source, hazard_type, event_name, level,
         headline, description, instruction, sent_at, effective_at, expires_at, area_polygon)
       VALUES ($1, $2, $3, $4, $5, $6, $7, '南平镇人民政府', '南川区气象局', 'RAINSTORM', '暴雨', $8,
         '南平镇人民政府发布暴雨预警', '预计未来6小时降雨量将达50毫米以上，河道水位 > 警戒线 & 持续上涨。', '转移低洼地带群众；停止户外作业。',
         $9::timestamptz, $9::timestamptz, $9::timestamptz + interval '12 hours', $10)`,
      [id, w.identifier, w.chainId ?? id, w.supersedesId ?? null, w.messageType ?? 'ALERT', w.status ?? 'ACTIVE', w.issuer ?? TOWN, w.level ?? 'ORANGE', w.sentAt, w.polygon === undefined ? null : JSON.stringify(w.polygon)],
    );
    for (const o of w.targets) await sql(`INSERT INTO warning_target (warning_id, organization_id) VALUES ($1, $2)`, [id, o]);
    return id;
  };

  beforeAll(async () => {
    t = await startTestGateway(MODULES, { seed: true });
    for (const u of ['anban', 'wenfeng', 'shuanghe', 'wenfeng-grid1', 'sinopec-nanping', 'jingfa']) {
      const res = await t.gql(`mutation($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { accessToken } }`, { u, p: DEMO_PASSWORD });
      tokens.set(u, res.body.data!['login'].accessToken);
    }
    const polygon = { type: 'Polygon', coordinates: [[[107.08, 29.06], [107.1, 29.06], [107.1, 29.08], [107.08, 29.08]]] };
    chain.alert = await insertWarning({ identifier: '50011900000000_20260715083000_0', status: 'SUPERSEDED', sentAt: '2026-07-15T08:30:00+08:00', targets: [WENFENG], polygon });
    chain.update = await insertWarning({ identifier: '50011900000000_20260715100000_0', chainId: chain.alert, supersedesId: chain.alert, messageType: 'UPDATE', status: 'SUPERSEDED', level: 'RED', sentAt: '2026-07-15T10:00:00+08:00', targets: [WENFENG], polygon });
    chain.cancel = await insertWarning({ identifier: '50011900000000_20260715180000_0', chainId: chain.alert, supersedesId: chain.update, messageType: 'CANCEL', status: 'CANCELLED', level: 'RED', sentAt: '2026-07-15T18:00:00+08:00', targets: [WENFENG] });
    both = await insertWarning({ identifier: '50011900000000_20260716090000_0', level: 'YELLOW', sentAt: '2026-07-16T09:00:00+08:00', targets: [SHUANGHE, WENFENG] });
    fromOffice = await insertWarning({ identifier: '50011900000000_20260716100000_0', issuer: EMERGENCY_OFFICE, level: 'BLUE', sentAt: '2026-07-16T10:00:00+08:00', targets: [WENFENG] });
  });
  afterAll(() => t?.close());

  const cap = (id: string, u?: string, origin = t.origin) => fetch(`${origin}/cap/warnings/${id}`, { headers: u ? { authorization: `Bearer ${tokens.get(u)}` } : {} });
  const capOk = async (id: string, u = 'anban', origin?: string): Promise<string> => {
    const res = await cap(id, u, origin);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/cap+xml; charset=utf-8');
    const body = await res.text();
    expect((await validate(body)).errors).toEqual([]);
    return body;
  };
  const errorCode = async (res: Response) => ((await res.json()) as any).errors[0].extensions.code;

  it('describes every schema element in Chinese and English', async () => {
    expect(undescribed(await buildGatewaySchema(selectModules(MODULES, 'all')))).toEqual([]);
  });

  it('serves an Alert, its Update and its Cancel as schema-valid CAP 1.2 with the chain in references', async () => {
    const res = await cap(chain.alert, 'anban');
    expect(res.headers.get('content-disposition')).toBe('inline; filename="50011900000000_20260715083000_0.xml"');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const alert = await capOk(chain.alert);
    expect([value(alert, 'identifier'), value(alert, 'sender'), value(alert, 'sent'), value(alert, 'msgType'), value(alert, 'references')]).toEqual([
      '50011900000000_20260715083000_0',
      UNIT,
      '2026-07-15T08:30:00+08:00',
      'Alert',
      undefined,
    ]);
    expect([value(alert, 'severity'), value(alert, 'headline'), value(alert, 'areaDesc'), value(alert, 'expires')]).toEqual(['Severe', '南平镇人民政府发布暴雨橙色预警', '文凤村', '2026-07-15T20:30:00+08:00']);
    expect(values(alert, 'value')).toEqual(['Orange', '500119108200']);
    expect(values(alert, 'polygon')).toEqual(['29.06,107.08 29.06,107.1 29.08,107.1 29.08,107.08 29.06,107.08']);
    expect(value(alert, 'description')).toBe('预计未来6小时降雨量将达50毫米以上，河道水位 &gt; 警戒线 &amp; 持续上涨。');

    const update = await capOk(chain.update);
    expect([value(update, 'msgType'), value(update, 'severity'), value(update, 'references')]).toEqual(['Update', 'Extreme', '50011900000000,50011900000000_20260715083000_0,2026-07-15T08:30:00+08:00']);
    const cancel = await capOk(chain.cancel);
    expect([value(cancel, 'msgType'), value(cancel, 'headline'), values(cancel, 'responseType'), value(cancel, 'references')]).toEqual([
      'Cancel',
      '南平镇人民政府解除暴雨红色预警',
      ['AllClear'],
      '50011900000000,50011900000000_20260715083000_0,2026-07-15T08:30:00+08:00 50011900000000,50011900000000_20260715100000_0,2026-07-15T10:00:00+08:00',
    ]);
  });

  it('names every target with its division code, and sends each record as the unit its identifier names, whoever issued it', async () => {
    const xml = await capOk(both, 'shuanghe');
    expect([value(xml, 'areaDesc'), values(xml, 'value'), values(xml, 'polygon')]).toEqual(['文凤村、双河村', ['Yellow', '500119108200', '500119108201'], []]);
    const office = await capOk(fromOffice, 'wenfeng');
    expect([value(office, 'identifier'), value(office, 'sender'), value(office, 'severity'), values(office, 'responseType')]).toEqual(['50011900000000_20260716100000_0', UNIT, 'Minor', ['Monitor']]);
  });

  it('answers within the caller\'s scope: 401 anonymous, 403 without rescue.warning:read, 404 out of scope or unknown', async () => {
    expect((await cap(chain.alert, 'wenfeng')).status).toBe(200);
    expect((await cap(chain.alert, 'jingfa')).status).toBe(200);
    const anonymous = await cap(chain.alert);
    expect([anonymous.status, await errorCode(anonymous)]).toEqual([401, 'UNAUTHENTICATED']);
    const enterprise = await cap(chain.alert, 'sinopec-nanping');
    expect([enterprise.status, await errorCode(enterprise)]).toEqual([403, 'FORBIDDEN']);
    for (const [id, u] of [[chain.alert, 'shuanghe'], [chain.alert, 'wenfeng-grid1'], [NIL, 'anban'], ['not-a-uuid', 'anban']] as const) {
      const res = await cap(id, u);
      expect([id, u, res.status, await errorCode(res)]).toEqual([id, u, 404, 'NOT_FOUND']);
    }
    const badToken = await fetch(`${t.origin}/cap/warnings/${chain.alert}`, { headers: { authorization: 'Bearer nonsense' } });
    expect(badToken.status).toBe(401);
  });

  it('exposes Warning.capXml: String!, the same document the endpoint serves', async () => {
    const schema = await buildGatewaySchema(selectModules(MODULES, 'all'));
    const warning = schema.getType('Warning');
    expect(isObjectType(warning)).toBe(true);
    const field = isObjectType(warning) ? warning.getFields()['capXml'] : undefined;
    expect(field && isNonNullType(field.type) && getNamedType(getNullableType(field.type)).name).toBe('String');
    const res = await t.gql(`query($id: UUID!) { warning(id: $id) { identifier capXml } }`, { id: chain.cancel }, { authorization: `Bearer ${tokens.get('wenfeng')}` });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!['warning'].identifier).toBe('50011900000000_20260715180000_0');
    expect(res.body.data!['warning'].capXml).toBe(await (await cap(chain.cancel, 'wenfeng')).text());
  });

  it('renders a whole page of records with one extra statement (no N+1)', async () => {
    const page = (fields: string) => t.gql(`{ warnings(first: 20) { edges { node { ${fields} } } } }`, {}, { authorization: `Bearer ${tokens.get('anban')}` });
    const [plain, withCap] = [await page('id identifier'), await page('id identifier capXml')];
    expect(withCap.body.errors).toBeUndefined();
    const nodes = withCap.body.data!['warnings'].edges.map((e: any) => e.node);
    expect(nodes.length).toBeGreaterThanOrEqual(5);
    for (const n of nodes) {
      expect(value(n.capXml, 'identifier')).toBe(n.identifier);
      expect([n.identifier, (await validate(n.capXml)).errors]).toEqual([n.identifier, []]);
    }
    expect(withCap.statements - plain.statements).toBe(1);
  });

  it('issues through a gateway with WARNING_ISSUER_CODE as that unit: identifier, sender and references follow each record', async () => {
    const other = await startTestGateway(MODULES, { database: t.database, env: { WARNING_ISSUER_CODE: CONFIGURED } });
    try {
      const input = {
        hazardType: 'RAINSTORM', eventName: '暴雨', level: 'YELLOW', description: '预计未来12小时累计雨量30毫米以上。', instruction: '加强值守，注意防范。', source: '南川区气象局',
        effectiveAt: new Date().toISOString(), expiresAt: new Date(Date.now() + 12 * 3_600_000).toISOString(), targetOrganizationIds: [WENFENG],
      };
      const issued = await (await t.as('anban'))(`mutation($input: IssueWarningInput!) { issueWarning(input: $input) { id version identifier sentAt } }`, { input });
      expect(issued.body.errors).toBeUndefined();
      const alert = issued.body.data!['issueWarning'];
      expect(alert.identifier).toMatch(/^50011900000000_\d{14}_0$/);
      const updated = await (await other.as('anban'))(`mutation($input: UpdateWarningInput!) { updateWarning(input: $input) { id identifier sentAt capXml } }`, { input: { id: alert.id, version: alert.version, level: 'ORANGE' } });
      expect(updated.body.errors).toBeUndefined();
      const update = updated.body.data!['updateWarning'];
      expect(update.identifier).toMatch(/^50011941600000_\d{14}_0$/);
      expect(update.identifier).toHaveLength(31);
      const xml = await capOk(update.id, 'anban', other.origin);
      expect(xml).toBe(update.capXml);
      expect([value(xml, 'identifier'), value(xml, 'sender'), value(xml, 'references')]).toEqual([
        update.identifier,
        CONFIGURED,
        `${UNIT},${alert.identifier},${new Date(new Date(alert.sentAt).getTime() + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`,
      ]);
      // The setting decides how new records are issued, not how the gateway exports old ones.
      expect(value(await capOk(chain.update, 'anban', other.origin), 'sender')).toBe(UNIT);
      expect(value(await capOk(update.id, 'anban'), 'sender')).toBe(CONFIGURED);
    } finally {
      await other.close();
    }
  });
});
