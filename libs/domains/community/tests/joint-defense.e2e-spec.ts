import pino from 'pino';
import { startTestGateway, errorOf, fieldsOf, type GraphQLClient, type TestGateway } from '@platform/testing';
import { buildGatewaySchema, runSeeds, selectModules, undescribed } from '@platform/server';
import { directoryModule, seedId } from '@platform/directory';
import { accessModule } from '@platform/access';
import { InProcessEventBus, RequestContext, SYSTEM, type Principal } from '@platform/core';
import { communityModule } from '../src/index';
import { householdsInOrganizations } from '../src/index';

const MODULES = [directoryModule, accessModule, communityModule];

const TOWN = seedId('org:town');
const WENFENG = seedId('org:village-wenfeng');
const GRID_1 = seedId('org:grid-wenfeng-1');
const GRID_2 = seedId('org:grid-wenfeng-2');
const SHUANGHE = seedId('org:village-shuanghe');
const WENFENG_LEAD = seedId('person:person-village-wenfeng-lead');
const WENFENG_EMERGENCY = seedId('person:person-village-wenfeng-emergency');
const GRIDMAN_1 = seedId('person:person-grid-wenfeng-1-gridman');
const SHUANGHE_LEAD = seedId('person:person-village-shuanghe-lead');
const NIL = '00000000-0000-4000-8000-000000000000';

const GROUP = `id version name area organizationId archivedAt leader { id name } deputy { id } organization { name } contacts { name role phone }`;
const HOUSEHOLD = `id version groupId organizationId headName address memberCount phone elderlyLivingAlone disabledMembers childrenMembers vulnerabilityNote hasVulnerableMembers sensitiveMasked archivedAt`;

