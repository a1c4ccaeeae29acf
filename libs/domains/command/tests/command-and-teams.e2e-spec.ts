import { startTestGateway, errorOf, fieldsOf, type GraphQLClient, type GraphQLResponse, type TestGateway } from '@platform/testing';
import { buildGatewaySchema, createLogger, runSeeds, selectModules, undescribed } from '@platform/server';
import { directoryModule, seedId } from '@platform/directory';
import { accessModule } from '@platform/access';
import { riskModule } from '@domains/risk';
import { todayInChina, type DomainModule } from '@platform/core';
import { preparednessModule } from '@domains/preparedness';
import { commandModule } from '../src/index';
import { seedCommand } from '../src/command/command.seed';

const MODULES = [directoryModule, accessModule, riskModule, preparednessModule, commandModule];

const TOWN = seedId('org:town');
const WENFENG = seedId('org:village-wenfeng');
const SHUANGHE = seedId('org:village-shuanghe');
const NANPING = seedId('org:community-nanping');
const GRID_WENFENG_1 = seedId('org:grid-wenfeng-1');
const NIL = '00000000-0000-4000-8000-000000000000';
const WENFENG_LEAD = seedId('person:person-village-wenfeng-lead');
const WENFENG_EMERGENCY = seedId('person:person-village-wenfeng-emergency');
const SHUANGHE_LEAD = seedId('person:person-village-shuanghe-lead');
/** Persons of 文凤村 (they hold positions there, so its officer may read them): the seeded militia. */
const WENFENG_MILITIA = (n: number) => seedId(`person:rescue-team-militia-500119108200-${n}`);

