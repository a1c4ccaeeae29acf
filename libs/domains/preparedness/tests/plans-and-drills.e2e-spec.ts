import { startTestGateway, errorOf, fieldsOf, ok, type GraphQLClient, type TestGateway } from '@platform/testing';
import { buildGatewaySchema, selectModules, undescribed } from '@platform/server';
import { directoryModule, seedId } from '@platform/directory';
import { accessModule } from '@platform/access';
import { riskModule } from '@domains/risk';
import { todayInChina } from '@platform/core';
import { preparednessModule } from '../src/index';

const MODULES = [directoryModule, accessModule, riskModule, preparednessModule];

const TOWN = seedId('org:town');
const DEPT_EMERGENCY = seedId('org:dept-emergency');
const WENFENG = seedId('org:village-wenfeng');
const SHUANGHE = seedId('org:village-shuanghe');
const WENFENG_OFFICER = seedId('person:person-village-wenfeng-emergency');
const PLAN = `id version revision status title topic supersedesId chainId approvedOn filedOn filedWith nextReviewOn lastReviewedOn reviewNote reviewOverdue organization { name }`;
const DRILL = `id version heldOn form title participantCount planId plan { id title } organization { name }`;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');
const daysAgo = (n: number) => new Date(Date.parse(`${todayInChina()}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

describe('emergency plans and drills (应急预案与演练)', () => {
  let t: TestGateway;
  let wenfeng: GraphQLClient;
  let shuanghe: GraphQLClient;
  let office: GraphQLClient;
  let admin: GraphQLClient;
  let grid: GraphQLClient;
  beforeAll(async () => {
    t = await startTestGateway(MODULES, { seed: true });
    // Plans and drills of their own: the seed's demo plans and drills are removed first.
    await t.gateway.database.dataSource.query(`DELETE FROM drill_problem; DELETE FROM drill; DELETE FROM emergency_plan`);
    [wenfeng, shuanghe, office, admin, grid] = await Promise.all([t.as('wenfeng'), t.as('shuanghe'), t.as('anban'), t.as('admin'), t.as('wenfeng-grid1')]);
  });
  afterAll(() => t?.close());

  const mutate = (client: GraphQLClient, name: string, inputType: string, input: Record<string, unknown>, fields = PLAN) =>
    client(`mutation($input: ${inputType}!) { ${name}(input: $input) { ${fields} } }`, { input });
  const createPlan = (client: GraphQLClient, input: Record<string, unknown>) => ok(mutate(client, 'createEmergencyPlan', 'CreateEmergencyPlanInput', { organizationId: WENFENG, type: 'VILLAGE', ...input }), 'createEmergencyPlan');
  const approve = (client: GraphQLClient, input: Record<string, unknown>) => mutate(client, 'approveEmergencyPlan', 'ApproveEmergencyPlanInput', input);
  const planIds = async (client: GraphQLClient, filter: string) => {
    const res = await client(`{ emergencyPlans(first: 100, filter: ${filter}) { totalCount edges { node { id } } } }`);
    expect(res.body.errors).toBeUndefined();
    return res.body.data!['emergencyPlans'].edges.map((e: any) => e.node.id);
  };

  it('describes every schema element in Chinese and English', async () => {
    expect(undescribed(await buildGatewaySchema(selectModules(MODULES, 'all')))).toEqual([]);
  });

  it('keeps a plan as a version chain: revise, approve, the previous revision superseded, one open draft', async () => {
    const login = await t.gql(`mutation { login(input: { username: "wenfeng", password: "nanping2025" }) { accessToken } }`);
    const form = new FormData();
    form.append('file', new Blob([PDF]), '文凤村突发事件应急预案.pdf');
    const upload = (await (await fetch(`${t.origin}/attachments`, { method: 'POST', headers: { authorization: `Bearer ${login.body.data!['login'].accessToken}`, 'apollo-require-preflight': 'true' }, body: form })).json()) as any;

    let first = await createPlan(wenfeng, { title: '文凤村突发事件应急预案', topic: '防汛、地质灾害', attachmentIds: [upload.id] });
    expect(first).toMatchObject({ version: 1, revision: 1, status: 'DRAFT', supersedesId: null, chainId: first.id, approvedOn: null, reviewOverdue: false, organization: { name: '文凤村' } });
    const attached = await wenfeng(`query($id: UUID!) { emergencyPlan(id: $id) { attachments { id fileName } } }`, { id: first.id });
    expect(attached.body.data!['emergencyPlan'].attachments).toEqual([{ id: upload.id, fileName: '文凤村突发事件应急预案.pdf' }]);

    first = await ok(mutate(wenfeng, 'updateEmergencyPlan', 'UpdateEmergencyPlanInput', { id: first.id, version: 1, title: '文凤村综合应急预案' }), 'updateEmergencyPlan');
    expect(first).toMatchObject({ version: 2, title: '文凤村综合应急预案', topic: '防汛、地质灾害' });
    expect(errorOf(await mutate(wenfeng, 'updateEmergencyPlan', 'UpdateEmergencyPlanInput', { id: first.id, version: 1, topic: null }))).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    // A draft cannot be revised; approval days are checked.
    expect(fieldsOf(await mutate(wenfeng, 'reviseEmergencyPlan', 'ReviseEmergencyPlanInput', { id: first.id, version: 2 }))).toEqual([expect.objectContaining({ field: 'input.id', rule: 'state' })]);
    expect(fieldsOf(await approve(wenfeng, { id: first.id, version: 2, approvedOn: daysAgo(400), nextReviewOn: daysAgo(401) }))).toEqual([expect.objectContaining({ field: 'input.nextReviewOn', rule: 'afterApproval' })]);
    expect(fieldsOf(await approve(wenfeng, { id: first.id, version: 2, approvedOn: daysAgo(-1), nextReviewOn: daysAgo(-400) }))).toEqual([expect.objectContaining({ field: 'input.approvedOn', rule: 'notFuture' })]);
    first = await ok(approve(wenfeng, { id: first.id, version: 2, approvedOn: daysAgo(400), filedOn: daysAgo(390), filedWith: '南平镇人民政府', nextReviewOn: daysAgo(-300) }), 'approveEmergencyPlan');
    expect(first).toMatchObject({ version: 3, status: 'EFFECTIVE', approvedOn: daysAgo(400), filedOn: daysAgo(390), filedWith: '南平镇人民政府', nextReviewOn: daysAgo(-300) });

    const second = await ok(mutate(wenfeng, 'reviseEmergencyPlan', 'ReviseEmergencyPlanInput', { id: first.id, version: 3, title: '文凤村综合应急预案（修订）' }), 'reviseEmergencyPlan');
    expect(second).toMatchObject({ version: 1, revision: 2, status: 'DRAFT', supersedesId: first.id, chainId: first.id, topic: '防汛、地质灾害', title: '文凤村综合应急预案（修订）' });
    expect(fieldsOf(await mutate(wenfeng, 'reviseEmergencyPlan', 'ReviseEmergencyPlanInput', { id: first.id, version: 3 }))).toEqual([expect.objectContaining({ field: 'input.id', rule: 'oneOpenDraft' })]);
    expect(errorOf(await mutate(wenfeng, 'reviseEmergencyPlan', 'ReviseEmergencyPlanInput', { id: first.id, version: 2 }))).toMatchObject({ code: 'CONFLICT' });
    // The unique index holds even without the service's check.
    await expect(t.gateway.database.dataSource.query(`INSERT INTO emergency_plan (organization_id, type, title, revision, supersedes_id, chain_id, status) VALUES ($1, 'VILLAGE', 'x', 3, $2, $2, 'DRAFT')`, [WENFENG, first.id])).rejects.toThrow(/emergency_plan_one_draft_idx/);

    expect(fieldsOf(await approve(wenfeng, { id: second.id, version: 1, approvedOn: daysAgo(401), nextReviewOn: daysAgo(-700) }))).toEqual([expect.objectContaining({ field: 'input.approvedOn', rule: 'notBeforePrevious' })]);
    const approved = await ok(approve(wenfeng, { id: second.id, version: 1, approvedOn: daysAgo(5), nextReviewOn: daysAgo(-1090) }), 'approveEmergencyPlan');
    expect(approved).toMatchObject({ version: 2, status: 'EFFECTIVE', revision: 2 });

    const chain = await wenfeng(`query($id: UUID!) { emergencyPlan(id: $id) { supersedes { id status revision } revisions(first: 10) { totalCount edges { node { id revision status } } } } }`, { id: second.id });
    expect(chain.body.data!['emergencyPlan']).toEqual({
      supersedes: { id: first.id, status: 'SUPERSEDED', revision: 1 },
      revisions: { totalCount: 2, edges: [{ node: { id: second.id, revision: 2, status: 'EFFECTIVE' } }, { node: { id: first.id, revision: 1, status: 'SUPERSEDED' } }] },
    });
    expect(await planIds(wenfeng, `{ withinSubtreeOf: "${WENFENG}" }`)).toEqual([second.id]);
    expect((await planIds(wenfeng, `{ withinSubtreeOf: "${WENFENG}", includeSuperseded: true }`)).sort()).toEqual([first.id, second.id].sort());
    expect(await planIds(wenfeng, `{ statuses: [SUPERSEDED] }`)).toEqual([first.id]);
    // A superseded revision is history: it cannot be approved, reviewed or archived.
    expect(fieldsOf(await mutate(wenfeng, 'archiveEmergencyPlan', 'ArchiveInput', { id: first.id, version: 4 }))).toEqual([expect.objectContaining({ field: 'input.id', rule: 'state' })]);
    expect(fieldsOf(await approve(wenfeng, { id: first.id, version: 4, approvedOn: daysAgo(1), nextReviewOn: daysAgo(-100) }))).toEqual([
      { field: 'input.id', rule: 'state', message: 'cannot approve a EmergencyPlan whose status is SUPERSEDED (allowed from DRAFT).' },
    ]);
    expect(fieldsOf(await mutate(wenfeng, 'updateEmergencyPlan', 'UpdateEmergencyPlanInput', { id: first.id, version: 4, title: '历史版本' }))).toEqual([expect.objectContaining({ field: 'input.id', rule: 'state' })]);

    const audits = await admin(`query($id: UUID!) { auditLog(first: 20, filter: { entityId: $id, actionPrefix: "rescue.plan." }) { edges { node { action } } } }`, { id: first.id });
    expect(audits.body.data!['auditLog'].edges.map((e: any) => e.node.action).sort()).toEqual(['rescue.plan.approve', 'rescue.plan.create', 'rescue.plan.supersede', 'rescue.plan.update'].sort());
    const revised = await admin(`query($id: UUID!) { auditLog(first: 20, filter: { entityId: $id, actionPrefix: "rescue.plan." }) { edges { node { action } } } }`, { id: second.id });
    expect(revised.body.data!['auditLog'].edges.map((e: any) => e.node.action).sort()).toEqual(['rescue.plan.approve', 'rescue.plan.revise']);
  });

  it('checks that the plan type fits the organization kind', async () => {
    const wrong = await mutate(wenfeng, 'createEmergencyPlan', 'CreateEmergencyPlanInput', { organizationId: WENFENG, type: 'ENTERPRISE_ON_SITE', title: '现场处置方案' });
    expect(errorOf(wrong)!['code']).toBe('BAD_USER_INPUT');
    expect(fieldsOf(wrong)).toEqual([expect.objectContaining({ field: 'input.type', rule: 'fitsOrganizationKind' })]);
    expect(fieldsOf(await mutate(office, 'createEmergencyPlan', 'CreateEmergencyPlanInput', { organizationId: TOWN, type: 'VILLAGE', title: '镇村级预案' }))).toEqual([
      expect.objectContaining({ field: 'input.type', rule: 'fitsOrganizationKind' }),
    ]);
    expect(fieldsOf(await mutate(wenfeng, 'createEmergencyPlan', 'CreateEmergencyPlanInput', { organizationId: WENFENG, type: 'SPECIAL', title: '村专项预案' }))).toEqual([
      expect.objectContaining({ field: 'input.type', rule: 'fitsOrganizationKind' }),
    ]);
    const special = await createPlan(office, { organizationId: DEPT_EMERGENCY, type: 'SPECIAL', title: '南平镇防汛抗旱应急预案', topic: '防汛抗旱' });
    expect(special).toMatchObject({ status: 'DRAFT', organization: { name: '应急管理办公室' } });
    const invalid = await mutate(wenfeng, 'createEmergencyPlan', 'CreateEmergencyPlanInput', { organizationId: WENFENG, type: 'VILLAGE', title: 'x', attachmentIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(fieldsOf(invalid)).toEqual([expect.objectContaining({ field: 'input.title', rule: 'isLength' })]);
    const unclaimed = await mutate(wenfeng, 'createEmergencyPlan', 'CreateEmergencyPlanInput', { organizationId: WENFENG, type: 'VILLAGE', title: '文凤村预案', attachmentIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(fieldsOf(unclaimed)).toEqual([expect.objectContaining({ field: 'input.attachmentIds', rule: 'unclaimedUpload' })]);
  });

  it('keeps 文凤村 plans from 双河村: nothing listed, NOT_FOUND on change, no create there', async () => {
    const plan = await createPlan(wenfeng, { title: '文凤村森林防火预案' });
    expect(await planIds(shuanghe, `{ withinSubtreeOf: "${WENFENG}" }`)).toEqual([]);
    expect(await planIds(shuanghe, `{}`)).toEqual([]);
    expect((await shuanghe(`query($id: UUID!) { emergencyPlan(id: $id) { id } }`, { id: plan.id })).body.data!['emergencyPlan']).toBeNull();
    expect(errorOf(await mutate(shuanghe, 'updateEmergencyPlan', 'UpdateEmergencyPlanInput', { id: plan.id, version: 1, title: '越权修改' }))).toMatchObject({ code: 'NOT_FOUND', entity: 'EmergencyPlan' });
    expect(errorOf(await mutate(shuanghe, 'archiveEmergencyPlan', 'ArchiveInput', { id: plan.id, version: 1 }))).toMatchObject({ code: 'NOT_FOUND' });
    // A plan revision is a Node, within the same scope as the plan queries.
    const planNode = (client: GraphQLClient, nodeId: string) => client(`query($n: ID!) { node(nodeId: $n) { __typename ... on EmergencyPlan { id title } } }`, { n: nodeId });
    const nodeId = (await wenfeng(`query($id: UUID!) { emergencyPlan(id: $id) { nodeId } }`, { id: plan.id })).body.data!['emergencyPlan'].nodeId;
    expect((await planNode(wenfeng, nodeId)).body.data!['node']).toEqual({ __typename: 'EmergencyPlan', id: plan.id, title: '文凤村森林防火预案' });
    expect((await planNode(shuanghe, nodeId)).body.data!['node']).toBeNull();
    // An organization outside the caller's plan write scope answers like a missing one: NOT_FOUND on the field.
    const foreign = await mutate(shuanghe, 'createEmergencyPlan', 'CreateEmergencyPlanInput', { organizationId: WENFENG, type: 'VILLAGE', title: '越权编制' });
    expect(errorOf(foreign)).toMatchObject({ code: 'NOT_FOUND', entity: 'Organization', id: WENFENG, field: 'input.organizationId' });
    const missing = await mutate(shuanghe, 'createEmergencyPlan', 'CreateEmergencyPlanInput', { organizationId: '00000000-0000-4000-8000-000000000000', type: 'VILLAGE', title: '不存在的村' });
    expect(errorOf(missing)).toMatchObject({ code: 'NOT_FOUND', entity: 'Organization', field: 'input.organizationId' });
    // Their own village is fine; a grid worker reads the village's plans only below the grid, and writes none.
    expect(await createPlan(shuanghe, { organizationId: SHUANGHE, title: '双河村突发事件应急预案' })).toMatchObject({ status: 'DRAFT', organization: { name: '双河村' } });
    expect(await planIds(grid, `{}`)).toEqual([]);
    expect(errorOf(await mutate(grid, 'createEmergencyPlan', 'CreateEmergencyPlanInput', { organizationId: WENFENG, type: 'VILLAGE', title: '网格员编制' }))).toMatchObject({ code: 'FORBIDDEN', permission: 'rescue.plan:write' });
    const archived = await ok(mutate(wenfeng, 'archiveEmergencyPlan', 'ArchiveInput', { id: plan.id, version: 1 }), 'archiveEmergencyPlan');
    expect(archived).toMatchObject({ status: 'ARCHIVED', version: 2 });
  });

  it('finds effective plans overdue for review (China days, in SQL) and records reviews', async () => {
    const make = async (title: string, nextReviewDaysAgo: number, approveIt = true) => {
      const p = await createPlan(office, { organizationId: TOWN, type: 'SPECIAL', title });
      if (!approveIt) return p;
      return ok(approve(office, { id: p.id, version: 1, approvedOn: daysAgo(800), nextReviewOn: daysAgo(-30) }), 'approveEmergencyPlan').then(async (a) => {
        await t.gateway.database.dataSource.query(`UPDATE emergency_plan SET next_review_on = (now() AT TIME ZONE 'Asia/Shanghai')::date - $2::int WHERE id = $1`, [a.id, nextReviewDaysAgo]);
        return a;
      });
    };
    const overdue = await make('南平镇森林火灾应急预案', 1);
    const dueToday = await make('南平镇地质灾害应急预案', 0);
    const draft = await make('南平镇危化品事故应急预案', 0, false);
    const listed = await planIds(office, `{ withinSubtreeOf: "${TOWN}", reviewOverdue: true }`);
    expect(listed).toEqual([overdue.id]);
    const inTime = await planIds(office, `{ types: [SPECIAL], reviewOverdue: false }`);
    expect(inTime).toEqual(expect.arrayContaining([dueToday.id, draft.id]));
    expect(inTime).not.toContain(overdue.id);
    expect((await office(`query($id: UUID!) { emergencyPlan(id: $id) { reviewOverdue } }`, { id: overdue.id })).body.data!['emergencyPlan']).toEqual({ reviewOverdue: true });

    const review = (input: Record<string, unknown>) => mutate(office, 'reviewEmergencyPlan', 'ReviewEmergencyPlanInput', input);
    expect(fieldsOf(await review({ id: overdue.id, version: 2, reviewedOn: daysAgo(0), nextReviewOn: daysAgo(0) }))).toEqual([expect.objectContaining({ field: 'input.nextReviewOn', rule: 'afterReview' })]);
    expect(fieldsOf(await review({ id: draft.id, version: 1, reviewedOn: daysAgo(0), nextReviewOn: daysAgo(-365) }))).toEqual([expect.objectContaining({ field: 'input.id', rule: 'state' })]);
    const reviewed = await ok(review({ id: overdue.id, version: 2, reviewedOn: daysAgo(0), nextReviewOn: daysAgo(-365), note: '机构调整，更新指挥部成员名单' }), 'reviewEmergencyPlan');
    expect(reviewed).toMatchObject({ version: 3, lastReviewedOn: daysAgo(0), nextReviewOn: daysAgo(-365), reviewNote: '机构调整，更新指挥部成员名单', reviewOverdue: false });
    expect(errorOf(await review({ id: overdue.id, version: 2, reviewedOn: daysAgo(0), nextReviewOn: daysAgo(-30) }))).toMatchObject({ code: 'CONFLICT' });
    expect(await planIds(office, `{ reviewOverdue: true }`)).toEqual([]);
    const audits = await admin(`query($id: UUID!) { auditLog(first: 5, filter: { entityId: $id, actionPrefix: "rescue.plan.review" }) { edges { node { action changes } } } }`, { id: overdue.id });
    expect(audits.body.data!['auditLog'].edges).toEqual([{ node: { action: 'rescue.plan.review', changes: expect.objectContaining({ reviewedOn: daysAgo(0), note: '机构调整，更新指挥部成员名单' }) } }]);
  });

  describe('drills', () => {
    const record = (client: GraphQLClient, input: Record<string, unknown>, fields = DRILL) => mutate(client, 'recordDrill', 'RecordDrillInput', { organizationId: WENFENG, form: 'EVACUATION', participantCount: 40, ...input }, fields);

    it('records a drill of the village plan with problems: tasks with owners, a hazard reported with source DRILL', async () => {
      const plan = await createPlan(wenfeng, { title: '文凤村防汛预案' });
      const res = await record(
        wenfeng,
        {
          planId: plan.id, heldOn: daysAgo(3), title: '文凤村防汛转移演练', scenario: '山洪', participants: '村两委、应急分队',
          problems: [
            { description: '广播覆盖不到三组', followUp: 'TASK', ownerPersonId: WENFENG_OFFICER, dueOn: daysAgo(-20) },
            { description: '避难点应急照明损坏', followUp: 'HAZARD', hazardCategory: 'FLOOD' },
            { description: '集合用时偏长', followUp: 'NONE' },
          ],
        },
        `${DRILL} problems { totalCount edges { node { id version position description followUp status dueOn doneOn owner { id } hazardId hazard { id source status category organization { name } } } } }`,
      );
      expect(res.body.errors).toBeUndefined();
      const drill = res.body.data!['recordDrill'];
      expect(drill).toMatchObject({ version: 1, heldOn: daysAgo(3), form: 'EVACUATION', planId: plan.id, plan: { id: plan.id, title: '文凤村防汛预案' }, organization: { name: '文凤村' } });
      const problems = drill.problems.edges.map((e: any) => e.node);
      expect(drill.problems.totalCount).toBe(3);
      expect(problems.map((p: any) => [p.position, p.followUp, p.status])).toEqual([[1, 'TASK', 'OPEN'], [2, 'HAZARD', null], [3, 'NONE', null]]);
      expect(problems[0]).toMatchObject({ owner: { id: WENFENG_OFFICER }, dueOn: daysAgo(-20), doneOn: null, hazardId: null, hazard: null });
      expect(problems[1].hazard).toEqual({ id: problems[1].hazardId, source: 'DRILL', status: 'REPORTED', category: 'FLOOD', organization: { name: '文凤村' } });
      const hazards = await wenfeng(`{ hazards(first: 100, filter: { withinSubtreeOf: "${WENFENG}" }) { edges { node { id source title } } } }`);
      expect(hazards.body.data!['hazards'].edges.map((e: any) => e.node)).toContainEqual({ id: problems[1].hazardId, source: 'DRILL', title: '避难点应急照明损坏' });
      // The hazard points back at the drill by a global id (no foreign key between the modules): a Node.
      const originOf = (client: GraphQLClient) => client(`query($id: UUID!) { hazard(id: $id) { origin { __typename nodeId ... on Drill { id title } } } }`, { id: problems[1].hazardId });
      const origin = (await originOf(wenfeng)).body.data!['hazard'].origin;
      expect(origin).toEqual({ __typename: 'Drill', nodeId: expect.any(String), id: drill.id, title: '文凤村防汛转移演练' });
      expect((await wenfeng(`query($n: ID!) { node(nodeId: $n) { ... on Drill { id } } }`, { n: origin.nodeId })).body.data!['node']).toEqual({ id: drill.id });
      // One who may read the hazard but not drills sees no origin, as if there were none.
      const hazardReader = (await admin(`mutation { createRole(input: { code: "hazard-reader", nameZh: "隐患查看员", description: "Reads hazards only" }) { id } }`)).body.data!['createRole'];
      await admin(`mutation($input: GrantPermissionInput!) { grantPermission(input: $input) { id } }`, { input: { roleId: hazardReader.id, permission: 'risk.hazard:read', scope: 'ORG_SUBTREE' } });
      const reader = (await admin(`mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`, { input: { username: 'hazard-reader1', password: 'Start12345', displayName: '隐患查看员' } })).body.data!['createUser'];
      await admin(`mutation($input: AssignRoleInput!) { assignRole(input: $input) { id } }`, { input: { principalKind: 'USER', principalId: reader.id, roleId: hazardReader.id, organizationId: WENFENG } });
      expect((await originOf(await t.as('hazard-reader1', 'Start12345'))).body.data!['hazard']).toEqual({ origin: null });

      // The task is completed once, on a day not before the drill.
      const complete = (input: Record<string, unknown>) => mutate(wenfeng, 'completeDrillProblem', 'CompleteDrillProblemInput', input, 'id version status doneOn');
      expect(fieldsOf(await complete({ id: problems[0].id, version: 1, doneOn: daysAgo(4) }))).toEqual([expect.objectContaining({ field: 'input.doneOn', rule: 'notBeforeDrill' }) ]);
      expect(fieldsOf(await complete({ id: problems[2].id, version: 1, doneOn: daysAgo(1) }))).toEqual([expect.objectContaining({ field: 'input.id', rule: 'openTask' })]);
      expect(errorOf(await mutate(shuanghe, 'completeDrillProblem', 'CompleteDrillProblemInput', { id: problems[0].id, version: 1, doneOn: daysAgo(1) }, 'id'))).toMatchObject({ code: 'NOT_FOUND' });
      expect(await ok(complete({ id: problems[0].id, version: 1, doneOn: daysAgo(1) }), 'completeDrillProblem')).toEqual({ id: problems[0].id, version: 2, status: 'DONE', doneOn: daysAgo(1) });
      // Done is done: a stale version is told to reload first (CONFLICT), the current one that the task is not OPEN.
      expect(errorOf(await complete({ id: problems[0].id, version: 1, doneOn: daysAgo(1) }))).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
      expect(fieldsOf(await complete({ id: problems[0].id, version: 2, doneOn: daysAgo(1) }))).toEqual([
        { field: 'input.id', rule: 'state', message: 'cannot complete a DrillProblem whose status is DONE (allowed from OPEN).' },
      ]);
      const taskAudit = await admin(`query($id: UUID!) { auditLog(first: 5, filter: { entityId: $id }) { edges { node { action entityType changes } } } }`, { id: problems[0].id });
      expect(taskAudit.body.data!['auditLog'].edges.map((e: any) => e.node)).toEqual([{ action: 'rescue.drill.completeProblem', entityType: 'DrillProblem', changes: { status: ['OPEN', 'DONE'], doneOn: daysAgo(1) } }]);
      // A drill problem is a Node: readable by id where its drill is.
      const problemNode = (client: GraphQLClient, nodeId: string) => client(`query($n: ID!) { node(nodeId: $n) { __typename ... on DrillProblem { id status } } }`, { n: nodeId });
      const problemNodeId = (await wenfeng(`query($id: UUID!) { drill(id: $id) { problems(first: 1) { edges { node { nodeId } } } } }`, { id: drill.id })).body.data!['drill'].problems.edges[0].node.nodeId;
      expect((await problemNode(wenfeng, problemNodeId)).body.data!['node']).toEqual({ __typename: 'DrillProblem', id: problems[0].id, status: 'DONE' });
      expect((await problemNode(shuanghe, problemNodeId)).body.data!['node']).toBeNull();

      const audits = await admin(`query($id: UUID!) { auditLog(first: 5, filter: { entityId: $id, actionPrefix: "rescue.drill." }) { edges { node { action } } } }`, { id: drill.id });
      expect(audits.body.data!['auditLog'].edges.map((e: any) => e.node.action)).toEqual(['rescue.drill.record']);
      const hazardAudit = await admin(`query($id: UUID!) { auditLog(first: 5, filter: { entityId: $id }) { edges { node { action } } } }`, { id: problems[1].hazardId });
      expect(hazardAudit.body.data!['auditLog'].edges.map((e: any) => e.node.action)).toEqual(['risk.hazard.report']);
    });

    it('writes nothing of the drill when its hazard cannot be reported', async () => {
      // A drill recorder who may keep plans and drills at 文凤村 but not report hazards.
      const role = (await admin(`mutation { createRole(input: { code: "drill-recorder", nameZh: "演练记录员", description: "Records drills only" }) { id } }`)).body.data!['createRole'];
      for (const permission of ['rescue.plan:read', 'rescue.plan:write', 'directory.person:read']) {
        const granted = await admin(`mutation($input: GrantPermissionInput!) { grantPermission(input: $input) { id } }`, { input: { roleId: role.id, permission, scope: 'ORG_SUBTREE' } });
        expect(granted.body.errors).toBeUndefined();
      }
      const user = (await admin(`mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`, { input: { username: 'drill-recorder1', password: 'Start12345', displayName: '演练记录员' } })).body.data!['createUser'];
      await admin(`mutation($input: AssignRoleInput!) { assignRole(input: $input) { id } }`, { input: { principalKind: 'USER', principalId: user.id, roleId: role.id, organizationId: WENFENG } });
      const recorder = await t.as('drill-recorder1', 'Start12345');

      const count = async () => (await t.gateway.database.dataSource.query(`SELECT (SELECT count(*) FROM drill)::int AS drills, (SELECT count(*) FROM drill_problem)::int AS problems, (SELECT count(*) FROM hazard)::int AS hazards`))[0];
      const before = await count();
      const refused = await record(recorder, {
        heldOn: daysAgo(2), title: '文凤村消防疏散演练',
        problems: [
          { description: '消防通道堆放杂物', followUp: 'TASK', ownerPersonId: WENFENG_OFFICER, dueOn: daysAgo(-10) },
          { description: '灭火器过期', followUp: 'HAZARD', hazardCategory: 'FIRE' },
        ],
      });
      expect(errorOf(refused)!['code']).toBe('BAD_USER_INPUT');
      expect(fieldsOf(refused)).toEqual([expect.objectContaining({ field: 'input.problems.1.followUp', rule: 'hazardReportScope' })]);
      expect(await count()).toEqual(before);
      // Without the hazard the same drill is recorded.
      const recorded = await record(recorder, { heldOn: daysAgo(2), title: '文凤村消防疏散演练', problems: [{ description: '消防通道堆放杂物', followUp: 'TASK', ownerPersonId: WENFENG_OFFICER, dueOn: daysAgo(-10) }] });
      expect(recorded.body.errors).toBeUndefined();
      expect(await count()).toEqual({ drills: before.drills + 1, problems: before.problems + 1, hazards: before.hazards });
    });

    it('validates a drill, names field and rule, and keeps other villages out', async () => {
      const future = await record(wenfeng, { heldOn: daysAgo(-1), title: '未来演练' });
      expect(fieldsOf(future)).toEqual([expect.objectContaining({ field: 'input.heldOn', rule: 'notFuture' })]);
      const bad = await record(wenfeng, { heldOn: daysAgo(1), title: '演练', participantCount: 0, form: 'EVACUATION', problems: [{ description: 'x', followUp: 'NONE' }] });
      expect(fieldsOf(bad)).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'input.participantCount', rule: 'min' }), expect.objectContaining({ field: 'input.problems.0.description', rule: 'isLength' })]));
      const tooMany = await record(wenfeng, { heldOn: daysAgo(1), title: '演练', problems: Array.from({ length: 51 }, () => ({ description: '问题描述', followUp: 'NONE' })) });
      expect(fieldsOf(tooMany)).toEqual([expect.objectContaining({ field: 'input.problems', rule: 'arrayMaxSize' })]);
      const noOwner = await record(wenfeng, { heldOn: daysAgo(1), title: '演练', problems: [{ description: '问题描述', followUp: 'TASK', dueOn: daysAgo(-5) }] });
      expect(fieldsOf(noOwner)).toEqual([expect.objectContaining({ field: 'input.problems.0.ownerPersonId', rule: 'required' })]);
      const noCategory = await record(wenfeng, { heldOn: daysAgo(1), title: '演练', problems: [{ description: '问题描述', followUp: 'HAZARD' }] });
      expect(fieldsOf(noCategory)).toEqual([expect.objectContaining({ field: 'input.problems.0.hazardCategory', rule: 'required' })]);
      const nobody = await record(wenfeng, { heldOn: daysAgo(1), title: '演练', problems: [{ description: '问题描述', followUp: 'TASK', ownerPersonId: '00000000-0000-4000-8000-000000000000', dueOn: daysAgo(-5) }] });
      expect(errorOf(nobody)).toMatchObject({ code: 'NOT_FOUND', entity: 'Person', id: '00000000-0000-4000-8000-000000000000', field: 'input.problems.0.ownerPersonId' });
      // Another village's plan is not one of 文凤村's or an ancestor's.
      const theirPlan = await createPlan(shuanghe, { organizationId: SHUANGHE, title: '双河村防汛预案' });
      expect(fieldsOf(await record(office, { heldOn: daysAgo(1), title: '演练', planId: theirPlan.id }))).toEqual([expect.objectContaining({ field: 'input.planId', rule: 'ownOrAncestorPlan' })]);
      expect(errorOf(await record(office, { heldOn: daysAgo(1), title: '演练', planId: '00000000-0000-4000-8000-000000000000' }))).toMatchObject({ code: 'NOT_FOUND', entity: 'EmergencyPlan', field: 'input.planId' });
      // The town's plan may be drilled by a village when the caller may read it.
      const townPlan = await createPlan(office, { organizationId: TOWN, type: 'SPECIAL', title: '南平镇地质灾害应急预案' });
      const ofTown = await ok(record(office, { heldOn: daysAgo(1), title: '文凤村地灾避险演练', planId: townPlan.id }), 'recordDrill');
      expect(ofTown).toMatchObject({ planId: townPlan.id, organization: { name: '文凤村' } });
      // 文凤村 may not read the town's plans: the plan answers like a missing one.
      expect(errorOf(await record(wenfeng, { heldOn: daysAgo(1), title: '演练', planId: townPlan.id }))).toMatchObject({ code: 'NOT_FOUND', entity: 'EmergencyPlan', id: townPlan.id, field: 'input.planId' });

      // Scope: 双河村 sees nothing of 文凤村's drills, and may not record one there.
      expect((await shuanghe(`{ drills(filter: { withinSubtreeOf: "${WENFENG}" }) { totalCount } }`)).body.data!['drills'].totalCount).toBe(0);
      expect((await shuanghe(`query($id: UUID!) { drill(id: $id) { id } }`, { id: ofTown.id })).body.data!['drill']).toBeNull();
      expect(errorOf(await mutate(shuanghe, 'updateDrill', 'UpdateDrillInput', { id: ofTown.id, version: 1, title: '越权' }, 'id'))).toMatchObject({ code: 'NOT_FOUND', entity: 'Drill' });
      expect(errorOf(await record(shuanghe, { heldOn: daysAgo(1), title: '越权演练' }))).toMatchObject({ code: 'NOT_FOUND', entity: 'Organization', id: WENFENG, field: 'input.organizationId' });

      // Update: details with the version; a stale version is refused.
      const updated = await ok(mutate(wenfeng, 'updateDrill', 'UpdateDrillInput', { id: ofTown.id, version: 1, form: 'FULL_SCALE', participantCount: 80, evaluation: '转移有序' }, `${DRILL} evaluation`), 'updateDrill');
      expect(updated).toMatchObject({ version: 2, form: 'FULL_SCALE', participantCount: 80, evaluation: '转移有序', planId: townPlan.id });
      expect(errorOf(await mutate(wenfeng, 'updateDrill', 'UpdateDrillInput', { id: ofTown.id, version: 1, participantCount: 81 }, 'id'))).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
      expect(fieldsOf(await mutate(wenfeng, 'updateDrill', 'UpdateDrillInput', { id: ofTown.id, version: 2, title: null }, 'id')).map((f) => f.field)).toContain('input.title');
      const audits = await t.gateway.database.dataSource.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY occurred_at`, [ofTown.id]);
      expect(audits.map((a: any) => a.action)).toEqual(['rescue.drill.record', 'rescue.drill.update']);
    });

    it('lists drills by days, forms and plan, with problems and owners in the same number of statements for any page size', async () => {
      const plan = await createPlan(wenfeng, { title: '文凤村地灾预案' });
      for (const [i, form] of (['TABLETOP', 'FUNCTIONAL', 'EVACUATION', 'FULL_SCALE'] as const).entries()) {
        await ok(record(wenfeng, { heldOn: daysAgo(100 + i), form, title: `文凤村演练${i}`, planId: plan.id, problems: [{ description: '问题一', followUp: 'TASK', ownerPersonId: WENFENG_OFFICER, dueOn: daysAgo(-5) }, { description: '问题二', followUp: 'NONE' }] }), 'recordDrill');
      }
      const list = async (filter: string) => (await wenfeng(`{ drills(first: 100, filter: ${filter}) { totalCount edges { node { title heldOn form } } } }`)).body.data!['drills'];
      expect((await list(`{ planId: "${plan.id}" }`)).edges.map((e: any) => e.node.title)).toEqual(['文凤村演练0', '文凤村演练1', '文凤村演练2', '文凤村演练3']);
      expect((await list(`{ planId: "${plan.id}", forms: [TABLETOP, EVACUATION] }`)).edges.map((e: any) => e.node.title)).toEqual(['文凤村演练0', '文凤村演练2']);
      expect((await list(`{ from: "${daysAgo(102)}", to: "${daysAgo(101)}" }`)).edges.map((e: any) => e.node.title)).toEqual(['文凤村演练1', '文凤村演练2']);
      expect(fieldsOf(await wenfeng(`{ drills(filter: { from: "${daysAgo(1)}", to: "${daysAgo(2)}" }) { totalCount } }`))).toEqual([expect.objectContaining({ field: 'filter.to', rule: 'notBeforeFrom' })]);
      const q = (n: number) => `{ drills(first: ${n}) { edges { node { title plan { title } organization { name } problems(first: 5) { totalCount edges { node { description owner { name } } } } } } } }`;
      const small = await wenfeng(q(2));
      const large = await wenfeng(q(20));
      expect(small.body.errors).toBeUndefined();
      expect(large.body.errors).toBeUndefined();
      expect(large.body.data!['drills'].edges.length).toBeGreaterThan(4);
      // Compiled: one statement, the problems' owners nested in it (a declared reference). The resolvers (x-read-compiler: off): drills, plans, organizations, problems, owners.
      expect(small.statements).toBe(1);
      expect(large.statements).toBe(1);
      const resolvers = await t.resolvers('wenfeng');
      const [smallOff, largeOff] = [await resolvers(q(2)), await resolvers(q(20))];
      expect(largeOff.body).toEqual(large.body);
      expect(smallOff.statements).toBe(5);
      expect(largeOff.statements).toBe(5);
    });

    it('reads drills with their plan (its previous revision, revisions and organization) and problems in one compiled statement', async () => {
      const first = await ok(approve(wenfeng, { id: (await createPlan(wenfeng, { title: '文凤村森林防火预案' })).id, version: 1, approvedOn: daysAgo(200), nextReviewOn: daysAgo(-100) }), 'approveEmergencyPlan');
      const second = await ok(mutate(wenfeng, 'reviseEmergencyPlan', 'ReviseEmergencyPlanInput', { id: first.id, version: 2, title: '文凤村森林防火预案（修订）' }), 'reviseEmergencyPlan');
      await ok(record(wenfeng, { heldOn: daysAgo(7), title: '文凤村森林防火演练', planId: second.id, problems: [{ description: '扑火工具不足', followUp: 'NONE' }, { description: '对讲机信号中断', followUp: 'NONE' }] }), 'recordDrill');
      const res = await wenfeng(
        `query($plan: UUID!) { drills(first: 5, filter: { planId: $plan }) { totalCount edges { node {
          title organization { name }
          plan { title revision supersedes { title revision } organization { name } revisions(first: 5) { totalCount edges { node { revision status } } } }
          problems(first: 1) { totalCount edges { cursor node { position description drill { title } } } pageInfo { hasNextPage } }
        } } } }`,
        { plan: second.id },
      );
      expect(res.body.errors).toBeUndefined();
      expect(res.headers.get('x-read-compiled')).toBe('true');
      expect(res.statements).toBe(1);
      const [drill] = res.body.data!['drills'].edges.map((e: any) => e.node);
      expect(res.body.data!['drills'].totalCount).toBe(1);
      expect(drill).toEqual({
        title: '文凤村森林防火演练',
        organization: { name: '文凤村' },
        plan: {
          title: '文凤村森林防火预案（修订）',
          revision: 2,
          supersedes: { title: '文凤村森林防火预案', revision: 1 },
          organization: { name: '文凤村' },
          revisions: { totalCount: 2, edges: [{ node: { revision: 2, status: 'DRAFT' } }, { node: { revision: 1, status: 'EFFECTIVE' } }] },
        },
        problems: { totalCount: 2, edges: [{ cursor: expect.any(String), node: { position: 1, description: '扑火工具不足', drill: { title: '文凤村森林防火演练' } } }], pageInfo: { hasNextPage: true } },
      });
    });
  });
});
