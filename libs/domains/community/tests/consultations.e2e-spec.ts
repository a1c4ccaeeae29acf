import pino from 'pino';
import { startTestGateway, errorOf, fieldsOf, type GraphQLClient, type GraphQLResponse, type TestGateway } from '@platform/testing';
import { buildGatewaySchema, runSeeds, selectModules, undescribed } from '@platform/server';
import { directoryModule, seedId } from '@platform/directory';
import { accessModule } from '@platform/access';
import { todayInChina, type DomainModule } from '@platform/core';
import { communityModule } from '../src/index';
import { seedConsultations } from '../src/consultations/consultation.seed';

const MODULES = [directoryModule, accessModule, communityModule];

const TOWN = seedId('org:town');
const WENFENG = seedId('org:village-wenfeng');
const SHUANGHE = seedId('org:village-shuanghe');
const DEPT = (slug: string) => seedId(`org:dept-${slug}`);
const HEAD = (slug: string) => seedId(`person:person-dept-${slug}-head`);
const NIL = '00000000-0000-4000-8000-000000000000';
/** The seven member departments of a 1+7+N meeting in these tests. */
const SEVEN = ['emergency', 'safety', 'planning', 'agriculture', 'social', 'enforcement', 'peace'].map(DEPT);

const TODAY = todayInChina();
const YEAR = Number(TODAY.slice(0, 4));
const MONTH = Number(TODAY.slice(5, 7));
const daysAgo = (n: number) => new Date(Date.parse(`${TODAY}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
/** The flood-season months of the current year the gaps query lists: May up to the current month. */
const SEASON_SO_FAR = [5, 6, 7, 8, 9].filter((m) => m <= MONTH);

const ITEM = `id version description status dueOn doneOn note overdue ownerOrganizationId ownerPersonId owner { name } ownerOrganization { name } consultation { id }`;
const CONSULTATION = `id version organizationId kind heldOn title topics conclusions otherParticipants archivedAt organization { name }
  departments { totalCount edges { node { id name } } } actionItems { totalCount edges { node { ${ITEM} } } }`;
const GAPS = `query($year: Int!, $org: UUID) { floodSeasonConsultationGaps(year: $year, organizationId: $org) { year month status heldCount meetings { id title heldOn } } }`;
const ids = (res: GraphQLResponse, field: string) => res.body.data![field].edges.map((e: any) => e.node.id);

describe('consultations (会商研判)', () => {
  let t: TestGateway;
  let admin: GraphQLClient;
  let anban: GraphQLClient;
  let jingfa: GraphQLClient;
  let wenfeng: GraphQLClient;
  let shuanghe: GraphQLClient;
  beforeAll(async () => {
    t = await startTestGateway(MODULES, { seed: true });
    [admin, anban, jingfa, wenfeng, shuanghe] = await Promise.all([t.as('admin'), t.as('anban'), t.as('jingfa'), t.as('wenfeng'), t.as('shuanghe')]);
  });
  afterAll(() => t?.close());

  const mutate = (client: GraphQLClient, name: string, inputType: string, input: Record<string, unknown>, fields = CONSULTATION) =>
    client(`mutation($input: ${inputType}!) { ${name}(input: $input) { ${fields} } }`, { input });
  const record = async (client: GraphQLClient, input: Record<string, unknown>) => {
    const res = await mutate(client, 'recordConsultation', 'RecordConsultationInput', { organizationId: TOWN, kind: 'REGULAR', heldOn: daysAgo(3), title: '测试会商', ...input });
    expect(res.body.errors).toBeUndefined();
    return res.body.data!['recordConsultation'];
  };
  const gaps = async (client: GraphQLClient, year: number, org?: string) => (await client(GAPS, { year, org })).body.data!['floodSeasonConsultationGaps'];
  const items = (client: GraphQLClient, filter: string) => client(`{ consultationActionItems(first: 100, filter: ${filter}) { totalCount edges { node { id status overdue } } } }`);

  it('describes every schema element in Chinese and English', async () => {
    expect(undescribed(await buildGatewaySchema(selectModules(MODULES, 'all')))).toEqual([]);
  });

  it('seeds the town\'s meetings idempotently: 1+7+N with 7 departments, every month of last year, August of this year missing', async () => {
    const db = t.gateway.database.dataSource;
    const count = async () => (await db.query(`SELECT (SELECT count(*) FROM consultation)::int + (SELECT count(*) FROM consultation_action_item)::int + (SELECT count(*) FROM consultation_department)::int AS n`))[0].n;
    const before = await count();
    const area = { name: 'rescue-consultations', seed: (ctx: never) => seedConsultations(ctx) } as unknown as DomainModule;
    await runSeeds(db, [area], pino({ level: 'silent' }));
    expect(await count()).toBe(before);

    const meetings = await anban(`{ consultations(first: 100, filter: { kinds: [ONE_SEVEN_N] }) { totalCount edges { node { ${CONSULTATION} } } } }`);
    const oneSevenN = meetings.body.data!['consultations'].edges[0].node;
    expect(meetings.body.data!['consultations'].totalCount).toBe(1);
    expect(oneSevenN).toMatchObject({ organizationId: TOWN, organization: { name: '南平镇人民政府' }, otherParticipants: expect.stringContaining('区气象局') });
    expect(oneSevenN.departments.totalCount).toBe(7);
    expect(oneSevenN.departments.edges.map((e: any) => e.node.id).sort()).toEqual([...SEVEN].sort());
    // Held on 22 April (this year once past, else last year); its first two items done on 8 and 14 May once past.
    const y17 = `${YEAR}-04-22` <= TODAY ? YEAR : YEAR - 1;
    expect(oneSevenN.heldOn).toBe(`${y17}-04-22`);
    const doneBy = (day: string) => (day <= TODAY ? 'DONE' : 'OPEN');
    expect(oneSevenN.actionItems.edges.map((e: any) => e.node.status)).toEqual([doneBy(`${y17}-05-08`), doneBy(`${y17}-05-14`), 'OPEN', 'CANCELLED']);
    expect(oneSevenN.actionItems.edges[0].node).toMatchObject({ ownerOrganizationId: DEPT('emergency'), ownerPersonId: HEAD('emergency'), owner: { name: expect.any(String) }, ownerOrganization: { name: '应急管理办公室' } });

    expect((await gaps(anban, YEAR - 1)).map((m: any) => [m.month, m.status, m.heldCount])).toEqual([5, 6, 7, 8, 9].map((m) => [m, 'HELD', 1]));
    const thisYear = await gaps(anban, YEAR);
    expect(thisYear.map((m: any) => [m.month, m.status])).toEqual(SEASON_SO_FAR.map((m) => [m, m !== 8 ? 'HELD' : MONTH > 8 ? 'MISSING' : 'UPCOMING']));
    for (const m of thisYear.filter((x: any) => x.status === 'HELD')) expect(m.meetings).toEqual([expect.objectContaining({ title: `${YEAR}年${m.month}月汛期自然灾害防治研判分析会` })]);

    // Open and overdue items of the seed: the regular meeting's station check is overdue, its fire-prevention campaign is not.
    const overdue = await anban(`{ consultationActionItems(first: 100, filter: { statuses: [OPEN], overdue: true }) { edges { node { description overdue ownerOrganization { name } } } } }`);
    expect(overdue.body.data!['consultationActionItems'].edges.map((e: any) => e.node.description)).toContain('排查镇域加油站、燃气经营点安全隐患');
    const open = await anban(`{ consultationActionItems(first: 100, filter: { statuses: [OPEN], overdue: false }) { edges { node { description overdue } } } }`);
    expect(open.body.data!['consultationActionItems'].edges).toContainEqual({ node: { description: '开展森林防火宣传进村入户', overdue: false } });
  });

  it('finds exactly the missing flood-season monthly meetings of a past year', async () => {
    const year = YEAR - 3;
    const may = await record(anban, { organizationId: SHUANGHE, kind: 'FLOOD_SEASON_MONTHLY', heldOn: `${year}-05-12`, title: '五月研判' });
    const july1 = await record(anban, { organizationId: SHUANGHE, kind: 'FLOOD_SEASON_MONTHLY', heldOn: `${year}-07-25`, title: '七月研判（二）' });
    const july2 = await record(anban, { organizationId: SHUANGHE, kind: 'FLOOD_SEASON_MONTHLY', heldOn: `${year}-07-03`, title: '七月研判（一）' });
    const sept = await record(anban, { organizationId: SHUANGHE, kind: 'FLOOD_SEASON_MONTHLY', heldOn: `${year}-09-30`, title: '九月研判' });
    // Not counted: an archived June meeting, a special study in August, another village's June meeting.
    const june = await record(anban, { organizationId: SHUANGHE, kind: 'FLOOD_SEASON_MONTHLY', heldOn: `${year}-06-10`, title: '误录' });
    expect((await mutate(anban, 'archiveConsultation', 'ArchiveInput', { id: june.id, version: june.version }, 'archivedAt')).body.data!['archiveConsultation'].archivedAt).not.toBeNull();
    await record(anban, { organizationId: SHUANGHE, kind: 'SPECIAL', heldOn: `${year}-08-05`, title: '专题研判' });
    await record(anban, { organizationId: WENFENG, kind: 'FLOOD_SEASON_MONTHLY', heldOn: `${year}-06-10`, title: '文凤村六月研判' });

    expect(await gaps(anban, year, SHUANGHE)).toEqual([
      { year, month: 5, status: 'HELD', heldCount: 1, meetings: [{ id: may.id, title: '五月研判', heldOn: `${year}-05-12` }] },
      { year, month: 6, status: 'MISSING', heldCount: 0, meetings: [] },
      { year, month: 7, status: 'HELD', heldCount: 2, meetings: [{ id: july2.id, title: '七月研判（一）', heldOn: `${year}-07-03` }, { id: july1.id, title: '七月研判（二）', heldOn: `${year}-07-25` }] },
      { year, month: 8, status: 'MISSING', heldCount: 0, meetings: [] },
      { year, month: 9, status: 'HELD', heldCount: 1, meetings: [{ id: sept.id, title: '九月研判', heldOn: `${year}-09-30` }] },
    ]);
    // A future year has no months yet; a village officer reads only villages in scope; the year is bounded.
    expect(await gaps(anban, YEAR + 1)).toEqual([]);
    // An organization named out of scope is answered like a missing one: NOT_FOUND on the argument; the default (the town) out of scope asks for one.
    expect(errorOf(await wenfeng(GAPS, { year, org: SHUANGHE }))).toEqual({ code: 'NOT_FOUND', entity: 'Organization', id: SHUANGHE, field: 'organizationId' });
    expect(errorOf(await wenfeng(GAPS, { year, org: NIL }))).toEqual({ code: 'NOT_FOUND', entity: 'Organization', id: NIL, field: 'organizationId' });
    expect(fieldsOf(await wenfeng(GAPS, { year }))).toEqual([expect.objectContaining({ field: 'organizationId', rule: 'exists' })]);
    expect(fieldsOf(await anban(GAPS, { year: 1999 }))).toEqual([expect.objectContaining({ field: 'year', rule: 'min' })]);
  });

  it('keeps the current month UPCOMING until held and earlier months of this year MISSING', async () => {
    // 文凤村 holds no flood-season monthly meeting in the seed.
    const expected = (heldNow: boolean) => SEASON_SO_FAR.map((m) => [m, m < MONTH ? 'MISSING' : heldNow ? 'HELD' : 'UPCOMING']);
    expect((await gaps(wenfeng, YEAR, WENFENG)).map((m: any) => [m.month, m.status])).toEqual(expected(false));
    if (SEASON_SO_FAR.includes(MONTH)) {
      await record(anban, { organizationId: WENFENG, kind: 'FLOOD_SEASON_MONTHLY', heldOn: TODAY, title: '文凤村本月研判' });
      expect((await gaps(wenfeng, YEAR, WENFENG)).map((m: any) => [m.month, m.status])).toEqual(expected(true));
    }
  });

  it('refuses a flood-season monthly meeting outside May–September, naming the field and the rule', async () => {
    const october = await mutate(anban, 'recordConsultation', 'RecordConsultationInput', { organizationId: TOWN, kind: 'FLOOD_SEASON_MONTHLY', heldOn: `${YEAR - 2}-10-15`, title: '十月研判' });
    expect(errorOf(october)!['code']).toBe('BAD_USER_INPUT');
    expect(fieldsOf(october)).toEqual([expect.objectContaining({ field: 'input.heldOn', rule: 'floodSeason' })]);
    const regular = await record(anban, { heldOn: `${YEAR - 2}-10-15`, title: '十月常规会商' });
    const changed = await mutate(anban, 'updateConsultation', 'UpdateConsultationInput', { id: regular.id, version: regular.version, kind: 'FLOOD_SEASON_MONTHLY' });
    expect(fieldsOf(changed)).toEqual([expect.objectContaining({ field: 'input.kind', rule: 'floodSeason' })]);
    const moved = await mutate(anban, 'updateConsultation', 'UpdateConsultationInput', { id: regular.id, version: regular.version, kind: 'FLOOD_SEASON_MONTHLY', heldOn: `${YEAR - 2}-09-15` });
    expect(moved.body.data!['updateConsultation']).toMatchObject({ version: 2, kind: 'FLOOD_SEASON_MONTHLY', heldOn: `${YEAR - 2}-09-15` });
  });

  it('follows action items: open → done leaves the open list; overdue filter; cancel; stale version → CONFLICT', async () => {
    const OFFICE = DEPT('office');
    const meeting = await record(anban, {
      heldOn: daysAgo(30),
      title: '党政办督办事项会商',
      topics: ['督办', '督办', '值班值守'],
      departmentIds: [OFFICE, DEPT('emergency')],
      actionItems: [
        { description: '整理会商纪要并印发', ownerOrganizationId: OFFICE, dueOn: daysAgo(5) },
        { description: '修订值班制度', ownerOrganizationId: OFFICE, ownerPersonId: HEAD('office'), dueOn: daysAgo(-10) },
        { description: '采购应急广播', ownerOrganizationId: OFFICE, dueOn: daysAgo(-20) },
      ],
    });
    expect(meeting).toMatchObject({ version: 1, topics: ['督办', '值班值守'], departments: { totalCount: 2 } });
    const [a, b, c] = meeting.actionItems.edges.map((e: any) => e.node);
    expect([a, b, c].map((i: any) => [i.status, i.overdue, i.consultation.id])).toEqual([['OPEN', true, meeting.id], ['OPEN', false, meeting.id], ['OPEN', false, meeting.id]]);
    expect(b).toMatchObject({ ownerPersonId: HEAD('office'), owner: { name: expect.any(String) }, ownerOrganization: { name: '党政办公室' } });

    const mine = (extra = '') => items(anban, `{ ownerOrganizationId: "${OFFICE}"${extra} }`);
    expect(ids(await mine(', statuses: [OPEN]'), 'consultationActionItems')).toEqual([a.id, b.id, c.id]);
    expect(ids(await mine(', overdue: true'), 'consultationActionItems')).toEqual([a.id]);
    expect(ids(await mine(', statuses: [OPEN], overdue: false'), 'consultationActionItems')).toEqual([b.id, c.id]);

    const complete = (input: Record<string, unknown>) => mutate(anban, 'completeConsultationActionItem', 'CompleteConsultationActionItemInput', input, ITEM);
    const done = (await complete({ id: a.id, version: 1, doneOn: TODAY, note: '纪要已印发' })).body.data!['completeConsultationActionItem'];
    expect(done).toMatchObject({ version: 2, status: 'DONE', doneOn: TODAY, note: '纪要已印发', overdue: false });
    expect(ids(await mine(', statuses: [OPEN]'), 'consultationActionItems')).toEqual([b.id, c.id]);
    expect(ids(await mine(', statuses: [DONE]'), 'consultationActionItems')).toEqual([a.id]);
    expect((await mine(', overdue: true')).body.data!['consultationActionItems'].totalCount).toBe(0);

    expect(errorOf(await complete({ id: b.id, version: 2, doneOn: TODAY }))).toMatchObject({ code: 'CONFLICT', currentVersion: 1 });
    expect(fieldsOf(await complete({ id: a.id, version: 2, doneOn: TODAY }))).toEqual([expect.objectContaining({ field: 'input.id', rule: 'state', message: expect.stringContaining('(allowed from OPEN)') })]);
    expect(fieldsOf(await complete({ id: b.id, version: 1, doneOn: daysAgo(31) }))).toEqual([expect.objectContaining({ field: 'input.doneOn', rule: 'notBeforeMeeting' })]);
    expect(fieldsOf(await complete({ id: b.id, version: 1, doneOn: daysAgo(-1) }))).toEqual([expect.objectContaining({ field: 'input.doneOn', rule: 'notFuture' })]);

    const cancel = (input: Record<string, unknown>) => mutate(anban, 'cancelConsultationActionItem', 'CancelConsultationActionItemInput', input, ITEM);
    expect((await cancel({ id: c.id, version: 1, reason: '区里统一采购' })).body.data!['cancelConsultationActionItem']).toMatchObject({ version: 2, status: 'CANCELLED', note: '区里统一采购', doneOn: null });
    expect(errorOf(await cancel({ id: c.id, version: 1, reason: '重复取消' }))).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    expect(ids(await mine(', statuses: [OPEN]'), 'consultationActionItems')).toEqual([b.id]);

    const added = await mutate(anban, 'addConsultationActionItem', 'AddConsultationActionItemInput', { consultationId: meeting.id, description: '补充值班电话', ownerPersonId: HEAD('office'), dueOn: daysAgo(-5) }, ITEM);
    const d = added.body.data!['addConsultationActionItem'];
    expect(d).toMatchObject({ version: 1, status: 'OPEN', ownerOrganizationId: null, ownerPersonId: HEAD('office') });
    const after = (await anban(`query($id: UUID!) { consultation(id: $id) { version actionItems { totalCount edges { node { id } } } } }`, { id: meeting.id })).body.data!['consultation'];
    expect(after).toEqual({ version: 1, actionItems: { totalCount: 4, edges: [a, d, b, c].map((i: any) => ({ node: { id: i.id } })) } });

    // An archived meeting leaves the lists with its items, and takes no more changes.
    await mutate(anban, 'archiveConsultation', 'ArchiveInput', { id: meeting.id, version: 1 }, 'id');
    expect((await mine()).body.data!['consultationActionItems'].totalCount).toBe(0);
    expect(fieldsOf(await complete({ id: b.id, version: 1, doneOn: TODAY }))).toEqual([expect.objectContaining({ field: 'input.id', rule: 'notArchived' })]);
  });

  it('limits a village officer to the village\'s meetings and a village writer to its own: NOT_FOUND elsewhere', async () => {
    const town = await record(anban, { title: '镇级会商', actionItems: [{ description: '镇级任务', ownerOrganizationId: DEPT('emergency'), dueOn: daysAgo(-3) }] });
    const village = await record(anban, { organizationId: WENFENG, title: '文凤村会商', actionItems: [{ description: '村级任务', ownerOrganizationId: WENFENG, dueOn: daysAgo(-3) }] });

    const seen = await wenfeng(`{ consultations(first: 100) { totalCount edges { node { id organizationId } } } }`);
    const inSubtree = await anban(`{ consultations(first: 100, filter: { withinSubtreeOf: "${WENFENG}" }) { totalCount edges { node { id } } } }`);
    expect(ids(seen, 'consultations')).toEqual(ids(inSubtree, 'consultations'));
    expect(ids(seen, 'consultations')).toContain(village.id);
    expect(seen.body.data!['consultations'].edges.every((e: any) => e.node.organizationId === WENFENG)).toBe(true);
    expect((await wenfeng(`query($id: UUID!) { consultation(id: $id) { id } }`, { id: town.id })).body.data!['consultation']).toBeNull();
    const itemIds = ids(await items(wenfeng, '{ statuses: [OPEN] }'), 'consultationActionItems');
    expect(itemIds).toContain(village.actionItems.edges[0].node.id);
    expect(itemIds).not.toContain(town.actionItems.edges[0].node.id);

    // 双河村's officer, given a role to keep consultations of 双河村.
    const role = (await admin(`mutation { createRole(input: { code: "village-consultation", nameZh: "村会商记录员", description: "Keeps a village's consultations" }) { id } }`)).body.data!['createRole'].id;
    for (const permission of ['rescue.consultation:read', 'rescue.consultation:write']) {
      await admin(`mutation($input: GrantPermissionInput!) { grantPermission(input: $input) { id } }`, { input: { roleId: role, permission, scope: 'ORG_SUBTREE' } });
    }
    const user = (await admin(`{ users(first: 10, filter: { search: "shuanghe" }) { edges { node { id username } } } }`)).body.data!['users'].edges.find((e: any) => e.node.username === 'shuanghe').node.id;
    await admin(`mutation($input: AssignRoleInput!) { assignRole(input: $input) { id } }`, { input: { principalKind: 'USER', principalId: user, roleId: role, organizationId: SHUANGHE } });

    const own = await record(shuanghe, { organizationId: SHUANGHE, title: '双河村会商' });
    expect(own.organization).toEqual({ name: '双河村' });
    expect(errorOf(await mutate(shuanghe, 'updateConsultation', 'UpdateConsultationInput', { id: town.id, version: town.version, title: '越权修改' }))).toMatchObject({ code: 'NOT_FOUND', entity: 'Consultation' });
    expect(errorOf(await mutate(shuanghe, 'updateConsultation', 'UpdateConsultationInput', { id: village.id, version: village.version, title: '越权修改' }))).toMatchObject({ code: 'NOT_FOUND' });
    const item = town.actionItems.edges[0].node;
    expect(errorOf(await mutate(shuanghe, 'completeConsultationActionItem', 'CompleteConsultationActionItemInput', { id: item.id, version: 1, doneOn: TODAY }, 'id'))).toMatchObject({
      code: 'NOT_FOUND',
      entity: 'ConsultationActionItem',
    });
    expect(errorOf(await mutate(shuanghe, 'addConsultationActionItem', 'AddConsultationActionItemInput', { consultationId: town.id, description: '越权任务', ownerOrganizationId: SHUANGHE, dueOn: TODAY }, 'id'))).toEqual({
      code: 'NOT_FOUND',
      entity: 'Consultation',
      id: town.id,
      field: 'input.consultationId',
    });
    // References outside the caller's scope are answered like missing ones: NOT_FOUND on the field.
    const foreign = await mutate(shuanghe, 'recordConsultation', 'RecordConsultationInput', { organizationId: WENFENG, kind: 'REGULAR', heldOn: TODAY, title: '越权记录' });
    expect(errorOf(foreign)).toEqual({ code: 'NOT_FOUND', entity: 'Organization', id: WENFENG, field: 'input.organizationId' });
    // Departments must be organizations the caller may read: the town's offices are not 双河村's.
    const departments = await mutate(shuanghe, 'recordConsultation', 'RecordConsultationInput', { organizationId: SHUANGHE, kind: 'REGULAR', heldOn: TODAY, title: '双河村会商', departmentIds: [SHUANGHE, DEPT('emergency')] });
    expect(errorOf(departments)).toEqual({ code: 'NOT_FOUND', entity: 'Organization', id: DEPT('emergency'), field: 'input.departmentIds.1' });
    const theirs = ids(await shuanghe(`{ consultations(first: 100) { edges { node { id } } } }`), 'consultations');
    expect(theirs).toEqual(ids(await anban(`{ consultations(first: 100, filter: { withinSubtreeOf: "${SHUANGHE}" }) { edges { node { id } } } }`), 'consultations'));
    expect(theirs).toContain(own.id);
    expect(theirs).not.toContain(town.id);
  });

  it('names the field and the rule of invalid input', async () => {
    const bad = (input: Record<string, unknown>, client = anban) => mutate(client, 'recordConsultation', 'RecordConsultationInput', { organizationId: TOWN, kind: 'REGULAR', heldOn: daysAgo(1), title: '会商', ...input });
    expect(fieldsOf(await bad({ title: '会' }))).toEqual([expect.objectContaining({ field: 'input.title', rule: 'isLength' })]);
    expect(fieldsOf(await bad({ heldOn: daysAgo(-1) }))).toEqual([expect.objectContaining({ field: 'input.heldOn', rule: 'notFuture' })]);
    const malformed = await bad({ heldOn: '2025-02-30' });
    expect([malformed.status, errorOf(malformed)?.['code'], malformed.body.errors![0]!.message]).toEqual([400, 'BAD_USER_INPUT', expect.stringContaining('at "input.heldOn"; LocalDate must be a calendar day YYYY-MM-DD')]);
    expect(fieldsOf(await bad({ departmentIds: Array.from({ length: 31 }, () => NIL) }))).toEqual([expect.objectContaining({ field: 'input.departmentIds', rule: 'arrayMaxSize' })]);
    expect(errorOf(await bad({ departmentIds: [NIL] }))).toEqual({ code: 'NOT_FOUND', entity: 'Organization', id: NIL, field: 'input.departmentIds.0' });
    expect(errorOf(await bad({ actionItems: [{ description: '任务', ownerOrganizationId: NIL, dueOn: TODAY }] }))).toEqual({ code: 'NOT_FOUND', entity: 'Organization', id: NIL, field: 'input.actionItems.0.ownerOrganizationId' });
    expect(fieldsOf(await bad({ kind: 'ONE_SEVEN_N', departmentIds: SEVEN.slice(0, 3) }))).toEqual([expect.objectContaining({ field: 'input.departmentIds', rule: 'oneSevenN' })]);
    const tooMany = Array.from({ length: 51 }, () => ({ description: '任务', ownerOrganizationId: TOWN, dueOn: TODAY }));
    expect(fieldsOf(await bad({ actionItems: tooMany }))).toEqual([expect.objectContaining({ field: 'input.actionItems', rule: 'arrayMaxSize' })]);
    expect(fieldsOf(await bad({ actionItems: [{ description: '任务', ownerOrganizationId: TOWN, dueOn: TODAY }, { description: '无人负责', dueOn: TODAY }] }))).toEqual([
      expect.objectContaining({ field: 'input.actionItems.1.ownerOrganizationId', rule: 'required' }),
    ]);
    expect(fieldsOf(await bad({ actionItems: [{ description: '任务', ownerOrganizationId: TOWN, dueOn: daysAgo(2) }] }))).toEqual([
      expect.objectContaining({ field: 'input.actionItems.0.dueOn', rule: 'notBeforeMeeting' }),
    ]);
    expect(fieldsOf(await bad({ actionItems: [{ description: '任', ownerOrganizationId: TOWN, dueOn: TODAY }] }))).toEqual([expect.objectContaining({ field: 'input.actionItems.0.description', rule: 'isLength' })]);
    // 经发办's officer may write consultations but reads only the persons of 经发办.
    const foreignOwner = await bad({ actionItems: [{ description: '任务', ownerPersonId: HEAD('emergency'), dueOn: TODAY }] }, jingfa);
    expect(errorOf(foreignOwner)).toEqual({ code: 'NOT_FOUND', entity: 'Person', id: HEAD('emergency'), field: 'input.actionItems.0.ownerPersonId' });
    expect((await bad({ actionItems: [{ description: '任务', ownerPersonId: HEAD('economy'), dueOn: TODAY }] }, jingfa)).body.errors).toBeUndefined();
    expect(fieldsOf(await anban(`{ consultations(filter: { from: "${TODAY}", to: "${daysAgo(1)}" }) { totalCount } }`))).toEqual([expect.objectContaining({ field: 'filter.to', rule: 'notBeforeFrom' })]);
    expect(fieldsOf(await anban(`{ consultationActionItems(first: 101) { totalCount } }`))).toEqual([expect.objectContaining({ field: 'first', rule: 'max' })]);
    // Nothing half-written: a refused record leaves no meeting behind.
    expect((await anban(`{ consultations(filter: { kinds: [REGULAR], withinSubtreeOf: "${TOWN}", from: "${daysAgo(1)}", to: "${daysAgo(1)}" }) { edges { node { title } } } }`)).body.data!['consultations'].edges.map((e: any) => e.node.title)).toEqual(['会商']);
  });

  it('writes an audit entry for each change, readable by the administrator', async () => {
    const meeting = await record(anban, { title: '审计会商', actionItems: [{ description: '审计任务', ownerOrganizationId: TOWN, dueOn: TODAY }] });
    const updated = (await mutate(anban, 'updateConsultation', 'UpdateConsultationInput', { id: meeting.id, version: 1, conclusions: '形成结论', departmentIds: [DEPT('emergency')] })).body.data!['updateConsultation'];
    expect(updated).toMatchObject({ version: 2, conclusions: '形成结论', departments: { totalCount: 1 } });
    expect(errorOf(await mutate(anban, 'updateConsultation', 'UpdateConsultationInput', { id: meeting.id, version: 1, title: '旧版本' }))).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    const item = meeting.actionItems.edges[0].node;
    await mutate(anban, 'completeConsultationActionItem', 'CompleteConsultationActionItemInput', { id: item.id, version: 1, doneOn: TODAY }, 'id');

    const log = async (id: string) =>
      (await admin(`query($id: UUID!) { auditLog(filter: { entityId: $id }) { edges { node { action entityType } } } }`, { id })).body.data!['auditLog'].edges.map((e: any) => e.node);
    expect(await log(meeting.id)).toEqual([
      { action: 'rescue.consultation.update', entityType: 'Consultation' },
      { action: 'rescue.consultation.record', entityType: 'Consultation' },
    ]);
    expect(await log(item.id)).toEqual([{ action: 'rescue.consultation-action-item.complete', entityType: 'ConsultationActionItem' }]);
  });

  it('reaches meetings and action items by their global id within scope', async () => {
    const meeting = await record(anban, { organizationId: WENFENG, title: '节点会商', actionItems: [{ description: '节点任务', ownerOrganizationId: WENFENG, dueOn: TODAY }] });
    const ids = (await anban(`query($id: UUID!) { consultation(id: $id) { nodeId actionItems { edges { node { nodeId } } } } }`, { id: meeting.id })).body.data!['consultation'];
    const byNode = `query($n: [ID!]!) { nodes(nodeIds: $n) { __typename ... on Consultation { id title } ... on ConsultationActionItem { id description } } }`;
    const both = [ids.nodeId, ids.actionItems.edges[0].node.nodeId];
    expect((await wenfeng(byNode, { n: both })).body.data!['nodes']).toEqual([
      { __typename: 'Consultation', id: meeting.id, title: '节点会商' },
      { __typename: 'ConsultationActionItem', id: meeting.actionItems.edges[0].node.id, description: '节点任务' },
    ]);
    // 双河村's officer reads no meetings of 文凤村: neither the meeting nor its item (whose scope is the meeting's).
    expect((await shuanghe(byNode, { n: both })).body).toEqual({ data: { nodes: [null, null] } });
  });

  it('announces each change through the catalog\'s events: the item\'s steps with the meeting and its organization', async () => {
    const events: Array<{ type: string; payload: unknown }> = [];
    const names = ['rescue.consultation.recorded', 'rescue.consultation.updated', 'rescue.consultation.archived', 'rescue.consultation.actionItemAdded', 'rescue.consultation.actionItemCompleted', 'rescue.consultation.actionItemCancelled'];
    const unsubscribe = names.map((name) => t.gateway.events.subscribe(name, (e) => events.push({ type: e.type, payload: e.payload })));
    try {
      const meeting = await record(anban, { organizationId: WENFENG, title: '事件会商', actionItems: [{ description: '事件任务', ownerOrganizationId: WENFENG, dueOn: TODAY }] });
      const [first] = meeting.actionItems.edges.map((e: any) => e.node);
      const added = (await mutate(anban, 'addConsultationActionItem', 'AddConsultationActionItemInput', { consultationId: meeting.id, description: '补充任务', ownerOrganizationId: WENFENG, dueOn: TODAY }, 'id')).body.data!['addConsultationActionItem'];
      await mutate(anban, 'completeConsultationActionItem', 'CompleteConsultationActionItemInput', { id: first.id, version: 1, doneOn: TODAY }, 'id');
      await mutate(anban, 'cancelConsultationActionItem', 'CancelConsultationActionItemInput', { id: added.id, version: 1, reason: '合并办理' }, 'id');
      await mutate(anban, 'updateConsultation', 'UpdateConsultationInput', { id: meeting.id, version: 1, title: '事件会商（改）' }, 'id');
      await mutate(anban, 'archiveConsultation', 'ArchiveInput', { id: meeting.id, version: 2 }, 'id');
      await new Promise((resolve) => setImmediate(resolve));
      const of = (id: string) => ({ id, consultationId: meeting.id, organizationId: WENFENG });
      expect(events).toEqual([
        { type: 'rescue.consultation.recorded', payload: { id: meeting.id, organizationId: WENFENG, kind: 'REGULAR', actionItems: 1 } },
        { type: 'rescue.consultation.actionItemAdded', payload: of(added.id) },
        { type: 'rescue.consultation.actionItemCompleted', payload: of(first.id) },
        { type: 'rescue.consultation.actionItemCancelled', payload: of(added.id) },
        { type: 'rescue.consultation.updated', payload: { id: meeting.id, organizationId: WENFENG } },
        { type: 'rescue.consultation.archived', payload: { id: meeting.id, organizationId: WENFENG } },
      ]);
    } finally {
      for (const u of unsubscribe) u();
    }
    // The steps' audit entries keep their actions and list each changed field before and after.
    const [complete] = await t.gateway.database.dataSource.query(`SELECT changes FROM audit_log WHERE action = 'rescue.consultation-action-item.complete' ORDER BY occurred_at DESC LIMIT 1`);
    expect(complete.changes).toEqual({ status: ['OPEN', 'DONE'], doneOn: [null, TODAY] });
  });

  it('loads meetings × departments × items × owners in the same number of statements for any page size', async () => {
    const q = (first: number) =>
      anban(`{ consultations(first: ${first}) { totalCount edges { node { id organization { name } departments(first: 3) { totalCount edges { node { name } } }
        actionItems { edges { node { overdue owner { name } ownerOrganization { name } consultation { title } } } } } } } }`);
    const [small, large] = [await q(8), await q(40)];
    expect(small.body.errors).toBeUndefined();
    expect(large.body.data!['consultations'].edges.length).toBeGreaterThan(20);
    expect(large.statements).toBeLessThanOrEqual(small.statements);
    expect(large.statements).toBeLessThanOrEqual(10);
  });

  it('reads meetings × departments × items with their organizations and meeting in one compiled statement', async () => {
    const res = await anban(`{ consultations(first: 5, filter: { kinds: [ONE_SEVEN_N] }) { edges { node { id title organization { name }
      departments(first: 10) { totalCount edges { node { id name } } }
      actionItems(first: 10) { totalCount edges { node { description status dueOn ownerOrganization { name } consultation { id } } } } } } } }`);
    expect(res.body.errors).toBeUndefined();
    expect(res.headers.get('x-read-compiled')).toBe('true');
    expect(res.statements).toBe(1);
    const [meeting] = res.body.data!['consultations'].edges.map((e: any) => e.node);
    expect(meeting).toMatchObject({ organization: { name: '南平镇人民政府' }, departments: { totalCount: 7 }, actionItems: { totalCount: 4 } });
    expect(meeting.departments.edges.map((e: any) => e.node.id).sort()).toEqual([...SEVEN].sort());
    expect(meeting.actionItems.edges[0].node).toMatchObject({ ownerOrganization: { name: '应急管理办公室' }, consultation: { id: meeting.id } });
  });
});