const TEAM = `id version name kind shiftCount readiness lastPatrolOn lastDrillOn archivedAt organization { name }`;
const MEMBER = `id version role qualifications shift joinedOn leftOn person { name }`;
const SHORTFALLS = `shortfalls { requirement shift required actual }`;
const daysAgo = (n: number) => new Date(Date.parse(`${todayInChina()}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
const dataOf = (res: GraphQLResponse, name: string) => {
  expect(res.body.errors).toBeUndefined();
  return res.body.data![name];
};

describe('command headquarters, rescue teams and staffing rules (应急指挥部与救援队伍)', () => {
  let t: TestGateway;
  let admin: GraphQLClient;
  let anban: GraphQLClient;
  let wenfeng: GraphQLClient;
  let shuanghe: GraphQLClient;
  let grid: GraphQLClient;
  /** Persons anyone at the town may read, for teams of the town office. */
  let people: string[];
  beforeAll(async () => {
    t = await startTestGateway(MODULES, { seed: true });
    [admin, anban, wenfeng, shuanghe, grid] = await Promise.all([t.as('admin'), t.as('anban'), t.as('wenfeng'), t.as('shuanghe'), t.as('wenfeng-grid1')]);
    people = (await t.gateway.database.dataSource.query(`SELECT id FROM person WHERE archived_at IS NULL ORDER BY id LIMIT 40`)).map((r: { id: string }) => r.id);
  });
  afterAll(() => t?.close());

  const sql = (text: string, params: unknown[] = []) => t.gateway.database.dataSource.query(text, params);
  const mutate = (client: GraphQLClient, name: string, inputType: string, input: Record<string, unknown>, fields: string) =>
    client(`mutation($input: ${inputType}!) { ${name}(input: $input) { ${fields} } }`, { input });
  const createTeam = async (client: GraphQLClient, input: Record<string, unknown>) => dataOf(await mutate(client, 'createRescueTeam', 'CreateRescueTeamInput', input, TEAM), 'createRescueTeam');
  const addMember = (client: GraphQLClient, input: Record<string, unknown>) => mutate(client, 'addTeamMember', 'AddTeamMemberInput', { joinedOn: daysAgo(30), ...input }, MEMBER);
  const staff = async (client: GraphQLClient, teamId: string, members: Array<[personId: string, role: string, shift: number | null]>) => {
    const added = [];
    for (const [personId, role, shift] of members) added.push(dataOf(await addMember(client, { teamId, personId, role, shift }), 'addTeamMember'));
    return added;
  };
  const shortfalls = async (client: GraphQLClient, filter = '') => {
    const res = await client(`{ teamStaffingShortfalls(first: 100${filter ? `, filter: { ${filter} }` : ''}) { totalCount edges { node { team { id name } rule { code } ${SHORTFALLS} } } } }`);
    const page = dataOf(res, 'teamStaffingShortfalls');
    expect(page.totalCount).toBe(page.edges.length);
    return new Map<string, { rule: string; shortfalls: unknown[] }>(page.edges.map((e: any) => [e.node.team.id, { rule: e.node.rule.code, shortfalls: e.node.shortfalls }]));
  };
  const staffingOf = async (client: GraphQLClient, id: string) =>
    dataOf(await client(`query($id: UUID!) { rescueTeam(id: $id) { staffing { fullyStaffed rule { code } ${SHORTFALLS} } } }`, { id }), 'rescueTeam').staffing;
  const short = (requirement: string, required: number, actual: number, shift: number | null = null) => ({ requirement, shift, required, actual });
  /** The later of two days (either may be null). */
  const later = (a: string | null, b: string | null) => (a && (!b || a > b) ? a : b);
  /** Day of the latest drill an organization held (recorded in preparedness), or null. */
  const heldAt = async (organizationId: string) => (await sql(`SELECT max(held_on)::text AS day FROM drill WHERE organization_id = $1`, [organizationId]))[0].day as string | null;

  it('describes every schema element in Chinese and English', async () => {
    expect(undescribed(await buildGatewaySchema(selectModules(MODULES, 'all')))).toEqual([]);
  });

  it('seeds the headquarters, the joint command room and the teams of the town, idempotently', async () => {
    const bodies = dataOf(
      await anban(`{ commandBodies(filter: { withinSubtreeOf: "${TOWN}" }) { totalCount edges { node { kind name organization { name } positions(first: 20) { totalCount edges { node { title sortOrder holder { name } deputy { name } } } } } } } }`),
      'commandBodies',
    );
    expect(bodies.edges.map((e: any) => e.node.kind).sort()).toEqual(['HEADQUARTERS', 'JOINT_COMMAND_ROOM']);
    const [mayor, secretary] = await sql(`SELECT name FROM person WHERE id = ANY($1) ORDER BY array_position($1, id)`, [[seedId('person:person-town-mayor'), seedId('person:person-town-secretary')]]);
    const hq = bodies.edges.find((e: any) => e.node.kind === 'HEADQUARTERS').node;
    expect(hq).toMatchObject({ name: '南平镇应急指挥部', organization: { name: '南平镇人民政府' } });
    expect(hq.positions.totalCount).toBe(11);
    expect(hq.positions.edges[0].node).toEqual({ title: '指挥长', sortOrder: 10, holder: { name: mayor.name }, deputy: { name: secretary.name } });
    expect(hq.positions.edges.map((e: any) => e.node.title).slice(0, 4)).toEqual(['指挥长', '副指挥长', '办公室主任', '成员']);
    const room = bodies.edges.find((e: any) => e.node.kind === 'JOINT_COMMAND_ROOM').node;
    expect(room.positions.edges.map((e: any) => e.node.title)).toEqual(['基层治理指挥中心', '党的建设板块', '经济发展板块', '民生服务板块', '平安法治板块']);

    const teams = dataOf(await anban(`{ rescueTeams(first: 100) { totalCount edges { node { name kind organization { name } staffing { fullyStaffed } } } } }`), 'rescueTeams');
    const byKind = (kind: string) => teams.edges.filter((e: any) => e.node.kind === kind).map((e: any) => e.node);
    expect(byKind('MILITIA')).toHaveLength(13);
    expect(byKind('MILITIA').some((n: any) => !n.staffing.fullyStaffed)).toBe(true);
    expect(byKind('MICRO_FIRE_STATION').map((n: any) => [n.name, n.staffing.fullyStaffed]).sort()).toEqual([['南平社区微型消防站', true], ['龙门社区微型消防站', false]]);
    expect(byKind('FULL_TIME_FIRE').map((n: any) => [n.name, n.staffing.fullyStaffed])).toEqual([['南平镇专职消防队', true]]);
    expect(byKind('ENTERPRISE')).toHaveLength(1);

    // 龙门社区: 4 members and only 2 on the second shift, against the community standard.
    const longmen = teams.edges.find((e: any) => e.node.name === '龙门社区微型消防站').node;
    expect(longmen.organization.name).toBe('龙门社区');
    const listed = dataOf(await anban(`{ teamStaffingShortfalls(first: 100, filter: { kinds: [MICRO_FIRE_STATION] }) { edges { node { team { name } rule { code } ${SHORTFALLS} } } } }`), 'teamStaffingShortfalls');
    expect(listed.edges.map((e: any) => e.node)).toEqual([
      { team: { name: '龙门社区微型消防站' }, rule: { code: 'COMMUNITY_MICRO_FIRE_STATION' }, shortfalls: [short('MEMBERS', 5, 4), short('ON_DUTY_PER_SHIFT', 3, 2, 2)] },
    ]);

    // 文凤村's officer sees the own militia team, with its members' names, and nothing else.
    const mine = dataOf(await wenfeng(`{ rescueTeams { totalCount edges { node { name members(first: 3) { edges { node { role person { name } } } } equipment { totalCount } } } } }`), 'rescueTeams');
    expect(mine.totalCount).toBe(1);
    expect(mine.edges[0].node.name).toBe('文凤村民兵应急救援队');
    expect(mine.edges[0].node.members.edges[0].node.role).toBe('LEADER');
    expect(mine.edges[0].node.members.edges.every((e: any) => typeof e.node.person?.name === 'string')).toBe(true);
    expect(mine.edges[0].node.equipment.totalCount).toBeGreaterThan(0);
    const [{ n: repairs }] = await sql(`SELECT count(*)::int AS n FROM rescue_team_equipment WHERE condition = 'NEEDS_REPAIR'`);
    expect(repairs).toBeGreaterThan(0);

    const tables = ['command_body', 'command_position', 'rescue_team', 'rescue_team_member', 'rescue_team_equipment', 'person', 'person_position'];
    const counts = async () => Promise.all(tables.map(async (table) => (await sql(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number));
    const before = await counts();
    const commandOnly: DomainModule = { ...commandModule, name: 'rescue-command', seed: (ctx) => seedCommand(ctx) };
    await runSeeds(t.gateway.database.dataSource, [commandOnly], createLogger('silent'));
    expect(await counts()).toEqual(before);
  });

  it('finds the teams short of their staffing rule exactly, with the rule that applies to each', async () => {
    // Teams of their own from here on: the seeded ones are removed.
    await sql(`DELETE FROM rescue_team_equipment; DELETE FROM rescue_team_member; DELETE FROM rescue_team`);
    // A community station on three shifts: 4 members, shifts 1 (leader + 2), 2 (1) and 3 (none).
    const community = await createTeam(anban, { organizationId: NANPING, kind: 'MICRO_FIRE_STATION', name: '南平社区测试微型消防站', shiftCount: 3 });
    await staff(anban, community.id, [[people[0]!, 'LEADER', 1], [people[1]!, 'MEMBER', 1], [people[2]!, 'DRIVER', 1], [people[3]!, 'MEMBER', 2], [people[4]!, 'MEDIC', null]]);
    // A village's station (the generic rule): three members but no leader.
    const leaderless = await createTeam(anban, { organizationId: WENFENG, kind: 'MICRO_FIRE_STATION', name: '文凤村测试微型消防站' });
    await staff(anban, leaderless.id, [[people[5]!, 'DEPUTY_LEADER', 1], [people[6]!, 'MEMBER', 1], [people[7]!, 'MEMBER', null]]);
    // Meets the generic rule: a leader, three members, all on the one shift.
    const staffed = await createTeam(anban, { organizationId: WENFENG, kind: 'MICRO_FIRE_STATION', name: '文凤村敬老院微型消防站' });
    const staffedMembers = await staff(anban, staffed.id, [[people[8]!, 'LEADER', 1], [people[9]!, 'MEMBER', 1], [people[10]!, 'MEMBER', 1], [people[11]!, 'MEMBER', 1]]);
    // No rule for volunteers (yet): never short.
    const volunteers = await createTeam(anban, { organizationId: WENFENG, kind: 'VOLUNTEER', name: '文凤村应急志愿服务队' });

    const found = await shortfalls(anban);
    expect([...found.keys()].sort()).toEqual([community.id, leaderless.id].sort());
    expect(found.get(community.id)).toEqual({
      rule: 'COMMUNITY_MICRO_FIRE_STATION',
      shortfalls: [short('MEMBERS', 5, 4), short('ON_DUTY_PER_SHIFT', 3, 1, 2), short('ON_DUTY_PER_SHIFT', 3, 0, 3)],
    });
    expect(found.get(leaderless.id)).toEqual({ rule: 'MICRO_FIRE_STATION', shortfalls: [short('LEADERS', 1, 0)] });
    expect(await staffingOf(anban, staffed.id)).toEqual({ fullyStaffed: true, rule: { code: 'MICRO_FIRE_STATION' }, shortfalls: [] });
    expect(await staffingOf(anban, volunteers.id)).toEqual({ fullyStaffed: true, rule: null, shortfalls: [] });

    // Filters and pages, keyed by team name: 南平社区测试… before 文凤村测试….
    expect([...(await shortfalls(anban, `withinSubtreeOf: "${WENFENG}"`)).keys()]).toEqual([leaderless.id]);
    expect((await shortfalls(anban, 'kinds: [MILITIA]')).size).toBe(0);
    const first = dataOf(await anban(`{ teamStaffingShortfalls(first: 1) { totalCount pageInfo { hasNextPage endCursor } edges { node { team { name } } } } }`), 'teamStaffingShortfalls');
    expect(first).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true }, edges: [{ node: { team: { name: '南平社区测试微型消防站' } } }] });
    const second = dataOf(await anban(`query($after: String) { teamStaffingShortfalls(first: 1, after: $after) { totalCount pageInfo { hasNextPage } edges { node { team { name } } } } }`, { after: first.pageInfo.endCursor }), 'teamStaffingShortfalls');
    expect(second).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: false }, edges: [{ node: { team: { name: '文凤村测试微型消防站' } } }] });
    // One statement per page, with or without the count.
    expect((await anban(`{ teamStaffingShortfalls(first: 1) { edges { node { team { name } ${SHORTFALLS} } } } }`)).statements).toBe(1);
    expect((await anban(`{ teamStaffingShortfalls(first: 1) { totalCount edges { node { rule { code } } } } }`)).statements).toBe(1);

    // 文凤村's officer sees only the own village's shortfall; 双河村's none.
    expect([...(await shortfalls(wenfeng)).keys()]).toEqual([leaderless.id]);
    expect((await shortfalls(shuanghe)).size).toBe(0);

    // A member leaving no longer counts: the staffed station falls to two members.
    const leaving = staffedMembers[3];
    const ended = dataOf(await mutate(anban, 'endTeamMembership', 'EndTeamMembershipInput', { id: leaving.id, version: leaving.version, leftOn: daysAgo(1) }, MEMBER), 'endTeamMembership');
    expect(ended).toMatchObject({ version: 2, leftOn: daysAgo(1) });
    expect((await shortfalls(anban)).get(staffed.id)).toEqual({ rule: 'MICRO_FIRE_STATION', shortfalls: [short('MEMBERS', 3, 2)] });
    const members = (includeFormer: boolean) =>
      anban(`query($id: UUID!) { rescueTeam(id: $id) { members(includeFormer: ${includeFormer}) { totalCount edges { node { id role leftOn } } } } }`, { id: staffed.id });
    expect(dataOf(await members(false), 'rescueTeam').members.totalCount).toBe(3);
    expect(dataOf(await members(true), 'rescueTeam').members.edges.map((e: any) => e.node.id)).toContain(leaving.id);
    expect(fieldsOf(await mutate(anban, 'updateTeamMember', 'UpdateTeamMemberInput', { id: leaving.id, version: 2, role: 'DRIVER' }, MEMBER))).toEqual([
      expect.objectContaining({ field: 'input.id', rule: 'notLeft' }),
    ]);
    // …and may join again, as a new membership.
    expect(dataOf(await addMember(anban, { teamId: staffed.id, personId: people[11], role: 'MEMBER', shift: 1 }), 'addTeamMember').leftOn).toBeNull();
    expect((await shortfalls(anban)).has(staffed.id)).toBe(false);
  });

  it('applies a staffing rule changed by the town office from the next read, and falls back when it is withdrawn', async () => {
    const community = dataOf(await anban(`{ rescueTeams(filter: { withinSubtreeOf: "${NANPING}" }) { edges { node { id } } } }`), 'rescueTeams').edges[0].node.id;
    const rules = dataOf(await wenfeng(`{ staffingRules(first: 10) { totalCount edges { node { id version code teamKind organizationKinds minLeaders minMembers minOnDutyPerShift priority } } } }`), 'staffingRules');
    // By team kind, then highest priority first.
    expect(rules.edges.map((e: any) => e.node.code)).toEqual(['FULL_TIME_FIRE', 'COMMUNITY_MICRO_FIRE_STATION', 'MICRO_FIRE_STATION', 'VILLAGE_MILITIA']);
    const rule = rules.edges.find((e: any) => e.node.code === 'COMMUNITY_MICRO_FIRE_STATION').node;
    expect(rule).toMatchObject({ organizationKinds: ['COMMUNITY'], minLeaders: 1, minMembers: 5, minOnDutyPerShift: 3, priority: 20 });

    // Only the town office may edit rules.
    expect(errorOf(await mutate(wenfeng, 'updateStaffingRule', 'UpdateStaffingRuleInput', { id: rule.id, version: rule.version, minMembers: 1 }, 'id'))).toMatchObject({ code: 'FORBIDDEN', permission: 'rescue.rule:manage' });
    const changed = dataOf(await mutate(anban, 'updateStaffingRule', 'UpdateStaffingRuleInput', { id: rule.id, version: rule.version, minMembers: 4, minOnDutyPerShift: 1 }, 'version minMembers minOnDutyPerShift'), 'updateStaffingRule');
    expect(changed).toEqual({ version: rule.version + 1, minMembers: 4, minOnDutyPerShift: 1 });
    expect(errorOf(await mutate(admin, 'updateStaffingRule', 'UpdateStaffingRuleInput', { id: rule.id, version: rule.version, minMembers: 9 }, 'id'))).toMatchObject({ code: 'CONFLICT', currentVersion: rule.version + 1 });
    expect((await shortfalls(anban)).get(community)).toEqual({ rule: 'COMMUNITY_MICRO_FIRE_STATION', shortfalls: [short('ON_DUTY_PER_SHIFT', 1, 0, 3)] });

    // Withdrawn, the generic micro fire station rule applies to the community's station.
    dataOf(await mutate(admin, 'archiveStaffingRule', 'ArchiveInput', { id: rule.id, version: rule.version + 1 }, 'archivedAt'), 'archiveStaffingRule');
    expect((await shortfalls(anban)).get(community)).toEqual({ rule: 'MICRO_FIRE_STATION', shortfalls: [short('ON_DUTY_PER_SHIFT', 2, 1, 2), short('ON_DUTY_PER_SHIFT', 2, 0, 3)] });
    expect(dataOf(await anban(`{ staffingRules(filter: { includeArchived: true }) { totalCount } }`), 'staffingRules').totalCount).toBe(4);
    expect(dataOf(await anban(`{ staffingRules { totalCount } }`), 'staffingRules').totalCount).toBe(3);

    // A new rule with a qualification: volunteers need 2 members, 2 of them holding 急救员证.
    const create = (input: Record<string, unknown>) =>
      mutate(anban, 'createStaffingRule', 'CreateStaffingRuleInput', { code: 'VOLUNTEER_FIRST_AID', name: '应急志愿服务队配备标准', teamKind: 'VOLUNTEER', minLeaders: 0, minMembers: 2, ...input }, 'id code minQualified requiredQualification');
    expect(dataOf(await create({ requiredQualification: '急救员证', minQualified: 2 }), 'createStaffingRule')).toMatchObject({ code: 'VOLUNTEER_FIRST_AID', minQualified: 2 });
    expect(errorOf(await create({}))).toMatchObject({ code: 'CONFLICT' });
    expect(fieldsOf(await create({ code: 'bad code' }))).toEqual([expect.objectContaining({ field: 'input.code', rule: 'matches' })]);
    expect(fieldsOf(await create({ code: 'NO_QUALIFICATION', minQualified: 2 }))).toEqual([expect.objectContaining({ field: 'input.minQualified', rule: 'needsQualification' })]);
    const volunteers = dataOf(await anban(`{ rescueTeams(filter: { kinds: [VOLUNTEER] }) { edges { node { id } } } }`), 'rescueTeams').edges[0].node.id;
    await staff(anban, volunteers, [[people[12]!, 'MEMBER', null]]);
    dataOf(await addMember(anban, { teamId: volunteers, personId: people[13], role: 'MEDIC', qualifications: ['急救员证', '救生员证'] }), 'addTeamMember');
    expect(await staffingOf(anban, volunteers)).toEqual({ fullyStaffed: false, rule: { code: 'VOLUNTEER_FIRST_AID' }, shortfalls: [short('QUALIFIED', 2, 1)] });
  });

  it('keeps a village team within the village: 双河村 neither sees nor changes it', async () => {
    const team = await createTeam(wenfeng, { organizationId: WENFENG, kind: 'MILITIA', name: '文凤村民兵应急救援队', shiftCount: 2, baseAddress: '文凤村村委会', dutyPhone: '023-71234567' });
    expect(team).toMatchObject({ version: 1, readiness: 'READY', shiftCount: 2, lastPatrolOn: null, organization: { name: '文凤村' } });
    expect(errorOf(await mutate(wenfeng, 'createRescueTeam', 'CreateRescueTeamInput', { organizationId: WENFENG, kind: 'MILITIA', name: '文凤村民兵应急救援队' }, 'id'))).toMatchObject({ code: 'CONFLICT' });

    expect(dataOf(await shuanghe(`query($id: UUID!) { rescueTeam(id: $id) { id } }`, { id: team.id }), 'rescueTeam')).toBeNull();
    expect(dataOf(await shuanghe(`{ rescueTeams { totalCount } }`), 'rescueTeams').totalCount).toBe(0);
    expect(errorOf(await mutate(shuanghe, 'updateRescueTeam', 'UpdateRescueTeamInput', { id: team.id, version: 1, readiness: 'NOT_READY' }, 'id'))).toMatchObject({ code: 'NOT_FOUND', entity: 'RescueTeam' });
    expect(errorOf(await addMember(shuanghe, { teamId: team.id, personId: SHUANGHE_LEAD, role: 'MEMBER' }))).toMatchObject({ code: 'NOT_FOUND', entity: 'RescueTeam' });
    expect(errorOf(await mutate(shuanghe, 'archiveRescueTeam', 'ArchiveInput', { id: team.id, version: 1 }, 'id'))).toMatchObject({ code: 'NOT_FOUND' });
    // An organization outside the caller's scope is answered like a missing one: NOT_FOUND on the field.
    expect(errorOf(await mutate(shuanghe, 'createRescueTeam', 'CreateRescueTeamInput', { organizationId: WENFENG, kind: 'MILITIA', name: '越权组建' }, 'id'))).toEqual({
      code: 'NOT_FOUND',
      entity: 'Organization',
      id: WENFENG,
      field: 'input.organizationId',
    });
    // 双河村's own team is 双河村's alone.
    const theirs = await createTeam(shuanghe, { organizationId: SHUANGHE, kind: 'MILITIA', name: '双河村民兵应急救援队' });
    expect(dataOf(await wenfeng(`query($id: UUID!) { rescueTeam(id: $id) { id } }`, { id: theirs.id }), 'rescueTeam')).toBeNull();
    expect(dataOf(await anban(`{ rescueTeams(filter: { withinSubtreeOf: "${SHUANGHE}" }) { edges { node { id } } } }`), 'rescueTeams').edges).toEqual([{ node: { id: theirs.id } }]);
    // The grid worker reads the village's teams only below the grid, and may not set one up.
    expect(dataOf(await grid(`{ rescueTeams { totalCount } }`), 'rescueTeams').totalCount).toBe(0);
    expect(errorOf(await mutate(grid, 'createRescueTeam', 'CreateRescueTeamInput', { organizationId: GRID_WENFENG_1, kind: 'VOLUNTEER', name: '网格志愿队' }, 'id'))).toMatchObject({ code: 'FORBIDDEN', permission: 'rescue.team:write' });

    const leader = dataOf(await addMember(wenfeng, { teamId: team.id, personId: WENFENG_EMERGENCY, role: 'LEADER', shift: 1, qualifications: ['民兵军事训练合格'] }), 'addTeamMember');
    expect(leader).toMatchObject({ version: 1, role: 'LEADER', shift: 1, qualifications: ['民兵军事训练合格'], joinedOn: daysAgo(30), leftOn: null, person: { name: expect.any(String) } });
    expect(errorOf(await mutate(shuanghe, 'endTeamMembership', 'EndTeamMembershipInput', { id: leader.id, version: 1, leftOn: daysAgo(0) }, 'id'))).toMatchObject({ code: 'NOT_FOUND', entity: 'TeamMember' });

    const audits = await sql(`SELECT action FROM audit_log WHERE entity_id = ANY($1) ORDER BY occurred_at, action`, [[team.id, leader.id]]);
    expect(audits.map((a: any) => a.action)).toEqual(['rescue.team.create', 'rescue.team.member.add']);
  });

  it('names the field and the rule of invalid team input, refuses stale versions and a second serving membership', async () => {
    const team = await createTeam(wenfeng, { organizationId: WENFENG, kind: 'VOLUNTEER', name: '文凤村巡河志愿队', shiftCount: 2 });
    expect(fieldsOf(await addMember(wenfeng, { teamId: team.id, personId: WENFENG_MILITIA(1), role: 'MEMBER', shift: 3 }))).toEqual([expect.objectContaining({ field: 'input.shift', rule: 'withinShiftCount' })]);
    expect(fieldsOf(await addMember(wenfeng, { teamId: team.id, personId: WENFENG_MILITIA(1), role: 'MEMBER', shift: 0 }))).toEqual([expect.objectContaining({ field: 'input.shift', rule: 'min' })]);
    expect(errorOf(await addMember(wenfeng, { teamId: team.id, personId: NIL, role: 'MEMBER' }))).toEqual({ code: 'NOT_FOUND', entity: 'Person', id: NIL, field: 'input.personId' });
    // A person of 双河村 is unknown to 文凤村's officer: the same answer as a missing one.
    expect(errorOf(await addMember(wenfeng, { teamId: team.id, personId: SHUANGHE_LEAD, role: 'MEMBER' }))).toEqual({ code: 'NOT_FOUND', entity: 'Person', id: SHUANGHE_LEAD, field: 'input.personId' });
    expect(fieldsOf(await addMember(wenfeng, { teamId: team.id, personId: WENFENG_MILITIA(1), role: 'MEMBER', joinedOn: daysAgo(-1) }))).toEqual([expect.objectContaining({ field: 'input.joinedOn', rule: 'notFuture' })]);
    const member = dataOf(await addMember(wenfeng, { teamId: team.id, personId: WENFENG_MILITIA(1), role: 'MEMBER', shift: 2 }), 'addTeamMember');
    expect(errorOf(await addMember(wenfeng, { teamId: team.id, personId: WENFENG_MILITIA(1), role: 'DRIVER' }))).toMatchObject({ code: 'CONFLICT', field: 'input.personId' });

    // Fewer shifts must still cover the member on shift 2; a stale version is refused.
    const update = (input: Record<string, unknown>) => mutate(wenfeng, 'updateRescueTeam', 'UpdateRescueTeamInput', { id: team.id, ...input }, TEAM);
    expect(fieldsOf(await update({ version: 1, shiftCount: 1 }))).toEqual([expect.objectContaining({ field: 'input.shiftCount', rule: 'coversShifts' })]);
    expect(fieldsOf(await update({ version: 1, name: null }))).toEqual([expect.objectContaining({ field: 'input.name' })]);
    const updated = dataOf(await update({ version: 1, readiness: 'LIMITED', shiftCount: 3 }), 'updateRescueTeam');
    expect(updated).toMatchObject({ version: 2, readiness: 'LIMITED', shiftCount: 3 });
    expect(errorOf(await update({ version: 1, readiness: 'READY' }))).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    const moved = dataOf(await mutate(wenfeng, 'updateTeamMember', 'UpdateTeamMemberInput', { id: member.id, version: 1, shift: 3, qualifications: ['救生员证'] }, MEMBER), 'updateTeamMember');
    expect(moved).toMatchObject({ version: 2, shift: 3, qualifications: ['救生员证'], role: 'MEMBER' });
    expect(errorOf(await mutate(wenfeng, 'updateTeamMember', 'UpdateTeamMemberInput', { id: member.id, version: 1, shift: null }, MEMBER))).toMatchObject({ code: 'CONFLICT' });
    expect(fieldsOf(await mutate(wenfeng, 'endTeamMembership', 'EndTeamMembershipInput', { id: member.id, version: 2, leftOn: daysAgo(31) }, MEMBER))).toEqual([
      expect.objectContaining({ field: 'input.leftOn', rule: 'notBeforeJoining' }),
    ]);

    // Patrols and drills: not in the future, and the last day only moves forward.
    const activity = (version: number, kind: string, on: string) => mutate(wenfeng, 'recordTeamActivity', 'RecordTeamActivityInput', { id: team.id, version, kind, on }, TEAM);
    expect(fieldsOf(await activity(2, 'PATROL', daysAgo(-1)))).toEqual([expect.objectContaining({ field: 'input.on', rule: 'notFuture' })]);
    // The last drill answered is the later of the team's own and its village's latest drill in preparedness (see the next test).
    const drilledOn = later(daysAgo(5), await heldAt(WENFENG));
    expect(dataOf(await activity(2, 'DRILL', daysAgo(5)), 'recordTeamActivity')).toMatchObject({ version: 3, lastDrillOn: drilledOn, lastPatrolOn: null });
    expect(dataOf(await activity(3, 'DRILL', daysAgo(10)), 'recordTeamActivity')).toMatchObject({ version: 4, lastDrillOn: drilledOn });
    expect(dataOf(await activity(4, 'PATROL', daysAgo(0)), 'recordTeamActivity')).toMatchObject({ version: 5, lastPatrolOn: daysAgo(0), lastDrillOn: drilledOn });
    expect((await sql(`SELECT last_drill_on::text AS day FROM rescue_team WHERE id = $1`, [team.id]))[0].day).toBe(daysAgo(5));
    expect(errorOf(await activity(4, 'PATROL', daysAgo(0)))).toMatchObject({ code: 'CONFLICT' });

    // Equipment: added, checked, removed with its version.
    const EQUIPMENT = 'id version name category quantity condition checkedOn';
    const pump = dataOf(await mutate(wenfeng, 'addTeamEquipment', 'AddTeamEquipmentInput', { teamId: team.id, name: '手抬机动消防泵', category: 'FIRE_FIGHTING', quantity: 1, checkedOn: daysAgo(20) }, EQUIPMENT), 'addTeamEquipment');
    expect(pump).toMatchObject({ version: 1, condition: 'GOOD', checkedOn: daysAgo(20) });
    expect(fieldsOf(await mutate(wenfeng, 'addTeamEquipment', 'AddTeamEquipmentInput', { teamId: team.id, name: '救生衣', category: 'PROTECTIVE', quantity: 0 }, EQUIPMENT))).toEqual([
      expect.objectContaining({ field: 'input.quantity', rule: 'min' }),
    ]);
    const checked = dataOf(await mutate(wenfeng, 'updateTeamEquipment', 'UpdateTeamEquipmentInput', { id: pump.id, version: 1, condition: 'NEEDS_REPAIR', checkedOn: daysAgo(1) }, EQUIPMENT), 'updateTeamEquipment');
    expect(checked).toMatchObject({ version: 2, condition: 'NEEDS_REPAIR', checkedOn: daysAgo(1), quantity: 1 });
    expect(errorOf(await mutate(shuanghe, 'updateTeamEquipment', 'UpdateTeamEquipmentInput', { id: pump.id, version: 2, condition: 'GOOD' }, 'id'))).toMatchObject({ code: 'NOT_FOUND', entity: 'TeamEquipment' });
    expect(errorOf(await mutate(wenfeng, 'removeTeamEquipment', 'ArchiveInput', { id: pump.id, version: 1 }, 'id'))).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    const after = dataOf(await mutate(wenfeng, 'removeTeamEquipment', 'ArchiveInput', { id: pump.id, version: 2 }, 'id equipment { totalCount }'), 'removeTeamEquipment');
    expect(after).toEqual({ id: team.id, equipment: { totalCount: 0 } });

    const archived = dataOf(await mutate(wenfeng, 'archiveRescueTeam', 'ArchiveInput', { id: team.id, version: 5 }, TEAM), 'archiveRescueTeam');
    expect(archived.archivedAt).not.toBeNull();
    expect(fieldsOf(await addMember(wenfeng, { teamId: team.id, personId: WENFENG_MILITIA(2), role: 'MEMBER' }))).toEqual([expect.objectContaining({ field: 'input.teamId', rule: 'notArchived' })]);
    const names = async (filter: string) => dataOf(await wenfeng(`{ rescueTeams(filter: ${filter}) { edges { node { name } } } }`), 'rescueTeams').edges.map((e: any) => e.node.name);
    expect(await names('{}')).not.toContain('文凤村巡河志愿队');
    expect(await names('{ includeArchived: true, kinds: [VOLUNTEER] }')).toContain('文凤村巡河志愿队');
  });

  it('moves a team\'s last drill when its organization records a drill in preparedness, for those who may read drills', async () => {
    const team = await createTeam(shuanghe, { organizationId: SHUANGHE, kind: 'VOLUNTEER', name: '双河村应急志愿服务队' });
    const lastDrillOf = async (client: GraphQLClient) => dataOf(await client(`query($id: UUID!) { rescueTeam(id: $id) { lastDrillOn } }`, { id: team.id }), 'rescueTeam').lastDrillOn;
    // Nothing recorded for the team itself: the organization's latest drill (if any) shows.
    expect(team.lastDrillOn).toBe(await heldAt(SHUANGHE));
    const drilled = dataOf(await mutate(shuanghe, 'recordTeamActivity', 'RecordTeamActivityInput', { id: team.id, version: 1, kind: 'DRILL', on: daysAgo(20) }, TEAM), 'recordTeamActivity');
    expect(drilled.lastDrillOn).toBe(later(daysAgo(20), await heldAt(SHUANGHE)));

    // The village records a drill today (as a plan writer): the team's last drill moves, in lists too.
    const recorded = await mutate(shuanghe, 'recordDrill', 'RecordDrillInput', { organizationId: SHUANGHE, heldOn: daysAgo(0), form: 'EVACUATION', title: '双河村山洪转移演练', participantCount: 40 }, 'id');
    expect(recorded.body.errors).toBeUndefined();
    expect(await lastDrillOf(shuanghe)).toBe(daysAgo(0));
    expect(await lastDrillOf(anban)).toBe(daysAgo(0));
    const listed = dataOf(await shuanghe(`{ rescueTeams(first: 100, filter: { kinds: [VOLUNTEER] }) { edges { node { id lastDrillOn } } } }`), 'rescueTeams');
    expect(listed.edges.find((e: any) => e.node.id === team.id).node.lastDrillOn).toBe(daysAgo(0));
    // The day stored on the team stays its own.
    expect((await sql(`SELECT last_drill_on::text AS day FROM rescue_team WHERE id = $1`, [team.id]))[0].day).toBe(daysAgo(20));

    // One who may read the village's teams but not its drills sees the day stored on the team.
    const role = dataOf(await admin(`mutation { createRole(input: { code: "team-reader", nameZh: "救援队伍查看员", description: "Reads rescue teams only" }) { id } }`), 'createRole');
    dataOf(await admin(`mutation($input: GrantPermissionInput!) { grantPermission(input: $input) { id } }`, { input: { roleId: role.id, permission: 'rescue.command:read', scope: 'ORG_SUBTREE' } }), 'grantPermission');
    const user = dataOf(await admin(`mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`, { input: { username: 'team-reader1', password: 'Start12345', displayName: '救援队伍查看员' } }), 'createUser');
    dataOf(await admin(`mutation($input: AssignRoleInput!) { assignRole(input: $input) { id } }`, { input: { principalKind: 'USER', principalId: user.id, roleId: role.id, organizationId: SHUANGHE } }), 'assignRole');
    expect(await lastDrillOf(await t.as('team-reader1', 'Start12345'))).toBe(daysAgo(20));
  });

  it('sets up a village headquarters with positions held by persons, each with a deputy', async () => {
    const body = dataOf(
      await mutate(anban, 'createCommandBody', 'CreateCommandBodyInput', { organizationId: WENFENG, kind: 'HEADQUARTERS', name: '文凤村应急指挥部', dutyPhone: '023-71230000' }, 'id version kind name dutyPhone organization { name }'),
      'createCommandBody',
    );
    expect(body).toMatchObject({ version: 1, kind: 'HEADQUARTERS', dutyPhone: '023-71230000', organization: { name: '文凤村' } });
    expect(errorOf(await mutate(anban, 'createCommandBody', 'CreateCommandBodyInput', { organizationId: WENFENG, kind: 'HEADQUARTERS', name: '文凤村第二指挥部' }, 'id'))).toMatchObject({ code: 'CONFLICT' });
    expect(fieldsOf(await mutate(anban, 'createCommandBody', 'CreateCommandBodyInput', { organizationId: GRID_WENFENG_1, kind: 'HEADQUARTERS', name: '网格指挥部' }, 'id'))).toEqual([
      expect.objectContaining({ field: 'input.organizationId', rule: 'townOrVillage' }),
    ]);
    expect(fieldsOf(await mutate(anban, 'createCommandBody', 'CreateCommandBodyInput', { organizationId: WENFENG, kind: 'JOINT_COMMAND_ROOM', name: '文凤村联合指挥室', dutyPhone: '12345' }, 'id'))).toEqual([
      expect.objectContaining({ field: 'input.dutyPhone', rule: 'matches' }),
    ]);
    expect(errorOf(await mutate(wenfeng, 'createCommandBody', 'CreateCommandBodyInput', { organizationId: WENFENG, kind: 'JOINT_COMMAND_ROOM', name: '文凤村联合指挥室' }, 'id'))).toMatchObject({ code: 'FORBIDDEN', permission: 'rescue.command:write' });

    const POSITION = 'id version title responsibility sortOrder contactPhone holder { name } deputy { name }';
    const set = (input: Record<string, unknown>) => mutate(anban, 'setCommandPosition', 'SetCommandPositionInput', input, POSITION);
    const commander = dataOf(await set({ bodyId: body.id, title: '指挥长', responsibility: '全面负责全村突发事件应急处置', holderPersonId: WENFENG_LEAD, deputyPersonId: WENFENG_EMERGENCY }), 'setCommandPosition');
    expect(commander).toMatchObject({ version: 1, sortOrder: 10, holder: { name: expect.any(String) }, deputy: { name: expect.any(String) } });
    const member = dataOf(await set({ bodyId: body.id, title: '成员', responsibility: '负责防汛抗旱', holderPersonId: WENFENG_MILITIA(1), contactPhone: '13800138000' }), 'setCommandPosition');
    expect(member).toMatchObject({ sortOrder: 20, deputy: null, contactPhone: '13800138000' });
    const vice = dataOf(await set({ bodyId: body.id, title: '副指挥长', holderPersonId: WENFENG_EMERGENCY, sortOrder: 15 }), 'setCommandPosition');

    expect(fieldsOf(await set({ bodyId: body.id, title: '成员', holderPersonId: WENFENG_LEAD, deputyPersonId: WENFENG_LEAD }))).toEqual([expect.objectContaining({ field: 'input.deputyPersonId', rule: 'notHolder' })]);
    expect(errorOf(await set({ bodyId: body.id, title: '成员', holderPersonId: NIL }))).toEqual({ code: 'NOT_FOUND', entity: 'Person', id: NIL, field: 'input.holderPersonId' });
    expect(errorOf(await set({ bodyId: body.id, title: '成员', holderPersonId: WENFENG_LEAD, deputyPersonId: NIL }))).toEqual({ code: 'NOT_FOUND', entity: 'Person', id: NIL, field: 'input.deputyPersonId' });
    expect(errorOf(await set({ bodyId: NIL, title: '成员', holderPersonId: WENFENG_LEAD }))).toEqual({ code: 'NOT_FOUND', entity: 'CommandBody', id: NIL, field: 'input.bodyId' });
    // A change keeps what is omitted and needs the version read.
    const changed = dataOf(await set({ id: member.id, version: 1, title: '成员', holderPersonId: WENFENG_MILITIA(2), deputyPersonId: WENFENG_MILITIA(1) }), 'setCommandPosition');
    expect(changed).toMatchObject({ version: 2, sortOrder: 20, responsibility: '负责防汛抗旱', contactPhone: '13800138000', deputy: { name: expect.any(String) } });
    expect(errorOf(await set({ id: member.id, version: 1, title: '成员', holderPersonId: WENFENG_LEAD }))).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });

    const read = async (client: GraphQLClient) =>
      dataOf(await client(`query($id: UUID!) { commandBody(id: $id) { name positions { totalCount edges { node { title holder { name } deputy { name } } } } } }`, { id: body.id }), 'commandBody');
    const seen = await read(wenfeng);
    expect(seen.positions.edges.map((e: any) => e.node.title)).toEqual(['指挥长', '副指挥长', '成员']);
    expect(seen.positions.edges[0].node.deputy).not.toBeNull();
    expect(await read(shuanghe)).toBeNull();
    expect(dataOf(await wenfeng(`{ commandBodies { totalCount edges { node { name } } } }`), 'commandBodies').edges.map((e: any) => e.node.name)).toEqual(['文凤村应急指挥部']);
    expect(dataOf(await shuanghe(`{ commandBodies { totalCount } }`), 'commandBodies').totalCount).toBe(0);
    expect(dataOf(await anban(`{ commandBodies(filter: { kinds: [HEADQUARTERS] }) { totalCount } }`), 'commandBodies').totalCount).toBe(2);

    expect(errorOf(await mutate(anban, 'removeCommandPosition', 'ArchiveInput', { id: vice.id, version: 2 }, 'id'))).toMatchObject({ code: 'CONFLICT' });
    const left = dataOf(await mutate(anban, 'removeCommandPosition', 'ArchiveInput', { id: vice.id, version: 1 }, 'id positions { totalCount }'), 'removeCommandPosition');
    expect(left).toEqual({ id: body.id, positions: { totalCount: 2 } });
    const renamed = dataOf(await mutate(anban, 'updateCommandBody', 'UpdateCommandBodyInput', { id: body.id, version: 1, name: '文凤村应急救援指挥部', address: '文凤村村委会二楼' }, 'version name address'), 'updateCommandBody');
    expect(renamed).toEqual({ version: 2, name: '文凤村应急救援指挥部', address: '文凤村村委会二楼' });
    expect(dataOf(await mutate(anban, 'archiveCommandBody', 'ArchiveInput', { id: body.id, version: 2 }, 'archivedAt'), 'archiveCommandBody').archivedAt).not.toBeNull();
    expect(fieldsOf(await set({ bodyId: body.id, title: '成员', holderPersonId: WENFENG_LEAD }))).toEqual([expect.objectContaining({ field: 'input.bodyId', rule: 'notArchived' })]);

    const audits = await sql(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY occurred_at, action`, [member.id]);
    expect(audits.map((a: any) => a.action)).toEqual(['rescue.command-position.create', 'rescue.command-position.update']);
  });

  it('loads teams × members × persons in the same number of statements for any page size', async () => {
    for (const [i, name] of ['甲', '乙', '丙', '丁'].entries()) {
      const team = await createTeam(anban, { organizationId: TOWN, kind: 'VOLUNTEER', name: `南平镇应急志愿服务${name}队` });
      await staff(anban, team.id, [[people[20 + i * 3]!, 'LEADER', null], [people[21 + i * 3]!, 'MEMBER', null], [people[22 + i * 3]!, 'MEMBER', null]]);
    }
    const q = (n: number) => `{ rescueTeams(first: ${n}) { edges { node { name members(first: ${n}) { edges { node { role person { name } } } } } } } }`;
    const small = await anban(q(2));
    const large = await anban(q(20));
    expect(small.body.errors).toBeUndefined();
    expect(large.body.errors).toBeUndefined();
    expect(small.body.data!['rescueTeams'].edges).toHaveLength(2);
    expect(large.body.data!['rescueTeams'].edges.length).toBeGreaterThan(6);
    const persons = large.body.data!['rescueTeams'].edges.flatMap((e: any) => e.node.members.edges.map((m: any) => m.node.person?.name));
    expect(persons.length).toBeGreaterThan(12);
    expect(persons.every((n: unknown) => typeof n === 'string')).toBe(true);
    // Compiled: one statement, the members' persons nested in it (a declared reference). The resolvers (x-read-compiler: off): teams, members per team, persons.
    expect(small.statements).toBe(1);
    expect(large.statements).toBe(1);
    const resolvers = await t.resolvers('anban');
    const [smallOff, largeOff] = [await resolvers(q(2)), await resolvers(q(20))];
    expect(largeOff.body).toEqual(large.body);
    expect(smallOff.statements).toBe(3);
    expect(largeOff.statements).toBe(3);
    // The staffing of every team of a page: one more statement, whatever the page size (compiled: the
    // teams with their organizations in one, the staffing by its resolver; the resolvers: three).
    const withStaffing = (n: number) => `{ rescueTeams(first: ${n}) { edges { node { name staffing { fullyStaffed ${SHORTFALLS} } organization { name } } } } }`;
    expect((await anban(withStaffing(2))).statements).toBe(2);
    expect((await anban(withStaffing(20))).statements).toBe(2);
    expect((await resolvers(withStaffing(2))).statements).toBe(3);
    expect((await resolvers(withStaffing(20))).statements).toBe(3);
  });

  it('reads a team with its members, equipment and organization, and a command body with its positions, in one compiled statement', async () => {
    const team = await createTeam(anban, { organizationId: TOWN, kind: 'VOLUNTEER', name: '南平镇应急志愿服务戊队' });
    const [, leaving] = await staff(anban, team.id, [[people[32]!, 'LEADER', null], [people[33]!, 'MEMBER', null], [people[34]!, 'MEMBER', null]]);
    dataOf(await mutate(anban, 'endTeamMembership', 'EndTeamMembershipInput', { id: leaving.id, version: leaving.version, leftOn: daysAgo(1) }, 'id'), 'endTeamMembership');
    for (const name of ['铁锹', '救生衣']) dataOf(await mutate(anban, 'addTeamEquipment', 'AddTeamEquipmentInput', { teamId: team.id, name, category: 'PROTECTIVE', quantity: 2 }, 'id'), 'addTeamEquipment');
    const [{ id: bodyId }] = await sql(`SELECT id FROM command_body WHERE organization_id = $1 AND kind = 'HEADQUARTERS' AND archived_at IS NULL`, [TOWN]);
    const res = await anban(
      `query($team: UUID!, $body: UUID!) {
        rescueTeam(id: $team) {
          name organization { name }
          serving: members(first: 10) { totalCount edges { node { role leftOn team { name } } } }
          all: members(first: 10, includeFormer: true) { totalCount }
          equipment(first: 1) { totalCount edges { cursor node { name quantity team { name } } } pageInfo { hasNextPage } }
        }
        commandBody(id: $body) { name organization { name } positions(first: 50) { totalCount edges { node { title sortOrder body { name } } } } }
      }`,
      { team: team.id, body: bodyId },
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.headers.get('x-read-compiled')).toBe('true');
    expect(res.statements).toBe(1);
    const town = team.organization.name;
    expect(res.body.data!['rescueTeam']).toEqual({
      name: '南平镇应急志愿服务戊队',
      organization: { name: town },
      serving: { totalCount: 2, edges: ['LEADER', 'MEMBER'].map((role) => ({ node: { role, leftOn: null, team: { name: '南平镇应急志愿服务戊队' } } })) },
      all: { totalCount: 3 },
      equipment: { totalCount: 2, edges: [{ cursor: expect.any(String), node: { name: '救生衣', quantity: 2, team: { name: '南平镇应急志愿服务戊队' } } }], pageInfo: { hasNextPage: true } },
    });
    const body = res.body.data!['commandBody'];
    const positions = await sql(`SELECT title, sort_order AS "sortOrder" FROM command_position WHERE body_id = $1 ORDER BY sort_order, id`, [bodyId]);
    expect(positions.length).toBeGreaterThan(0);
    expect(body).toEqual({ name: expect.any(String), organization: { name: town }, positions: { totalCount: positions.length, edges: positions.map((p: any) => ({ node: { ...p, body: { name: body.name } } })) } });
  });
});
