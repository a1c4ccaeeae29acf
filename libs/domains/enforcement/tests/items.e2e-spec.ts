import { ManualClock } from '@platform/core';
import { seedId } from '@platform/directory';
import { errorOf, expectPagedCompletely, fieldsOf, startTestGateway, PAGE_ARGS, PAGE_VARS, walkedPage, type GraphQLClient, type TestGateway } from '@platform/testing';
import { enforcementItemListSeedId, enforcementItemSeedId, lawArticleSeedId } from '../src/index';
import { MODULES, dataOf, mutation, mutated } from './support';

const TOWN = seedId('org:town');
const BRIGADE = seedId('org:dept-enforcement');
const item = enforcementItemSeedId;
const LIST_FIELDS = 'id version code status effectiveFrom effectiveTo';
type List = { id: string; version: number; code: string; status: string; effectiveFrom: string; effectiveTo: string | null };

/**
 * The enforcement item lists (issue 19, point 十七): the seeded 2025-01 and 2025-07 versions, an
 * item that stays with its list when the next is published, the same item found in the list in
 * force on another day, validation of drafts, the hearing threshold at its boundary, scope and paging.
 */
describe('enforcement items (执法事项清单)', () => {
  const clock = new ManualClock(new Date('2026-11-29T02:00:00Z'));
  let t: TestGateway;
  let anban: GraphQLClient;
  let jingfa: GraphQLClient;
  let wenfeng: GraphQLClient;
  let sinopec: GraphQLClient;
  let expert: GraphQLClient;
  let zhifa: GraphQLClient;
  beforeAll(async () => {
    t = await startTestGateway(MODULES, { seed: true, clock });
    [anban, jingfa, wenfeng, sinopec, expert, zhifa] = await Promise.all([t.as('anban'), t.as('jingfa'), t.as('wenfeng'), t.as('sinopec-nanping'), t.as('expert'), t.as('zhifa')]);
  });
  afterAll(() => t?.close());

  const db = (text: string, params: unknown[] = []) => t.gateway.database.dataSource.query(text, params);
  const refusal = (res: any) => ({ code: errorOf(res)?.['code'], fields: fieldsOf(res).map((f) => `${f.field}/${f.rule}`) });
  const createList = (input: Record<string, unknown>) => mutated<List>(anban, 'createEnforcementItemList', 'CreateEnforcementItemListInput', { organizationId: BRIGADE, title: '测试清单', ...input }, LIST_FIELDS);
  const ITEM = { name: '对测试事项的行政检查', kind: 'STATUTORY', category: 'INSPECTION', responsibleOrganizationId: TOWN, legalBasis: '《中华人民共和国安全生产法》第六十二条' };
  const addItem = (listId: string, input: Record<string, unknown>) => mutation(anban, 'addEnforcementItem', 'AddEnforcementItemInput', { listId, ...ITEM, ...input }, 'id version code kind');
  const publish = (l: { id: string; version: number }) => mutation(anban, 'publishEnforcementItemList', 'PublishEnforcementItemListInput', { id: l.id, version: l.version }, LIST_FIELDS);

  it('holds the two seeded list versions of the town, the later one in force, each with its own items', async () => {
    const data = await dataOf(anban, `{
      enforcementItemLists(filter: { organizationId: "${TOWN}" }) { edges { node { code status documentNumber effectiveFrom effectiveTo inForce organization { name } items { totalCount } } } }
      before: enforcementItems(filter: { inForceOn: "2025-06-30" }) { totalCount }
      after: enforcementItems(filter: { inForceOn: "2025-07-01" }) { totalCount }
      delegated: enforcementItems(filter: { inForceOn: "2026-11-29", kinds: [DELEGATED] }) { totalCount }
      entrusted: enforcementItems(filter: { inForceOn: "2026-11-29", kinds: [ENTRUSTED] }, first: 1) { totalCount edges { node { code entrustingBody sourceDepartment } } }
      aq: enforcementItem(id: "${item('2025-07', 'AQ-JC-001')}") { code name kind category responsibleOrganizationId sourceDepartment list { code } responsibleOrganization { kind } basisArticles { edges { node { number document { code } } } } }
    }`);
    expect(data['enforcementItemLists'].edges.map((e: any) => e.node)).toEqual([
      { code: '2025-07', status: 'IN_FORCE', documentNumber: '渝府办发〔2025〕28号', effectiveFrom: '2025-07-01', effectiveTo: null, inForce: true, organization: { name: expect.stringContaining('南平镇') }, items: { totalCount: 36 } },
      { code: '2025-01', status: 'SUPERSEDED', documentNumber: null, effectiveFrom: '2025-01-01', effectiveTo: '2025-06-30', inForce: false, organization: { name: expect.stringContaining('南平镇') }, items: { totalCount: 12 } },
    ]);
    expect([data['before'].totalCount, data['after'].totalCount, data['delegated'].totalCount]).toEqual([12, 36, 19]);
    expect(data['entrusted']).toEqual({ totalCount: 6, edges: [{ node: { code: 'JT-WT-001', entrustingBody: '南川区交通运输委员会', sourceDepartment: null } }] });
    expect(data['aq']).toEqual({
      code: 'AQ-JC-001', name: '对生产经营单位安全生产状况的监督检查', kind: 'STATUTORY', category: 'INSPECTION', responsibleOrganizationId: TOWN, sourceDepartment: null,
      list: { code: '2025-07' }, responsibleOrganization: { kind: 'TOWN_GOVERNMENT' },
      basisArticles: { edges: [{ node: { number: '第六十二条', document: { code: 'work-safety-law-2021' } } }, { node: { number: '第六十八条', document: { code: 'work-safety-law-2021' } } }] },
    });
  });

  it('keeps an item with its list version, tells whether it is in force on a day, and finds the same item in the list in force then', async () => {
    const q = (id: string) => `i${id.slice(0, 8)}: enforcementItem(id: "${id}") { code inForce before: inForce(on: "2025-06-30") after: inForce(on: "2025-07-01") now: sameItemOn(on: "2026-11-29") { id list { code } } then: sameItemOn(on: "2025-03-01") { id } }`;
    const read = async (a: string, b: string) => Object.values(await dataOf(anban, `{ ${q(a)} ${q(b)} }`)) as any[];
    const [oldAq, newAq] = await read(item('2025-01', 'AQ-JC-001'), item('2025-07', 'AQ-JC-001'));
    const [dropped, added] = await read(item('2025-01', 'AQ-JC-009'), item('2025-07', 'YJ-CF-003'));
    expect(oldAq).toEqual({ code: 'AQ-JC-001', inForce: false, before: true, after: false, now: { id: item('2025-07', 'AQ-JC-001'), list: { code: '2025-07' } }, then: { id: item('2025-01', 'AQ-JC-001') } });
    expect(newAq).toEqual({ code: 'AQ-JC-001', inForce: true, before: false, after: true, now: { id: item('2025-07', 'AQ-JC-001'), list: { code: '2025-07' } }, then: { id: item('2025-01', 'AQ-JC-001') } });
    // Dropped in 2025-07, added by the reform: no counterpart in the other list.
    expect(dropped).toMatchObject({ inForce: false, now: null, then: { id: item('2025-01', 'AQ-JC-009') } });
    expect(added).toMatchObject({ inForce: true, then: null });
  });

  it('shows the hearing threshold in force on a day per penalty item, and flags the bands whose maximum reaches it (at the boundary)', async () => {
    const bands = `discretionBands { edges { node { subject level fineMaxYuan incomePercentMax reachesHearingThreshold later: reachesHearingThreshold(on: "2027-01-01") } } }`;
    const read = async (id: string) => (await dataOf(anban, `{ enforcementItem(id: "${id}") { hearingThreshold { unitFineYuan personFineYuan ruleVersion { jurisdictionName } } later: hearingThreshold(on: "2027-01-01") { unitFineYuan } ${bands} } }`))['enforcementItem'];
    const before = await read(item('2025-07', 'YJ-CF-003'));
    expect(before.hearingThreshold).toEqual({ unitFineYuan: '50000.00', personFineYuan: '20000.00', ruleVersion: { jurisdictionName: '重庆市' } });
    // A town version from 2027: the flags of a later day follow it, today's do not move.
    await mutated(anban, 'addBusinessRuleVersion', 'AddBusinessRuleVersionInput', {
      ruleCode: 'enforcement.hearing-threshold', jurisdiction: 'TOWN', jurisdictionName: '南平镇', documentNumber: '测试〔2026〕1号', value: { unitFineYuan: 100000, personFineYuan: 50000 }, effectiveFrom: '2027-01-01',
    }, 'id');
    const after = await read(item('2025-07', 'YJ-CF-003'));
    expect(after.later).toEqual({ unitFineYuan: '100000.00' });
    expect(after.discretionBands.edges.map((e: any) => e.node)).toEqual([
      { subject: 'UNIT', level: 'MINOR', fineMaxYuan: '20000.00', incomePercentMax: null, reachesHearingThreshold: false, later: false },
      { subject: 'UNIT', level: 'GENERAL', fineMaxYuan: '50000.00', incomePercentMax: null, reachesHearingThreshold: true, later: false },
      { subject: 'UNIT', level: 'SERIOUS', fineMaxYuan: '100000.00', incomePercentMax: null, reachesHearingThreshold: true, later: true },
      { subject: 'UNIT', level: 'GRAVE', fineMaxYuan: '200000.00', incomePercentMax: null, reachesHearingThreshold: true, later: true },
      { subject: 'PERSON', level: 'GRAVE', fineMaxYuan: '50000.00', incomePercentMax: null, reachesHearingThreshold: true, later: true },
    ]);
    // A band a cent below the unit threshold does not reach it; a share of income cannot be judged; an inspection has no threshold.
    const draft = await createList({ code: 'HT-1', effectiveFrom: '2026-12-01' });
    const penalty = (await addItem(draft.id, {
      code: 'HT-CF-001', category: 'PENALTY', discretionBands: [
        { subject: 'UNIT', level: 'GENERAL', fineMinYuan: '0', fineMaxYuan: '49999.99', condition: '测试：差一分' },
        { subject: 'PERSON', level: 'GRAVE', incomePercentMin: 60, incomePercentMax: 100, condition: '测试：按收入' },
      ],
    })).body.data!['addEnforcementItem'];
    const edge = (await read(penalty.id)).discretionBands.edges.map((e: any) => e.node.reachesHearingThreshold);
    expect(edge).toEqual([false, null]);
    expect((await read(item('2025-07', 'AQ-JC-001'))).hearingThreshold).toBeNull();
  });

  it('publishes a new version: the one in force ends the day before, its items stay and still resolve', async () => {
    // Far-off days, so that the brigade's versions are in force on no day another test reads.
    const first = await createList({ code: 'V1', effectiveFrom: '2030-01-01' });
    expect(refusal(await publish(first))).toEqual({ code: 'BAD_USER_INPUT', fields: ['input.id/required'] });
    const a = (await addItem(first.id, { code: 'ZF-JC-001', basisArticleIds: [lawArticleSeedId('work-safety-law-2021', 62)] })).body.data!['addEnforcementItem'];
    await addItem(first.id, { code: 'ZF-JC-002' });
    const v1 = (await publish(first)).body.data!['publishEnforcementItemList'];
    expect(v1).toMatchObject({ status: 'IN_FORCE', effectiveTo: null });
    expect(refusal(await publish(v1))).toEqual({ code: 'BAD_USER_INPUT', fields: ['input.id/state'] });
    // A published list never changes.
    expect(refusal(await addItem(v1.id, { code: 'ZF-JC-003' }))).toEqual({ code: 'BAD_USER_INPUT', fields: ['input.listId/state'] });
    expect(refusal(await mutation(anban, 'updateEnforcementItem', 'UpdateEnforcementItemInput', { id: a.id, version: a.version, name: '改名' }, 'id'))).toEqual({ code: 'BAD_USER_INPUT', fields: ['input.id/state'] });
    expect(refusal(await mutation(anban, 'updateEnforcementItemList', 'UpdateEnforcementItemListInput', { id: v1.id, version: v1.version, title: '改名' }, 'id'))).toEqual({ code: 'BAD_USER_INPUT', fields: ['input.id/state'] });
    // The next version as a copy; a day not after the list in force is refused at publishing.
    const second = await createList({ code: 'V2', effectiveFrom: '2030-01-01', copyFromListId: v1.id });
    const copied = (await dataOf(anban, `{ enforcementItemList(id: "${second.id}") { previous { code } items { edges { node { id code basisArticles { totalCount } } } } } }`))['enforcementItemList'];
    expect(copied.previous).toEqual({ code: 'V1' });
    expect(copied.items.edges.map((e: any) => [e.node.code, e.node.basisArticles.totalCount])).toEqual([['ZF-JC-001', 1], ['ZF-JC-002', 0]]);
    expect(copied.items.edges[0].node.id).not.toBe(a.id);
    expect(refusal(await publish(second))).toEqual({ code: 'BAD_USER_INPUT', fields: ['input.id/range'] });
    const moved = await mutated<List>(anban, 'updateEnforcementItemList', 'UpdateEnforcementItemListInput', { id: second.id, version: second.version, effectiveFrom: '2031-01-01' }, LIST_FIELDS);
    const removed = await mutated(anban, 'removeEnforcementItem', 'RemoveEnforcementItemInput', { id: copied.items.edges[1].node.id, version: 1 }, 'id items { totalCount }');
    expect(removed.items.totalCount).toBe(1);
    const v2 = (await publish({ id: moved.id, version: moved.version })).body.data!['publishEnforcementItemList'];
    expect(v2).toMatchObject({ status: 'IN_FORCE', effectiveFrom: '2031-01-01' });
    const lists = (await dataOf(anban, `{ enforcementItemLists(filter: { organizationId: "${BRIGADE}", statuses: [IN_FORCE, SUPERSEDED] }) { edges { node { code status effectiveTo } } } }`))['enforcementItemLists'].edges.map((e: any) => e.node);
    expect(lists).toEqual([{ code: 'V2', status: 'IN_FORCE', effectiveTo: null }, { code: 'V1', status: 'SUPERSEDED', effectiveTo: '2030-12-31' }]);
    // The old item: in force on 2030-12-31, not from 2031-01-01, still readable; its successor is the copy.
    const old = (await dataOf(anban, `{ enforcementItem(id: "${a.id}") { code inForce(on: "2030-12-31") after: inForce(on: "2031-01-01") sameItemOn(on: "2031-01-01") { id list { code } } list { status } } }`))['enforcementItem'];
    expect(old).toEqual({ code: 'ZF-JC-001', inForce: true, after: false, sameItemOn: { id: copied.items.edges[0].node.id, list: { code: 'V2' } }, list: { status: 'SUPERSEDED' } });
    // Audited and announced: the publication, the supersession of the old list.
    expect(await db(`SELECT action FROM audit_log WHERE entity_id = ANY($1) AND action LIKE 'enforcement.item-list.%' ORDER BY occurred_at, action`, [[v1.id, v2.id]])).toEqual(
      expect.arrayContaining([{ action: 'enforcement.item-list.publish' }, { action: 'enforcement.item-list.supersede' }]),
    );
    expect((await db(`SELECT type FROM event_outbox WHERE payload->>'id' = $1 ORDER BY id`, [v1.id])).map((r: any) => r.type)).toEqual(['enforcement.item-list.created', 'enforcement.item-list.published', 'enforcement.item-list.superseded']);
  });

  it('validates a draft\'s items: holder by kind, bands, basis articles in force, legal subject, codes and copies', async () => {
    const draft = await createList({ code: 'VAL', effectiveFrom: '2026-03-01' });
    const fields = async (input: Record<string, unknown>) => refusal(await addItem(draft.id, { code: 'VL-CF-001', ...input }));
    expect(await fields({ kind: 'DELEGATED' })).toEqual({ code: 'BAD_USER_INPUT', fields: ['input.sourceDepartment/required'] });
    expect(await fields({ kind: 'STATUTORY', entrustingBody: '南川区应急管理局' })).toEqual({ code: 'BAD_USER_INPUT', fields: ['input.entrustingBody/exclusive'] });
    const band = { subject: 'UNIT', level: 'GENERAL', condition: '测试情形' };
    expect(await fields({ discretionBands: [{ ...band, fineMinYuan: '0', fineMaxYuan: '100' }] })).toEqual({ code: 'BAD_USER_INPUT', fields: ['input.discretionBands/penaltyOnly'] });
    const penalty = { category: 'PENALTY' };
    expect(await fields({ ...penalty, discretionBands: [{ ...band, fineMinYuan: '500', fineMaxYuan: '100' }] })).toEqual({ code: 'BAD_USER_INPUT', fields: ['input.discretionBands.0.fineMaxYuan/range'] });
    expect(await fields({ ...penalty, discretionBands: [{ ...band, fineMinYuan: '0', fineMaxYuan: '100', incomePercentMin: 10, incomePercentMax: 20 }] })).toEqual({ code: 'BAD_USER_INPUT', fields: ['input.discretionBands.0.incomePercentMin/exclusive'] });
    expect(await fields({ ...penalty, discretionBands: [{ ...band, incomePercentMin: 10, incomePercentMax: 20 }] })).toEqual({ code: 'BAD_USER_INPUT', fields: ['input.discretionBands.0.incomePercentMin/exclusive'] });
    expect(await fields({ ...penalty, discretionBands: [{ ...band, fineMinYuan: '0' }] })).toEqual({ code: 'BAD_USER_INPUT', fields: ['input.discretionBands.0.fineMaxYuan/required'] });
    expect(await fields({ ...penalty, discretionBands: [{ ...band, fineMinYuan: '-1', fineMaxYuan: '100' }] })).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['input.discretionBands.0.fineMinYuan/min'] });
    expect(await fields({ basisArticleIds: ['00000000-0000-4000-8000-000000000000'] })).toEqual({ code: 'BAD_USER_INPUT', fields: ['input.basisArticleIds.0/exists'] });
    // 总局令第77号 第三十三条 ended on 2026-01-31: not a basis of a list from 2026-03-01; the message names its successor.
    const stale = await addItem(draft.id, { code: 'VL-CF-001', basisArticleIds: [lawArticleSeedId('work-safety-law-2021', 97), lawArticleSeedId('safety-penalty-measures-2015', 33)] });
    expect(refusal(stale)).toEqual({ code: 'BAD_USER_INPUT', fields: ['input.basisArticleIds.1/inForce'] });
    expect(fieldsOf(stale)[0]!.message).toContain('应急管理部令第18号');
    expect(await fields({ responsibleOrganizationId: seedId('org:village-wenfeng') })).toEqual({ code: 'BAD_USER_INPUT', fields: ['input.responsibleOrganizationId/legalSubject'] });
    expect(await fields({ code: 'lower-case' })).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['input.code/matches'] });
    await addItem(draft.id, { code: 'VL-JC-001' });
    expect(await fields({ code: 'VL-JC-001' })).toEqual({ code: 'BAD_USER_INPUT', fields: ['input.code/unique'] });
    // Nothing half-written by the refusals: one item, no bands.
    expect(await db(`SELECT count(*)::int AS n FROM enforcement_item WHERE list_id = $1`, [draft.id])).toEqual([{ n: 1 }]);
    // Lists: a legal subject, a code unused there, copies of a published list of the same organization only.
    const list = (input: Record<string, unknown>) => mutation(anban, 'createEnforcementItemList', 'CreateEnforcementItemListInput', { organizationId: BRIGADE, code: 'X-1', title: '测试', effectiveFrom: '2026-01-01', ...input }, 'id');
    expect(refusal(await list({ organizationId: seedId('org:village-wenfeng') }))).toEqual({ code: 'BAD_USER_INPUT', fields: ['input.organizationId/legalSubject'] });
    expect(refusal(await list({ code: 'VAL' }))).toEqual({ code: 'BAD_USER_INPUT', fields: ['input.code/unique'] });
    expect(refusal(await list({ copyFromListId: draft.id }))).toEqual({ code: 'BAD_USER_INPUT', fields: ['input.copyFromListId/state'] });
    expect(refusal(await list({ copyFromListId: enforcementItemListSeedId('2025-07') }))).toEqual({ code: 'BAD_USER_INPUT', fields: ['input.copyFromListId/sameOrganization'] });
    // An item update checks the merged values; changing category away from PENALTY drops nothing silently.
    const p = (await addItem(draft.id, { code: 'VL-CF-002', category: 'PENALTY', discretionBands: [{ ...band, fineMinYuan: '0', fineMaxYuan: '1000' }] })).body.data!['addEnforcementItem'];
    expect(refusal(await mutation(anban, 'updateEnforcementItem', 'UpdateEnforcementItemInput', { id: p.id, version: p.version, category: 'INSPECTION' }, 'id'))).toEqual({ code: 'BAD_USER_INPUT', fields: ['input.category/penaltyOnly'] });
    expect(refusal(await mutation(anban, 'updateEnforcementItem', 'UpdateEnforcementItemInput', { id: p.id, version: p.version, kind: 'ENTRUSTED' }, 'id'))).toEqual({ code: 'BAD_USER_INPUT', fields: ['input.entrustingBody/required'] });
    const changed = await mutated(anban, 'updateEnforcementItem', 'UpdateEnforcementItemInput', { id: p.id, version: p.version, kind: 'ENTRUSTED', entrustingBody: '南川区应急管理局', discretionBands: [] }, 'version kind entrustingBody discretionBands { totalCount }');
    expect(changed).toEqual({ version: p.version + 1, kind: 'ENTRUSTED', entrustingBody: '南川区应急管理局', discretionBands: { totalCount: 0 } });
    expect(refusal(await mutation(anban, 'updateEnforcementItem', 'UpdateEnforcementItemInput', { id: p.id, version: p.version, name: '过期版本' }, 'id'))).toMatchObject({ code: 'CONFLICT' });
  });

  it('lets officers, inspectors and integrations read, the office keep; others see nothing', async () => {
    const count = async (client: GraphQLClient) => (await dataOf(client, `{ enforcementItems(filter: { inForceOn: "2026-11-29" }) { totalCount } }`))['enforcementItems'].totalCount;
    expect(await count(wenfeng)).toBe(36);
    expect(await count(jingfa)).toBe(36);
    expect(await count(zhifa)).toBe(36);
    for (const client of [sinopec, expert]) expect(errorOf(await client(`{ enforcementItems { totalCount } }`))).toMatchObject({ code: 'FORBIDDEN', permission: 'enforcement.item:read' });
    // By global id, an item is null for a caller without the permission.
    const { nodeId } = (await dataOf(anban, `{ enforcementItem(id: "${item('2025-07', 'AQ-JC-001')}") { nodeId } }`))['enforcementItem'];
    expect((await dataOf(sinopec, `query($n: ID!) { node(nodeId: $n) { nodeId } }`, { n: nodeId }))['node']).toBeNull();
    expect((await dataOf(wenfeng, `query($n: ID!) { node(nodeId: $n) { ... on EnforcementItem { code } } }`, { n: nodeId }))['node']).toEqual({ code: 'AQ-JC-001' });
    const denied = await mutation(jingfa, 'createEnforcementItemList', 'CreateEnforcementItemListInput', { organizationId: TOWN, code: 'NO', title: '无权', effectiveFrom: '2027-01-01' }, 'id');
    expect(errorOf(denied)).toMatchObject({ code: 'FORBIDDEN', permission: 'enforcement.item:manage' });
    expect(errorOf(await mutation(zhifa, 'publishEnforcementItemList', 'PublishEnforcementItemListInput', { id: enforcementItemListSeedId('2025-07'), version: 1 }, 'id'))?.['code']).toBe('FORBIDDEN');
  });

  it('pages items losslessly and reads them with their lists, subjects, articles and bands in a fixed number of statements', async () => {
    const query = `query(${PAGE_VARS}, $l: UUID!) { enforcementItems(${PAGE_ARGS}, filter: { listId: $l }) { ${walkedPage()} } }`;
    const ids = await expectPagedCompletely(anban, query, { l: enforcementItemListSeedId('2025-07') }, ['enforcementItems'], 8, 36);
    expect(ids[0]).toBe(item('2025-07', 'AQ-JC-001'));
    const res = await anban(`{ enforcementItems(first: 40, filter: { inForceOn: "2026-11-29" }) { edges { node { code list { code } responsibleOrganization { name }
      basisArticles { edges { node { number document { title } } } } discretionBands { edges { node { level fineMaxYuan reachesHearingThreshold } } } hearingThreshold { unitFineYuan } } } } }`);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!['enforcementItems'].edges).toHaveLength(36);
    // One statement per level on the resolver path (items, lists, subjects, articles, documents, bands, the rule); the read compiler makes it two.
    expect(res.statements).toBeLessThanOrEqual(7);
  });
});
