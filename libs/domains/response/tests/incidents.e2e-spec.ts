import pino from 'pino';
import { startTestGateway, errorOf, fieldsOf, type GraphQLClient, type GraphQLResponse, type TestGateway } from '@platform/testing';
import { buildGatewaySchema, runSeeds, selectModules, undescribed } from '@platform/server';
import { directoryModule, seedId } from '@platform/directory';
import { accessModule } from '@platform/access';
import { riskModule } from '@domains/risk';
import { todayInChina, type DomainModule } from '@platform/core';
import { preparednessModule } from '@domains/preparedness';
import { commandModule } from '@domains/command';
import { communityModule } from '@domains/community';
import { warningsModule } from '@domains/warnings';
import { responseModule } from '../src/index';
import { seedIncidents } from '../src/incidents/incident.seed';

const MODULES = [directoryModule, accessModule, riskModule, preparednessModule, commandModule, communityModule, warningsModule, responseModule];

const TOWN = seedId('org:town');
const WENFENG = seedId('org:village-wenfeng');
const SHUANGHE = seedId('org:village-shuanghe');
const WENFENG_OFFICER = seedId('person:person-village-wenfeng-emergency');
const FLASH_FLOOD = seedId('rescue:incidents:wenfeng-flash-flood');
const LANDSLIDE = seedId('rescue:incidents:shuanghe-landslide');
const NIL = '00000000-0000-4000-8000-000000000000';
const VERIFY = 'rescue.incident:verify';

const TODAY = todayInChina();
const YEAR = Number(TODAY.slice(0, 4));
const HOUR = 3_600_000;
const hoursAgo = (n: number) => new Date(Date.now() - n * HOUR).toISOString();

const FIGURES = `affectedPeople relocatedPeople deaths missing injured seriouslyInjured housesCollapsed housesSeverelyDamaged housesSlightlyDamaged cropAreaHectares cropFailureHectares directEconomicLossYuan note`;
const REPORT = `id version incidentId kind sequence reportedAt reportedByUserId reportedByPersonId reportedBy { id } ${FIGURES}`;
const INCIDENT = `id version reportingOrganizationId type title occurredAt place status description closedAt location { longitude latitude }
  reportingOrganization { name } affectedOrganizations { totalCount edges { node { id name } } }
  latestFigures { kind sequence affectedPeople cropAreaHectares directEconomicLossYuan }
  reports { totalCount edges { node { kind sequence affectedPeople } } }
  hazards { totalCount edges { node { hazardId hazard { id organizationId } } } }
  warnings { totalCount edges { node { warningId headline level } } }`;
const SUMMARY = `query($from: LocalDate, $to: LocalDate, $root: UUID) { incidentDamageSummary(from: $from, to: $to, withinSubtreeOf: $root) {
  type incidents reportedIncidents verifiedIncidents affectedPeople relocatedPeople deaths missing injured housesCollapsed housesSeverelyDamaged housesSlightlyDamaged cropAreaHectares cropFailureHectares directEconomicLossYuan } }`;
const ids = (res: GraphQLResponse, field: string) => res.body.data![field].edges.map((e: any) => e.node.id);

