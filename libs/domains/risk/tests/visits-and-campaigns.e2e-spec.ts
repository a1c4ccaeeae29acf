import { startTestGateway, errorOf, fieldsOf, type GraphQLClient, type TestGateway } from '@platform/testing';
import { directoryModule, seedId } from '@platform/directory';
import { accessModule } from '@platform/access';
import { riskModule } from '../src/index';
import { todayInChina } from '@platform/core';

const NANPING_STATION = seedId('org:ent-sinopec-nanping');
const LONGMEN_STATION = seedId('org:ent-sinopec-longmen');
const CHUANPING = seedId('org:ent-chuanping-construction');
const WENFENG = seedId('org:village-wenfeng');
const NOWHERE = '00000000-0000-4000-8000-000000000000';
const VISIT = `id version organizationId expertName visitedOn findings organization { name } hazards { totalCount edges { node { id title source status category } } }`;
const PROGRESS = `targets targetsWithHazards hazards closed open overdue closedShare`;
const daysAgo = (n: number) => new Date(Date.parse(`${todayInChina()}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

describe('expert visits (专家进企业) and special rectification campaigns (专项整治)', () => {
  let t: TestGateway;
  let expert: GraphQLClient;
  let station: GraphQLClient;
  let shuanghe: GraphQLClient;
  let wenfeng: GraphQLClient;
  let jingfa: GraphQLClient;
  let office: GraphQLClient;
  beforeAll(async () => {
    t = await startTestGateway([directoryModule, accessModule, riskModule], { seed: true });
    [expert, station, shuanghe, wenfeng, jingfa, office] = await Promise.all(['expert', 'sinopec-nanping', 'shuanghe', 'wenfeng', 'jingfa', 'anban'].map((u) => t.as(u)));
  });
  afterAll(() => t?.close());

  const sql = (query: string, params: unknown[] = []) => t.gateway.database.dataSource.query(query, params);
  const recordVisit = (client: GraphQLClient, input: Record<string, unknown>) =>
    client(`mutation($input: RecordExpertVisitInput!) { recordExpertVisit(input: $input) { ${VISIT} } }`, { input });
  const visitInput = (findings: string, hazards: Array<Record<string, unknown>>, extra: Record<string, unknown> = {}) => ({
    organizationId: NANPING_STATION,
    expertName: '王建国',
    visitedOn: daysAgo(1),
    findings,
    hazards,
    ...extra,
  });

  it('records a visit with the hazards it raised, readable by the enterprise and not by another village', async () => {
    const res = await recordVisit(
      expert,
      visitInput('加油区及配电室专项指导，发现两处隐患。', [
        { title: '卸油口静电接地报警器失灵', category: 'WORK_SAFETY', description: '卸油时报警器无响应' },
        { title: '配电室灭火器压力不足', category: 'FIRE' },
      ]),
    );
    expect(res.body.errors).toBeUndefined();
    const visit = res.body.data!['recordExpertVisit'];
    expect(visit).toMatchObject({ version: 1, organizationId: NANPING_STATION, expertName: '王建国', visitedOn: daysAgo(1), organization: { name: expect.stringContaining('南平加油站') } });
    expect(visit.hazards.totalCount).toBe(2);
    expect(visit.hazards.edges.map((e: any) => e.node.title).sort()).toEqual(['卸油口静电接地报警器失灵', '配电室灭火器压力不足'].sort());
    expect(visit.hazards.edges.every((e: any) => e.node.source === 'EXPERT_VISIT' && e.node.status === 'REPORTED')).toBe(true);
    const hazardIds: string[] = visit.hazards.edges.map((e: any) => e.node.id);
    const rows = await sql(`SELECT h.source, h.status, h.organization_id FROM expert_visit_hazard l JOIN hazard h ON h.id = l.hazard_id WHERE l.visit_id = $1`, [visit.id]);
    expect(rows).toEqual([0, 1].map(() => ({ source: 'EXPERT_VISIT', status: 'REPORTED', organization_id: NANPING_STATION })));

    // The enterprise's safety manager sees the visit and takes the hazards up in its own workflow.
    const seen = await station(`query($id: UUID!) { expertVisit(id: $id) { findings hazards { totalCount } } }`, { id: visit.id });
    expect(seen.body.data!['expertVisit']).toEqual({ findings: '加油区及配电室专项指导，发现两处隐患。', hazards: { totalCount: 2 } });
    for (const id of hazardIds) {
      expect((await station(`query($id: UUID!) { hazard(id: $id) { source } }`, { id })).body.data!['hazard']).toEqual({ source: 'EXPERT_VISIT' });
      expect((await shuanghe(`query($id: UUID!) { hazard(id: $id) { id } }`, { id })).body.data!['hazard']).toBeNull();
    }
    expect((await shuanghe(`query($id: UUID!) { expertVisit(id: $id) { id } }`, { id: visit.id })).body.data!['expertVisit']).toBeNull();
    expect((await shuanghe(`{ expertVisits { totalCount } }`)).body.data!['expertVisits'].totalCount).toBe(0);

    const list = async (client: GraphQLClient, filter: string) =>
      (await client(`{ expertVisits(first: 50, filter: ${filter}) { totalCount edges { node { id } } } }`)).body.data!['expertVisits'].edges.map((e: any) => e.node.id);
    expect(await list(station, `{}`)).toEqual([visit.id]);
    expect(await list(office, `{ from: "${daysAgo(1)}", to: "${daysAgo(1)}" }`)).toContain(visit.id);
    expect(await list(office, `{ from: "${daysAgo(0)}" }`)).not.toContain(visit.id);
    expect(await list(office, `{ withinSubtreeOf: "${WENFENG}" }`)).not.toContain(visit.id);

    const audits = await sql(`SELECT action FROM audit_log WHERE entity_id = ANY($1) ORDER BY action`, [[visit.id, ...hazardIds]]);
    expect(audits.map((a: any) => a.action)).toEqual(['risk.expert-visit.record', 'risk.hazard.report', 'risk.hazard.report']);
  });

  it('writes nothing when one of its hazards is invalid', async () => {
    const count = async () => (await sql(`SELECT (SELECT count(*)::int FROM expert_visit) AS visits, (SELECT count(*)::int FROM hazard) AS hazards`))[0];
    const before = await count();
    const res = await recordVisit(expert, visitInput('油罐区巡查，记录一处隐患。', [{ title: '油罐区警示标志缺失', category: 'WORK_SAFETY' }, { title: '   ', category: 'FIRE' }]));
    // A blank title is trimmed to "" and refused by its length rule before anything is written.
    expect(fieldsOf(res)).toEqual([expect.objectContaining({ field: 'input.hazards.1.title', rule: 'isLength' })]);
    expect(await count()).toEqual(before);
    expect(await sql(`SELECT id FROM hazard WHERE title = '油罐区警示标志缺失'`)).toEqual([]);

    expect(fieldsOf(await recordVisit(expert, visitInput('未来的指导。', [], { visitedOn: daysAgo(-2) })))).toEqual([expect.objectContaining({ field: 'input.visitedOn', rule: 'notFuture' })]);
    expect(fieldsOf(await recordVisit(expert, visitInput('村委会不是企业。', [], { organizationId: WENFENG })))).toEqual([expect.objectContaining({ field: 'input.organizationId', rule: 'exists' })]);
    expect(errorOf(await recordVisit(expert, visitInput('查无此企业。', [], { organizationId: NOWHERE })))).toEqual({ code: 'NOT_FOUND', entity: 'Organization', id: NOWHERE, field: 'input.organizationId' });
    const tooMany = await recordVisit(expert, visitInput('隐患过多。', Array.from({ length: 21 }, (_, i) => ({ title: `隐患${i}号`, category: 'OTHER' }))));
    expect(fieldsOf(tooMany)[0]).toMatchObject({ field: 'input.hazards', rule: 'arrayMaxSize' });
    expect(await count()).toEqual(before);
  });

  it('refuses a visit by a role without the permission', async () => {
    for (const client of [wenfeng, station]) {
      expect(errorOf(await recordVisit(client, visitInput('越权记录。', [])))).toMatchObject({ code: 'FORBIDDEN', permission: 'risk.expert-visit:write' });
    }
    const byInspector = await recordVisit(await t.as('zhifa'), visitInput('执法人员陪同专家检查，未发现隐患。', []));
    expect(byInspector.body.data!['recordExpertVisit'].hazards.totalCount).toBe(0);
  });

  it('follows a campaign through its targets and linked hazards, with progress counted in your scope', async () => {
    const create = (client: GraphQLClient, input: Record<string, unknown>) =>
      client(`mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { id version name sectorCode startsOn endsOn } }`, { input });
    const base = { name: '危险化学品经营单位专项整治', sectorCode: 'HAZARDOUS_CHEMICALS', startsOn: daysAgo(10), endsOn: daysAgo(-20) };
    expect(errorOf(await create(wenfeng, base))).toMatchObject({ code: 'FORBIDDEN', permission: 'risk.campaign:write' });
    expect(fieldsOf(await create(jingfa, { ...base, endsOn: daysAgo(11) }))).toEqual([expect.objectContaining({ field: 'input.endsOn', rule: 'notBeforeStart' })]);
    expect(fieldsOf(await create(jingfa, { ...base, sectorCode: 'NO_SUCH_SECTOR' }))).toEqual([expect.objectContaining({ field: 'input.sectorCode', rule: 'exists' })]);
    let c = (await create(jingfa, base)).body.data!['createCampaign'];
    expect(c).toMatchObject({ version: 1, sectorCode: 'HAZARDOUS_CHEMICALS', startsOn: daysAgo(10), endsOn: daysAgo(-20) });
    // Campaigns are town-wide (every row in scope), yet only for callers who may read hazards at all:
    // by global id, an anonymous caller gets null like for a missing record.
    const byNode = `query($n: ID!) { node(nodeId: $n) { ... on Campaign { id } } }`;
    const { nodeId } = (await jingfa(`query($id: UUID!) { campaign(id: $id) { nodeId } }`, { id: c.id })).body.data!['campaign'];
    expect((await wenfeng(byNode, { n: nodeId })).body.data!['node']).toEqual({ id: c.id });
    expect((await t.gql(byNode, { n: nodeId })).body).toEqual({ data: { node: null } });

    const update = (input: Record<string, unknown>) => jingfa(`mutation($input: UpdateCampaignInput!) { updateCampaign(input: $input) { id version name description } }`, { input });
    c = (await update({ id: c.id, version: 1, description: '加油站、液化气站全覆盖检查' })).body.data!['updateCampaign'];
    expect(c).toMatchObject({ version: 2, name: base.name, description: '加油站、液化气站全覆盖检查' });
    expect(errorOf(await update({ id: c.id, version: 1, name: '过期版本' }))).toMatchObject({ code: 'CONFLICT' });
    expect(fieldsOf(await update({ id: c.id, version: 2, endsOn: daysAgo(30) }))).toEqual([expect.objectContaining({ field: 'input.endsOn', rule: 'notBeforeStart' })]);

    const targets = await jingfa(`mutation($c: UUID!, $o: [UUID!]!) { addCampaignTargets(campaignId: $c, organizationIds: $o) { id version } }`, { c: c.id, o: [NANPING_STATION, LONGMEN_STATION, CHUANPING, NANPING_STATION] });
    expect(targets.body.data!['addCampaignTargets']).toEqual({ id: c.id, version: 2 });
    // A missing organization (or one outside the caller's scope) answers NOT_FOUND naming its place in the list.
    const nobody = await jingfa(`mutation($c: UUID!, $o: [UUID!]!) { addCampaignTargets(campaignId: $c, organizationIds: $o) { id } }`, { c: c.id, o: [NANPING_STATION, NOWHERE] });
    expect(errorOf(nobody)).toEqual({ code: 'NOT_FOUND', entity: 'Organization', id: NOWHERE, field: 'organizationIds.1' });

    const report = async (organizationId: string, title: string) =>
      (await office(`mutation($input: ReportHazardInput!) { reportHazard(input: $input) { id } }`, { input: { organizationId, title, category: 'WORK_SAFETY', source: 'INSPECTION' } })).body.data!['reportHazard'].id as string;
    const closed = await report(NANPING_STATION, '加油机防撞柱缺失');
    const overdue = await report(NANPING_STATION, '罩棚照明防爆不符合要求');
    const open = await report(CHUANPING, '施工现场临时用电无漏保');
    const rejected = await report(NANPING_STATION, '重复上报：加油机防撞柱');
    await sql(`UPDATE hazard SET status = 'CLOSED', closed_at = now() WHERE id = $1`, [closed]);
    await sql(`UPDATE hazard SET status = 'PLANNED', deadline = (now() AT TIME ZONE 'Asia/Shanghai')::date - 3 WHERE id = $1`, [overdue]);
    await sql(`UPDATE hazard SET status = 'REJECTED' WHERE id = $1`, [rejected]);
    const link = (ids: string[]) => jingfa(`mutation($c: UUID!, $h: [UUID!]!) { linkCampaignHazards(campaignId: $c, hazardIds: $h) { id } }`, { c: c.id, h: ids });
    expect((await link([closed, overdue, open, rejected])).body.errors).toBeUndefined();
    expect((await link([closed])).body.errors).toBeUndefined();
    expect(errorOf(await link([NOWHERE]))).toEqual({ code: 'NOT_FOUND', entity: 'Hazard', id: NOWHERE, field: 'hazardIds.0' });

    const read = async (client: GraphQLClient) => {
      const res = await client(
        `query($id: UUID!) { campaign(id: $id) { progress { ${PROGRESS} } targets { totalCount edges { node { organizationId organization { id } } } } hazards { totalCount edges { node { id } } } } }`,
        { id: c.id },
      );
      expect(res.body.errors).toBeUndefined();
      return res.body.data!['campaign'];
    };
    // The department sees everything: 3 targets, 2 of them with hazards; rejected hazards are not counted.
    const all = await read(jingfa);
    expect(all.progress).toEqual({ targets: 3, targetsWithHazards: 2, hazards: 3, closed: 1, open: 2, overdue: 1, closedShare: 1 / 3 });
    expect(all.targets.totalCount).toBe(3);
    expect(all.hazards.totalCount).toBe(4);
    // 双河村 sees its construction company only; the gas station sees itself only.
    expect((await read(shuanghe)).progress).toEqual({ targets: 1, targetsWithHazards: 1, hazards: 1, closed: 0, open: 1, overdue: 0, closedShare: 0 });
    const own = await read(station);
    expect(own.progress).toEqual({ targets: 1, targetsWithHazards: 1, hazards: 2, closed: 1, open: 1, overdue: 1, closedShare: 0.5 });
    expect(own.targets.edges.map((e: any) => e.node.organizationId)).toEqual([NANPING_STATION]);
    expect(own.hazards.edges.map((e: any) => e.node.id).sort()).toEqual([closed, overdue, rejected].sort());

    const active = async (day: string) => (await wenfeng(`{ campaigns(first: 50, filter: { activeOn: "${day}" }) { edges { node { id } } } }`)).body.data!['campaigns'].edges.map((e: any) => e.node.id);
    expect(await active(daysAgo(0))).toContain(c.id);
    expect(await active(daysAgo(-21))).not.toContain(c.id);

    const audits = await sql(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY occurred_at, action`, [c.id]);
    expect(audits.map((a: any) => a.action)).toEqual(['risk.campaign.create', 'risk.campaign.update', 'risk.campaign.addTargets', 'risk.campaign.linkHazards', 'risk.campaign.linkHazards']);
  });

  it('counts the progress of any number of campaigns in one statement', async () => {
    const hazardIds = (await sql(`SELECT id FROM hazard WHERE status <> 'REJECTED' ORDER BY found_at DESC LIMIT 6`)).map((r: any) => r.id);
    for (const name of ['燃气安全专项整治', '烟花爆竹专项整治', '非煤矿山专项整治']) {
      const c = (await jingfa(`mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }`, { input: { name, startsOn: daysAgo(5), endsOn: daysAgo(-5) } })).body.data!['createCampaign'];
      await jingfa(`mutation($c: UUID!, $o: [UUID!]!) { addCampaignTargets(campaignId: $c, organizationIds: $o) { id } }`, { c: c.id, o: [NANPING_STATION, CHUANPING] });
      await jingfa(`mutation($c: UUID!, $h: [UUID!]!) { linkCampaignHazards(campaignId: $c, hazardIds: $h) { id } }`, { c: c.id, h: hazardIds });
    }
    const q = (n: number) => `{ campaigns(first: ${n}) { edges { node { progress { hazards closed } } } } }`;
    const small = await jingfa(q(1));
    const large = await jingfa(q(20));
    expect(small.body.errors).toBeUndefined();
    expect(large.body.errors).toBeUndefined();
    expect(small.body.data!['campaigns'].edges).toHaveLength(1);
    expect(large.body.data!['campaigns'].edges.length).toBeGreaterThanOrEqual(4);
    expect(large.body.data!['campaigns'].edges.filter((e: any) => e.node.progress.hazards === 6).length).toBe(3);
    // campaigns, progress of all campaigns
    expect(small.statements).toBe(2);
    expect(large.statements).toBe(small.statements);
  });

  it('reads campaigns and expert visits with their targets, linked hazards, organizations and experts in one compiled statement', async () => {
    const res = await jingfa(`{
      campaigns(first: 20) { edges { node { id name targets(first: 10) { totalCount edges { node { organizationId organization { name } campaign { name } } } } hazards(first: 10) { totalCount edges { node { id title status } } } } } }
      expertVisits(first: 20) { edges { node { findings organization { name } expert { name } hazards { totalCount edges { node { title source } } } } } }
    }`);
    expect(res.body.errors).toBeUndefined();
    expect(res.headers.get('x-read-compiled')).toBe('true');
    expect(res.statements).toBe(1);
    const campaign = res.body.data!['campaigns'].edges.map((e: any) => e.node).find((c: any) => c.name === '危险化学品经营单位专项整治');
    expect(campaign.targets.totalCount).toBe(3);
    expect(campaign.targets.edges.map((e: any) => e.node.campaign.name)).toEqual([campaign.name, campaign.name, campaign.name]);
    expect(campaign.targets.edges.map((e: any) => e.node.organizationId).sort()).toEqual([NANPING_STATION, LONGMEN_STATION, CHUANPING].sort());
    expect(campaign.targets.edges.every((e: any) => typeof e.node.organization.name === 'string')).toBe(true);
    // Linked hazards: rejected ones too (only progress leaves them out), newest found first.
    expect(campaign.hazards.totalCount).toBe(4);
    expect(campaign.hazards.edges.map((e: any) => e.node.title)).toContain('加油机防撞柱缺失');
    const visit = res.body.data!['expertVisits'].edges.map((e: any) => e.node).find((v: any) => v.findings === '加油区及配电室专项指导，发现两处隐患。');
    expect(visit.organization.name).toContain('南平加油站');
    expect(visit.hazards.totalCount).toBe(2);
    expect(visit.hazards.edges.map((e: any) => e.node.title).sort()).toEqual(['卸油口静电接地报警器失灵', '配电室灭火器压力不足'].sort());
    expect(visit.hazards.edges.every((e: any) => e.node.source === 'EXPERT_VISIT')).toBe(true);
  });
});