describe('ten-household joint defense (十户联防)', () => {
  let t: TestGateway;
  let office: GraphQLClient;
  let wenfeng: GraphQLClient;
  let grid: GraphQLClient;
  let shuanghe: GraphQLClient;
  let jingfa: GraphQLClient;
  let integration: GraphQLClient;
  const sql = <R = any>(text: string, params: unknown[] = []): Promise<R[]> => t.gateway.database.dataSource.query(text, params);

  beforeAll(async () => {
    t = await startTestGateway(MODULES, { seed: true });
    [office, wenfeng, grid, shuanghe, jingfa] = await Promise.all([t.as('anban'), t.as('wenfeng'), t.as('wenfeng-grid1'), t.as('shuanghe'), t.as('jingfa')]);
    const admin = await t.as('admin');
    const roles = (await admin(`{ roles(first: 100) { edges { node { id code } } } }`)).body.data!['roles'].edges.map((e: any) => e.node);
    const role = roles.find((r: any) => r.code === 'integration-readonly').id;
    const created = await admin(`mutation($r: UUID!, $o: UUID!) { createApiClient(input: { name: "联防测试", roleId: $r, organizationId: $o }) { key } }`, { r: role, o: TOWN });
    const key = created.body.data!['createApiClient'].key;
    integration = (q, v) => t.gql(q, v, { 'x-api-key': key });
  });
  afterAll(() => t?.close());

  const mutate = (client: GraphQLClient, name: string, inputType: string, input: Record<string, unknown>, fields = GROUP) =>
    client(`mutation($input: ${inputType}!) { ${name}(input: $input) { ${fields} } }`, { input });
  const createGroup = async (input: Record<string, unknown>, client = wenfeng) => {
    const res = await mutate(client, 'createJointDefenseGroup', 'CreateJointDefenseGroupInput', { organizationId: GRID_1, leaderPersonId: GRIDMAN_1, ...input });
    expect(res.body.errors).toBeUndefined();
    return res.body.data!['createJointDefenseGroup'];
  };
  const addHousehold = async (input: Record<string, unknown>, client = wenfeng) => {
    const res = await mutate(client, 'addHousehold', 'AddHouseholdInput', input, HOUSEHOLD);
    expect(res.body.errors).toBeUndefined();
    return res.body.data!['addHousehold'];
  };
  const sensitiveReads = (actorKind = 'user') =>
    sql<{ entity_type: string; entity_id: string | null; changes: any }>(`SELECT entity_type, entity_id, changes FROM audit_log WHERE action = 'kernel.sensitive.read' AND actor_kind = $1 ORDER BY occurred_at`, [actorKind]);

  it('describes every schema element in Chinese and English', async () => {
    expect(undescribed(await buildGatewaySchema(selectModules(MODULES, 'all')))).toEqual([]);
  });

  it('seeds 2–4 groups of 8–12 households in every village and community, led by readable villagers, deterministically and once', async () => {
    const perVillage = await sql<{ name: string; groups: number }>(
      `SELECT v.name, count(DISTINCT g.id)::int AS groups FROM organization v
       LEFT JOIN organization o ON o.path <@ v.path LEFT JOIN joint_defense_group g ON g.organization_id = o.id
       WHERE v.kind IN ('VILLAGE','COMMUNITY') GROUP BY v.name`,
    );
    expect(perVillage.length).toBe(15);
    for (const v of perVillage) {
      expect(v.groups).toBeGreaterThanOrEqual(2);
      expect(v.groups).toBeLessThanOrEqual(4);
    }
    const sizes = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM joint_defense_household GROUP BY group_id`);
    expect(Math.min(...sizes.map((s) => s.n))).toBeGreaterThanOrEqual(8);
    expect(Math.max(...sizes.map((s) => s.n))).toBeLessThanOrEqual(12);
    const [share] = await sql<{ vulnerable: number; total: number }>(
      `SELECT count(*) FILTER (WHERE elderly_living_alone OR disabled_members > 0 OR children_members > 0 OR vulnerability_note IS NOT NULL)::int AS vulnerable, count(*)::int AS total FROM joint_defense_household`,
    );
    expect(share!.vulnerable / share!.total).toBeGreaterThan(0.07);
    expect(share!.vulnerable / share!.total).toBeLessThan(0.25);
    // The first group of 文凤村 has a stable id, sits in its first grid, and its leader is a 十户联防组长 the grid worker may read.
    const first = await grid(`query($id: UUID!) { jointDefenseGroup(id: $id) { name organization { name } leader { name positions { edges { node { title } } } } summary { households vulnerableHouseholds } } }`, {
      id: seedId(`rescue:joint-defense:group:${WENFENG}:1`),
    });
    const g = first.body.data!['jointDefenseGroup'];
    expect(g).toMatchObject({ name: expect.stringMatching(/^文凤村\d组第一联防组$/), organization: { name: '文凤村第一网格' }, leader: { name: expect.any(String) } });
    expect(g.leader.positions.edges.map((e: any) => e.node.title)).toEqual(['十户联防组长']);
    expect(g.summary.households).toBeGreaterThanOrEqual(8);
    expect(g.summary.vulnerableHouseholds).toEqual(expect.any(Number));

    const count = async () => (await sql<{ n: number }>(`SELECT (SELECT count(*) FROM joint_defense_group) + (SELECT count(*) FROM joint_defense_household) + (SELECT count(*) FROM person) AS n`))[0]!.n;
    const before = await count();
    await runSeeds(t.gateway.database.dataSource, MODULES, pino({ level: 'silent' }));
    expect(await count()).toBe(before);

    // From here on the tests keep groups of their own.
    await sql(`DELETE FROM joint_defense_household; DELETE FROM joint_defense_group`);
  });

  describe('with groups of their own', () => {
    let group: any;
    let alone: any;
    let family: any;
    let plain: any;

    it('sets up a group with its call chain and households, and lists it with its summary', async () => {
      group = await createGroup({
        name: '文凤村3组第1联防组',
        area: '文凤村3组上湾片区',
        deputyPersonId: WENFENG_EMERGENCY,
        contacts: [
          { name: '刘德兴', role: '联防组长', phone: '13812345678' },
          { name: '村委会值班', phone: '023-71234567' },
        ],
      });
      expect(group).toMatchObject({ version: 1, name: '文凤村3组第1联防组', area: '文凤村3组上湾片区', organizationId: GRID_1, archivedAt: null, leader: { id: GRIDMAN_1 }, deputy: { id: WENFENG_EMERGENCY }, organization: { name: '文凤村第一网格' } });
      expect(group.contacts).toEqual([
        { name: '刘德兴', role: '联防组长', phone: '13812345678' },
        { name: '村委会值班', role: null, phone: '023-71234567' },
      ]);

      alone = await addHousehold({ groupId: group.id, headName: '陈秀英', address: '文凤村3组', memberCount: 1, elderlyLivingAlone: true, phone: '13987654321' });
      family = await addHousehold({ groupId: group.id, headName: '冉光明', address: '文凤村3组', memberCount: 4, childrenMembers: 2, vulnerabilityNote: '行动不便' });
      plain = await addHousehold({ groupId: group.id, headName: '向国忠', address: '文凤村3组', memberCount: 3, phone: '15923456789' });
      expect(alone).toMatchObject({ version: 1, groupId: group.id, organizationId: GRID_1, memberCount: 1, elderlyLivingAlone: true, disabledMembers: 0, childrenMembers: 0, hasVulnerableMembers: true, sensitiveMasked: false, phone: '13987654321' });
      expect(family).toMatchObject({ childrenMembers: 2, vulnerabilityNote: '行动不便', hasVulnerableMembers: true, phone: null });
      expect(plain).toMatchObject({ elderlyLivingAlone: false, hasVulnerableMembers: false });

      const list = await wenfeng(`query($w: UUID!) { jointDefenseGroups(filter: { withinSubtreeOf: $w }) { totalCount edges { node { id summary { households people vulnerableHouseholds } households { totalCount edges { node { headName } } } } } } }`, { w: WENFENG });
      expect(list.body.data!['jointDefenseGroups']).toEqual({
        totalCount: 1,
        edges: [{ node: { id: group.id, summary: { households: 3, people: 8, vulnerableHouseholds: 2 }, households: { totalCount: 3, edges: [{ node: { headName: '冉光明' } }, { node: { headName: '向国忠' } }, { node: { headName: '陈秀英' } }] } } }],
      });
      const audits = await sql(`SELECT action, changes FROM audit_log WHERE entity_id = ANY($1) AND action <> 'kernel.sensitive.read' ORDER BY occurred_at, action`, [[group.id, alone.id]]);
      expect(audits.map((a: any) => a.action)).toEqual(['rescue.joint-defense-group.create', 'rescue.household.add']);
      // Personal data stays out of change entries.
      expect(JSON.stringify(audits)).not.toMatch(/13812345678|13987654321/);
      expect(audits[1].changes).toMatchObject({ headName: '陈秀英', phone: '[changed]', elderlyLivingAlone: '[changed]' });
    });

    it('shows flags and phones to holders of the sensitive permission in scope and audits each read', async () => {
      const q = `query($id: UUID!) { jointDefenseGroup(id: $id) { contacts { phone } summary { vulnerableHouseholds } households { edges { node { id phone elderlyLivingAlone childrenMembers } } } } }`;
      for (const client of [office, wenfeng, grid]) {
        const before = (await sensitiveReads()).length;
        const res = await client(q, { id: group.id });
        expect(res.body.errors).toBeUndefined();
        const g = res.body.data!['jointDefenseGroup'];
        expect(g.contacts.map((c: any) => c.phone)).toEqual(['13812345678', '023-71234567']);
        expect(g.summary.vulnerableHouseholds).toBe(2);
        expect(g.households.edges.map((e: any) => e.node)).toEqual([
          { id: family.id, phone: null, elderlyLivingAlone: false, childrenMembers: 2 },
          { id: plain.id, phone: '15923456789', elderlyLivingAlone: false, childrenMembers: 0 },
          { id: alone.id, phone: '13987654321', elderlyLivingAlone: true, childrenMembers: 0 },
        ]);
        const reads = (await sensitiveReads()).slice(before);
        const households = reads.find((r) => r.entity_type === 'Household')!;
        expect(households.changes.records).toEqual({
          [family.id]: ['elderlyLivingAlone', 'childrenMembers'],
          [plain.id]: ['phone', 'elderlyLivingAlone', 'childrenMembers'],
          [alone.id]: ['phone', 'elderlyLivingAlone', 'childrenMembers'],
        });
        const groups = reads.find((r) => r.entity_type === 'JointDefenseGroup')!;
        expect(groups.entity_id).toBe(group.id);
        expect(groups.changes.records[group.id].sort()).toEqual(['contacts', 'vulnerableHouseholds']);
      }
    });

    it('masks phones and withholds flags from readers without the sensitive permission (department, integration)', async () => {
      const q = `query($id: UUID!) { jointDefenseGroup(id: $id) { contacts { phone } summary { households people vulnerableHouseholds } households { edges { node { id phone elderlyLivingAlone disabledMembers childrenMembers vulnerabilityNote hasVulnerableMembers sensitiveMasked } } } } }`;
      for (const client of [jingfa, integration]) {
        const before = (await sensitiveReads()).length + (await sensitiveReads('api-client')).length;
        const res = await client(q, { id: group.id });
        expect(res.body.errors).toBeUndefined();
        const g = res.body.data!['jointDefenseGroup'];
        expect(g.contacts.map((c: any) => c.phone)).toEqual(['138****5678', '023*****4567']);
        expect(g.summary).toEqual({ households: 3, people: 8, vulnerableHouseholds: null });
        const withheld = { elderlyLivingAlone: null, disabledMembers: null, childrenMembers: null, vulnerabilityNote: null, hasVulnerableMembers: null, sensitiveMasked: true };
        expect(g.households.edges.map((e: any) => e.node)).toEqual([
          { id: family.id, phone: null, ...withheld },
          { id: plain.id, phone: '159****6789', ...withheld },
          { id: alone.id, phone: '139****4321', ...withheld },
        ]);
        expect((await sensitiveReads()).length + (await sensitiveReads('api-client')).length).toBe(before);
      }
      const refused = await jingfa(`{ vulnerableHouseholds { totalCount } }`);
      expect(errorOf(refused)).toMatchObject({ code: 'FORBIDDEN', permission: 'rescue.household:read-sensitive' });
      expect(errorOf(await integration(`{ vulnerableHouseholds { totalCount } }`))).toMatchObject({ code: 'FORBIDDEN' });
    });

    it('lists vulnerable households with their group for evacuation, each an audited read, within the caller\'s scope', async () => {
      const village = await createGroup({ organizationId: WENFENG, name: '文凤村村委会联防组', leaderPersonId: WENFENG_LEAD });
      const disabled = await addHousehold({ groupId: village.id, headName: '谭小凤', address: '文凤村1组', memberCount: 2, disabledMembers: 1 });
      await addHousehold({ groupId: village.id, headName: '母德福', address: '文凤村1组', memberCount: 5 });

      const q = `query($w: UUID) { vulnerableHouseholds(filter: { withinSubtreeOf: $w }) { totalCount edges { node { id headName group { id name } } } } }`;
      const before = (await sensitiveReads()).length;
      const res = await wenfeng(q, { w: WENFENG });
      expect(res.body.data!['vulnerableHouseholds'].totalCount).toBe(3);
      expect(res.body.data!['vulnerableHouseholds'].edges.map((e: any) => e.node.id).sort()).toEqual([alone.id, family.id, disabled.id].sort());
      expect(res.body.data!['vulnerableHouseholds'].edges.find((e: any) => e.node.id === disabled.id).node.group).toEqual({ id: village.id, name: '文凤村村委会联防组' });
      const [read] = (await sensitiveReads()).slice(before);
      expect(Object.keys(read!.changes.records).sort()).toEqual([alone.id, family.id, disabled.id].sort());
      expect(read!.changes.records[disabled.id]).toEqual(['vulnerable']);

      // The grid worker sees the grid's households only; 双河村 sees none of 文凤村's.
      const mine = await grid(q, {});
      expect(mine.body.data!['vulnerableHouseholds'].edges.map((e: any) => e.node.id).sort()).toEqual([alone.id, family.id].sort());
      expect((await shuanghe(q, { w: WENFENG })).body.data!['vulnerableHouseholds'].totalCount).toBe(0);
      // Paged: two pages of one and two.
      const page1 = await office(`{ vulnerableHouseholds(first: 1, filter: { withinSubtreeOf: "${WENFENG}" }) { pageInfo { hasNextPage endCursor } edges { node { id } } } }`);
      const { endCursor } = page1.body.data!['vulnerableHouseholds'].pageInfo;
      const page2 = await office(`query($a: String) { vulnerableHouseholds(first: 5, after: $a, filter: { withinSubtreeOf: "${WENFENG}" }) { pageInfo { hasNextPage } edges { node { id } } } }`, { a: endCursor });
      expect(page2.body.data!['vulnerableHouseholds'].edges).toHaveLength(2);
      expect(page2.body.data!['vulnerableHouseholds'].pageInfo.hasNextPage).toBe(false);
    });

    it('keeps other villages out: nothing listed, NOT_FOUND on change, no creating under 文凤村', async () => {
      expect((await shuanghe(`query($w: UUID!) { jointDefenseGroups(filter: { withinSubtreeOf: $w }) { totalCount } }`, { w: WENFENG })).body.data!['jointDefenseGroups'].totalCount).toBe(0);
      const all = await shuanghe(`{ jointDefenseGroups(first: 100) { edges { node { id } } } }`);
      expect(all.body.data!['jointDefenseGroups'].edges.map((e: any) => e.node.id)).not.toContain(group.id);
      expect((await shuanghe(`query($id: UUID!) { jointDefenseGroup(id: $id) { id } }`, { id: group.id })).body.data!['jointDefenseGroup']).toBeNull();
      expect(errorOf(await mutate(shuanghe, 'updateJointDefenseGroup', 'UpdateJointDefenseGroupInput', { id: group.id, version: group.version, name: '越权改名' }))).toMatchObject({ code: 'NOT_FOUND', entity: 'JointDefenseGroup' });
      expect(errorOf(await mutate(shuanghe, 'archiveJointDefenseGroup', 'ArchiveInput', { id: group.id, version: group.version }))).toMatchObject({ code: 'NOT_FOUND' });
      expect(errorOf(await mutate(shuanghe, 'updateHousehold', 'UpdateHouseholdInput', { id: plain.id, version: plain.version, memberCount: 2 }, 'id'))).toMatchObject({ code: 'NOT_FOUND', entity: 'Household' });
      expect(errorOf(await mutate(shuanghe, 'removeHousehold', 'ArchiveInput', { id: plain.id, version: plain.version }, 'id'))).toMatchObject({ code: 'NOT_FOUND' });
      // References outside the caller's scope are answered like missing ones: NOT_FOUND on the field.
      const foreign = await mutate(shuanghe, 'createJointDefenseGroup', 'CreateJointDefenseGroupInput', { organizationId: WENFENG, name: '越权联防组', leaderPersonId: SHUANGHE_LEAD });
      expect(errorOf(foreign)).toEqual({ code: 'NOT_FOUND', entity: 'Organization', id: WENFENG, field: 'input.organizationId' });
      const intoForeign = await mutate(shuanghe, 'addHousehold', 'AddHouseholdInput', { groupId: group.id, headName: '越权', address: '文凤村3组', memberCount: 1 }, 'id');
      expect(errorOf(intoForeign)).toEqual({ code: 'NOT_FOUND', entity: 'JointDefenseGroup', id: group.id, field: 'input.groupId' });
      // 双河村 may not name 文凤村's people as leader; the town itself is no place for a group.
      const leader = await mutate(shuanghe, 'createJointDefenseGroup', 'CreateJointDefenseGroupInput', { organizationId: SHUANGHE, name: '双河村1组联防组', leaderPersonId: WENFENG_LEAD });
      expect(errorOf(leader)).toEqual({ code: 'NOT_FOUND', entity: 'Person', id: WENFENG_LEAD, field: 'input.leaderPersonId' });
      const town = await mutate(office, 'createJointDefenseGroup', 'CreateJointDefenseGroupInput', { organizationId: TOWN, name: '镇联防组', leaderPersonId: WENFENG_LEAD });
      expect(fieldsOf(town)).toEqual([expect.objectContaining({ field: 'input.organizationId', rule: 'kind' })]);
      // A grid worker keeps the grid's groups only.
      const outside = await mutate(grid, 'createJointDefenseGroup', 'CreateJointDefenseGroupInput', { organizationId: GRID_2, name: '第二网格联防组', leaderPersonId: GRIDMAN_1 });
      expect(errorOf(outside)).toEqual({ code: 'NOT_FOUND', entity: 'Organization', id: GRID_2, field: 'input.organizationId' });
      expect(errorOf(await mutate(jingfa, 'addHousehold', 'AddHouseholdInput', { groupId: group.id, headName: '部门', address: '文凤村3组', memberCount: 1 }, 'id'))).toMatchObject({ code: 'FORBIDDEN', permission: 'rescue.joint-defense:write' });
    });

    it('names the field and the rule of invalid input', async () => {
      const add = (input: Record<string, unknown>) => mutate(wenfeng, 'addHousehold', 'AddHouseholdInput', { groupId: group.id, headName: '测试户', address: '文凤村3组', memberCount: 3, ...input }, 'id');
      expect(fieldsOf(await add({ memberCount: 0 }))).toEqual([expect.objectContaining({ field: 'input.memberCount', rule: 'min' })]);
      expect(fieldsOf(await add({ memberCount: 31 }))).toEqual([expect.objectContaining({ field: 'input.memberCount', rule: 'max' })]);
      expect(fieldsOf(await add({ disabledMembers: -1 }))).toEqual([expect.objectContaining({ field: 'input.disabledMembers', rule: 'min' })]);
      expect(fieldsOf(await add({ childrenMembers: 4 }))).toEqual([expect.objectContaining({ field: 'input.childrenMembers', rule: 'notAboveMemberCount' })]);
      expect(fieldsOf(await add({ disabledMembers: 5 }))).toEqual([expect.objectContaining({ field: 'input.disabledMembers', rule: 'notAboveMemberCount' })]);
      expect(fieldsOf(await add({ phone: '12345' }))).toEqual([expect.objectContaining({ field: 'input.phone', rule: 'matches' })]);
      expect(errorOf(await add({ groupId: NIL }))).toEqual({ code: 'NOT_FOUND', entity: 'JointDefenseGroup', id: NIL, field: 'input.groupId' });
      expect(errorOf(await add({ headPersonId: NIL }))).toEqual({ code: 'NOT_FOUND', entity: 'Person', id: NIL, field: 'input.headPersonId' });
      // Fewer members than the children already recorded.
      const shrink = await mutate(wenfeng, 'updateHousehold', 'UpdateHouseholdInput', { id: family.id, version: family.version, memberCount: 1 }, 'id');
      expect(fieldsOf(shrink)).toEqual([expect.objectContaining({ field: 'input.childrenMembers', rule: 'notAboveMemberCount' })]);
      const cleared = await mutate(wenfeng, 'updateHousehold', 'UpdateHouseholdInput', { id: family.id, version: family.version, headName: null }, 'id');
      expect(fieldsOf(cleared).map((f) => f.field)).toContain('input.headName');

      const create = (input: Record<string, unknown>) => mutate(wenfeng, 'createJointDefenseGroup', 'CreateJointDefenseGroupInput', { organizationId: GRID_1, name: '校验联防组', leaderPersonId: GRIDMAN_1, ...input }, 'id');
      expect(fieldsOf(await create({ deputyPersonId: GRIDMAN_1 }))).toEqual([expect.objectContaining({ field: 'input.deputyPersonId', rule: 'notLeader' })]);
      expect(fieldsOf(await create({ name: '组' }))).toEqual([expect.objectContaining({ field: 'input.name', rule: 'isLength' })]);
      const badContact = fieldsOf(await create({ contacts: [{ name: '张三', phone: '110' }] }));
      expect(badContact).toEqual([expect.objectContaining({ field: expect.stringMatching(/^input\.contacts\.0\.phone$/), rule: 'matches' })]);
      // Two active groups of one organization cannot share a name.
      expect(errorOf(await create({ name: '文凤村3组第1联防组' }))).toMatchObject({ code: 'CONFLICT' });
    });

    it('updates with the version read (stale → CONFLICT), moves a group with its households, removes and archives', async () => {
      const updated = await mutate(wenfeng, 'updateHousehold', 'UpdateHouseholdInput', { id: plain.id, version: plain.version, memberCount: 5, disabledMembers: 1, phone: null }, HOUSEHOLD);
      expect(updated.body.data!['updateHousehold']).toMatchObject({ version: 2, memberCount: 5, disabledMembers: 1, phone: null, hasVulnerableMembers: true });
      expect(errorOf(await mutate(wenfeng, 'updateHousehold', 'UpdateHouseholdInput', { id: plain.id, version: 1, memberCount: 4 }, 'id'))).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
      const change = await sql(`SELECT changes FROM audit_log WHERE entity_id = $1 AND action = 'rescue.household.update'`, [plain.id]);
      expect(change[0].changes).toEqual({ memberCount: [3, 5], disabledMembers: '[changed]', phone: '[changed]' });

      const renamed = await mutate(wenfeng, 'updateJointDefenseGroup', 'UpdateJointDefenseGroupInput', { id: group.id, version: group.version, name: '文凤村3组第一联防组', deputyPersonId: null, organizationId: GRID_2 });
      expect(renamed.body.data!['updateJointDefenseGroup']).toMatchObject({ version: 2, name: '文凤村3组第一联防组', deputy: null, organizationId: GRID_2, organization: { name: '文凤村第二网格' } });
      expect(errorOf(await mutate(wenfeng, 'updateJointDefenseGroup', 'UpdateJointDefenseGroupInput', { id: group.id, version: 1, area: '过期' }))).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
      // The households followed the group to the second grid: the first grid's worker no longer sees them.
      const moved = await sql<{ organization_id: string }>(`SELECT DISTINCT organization_id FROM joint_defense_household WHERE group_id = $1`, [group.id]);
      expect(moved).toEqual([{ organization_id: GRID_2 }]);
      expect((await grid(`query($id: UUID!) { jointDefenseGroup(id: $id) { id } }`, { id: group.id })).body.data!['jointDefenseGroup']).toBeNull();

      const removed = await mutate(wenfeng, 'removeHousehold', 'ArchiveInput', { id: alone.id, version: alone.version }, 'id archivedAt');
      expect(removed.body.data!['removeHousehold'].archivedAt).not.toBeNull();
      const summary = await wenfeng(`query($id: UUID!) { jointDefenseGroup(id: $id) { summary { households people vulnerableHouseholds } } }`, { id: group.id });
      expect(summary.body.data!['jointDefenseGroup'].summary).toEqual({ households: 2, people: 9, vulnerableHouseholds: 2 });
      expect(fieldsOf(await mutate(wenfeng, 'removeHousehold', 'ArchiveInput', { id: alone.id, version: 2 }, 'id'))).toEqual([expect.objectContaining({ field: 'input.id', rule: 'notArchived' })]);

      const archived = await mutate(wenfeng, 'archiveJointDefenseGroup', 'ArchiveInput', { id: group.id, version: 2 });
      expect(archived.body.data!['archiveJointDefenseGroup'].archivedAt).not.toBeNull();
      const ids = async (filter: string) => (await wenfeng(`{ jointDefenseGroups(filter: ${filter}) { edges { node { id } } } }`)).body.data!['jointDefenseGroups'].edges.map((e: any) => e.node.id);
      expect(await ids('{}')).not.toContain(group.id);
      expect(await ids('{ includeArchived: true }')).toContain(group.id);
      expect(fieldsOf(await mutate(wenfeng, 'archiveJointDefenseGroup', 'ArchiveInput', { id: group.id, version: 3 }))).toEqual([expect.objectContaining({ field: 'input.id', rule: 'notArchived' })]);
      // A dissolved group takes no more households: BAD_USER_INPUT notArchived on the field naming it.
      expect(fieldsOf(await mutate(wenfeng, 'addHousehold', 'AddHouseholdInput', { groupId: group.id, headName: '迟到', address: '文凤村3组', memberCount: 1 }, 'id'))).toEqual([
        expect.objectContaining({ field: 'input.groupId', rule: 'notArchived' }),
      ]);
      // Households of a dissolved group are no longer priorities.
      const left = await wenfeng(`query($w: UUID!) { vulnerableHouseholds(filter: { withinSubtreeOf: $w }) { edges { node { id } } } }`, { w: WENFENG });
      expect(left.body.data!['vulnerableHouseholds'].edges.map((e: any) => e.node.id)).not.toContain(family.id);
      const audits = await sql(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY occurred_at, action`, [group.id]);
      expect(audits.map((a: any) => a.action).filter((a: string) => a.startsWith('rescue.'))).toEqual(['rescue.joint-defense-group.create', 'rescue.joint-defense-group.update', 'rescue.joint-defense-group.archive']);
    });

    it('loads groups × households × summary × leader × organization in the same number of statements for any page size', async () => {
      for (const n of [1, 2, 3, 4]) {
        const g = await createGroup({ name: `文凤村5组第${n}联防组`, leaderPersonId: GRIDMAN_1 });
        await addHousehold({ groupId: g.id, headName: `户主${n}`, address: '文凤村5组', memberCount: n, elderlyLivingAlone: n === 1 });
      }
      const q = (n: number) => `{ jointDefenseGroups(first: ${n}) { edges { node { leader { name } organization { name } summary { households vulnerableHouseholds } households { totalCount edges { node { headName elderlyLivingAlone group { name } } } } } } } }`;
      const small = await wenfeng(q(1));
      const large = await wenfeng(q(20));
      expect(small.body.errors).toBeUndefined();
      expect(large.body.errors).toBeUndefined();
      expect(large.body.data!['jointDefenseGroups'].edges.length).toBeGreaterThanOrEqual(5);
      expect(large.statements).toBe(small.statements);
    });

    it('answers later features with household counts and the vulnerable households per organization subtree', async () => {
      const log = pino({ level: 'silent' });
      const context = (principal: Principal) => new RequestContext({ requestId: 'jd-test', principal, dataSource: t.gateway.database.dataSource, events: new InProcessEventBus(), log });
      const system = context(SYSTEM);
      const [village, shuangheVillage, grid1] = await householdsInOrganizations(system, [WENFENG, SHUANGHE, GRID_1]);
      // 文凤村: the village group (2 households, 7 people) and the four groups of 文凤村5组 (1+2+3+4 people).
      expect(village).toMatchObject({ organizationId: WENFENG, households: 6, people: 17 });
      expect(village!.vulnerable.map((h) => h.headName).sort()).toEqual(['户主1', '谭小凤'].sort());
      expect(village!.vulnerable[0]).toMatchObject({ headName: '户主1', elderlyLivingAlone: true, memberCount: 1, leaderPersonId: GRIDMAN_1, organizationId: GRID_1 });
      expect(shuangheVillage).toEqual({ organizationId: SHUANGHE, households: 0, people: 0, vulnerable: [] });
      expect(grid1).toMatchObject({ households: 4, people: 10 });
      expect(system.sensitiveReads.filter((r) => r.field === 'vulnerable')).toHaveLength(3);
      // A reader without the sensitive permission gets the counts only.
      const reader = context({ kind: 'user', id: null, displayName: 'reader', roles: [], grants: new Map([['rescue.joint-defense:read', [{ scope: 'ALL', organizationId: null, organizationPath: null }]]]) });
      const [counted] = await householdsInOrganizations(reader, [WENFENG]);
      expect(counted).toEqual({ organizationId: WENFENG, households: 6, people: 17, vulnerable: [] });
      expect(reader.sensitiveReads).toEqual([]);
    });

    it('reaches groups and households by their global id within scope, households masked as anywhere else', async () => {
      const g = await createGroup({ organizationId: GRID_1, name: '文凤村6组联防组' });
      const h = await addHousehold({ groupId: g.id, headName: '节点户', address: '文凤村6组', memberCount: 2, phone: '13700001111', elderlyLivingAlone: true });
      const ids = (await wenfeng(`query($g: UUID!) { jointDefenseGroup(id: $g) { nodeId households { edges { node { nodeId } } } } }`, { g: g.id })).body.data!['jointDefenseGroup'];
      const householdNode = ids.households.edges[0].node.nodeId;
      const byNode = `query($n: [ID!]!) { nodes(nodeIds: $n) { __typename ... on JointDefenseGroup { id name } ... on Household { id phone elderlyLivingAlone sensitiveMasked } } }`;
      expect((await grid(byNode, { n: [ids.nodeId, householdNode] })).body.data!['nodes']).toEqual([
        { __typename: 'JointDefenseGroup', id: g.id, name: '文凤村6组联防组' },
        { __typename: 'Household', id: h.id, phone: '13700001111', elderlyLivingAlone: true, sensitiveMasked: false },
      ]);
      expect((await jingfa(byNode, { n: [householdNode] })).body.data!['nodes']).toEqual([{ __typename: 'Household', id: h.id, phone: '137****1111', elderlyLivingAlone: null, sensitiveMasked: true }]);
      expect((await shuanghe(byNode, { n: [ids.nodeId, householdNode] })).body).toEqual({ data: { nodes: [null, null] } });
      // Out of the lists again for the tests that count.
      await mutate(wenfeng, 'archiveJointDefenseGroup', 'ArchiveInput', { id: g.id, version: g.version }, 'id');
    });

    it('announces each change through the catalog\'s events, with ids and never personal data', async () => {
      const events: Array<{ type: string; payload: unknown }> = [];
      const names = ['rescue.joint-defense-group.created', 'rescue.joint-defense-group.updated', 'rescue.joint-defense-group.archived', 'rescue.household.added', 'rescue.household.updated', 'rescue.household.removed'];
      const unsubscribe = names.map((name) => t.gateway.events.subscribe(name, (e) => events.push({ type: e.type, payload: e.payload })));
      try {
        const g = await createGroup({ organizationId: GRID_2, name: '文凤村7组联防组', leaderPersonId: WENFENG_LEAD });
        const h = await addHousehold({ groupId: g.id, headName: '事件户', address: '文凤村7组', memberCount: 1, phone: '13700002222' });
        const updated = (await mutate(wenfeng, 'updateHousehold', 'UpdateHouseholdInput', { id: h.id, version: h.version, phone: '13700003333' }, 'id version')).body.data!['updateHousehold'];
        await mutate(wenfeng, 'removeHousehold', 'ArchiveInput', { id: h.id, version: updated.version }, 'id');
        const moved = (await mutate(wenfeng, 'updateJointDefenseGroup', 'UpdateJointDefenseGroupInput', { id: g.id, version: g.version, organizationId: GRID_1 }, 'id version')).body.data!['updateJointDefenseGroup'];
        await mutate(wenfeng, 'archiveJointDefenseGroup', 'ArchiveInput', { id: g.id, version: moved.version }, 'id');
        await new Promise((resolve) => setImmediate(resolve));
        const household = { id: h.id, groupId: g.id, organizationId: GRID_2 };
        expect(events).toEqual([
          { type: 'rescue.joint-defense-group.created', payload: { id: g.id, organizationId: GRID_2 } },
          { type: 'rescue.household.added', payload: household },
          { type: 'rescue.household.updated', payload: household },
          { type: 'rescue.household.removed', payload: household },
          { type: 'rescue.joint-defense-group.updated', payload: { id: g.id, organizationId: GRID_1 } },
          { type: 'rescue.joint-defense-group.archived', payload: { id: g.id, organizationId: GRID_1 } },
        ]);
        expect(JSON.stringify(events)).not.toMatch(/1370000/);
      } finally {
        for (const u of unsubscribe) u();
      }
    });
  });
});