describe('incidents and damage reports (灾情: 初报/续报/核报)', () => {
  let t: TestGateway;
  let admin: GraphQLClient;
  let anban: GraphQLClient;
  let wenfeng: GraphQLClient;
  let shuanghe: GraphQLClient;
  let hazardsOf: (village: string) => Promise<string[]>;
  beforeAll(async () => {
    t = await startTestGateway(MODULES, { seed: true });
    [admin, anban, wenfeng, shuanghe] = await Promise.all([t.as('admin'), t.as('anban'), t.as('wenfeng'), t.as('shuanghe')]);
    const db = t.gateway.database.dataSource;
    hazardsOf = async (village: string) =>
      (
        await db.query(`SELECT h.id FROM hazard h JOIN organization o ON o.id = h.organization_id WHERE o.path <@ (SELECT r.path FROM organization r WHERE r.id = $1) ORDER BY h.id`, [village])
      ).map((r: { id: string }) => r.id);
  });
  afterAll(() => t?.close());

  const mutate = (client: GraphQLClient, name: string, inputType: string, input: Record<string, unknown>, fields = INCIDENT) =>
    client(`mutation($input: ${inputType}!) { ${name}(input: $input) { ${fields} } }`, { input });
  const open = async (client: GraphQLClient, input: Record<string, unknown>) => {
    const res = await mutate(client, 'openIncident', 'OpenIncidentInput', { reportingOrganizationId: WENFENG, type: 'FLASH_FLOOD', title: '测试灾情', occurredAt: hoursAgo(6), place: '文凤村一组', ...input });
    expect(res.body.errors).toBeUndefined();
    return res.body.data!['openIncident'];
  };
  const report = (client: GraphQLClient, input: Record<string, unknown>) => mutate(client, 'addDamageReport', 'AddDamageReportInput', input, REPORT);
  const read = async (client: GraphQLClient, id: string, fields = INCIDENT) => (await client(`query($id: UUID!) { incident(id: $id) { ${fields} } }`, { id })).body.data!['incident'];
  const move = (client: GraphQLClient, id: string, version: number, status: string) => mutate(client, 'moveIncident', 'MoveIncidentInput', { id, version, status }, 'id version status closedAt');
  const summary = async (client: GraphQLClient, vars: Record<string, unknown>) => (await client(SUMMARY, vars)).body.data!['incidentDamageSummary'];

  it('describes every schema element in Chinese and English', async () => {
    expect(undescribed(await buildGatewaySchema(selectModules(MODULES, 'all')))).toEqual([]);
  });

  it('seeds a closed flash flood at 文凤村 (初报, 续报, 核报) and a responding landslide at 双河村 (初报), idempotently', async () => {
    const db = t.gateway.database.dataSource;
    const count = async () =>
      (await db.query(`SELECT (SELECT count(*) FROM incident)::int + (SELECT count(*) FROM incident_damage_report)::int + (SELECT count(*) FROM incident_hazard)::int + (SELECT count(*) FROM incident_organization)::int AS n`))[0].n;
    const before = await count();
    const area = { name: 'rescue-incidents', seed: (ctx: never) => seedIncidents(ctx) } as unknown as DomainModule;
    await runSeeds(db, [area], pino({ level: 'silent' }));
    expect(await count()).toBe(before);

    const flood = await read(anban, FLASH_FLOOD);
    expect(flood).toMatchObject({
      reportingOrganizationId: WENFENG,
      type: 'FLASH_FLOOD',
      status: 'CLOSED',
      reportingOrganization: { name: '文凤村' },
      affectedOrganizations: { totalCount: 1, edges: [{ node: { id: WENFENG, name: '文凤村' } }] },
      latestFigures: { kind: 'VERIFIED', sequence: 3, affectedPeople: 48, cropAreaHectares: 17.83, directEconomicLossYuan: '1186500.00' },
      reports: { totalCount: 3, edges: [{ node: { kind: 'INITIAL', sequence: 1, affectedPeople: 35 } }, { node: { kind: 'CONTINUED', sequence: 2, affectedPeople: 52 } }, { node: { kind: 'VERIFIED', sequence: 3, affectedPeople: 48 } }] },
      warnings: { totalCount: 0 },
    });
    expect(flood.closedAt).not.toBeNull();
    expect(flood.occurredAt.slice(0, 4)).toBe(String(YEAR));
    const wenfengHazards = await hazardsOf(WENFENG);
    expect(flood.hazards.totalCount).toBe(2);
    for (const e of flood.hazards.edges) {
      expect(wenfengHazards).toContain(e.node.hazardId);
      expect(e.node.hazard.id).toBe(e.node.hazardId);
    }
    const slide = await read(anban, LANDSLIDE);
    expect(slide).toMatchObject({ reportingOrganizationId: SHUANGHE, type: 'LANDSLIDE', status: 'RESPONDING', closedAt: null, latestFigures: { kind: 'INITIAL', sequence: 1, affectedPeople: 14 }, reports: { totalCount: 1 } });
    expect(slide.hazards.edges.every((e: any) => e.node.hazard.organizationId !== WENFENG)).toBe(true);
    expect(slide.hazards.totalCount).toBe(2);

    // Scope: each village officer sees its own village's incident only.
    expect(await read(shuanghe, FLASH_FLOOD, 'id')).toBeNull();
    expect(await read(wenfeng, LANDSLIDE, 'id')).toBeNull();
    expect(ids(await shuanghe(`{ incidents(first: 100) { edges { node { id } } } }`), 'incidents')).toEqual([LANDSLIDE]);
    expect(ids(await wenfeng(`{ incidents(first: 100) { edges { node { id } } } }`), 'incidents')).toEqual([FLASH_FLOOD]);
  });

  it('keeps the report sequence: INITIAL first and once, CONTINUED after, VERIFIED last and only with rescue.incident:verify', async () => {
    const incident = await open(wenfeng, { title: '文凤村二组山洪', affectedOrganizationIds: [WENFENG] });
    expect(incident).toMatchObject({ version: 1, status: 'OPEN', latestFigures: null, reports: { totalCount: 0 }, affectedOrganizations: { totalCount: 1 } });
    const id = incident.id;

    expect(fieldsOf(await report(wenfeng, { incidentId: id, kind: 'CONTINUED', affectedPeople: 3 }))).toEqual([expect.objectContaining({ field: 'input.kind', rule: 'initialFirst' })]);
    expect(fieldsOf(await report(anban, { incidentId: id, kind: 'VERIFIED', affectedPeople: 3 }))).toEqual([expect.objectContaining({ field: 'input.kind', rule: 'initialFirst' })]);

    const first = (await report(wenfeng, { incidentId: id, kind: 'INITIAL', affectedPeople: 10, relocatedPeople: 8, cropAreaHectares: 1.25, directEconomicLossYuan: '20000.5', note: '初步统计' })).body.data!['addDamageReport'];
    expect(first).toMatchObject({ incidentId: id, kind: 'INITIAL', sequence: 1, affectedPeople: 10, relocatedPeople: 8, deaths: 0, cropAreaHectares: 1.25, directEconomicLossYuan: '20000.50', reportedByPersonId: WENFENG_OFFICER, reportedBy: { id: WENFENG_OFFICER } });
    expect(first.reportedByUserId).not.toBeNull();
    expect((await read(wenfeng, id)).latestFigures).toEqual({ kind: 'INITIAL', sequence: 1, affectedPeople: 10, cropAreaHectares: 1.25, directEconomicLossYuan: '20000.50' });

    expect(fieldsOf(await report(wenfeng, { incidentId: id, kind: 'INITIAL', affectedPeople: 11 }))).toEqual([expect.objectContaining({ field: 'input.kind', rule: 'oneInitial' })]);
    const second = (await report(wenfeng, { incidentId: id, kind: 'CONTINUED', affectedPeople: 14, cropAreaHectares: 2 })).body.data!['addDamageReport'];
    expect(second).toMatchObject({ kind: 'CONTINUED', sequence: 2, affectedPeople: 14 });
    expect((await read(wenfeng, id)).latestFigures).toMatchObject({ kind: 'CONTINUED', sequence: 2, affectedPeople: 14 });

    const refused = await report(wenfeng, { incidentId: id, kind: 'VERIFIED', affectedPeople: 13 });
    expect(errorOf(refused)).toMatchObject({ code: 'FORBIDDEN', permission: VERIFY });
    expect(refused.body.errors![0].message).toContain(VERIFY);

    const verified = (await report(anban, { incidentId: id, kind: 'VERIFIED', affectedPeople: 13, cropAreaHectares: 1.9, directEconomicLossYuan: '18000' })).body.data!['addDamageReport'];
    expect(verified).toMatchObject({ kind: 'VERIFIED', sequence: 3, affectedPeople: 13 });
    expect(fieldsOf(await report(wenfeng, { incidentId: id, kind: 'CONTINUED', affectedPeople: 15 }))).toEqual([expect.objectContaining({ field: 'input.kind', rule: 'verifiedLast' })]);
    expect(fieldsOf(await report(anban, { incidentId: id, kind: 'VERIFIED', affectedPeople: 15 }))).toEqual([expect.objectContaining({ field: 'input.kind', rule: 'verifiedLast' })]);

    const after = await read(wenfeng, id);
    expect(after.version).toBe(1);
    expect(after.latestFigures).toEqual({ kind: 'VERIFIED', sequence: 3, affectedPeople: 13, cropAreaHectares: 1.9, directEconomicLossYuan: '18000.00' });
    expect(after.reports.edges.map((e: any) => [e.node.kind, e.node.sequence])).toEqual([['INITIAL', 1], ['CONTINUED', 2], ['VERIFIED', 3]]);

    // The initial report may come with the incident, in the same transaction.
    const withReport = await open(wenfeng, { title: '带初报的灾情', initialReport: { affectedPeople: 4, housesSlightlyDamaged: 2 } });
    expect(withReport).toMatchObject({ latestFigures: { kind: 'INITIAL', sequence: 1, affectedPeople: 4 }, reports: { totalCount: 1 } });
    expect(fieldsOf(await report(wenfeng, { incidentId: withReport.id, kind: 'INITIAL' }))).toEqual([expect.objectContaining({ rule: 'oneInitial' })]);
  });

  it('sums each incident\'s counting figures per type exactly, within the period and scope', async () => {
    const year = YEAR - 2;
    const at = (day: string) => `${year}-${day}T10:00:00+08:00`;
    const hailA = await open(wenfeng, { type: 'HAIL', title: '冰雹A', occurredAt: at('04-10') });
    await report(wenfeng, { incidentId: hailA.id, kind: 'INITIAL', affectedPeople: 10, injured: 1, cropAreaHectares: 0.7, directEconomicLossYuan: '1000.11' });
    await report(wenfeng, { incidentId: hailA.id, kind: 'CONTINUED', affectedPeople: 15, injured: 2, housesSlightlyDamaged: 3, cropAreaHectares: 1.15, cropFailureHectares: 0.05, directEconomicLossYuan: '1234.56' });
    const hailB = await open(wenfeng, { type: 'HAIL', title: '冰雹B', occurredAt: at('04-20'), initialReport: { affectedPeople: 7, cropAreaHectares: 2.5, directEconomicLossYuan: '90' } });
    await report(anban, { incidentId: hailB.id, kind: 'VERIFIED', affectedPeople: 6, relocatedPeople: 2, housesCollapsed: 1, cropAreaHectares: 2.3, cropFailureHectares: 1.01, directEconomicLossYuan: '100.01' });
    // Not reported yet: counted as an incident, adds nothing.
    await open(anban, { reportingOrganizationId: SHUANGHE, type: 'WIND', title: '双河村大风', place: '双河村', occurredAt: at('04-15') });
    // Outside the period.
    await open(wenfeng, { type: 'HAIL', title: '冰雹C', occurredAt: at('05-02'), initialReport: { affectedPeople: 99 } });

    const zeros = { relocatedPeople: 0, deaths: 0, missing: 0, injured: 0, housesCollapsed: 0, housesSeverelyDamaged: 0, housesSlightlyDamaged: 0 };
    const hail = {
      type: 'HAIL',
      incidents: 2,
      reportedIncidents: 2,
      verifiedIncidents: 1,
      ...zeros,
      affectedPeople: 21,
      relocatedPeople: 2,
      injured: 2,
      housesCollapsed: 1,
      housesSlightlyDamaged: 3,
      cropAreaHectares: 3.45,
      cropFailureHectares: 1.06,
      directEconomicLossYuan: '1334.57',
    };
    const wind = { type: 'WIND', incidents: 1, reportedIncidents: 0, verifiedIncidents: 0, affectedPeople: 0, ...zeros, cropAreaHectares: 0, cropFailureHectares: 0, directEconomicLossYuan: '0.00' };
    const period = { from: `${year}-04-01`, to: `${year}-04-30` };
    expect(await summary(anban, period)).toEqual([hail, wind]);
    expect(await summary(anban, { ...period, root: WENFENG })).toEqual([hail]);
    expect(await summary(wenfeng, period)).toEqual([hail]);
    expect(await summary(shuanghe, period)).toEqual([wind]);
    expect(await summary(anban, { from: `${year}-04-01`, to: `${year}-05-31`, root: WENFENG })).toEqual([{ ...hail, incidents: 3, reportedIncidents: 3, affectedPeople: 120 }]);
    expect(fieldsOf(await anban(SUMMARY, { from: `${year}-04-30`, to: `${year}-04-01` }))).toEqual([expect.objectContaining({ field: 'to', rule: 'notBeforeFrom' })]);
    // The list filters the same way.
    const listed = await anban(`query($f: IncidentFilter) { incidents(first: 100, filter: $f) { totalCount edges { node { id title } } } }`, { f: { ...period, types: ['HAIL', 'WIND'] } });
    expect(listed.body.data!['incidents'].edges.map((e: any) => e.node.title)).toEqual(['冰雹B', '双河村大风', '冰雹A']);
  });

  it('moves an incident one step at a time; closing needs rescue.incident:verify; a closed incident takes no more changes', async () => {
    const events: any[] = [];
    const stop = t.gateway.events.subscribe('rescue.incident.moved', (e) => events.push(e.payload));
    const incident = await open(wenfeng, { title: '状态流转测试', initialReport: { affectedPeople: 2 } });
    // A status other than the next one is the wrong state for the step (the kernel workflow's rule `state`).
    expect(fieldsOf(await move(wenfeng, incident.id, 1, 'RECOVERING'))).toEqual([expect.objectContaining({ field: 'input.status', rule: 'state', message: expect.stringMatching(/status is OPEN.*allowed from RESPONDING/) })]);
    expect(fieldsOf(await move(wenfeng, incident.id, 1, 'OPEN'))).toEqual([expect.objectContaining({ field: 'input.status', rule: 'state', message: expect.stringContaining('moves to RESPONDING only') })]);
    expect((await move(wenfeng, incident.id, 1, 'RESPONDING')).body.data!['moveIncident']).toMatchObject({ version: 2, status: 'RESPONDING', closedAt: null });
    expect(errorOf(await move(wenfeng, incident.id, 1, 'RECOVERING'))).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    expect((await move(wenfeng, incident.id, 2, 'RECOVERING')).body.data!['moveIncident']).toMatchObject({ version: 3, status: 'RECOVERING' });
    expect(errorOf(await move(wenfeng, incident.id, 3, 'CLOSED'))).toMatchObject({ code: 'FORBIDDEN', permission: VERIFY });
    const closed = (await move(anban, incident.id, 3, 'CLOSED')).body.data!['moveIncident'];
    expect(closed).toMatchObject({ version: 4, status: 'CLOSED' });
    expect(closed.closedAt).not.toBeNull();
    // Every step is announced as rescue.incident.moved, from and to (the refused ones are not).
    stop();
    expect(events).toEqual([
      { id: incident.id, reportingOrganizationId: WENFENG, from: 'OPEN', to: 'RESPONDING' },
      { id: incident.id, reportingOrganizationId: WENFENG, from: 'RESPONDING', to: 'RECOVERING' },
      { id: incident.id, reportingOrganizationId: WENFENG, from: 'RECOVERING', to: 'CLOSED' },
    ]);
    expect(fieldsOf(await move(anban, incident.id, 4, 'CLOSED'))).toEqual([expect.objectContaining({ field: 'input.status', rule: 'state' })]);
    expect(fieldsOf(await mutate(wenfeng, 'updateIncident', 'UpdateIncidentInput', { id: incident.id, version: 4, title: '结案后修改' }))).toEqual([expect.objectContaining({ field: 'input.id', rule: 'notClosed' })]);
    expect(fieldsOf(await report(wenfeng, { incidentId: incident.id, kind: 'CONTINUED' }))).toEqual([expect.objectContaining({ field: 'input.incidentId', rule: 'notClosed' })]);
    expect(fieldsOf(await report(anban, { incidentId: incident.id, kind: 'VERIFIED' }))).toEqual([expect.objectContaining({ field: 'input.incidentId', rule: 'notClosed' })]);
    const filtered = await wenfeng(`{ incidents(first: 100, filter: { statuses: [CLOSED] }) { edges { node { id } } } }`);
    expect(ids(filtered, 'incidents')).toEqual(expect.arrayContaining([incident.id, FLASH_FLOOD]));
  });

  it('links hazards and warnings the caller may read, refusing others with NOT_FOUND on the field', async () => {
    const [h1, h2] = await hazardsOf(WENFENG);
    const [foreign] = await hazardsOf(SHUANGHE);
    const incident = await open(wenfeng, { title: '隐患关联测试' });
    const link = (client: GraphQLClient, version: number, hazardIds: string[]) => mutate(client, 'linkIncidentHazards', 'LinkIncidentHazardsInput', { id: incident.id, version, hazardIds }, 'version hazards { totalCount edges { node { hazardId hazard { id } } } }');

    const both = (await link(wenfeng, 1, [h1!, h2!, h1!])).body.data!['linkIncidentHazards'];
    expect(both.version).toBe(2);
    expect(both.hazards.edges.map((e: any) => e.node.hazardId).sort()).toEqual([h1, h2].sort());
    // A hazard beyond the caller's risk.hazard:read scope is answered like a missing one: NOT_FOUND naming its place in the list.
    expect(errorOf(await link(wenfeng, 2, [h1!, foreign!]))).toEqual({ code: 'NOT_FOUND', entity: 'Hazard', id: foreign, field: 'input.hazardIds.1' });
    expect(errorOf(await link(wenfeng, 2, [NIL]))).toEqual({ code: 'NOT_FOUND', entity: 'Hazard', id: NIL, field: 'input.hazardIds.0' });
    expect(errorOf(await link(wenfeng, 1, [h1!]))).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    // The town adds a 双河村 hazard; 文凤村's officer cannot see it, and replacing the links keeps it.
    expect((await link(anban, 2, [h1!, h2!, foreign!])).body.data!['linkIncidentHazards'].hazards.totalCount).toBe(3);
    expect((await read(wenfeng, incident.id)).hazards.totalCount).toBe(2);
    expect((await link(wenfeng, 3, [h2!])).body.data!['linkIncidentHazards'].hazards).toEqual({ totalCount: 1, edges: [{ node: { hazardId: h2, hazard: { id: h2 } } }] });
    expect((await read(anban, incident.id)).hazards.edges.map((e: any) => e.node.hazardId).sort()).toEqual([h2, foreign].sort());

    // Warnings: one aimed at 文凤村, one at 双河村 only.
    const db = t.gateway.database.dataSource;
    const warning = async (key: string, target: string, headline: string) => {
      const [row] = await db.query(
        `INSERT INTO warning (identifier, chain_id, message_type, status, issuer_organization_id, sender_name, source, hazard_type, event_name, level, headline, description, instruction, sent_at, effective_at, expires_at)
         VALUES ($1, gen_random_uuid(), 'ALERT', 'EXPIRED', $2, '南平镇人民政府', '南川区气象局', 'RAINSTORM', '暴雨', 'ORANGE', $3, '测试', '测试', now() - interval '2 days', now() - interval '2 days', now() - interval '1 day') RETURNING id`,
        [`test-incident-${key}-${Date.now()}`, TOWN, headline],
      );
      await db.query(`INSERT INTO warning_target (warning_id, organization_id) VALUES ($1, $2)`, [row.id, target]);
      return row.id as string;
    };
    const ours = await warning('wenfeng', WENFENG, '南平镇人民政府发布暴雨橙色预警');
    const theirs = await warning('shuanghe', SHUANGHE, '双河村暴雨预警');
    const linkWarnings = (client: GraphQLClient, version: number, warningIds: string[]) =>
      mutate(client, 'linkIncidentWarnings', 'LinkIncidentWarningsInput', { id: incident.id, version, warningIds }, 'version warnings { totalCount edges { node { warningId headline level } } }');
    expect(errorOf(await linkWarnings(wenfeng, 4, [theirs]))).toEqual({ code: 'NOT_FOUND', entity: 'Warning', id: theirs, field: 'input.warningIds.0' });
    expect((await linkWarnings(wenfeng, 4, [ours])).body.data!['linkIncidentWarnings']).toEqual({
      version: 5,
      warnings: { totalCount: 1, edges: [{ node: { warningId: ours, headline: '南平镇人民政府发布暴雨橙色预警', level: 'ORANGE' } }] },
    });
  });

  it('reaches incidents and damage reports by their global id (node), within the caller\'s scope', async () => {
    const read = `query($id: UUID!) { incident(id: $id) { nodeId reports(first: 1) { edges { node { id nodeId } } } } }`;
    const flood = (await anban(read, { id: FLASH_FLOOD })).body.data!['incident'];
    const [first] = flood.reports.edges.map((e: any) => e.node);
    const node = `query($n: ID!) { node(nodeId: $n) { __typename ... on Incident { id title } ... on DamageReport { id kind incident { id } } } }`;
    expect((await wenfeng(node, { n: flood.nodeId })).body.data!['node']).toEqual({ __typename: 'Incident', id: FLASH_FLOOD, title: '文凤村石板沟山洪灾害' });
    expect((await wenfeng(node, { n: first.nodeId })).body.data!['node']).toEqual({ __typename: 'DamageReport', id: first.id, kind: 'INITIAL', incident: { id: FLASH_FLOOD } });
    // 双河村 reads neither 文凤村's incident nor its reports: null, as for ids that do not exist.
    expect((await shuanghe(node, { n: flood.nodeId })).body.data!['node']).toBeNull();
    expect((await shuanghe(node, { n: first.nodeId })).body.data!['node']).toBeNull();
  });

  it('limits reading to incidents reported by or affecting the caller\'s villages, and writing to the reporter\'s scope', async () => {
    const wenfengOnly = await open(wenfeng, { title: '文凤村内部灾情', affectedOrganizationIds: [WENFENG] });
    // Reported by 双河村, affecting 文凤村 too: 文凤村's officer reads it but cannot change it.
    const shared = await open(anban, { reportingOrganizationId: SHUANGHE, title: '两村共同受灾', place: '双河村与文凤村交界', affectedOrganizationIds: [SHUANGHE, WENFENG] });
    expect(shared.affectedOrganizations.edges.map((e: any) => e.node.name)).toEqual(['双河村', '文凤村']);

    expect(await read(shuanghe, wenfengOnly.id, 'id')).toBeNull();
    expect(ids(await shuanghe(`{ incidents(first: 100) { edges { node { id } } } }`), 'incidents')).not.toContain(wenfengOnly.id);
    expect((await read(wenfeng, shared.id, 'id title')).title).toBe('两村共同受灾');
    const seen = ids(await wenfeng(`{ incidents(first: 100) { edges { node { id } } } }`), 'incidents');
    expect(seen).toEqual(ids(await anban(`query($r: UUID) { incidents(first: 100, filter: { withinSubtreeOf: $r }) { edges { node { id } } } }`, { r: WENFENG }), 'incidents'));
    expect(seen).toEqual(expect.arrayContaining([wenfengOnly.id, shared.id]));

    expect(errorOf(await mutate(shuanghe, 'updateIncident', 'UpdateIncidentInput', { id: wenfengOnly.id, version: 1, title: '越权修改' }))).toMatchObject({ code: 'NOT_FOUND', entity: 'Incident' });
    expect(errorOf(await mutate(wenfeng, 'updateIncident', 'UpdateIncidentInput', { id: shared.id, version: 1, title: '越权修改' }))).toMatchObject({ code: 'NOT_FOUND', entity: 'Incident' });
    expect(errorOf(await report(shuanghe, { incidentId: wenfengOnly.id, kind: 'INITIAL' }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(errorOf(await move(shuanghe, wenfengOnly.id, 1, 'RESPONDING'))).toMatchObject({ code: 'NOT_FOUND' });
    const foreign = await mutate(shuanghe, 'openIncident', 'OpenIncidentInput', { reportingOrganizationId: WENFENG, type: 'FIRE', title: '越权报送', occurredAt: hoursAgo(1), place: '文凤村' });
    // Organizations beyond the caller's report scope are answered like missing ones: NOT_FOUND on the field.
    expect(errorOf(foreign)).toEqual({ code: 'NOT_FOUND', entity: 'Organization', id: WENFENG, field: 'input.reportingOrganizationId' });
    const affected = await mutate(shuanghe, 'openIncident', 'OpenIncidentInput', { reportingOrganizationId: SHUANGHE, type: 'FIRE', title: '越权受灾村', occurredAt: hoursAgo(1), place: '双河村', affectedOrganizationIds: [WENFENG] });
    expect(errorOf(affected)).toEqual({ code: 'NOT_FOUND', entity: 'Organization', id: WENFENG, field: 'input.affectedOrganizationIds.0' });
    expect(fieldsOf(await mutate(anban, 'openIncident', 'OpenIncidentInput', { reportingOrganizationId: TOWN, type: 'FIRE', title: '镇级', occurredAt: hoursAgo(1), place: '集镇', affectedOrganizationIds: [TOWN] }))).toEqual([
      expect.objectContaining({ field: 'input.affectedOrganizationIds', rule: 'kind' }),
    ]);
  });

  it('names the field and the rule of invalid input, and writes nothing', async () => {
    const bad = (input: Record<string, unknown>) => mutate(anban, 'openIncident', 'OpenIncidentInput', { reportingOrganizationId: WENFENG, type: 'FLOOD', title: '校验灾情', occurredAt: hoursAgo(2), place: '文凤村', ...input });
    expect(fieldsOf(await bad({ occurredAt: new Date(Date.now() + 2 * HOUR).toISOString() }))).toEqual([expect.objectContaining({ field: 'input.occurredAt', rule: 'notFuture' })]);
    expect(fieldsOf(await bad({ title: '灾' }))).toEqual([expect.objectContaining({ field: 'input.title', rule: 'isLength' })]);
    expect(fieldsOf(await bad({ initialReport: { affectedPeople: -1 } }))).toEqual([expect.objectContaining({ field: 'input.initialReport.affectedPeople', rule: 'min' })]);
    expect(fieldsOf(await bad({ initialReport: { reportedAt: hoursAgo(3) } }))).toEqual([expect.objectContaining({ field: 'input.initialReport.reportedAt', rule: 'notBeforeOccurred' })]);
    expect(fieldsOf(await bad({ location: { longitude: 200, latitude: 29 } }))).toEqual([expect.objectContaining({ field: 'input.location.longitude', rule: 'isLongitude' })]);
    expect(errorOf(await bad({ affectedOrganizationIds: [WENFENG, NIL] }))).toEqual({ code: 'NOT_FOUND', entity: 'Organization', id: NIL, field: 'input.affectedOrganizationIds.1' });
    expect(errorOf(await bad({ reportingOrganizationId: NIL }))).toEqual({ code: 'NOT_FOUND', entity: 'Organization', id: NIL, field: 'input.reportingOrganizationId' });
    // Nothing half-written: none of the refused incidents exists.
    expect((await anban(`{ incidents(first: 100) { edges { node { title } } } }`)).body.data!['incidents'].edges.map((e: any) => e.node.title)).not.toContain('校验灾情');

    const incident = await open(wenfeng, { title: '校验报告', occurredAt: hoursAgo(5) });
    const r = (input: Record<string, unknown>) => report(wenfeng, { incidentId: incident.id, kind: 'INITIAL', ...input });
    expect(fieldsOf(await r({ housesCollapsed: -3 }))).toEqual([expect.objectContaining({ field: 'input.housesCollapsed', rule: 'min' })]);
    expect(fieldsOf(await r({ directEconomicLossYuan: '-0.01' }))).toEqual([expect.objectContaining({ field: 'input.directEconomicLossYuan', rule: 'min' })]);
    expect(fieldsOf(await r({ directEconomicLossYuan: '1000000000000.00' }))).toEqual([expect.objectContaining({ field: 'input.directEconomicLossYuan', rule: 'max' })]);
    // An amount is a decimal string of at most 2 decimals, never a JSON number: refused while the variable is coerced (400).
    for (const directEconomicLossYuan of [1000.5, '1000.005']) {
      const res = await r({ directEconomicLossYuan });
      expect([res.status, errorOf(res)?.['code'], res.body.errors![0]!.message]).toEqual([400, 'BAD_USER_INPUT', expect.stringMatching(/at "input\.directEconomicLossYuan"; Decimal must be a/)]);
    }
    expect(fieldsOf(await r({ cropAreaHectares: 1.005 }))).toEqual([expect.objectContaining({ field: 'input.cropAreaHectares', rule: 'isNumber' })]);
    expect(fieldsOf(await r({ affectedPeople: 1_000_001 }))).toEqual([expect.objectContaining({ field: 'input.affectedPeople', rule: 'max' })]);
    expect(fieldsOf(await r({ cropAreaHectares: 1, cropFailureHectares: 1.5 }))).toEqual([expect.objectContaining({ field: 'input.cropFailureHectares', rule: 'notAboveCropArea' })]);
    // The seriously injured (重伤) are part of the injured.
    expect(fieldsOf(await r({ injured: 2, seriouslyInjured: 3 }))).toEqual([expect.objectContaining({ field: 'input.seriouslyInjured', rule: 'notAboveInjured' })]);
    expect(fieldsOf(await r({ seriouslyInjured: -1 }))).toEqual([expect.objectContaining({ field: 'input.seriouslyInjured', rule: 'min' })]);
    expect(fieldsOf(await r({ reportedAt: new Date(Date.now() + HOUR).toISOString() }))).toEqual([expect.objectContaining({ field: 'input.reportedAt', rule: 'notFuture' })]);
    expect(fieldsOf(await r({ reportedAt: hoursAgo(6) }))).toEqual([expect.objectContaining({ field: 'input.reportedAt', rule: 'notBeforeOccurred' })]);
    expect((await r({ reportedAt: hoursAgo(2) })).body.errors).toBeUndefined();
    expect(fieldsOf(await report(wenfeng, { incidentId: incident.id, kind: 'CONTINUED', reportedAt: hoursAgo(3) }))).toEqual([expect.objectContaining({ field: 'input.reportedAt', rule: 'notBeforePrevious' })]);
    expect(fieldsOf(await mutate(wenfeng, 'updateIncident', 'UpdateIncidentInput', { id: incident.id, version: 1, occurredAt: hoursAgo(1) }))).toEqual([expect.objectContaining({ field: 'input.occurredAt', rule: 'notAfterReports' })]);
    expect(fieldsOf(await mutate(wenfeng, 'updateIncident', 'UpdateIncidentInput', { id: incident.id, version: 1, title: null }))).toEqual([expect.objectContaining({ field: 'input.title' })]);
    expect(fieldsOf(await anban(`{ incidents(filter: { from: "${TODAY}", to: "${YEAR - 1}-01-01" }) { totalCount } }`))).toEqual([expect.objectContaining({ field: 'filter.to', rule: 'notBeforeFrom' })]);
    expect(fieldsOf(await anban(`{ incidents(first: 101) { totalCount } }`))).toEqual([expect.objectContaining({ field: 'first', rule: 'max' })]);
  });

  it('updates with the version read (stale → CONFLICT) and writes an audit entry for each change', async () => {
    const incident = await open(wenfeng, { title: '审计灾情', affectedOrganizationIds: [WENFENG], initialReport: { affectedPeople: 1 } });
    const updated = (await mutate(wenfeng, 'updateIncident', 'UpdateIncidentInput', { id: incident.id, version: 1, title: '审计灾情（更正）', description: '更正标题', location: { longitude: 107.09, latitude: 29.07 } })).body.data!['updateIncident'];
    expect(updated).toMatchObject({ version: 2, title: '审计灾情（更正）', description: '更正标题', location: { longitude: 107.09, latitude: 29.07 } });
    expect(errorOf(await mutate(wenfeng, 'updateIncident', 'UpdateIncidentInput', { id: incident.id, version: 1, title: '旧版本' }))).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    // Only the affected villages change: the version still moves.
    const cleared = (await mutate(wenfeng, 'updateIncident', 'UpdateIncidentInput', { id: incident.id, version: 2, affectedOrganizationIds: [] })).body.data!['updateIncident'];
    expect(cleared).toMatchObject({ version: 3, affectedOrganizations: { totalCount: 0 } });
    await move(wenfeng, incident.id, 3, 'RESPONDING');
    const continued = (await report(wenfeng, { incidentId: incident.id, kind: 'CONTINUED', affectedPeople: 2 })).body.data!['addDamageReport'];

    const log = async (id: string) =>
      (await admin(`query($id: UUID!) { auditLog(filter: { entityId: $id }) { edges { node { action entityType } } } }`, { id })).body.data!['auditLog'].edges.map((e: any) => e.node);
    expect(await log(incident.id)).toEqual([
      { action: 'rescue.incident.move', entityType: 'Incident' },
      { action: 'rescue.incident.update', entityType: 'Incident' },
      { action: 'rescue.incident.update', entityType: 'Incident' },
      { action: 'rescue.incident.open', entityType: 'Incident' },
    ]);
    expect(await log(continued.id)).toEqual([{ action: 'rescue.damage-report.add', entityType: 'DamageReport' }]);
  });

  it('loads incidents × organizations × reports × links in the same number of statements for any page size', async () => {
    for (let i = 0; i < 12; i++) await open(anban, { title: `批量灾情${i}`, occurredAt: hoursAgo(30), affectedOrganizationIds: [WENFENG], initialReport: { affectedPeople: i } });
    // The newest three have every kind of relation, so the small page loads all of them too.
    const [hazard] = await hazardsOf(WENFENG);
    const [warning] = (await t.gateway.database.dataSource.query(`SELECT w.id FROM warning w JOIN warning_target wt ON wt.warning_id = w.id WHERE wt.organization_id = $1 LIMIT 1`, [WENFENG])).map((r: { id: string }) => r.id);
    for (let i = 0; i < 3; i++) {
      const full = await open(wenfeng, { title: `完整灾情${i}`, occurredAt: hoursAgo(0.5), location: { longitude: 107.08, latitude: 29.07 }, affectedOrganizationIds: [WENFENG], initialReport: { affectedPeople: i } });
      await mutate(wenfeng, 'linkIncidentHazards', 'LinkIncidentHazardsInput', { id: full.id, version: 1, hazardIds: [hazard] }, 'id');
      expect((await mutate(wenfeng, 'linkIncidentWarnings', 'LinkIncidentWarningsInput', { id: full.id, version: 2, warningIds: [warning] }, 'id')).body.errors).toBeUndefined();
    }
    const q = (first: number) =>
      anban(`{ incidents(first: ${first}) { totalCount edges { node { id location { latitude } reportingOrganization { name } affectedOrganizations(first: 3) { totalCount edges { node { name } } }
        latestFigures { affectedPeople } reports { edges { node { kind reportedBy { name } incident { id } } } } hazards { edges { node { hazard { title } } } } warnings { edges { node { headline level } } } } } } }`);
    const [small, large] = [await q(3), await q(40)];
    expect(small.body.errors).toBeUndefined();
    expect(small.body.data!['incidents'].edges.map((e: any) => e.node.warnings.edges.length)).toEqual([1, 1, 1]);
    expect(large.body.data!['incidents'].edges.length).toBeGreaterThan(20);
    expect(large.statements).toBeLessThanOrEqual(small.statements);
    expect(large.statements).toBeLessThanOrEqual(12);
  });

  it('reads incidents, relief cases and supply depots with their declared relations in one compiled statement', async () => {
    const res = await admin(`{
      incidents(first: 50) { edges { node { id title reportingOrganization { name } reports { totalCount edges { node { kind sequence incident { id } reportedBy { name } } } } } } }
      reliefCases(first: 20) { edges { node { id status householdId household { id } organization { name } incident { id } steps { totalCount edges { node { toStatus case { id } } } } payments { totalCount edges { node { amountYuan case { id } organization { name } } } } } } }
      supplyDepots(first: 20) { edges { node { name organization { name } keeper { name } stock(first: 50) { totalCount edges { node { batch quantity item { name } depot { name } } } } } } }
      supplyMovements(first: 20) { edges { node { kind depot { name } toDepot { name } item { name } incident { id } household { id } } } }
    }`);
    expect(res.body.errors).toBeUndefined();
    expect(res.headers.get('x-read-compiled')).toBe('true');
    expect(res.statements).toBe(1);
    const data = res.body.data!;
    const flood = data['incidents'].edges.map((e: any) => e.node).find((i: any) => i.id === FLASH_FLOOD);
    expect(flood.reportingOrganization).toEqual({ name: '文凤村' });
    expect(flood.reports.totalCount).toBe(3);
    expect(flood.reports.edges.map((e: any) => [e.node.kind, e.node.sequence, e.node.incident.id])).toEqual([
      ['INITIAL', 1, FLASH_FLOOD],
      ['CONTINUED', 2, FLASH_FLOOD],
      ['VERIFIED', 3, FLASH_FLOOD],
    ]);
    const cases = data['reliefCases'].edges.map((e: any) => e.node);
    expect(cases.length).toBeGreaterThan(0);
    for (const c of cases) {
      expect(c.household?.id ?? null).toBe(c.householdId);
      expect(c.steps.edges.every((e: any) => e.node.case.id === c.id)).toBe(true);
      expect(c.payments.edges.every((e: any) => e.node.case.id === c.id && e.node.organization.name === c.organization.name)).toBe(true);
    }
    const depots = data['supplyDepots'].edges.map((e: any) => e.node);
    expect(depots.some((d: any) => d.stock.totalCount > 0)).toBe(true);
    for (const d of depots) expect(d.stock.edges.every((e: any) => e.node.quantity > 0 && e.node.depot.name === d.name && typeof e.node.item.name === 'string')).toBe(true);
    expect(data['supplyMovements'].edges.length).toBeGreaterThan(0);
  });
});
