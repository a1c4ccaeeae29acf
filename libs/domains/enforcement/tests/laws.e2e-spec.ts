import { ManualClock } from '@platform/core';
import { errorOf, expectPagedCompletely, fieldsOf, startTestGateway, PAGE_ARGS, PAGE_VARS, walkedPage, type GraphQLClient, type TestGateway } from '@platform/testing';
import { lawArticleSeedId, lawDocumentSeedId } from '../src/index';
import { MODULES, dataOf, mutation, mutated } from './support';

const WSL = 'work-safety-law-2021';
const APL = 'administrative-penalty-law-2021';
const O493 = 'order-493';
const M2015 = 'safety-penalty-measures-2015';
const M2026 = 'safety-penalty-measures-2026';
const art = lawArticleSeedId;
const ARTICLE = 'id version number ordinal topics evidence effectiveFrom effectiveTo supersededOn';
type Article = { id: string; version: number; number: string; ordinal: number; effectiveFrom: string; effectiveTo: string | null; supersededOn: string | null };

/**
 * The law catalog (issue 19, point 十六): the seeded documents and articles, which article applies to
 * a matter on the day before and the day a superseding article takes effect, supersession and its
 * validation, repeal, filters, paging and who may read and keep the catalog.
 */
describe('law catalog (法律法规库)', () => {
  // 2026-11-29 10:00 China time, the README's moment.
  const clock = new ManualClock(new Date('2026-11-29T02:00:00Z'));
  let t: TestGateway;
  let anban: GraphQLClient;
  let jingfa: GraphQLClient;
  let sinopec: GraphQLClient;
  let zhifa: GraphQLClient;
  beforeAll(async () => {
    t = await startTestGateway(MODULES, { seed: true, clock });
    [anban, jingfa, sinopec, zhifa] = await Promise.all([t.as('anban'), t.as('jingfa'), t.as('sinopec-nanping'), t.as('zhifa')]);
  });
  afterAll(() => t?.close());

  const db = (text: string, params: unknown[] = []) => t.gateway.database.dataSource.query(text, params);
  const applicable = async (topic: string, on: string, client: GraphQLClient = anban): Promise<string[]> =>
    (await dataOf(client, `query($topic: String!, $on: LocalDate!) { applicableLawArticles(topic: $topic, on: $on, first: 50) { edges { node { id } } } }`, { topic, on }))['applicableLawArticles'].edges.map((e: any) => e.node.id).sort();
  const addDocument = (code: string, effectiveFrom: string, extra: Record<string, unknown> = {}) =>
    mutated<{ id: string; version: number }>(anban, 'addLawDocument', 'AddLawDocumentInput', { code, kind: 'NORMATIVE_DOCUMENT', title: `测试文件 ${code}`, issuingBody: '南平镇人民政府', effectiveFrom, ...extra }, 'id version');
  const addArticle = (documentId: string, ordinal: number, topics: string[], extra: Record<string, unknown> = {}) =>
    mutated<Article>(anban, 'addLawArticle', 'AddLawArticleInput', { documentId, number: `第${ordinal}条`, ordinal, summary: '测试条文摘要。', topics, evidence: 'UNVERIFIED', ...extra }, ARTICLE);
  const supersede = (a: Article, supersedingArticleIds: string[], effectiveOn: string, client: GraphQLClient = anban) =>
    mutation(client, 'supersedeLawArticle', 'SupersedeLawArticleInput', { id: a.id, version: a.version, supersedingArticleIds, effectiveOn, note: '测试取代' }, ARTICLE);
  const refusal = (res: any) => ({ code: errorOf(res)?.['code'], fields: fieldsOf(res).map((f) => `${f.field}/${f.rule}`) });

  it('holds the seeded catalog: five documents, their articles and the supersessions, in force by day', async () => {
    const data = await dataOf(anban, `{
      lawDocuments(first: 10, orderBy: [{ field: CODE }]) { totalCount edges { node { code kind documentNumber effectiveFrom effectiveTo status articles { totalCount } } } }
      old: lawArticle(id: "${art(O493, 37)}") { number effectiveTo supersededOn status inForce(on: "2021-08-31") before: status(on: "2021-08-31")
        supersededBy { edges { node { effectiveOn supersedingArticle { number document { code } } } } } }
      law: lawArticle(id: "${art(WSL, 114)}") { supersedes { totalCount edges { node { article { number document { code } } } } } } }`);
    expect(data['lawDocuments'].edges.map((e: any) => [e.node.code, e.node.kind, e.node.status, e.node.articles.totalCount])).toEqual([
      [APL, 'LAW', 'IN_FORCE', 30],
      [O493, 'ADMINISTRATIVE_REGULATION', 'IN_FORCE', 20],
      [M2015, 'DEPARTMENT_RULE', 'REPEALED', 2],
      [M2026, 'DEPARTMENT_RULE', 'IN_FORCE', 2],
      [WSL, 'LAW', 'IN_FORCE', 15],
    ]);
    expect(data['lawDocuments'].edges.find((e: any) => e.node.code === M2026).node).toMatchObject({ documentNumber: '应急管理部令第18号', effectiveFrom: '2026-02-01', effectiveTo: null });
    expect(data['old']).toEqual({
      number: '第三十七条', effectiveTo: '2021-08-31', supersededOn: '2021-09-01', status: 'SUPERSEDED', inForce: true, before: 'IN_FORCE',
      supersededBy: { edges: [{ node: { effectiveOn: '2021-09-01', supersedingArticle: { number: '第一百一十四条', document: { code: WSL } } } }] },
    });
    expect(data['law'].supersedes).toEqual({ totalCount: 1, edges: [{ node: { article: { number: '第三十七条', document: { code: O493 } } } }] });
  });

  it('answers which article applies on the day before and the day a superseding article takes effect', async () => {
    // 应急管理部令第18号 takes over from 总局令第77号 on 2026-02-01.
    expect(await applicable('hearing', '2026-01-31')).toEqual([art(APL, 63), art(APL, 64), art(M2015, 33)].sort());
    expect(await applicable('hearing', '2026-02-01')).toEqual([art(APL, 63), art(APL, 64), art(M2026, 9002)].sort());
    expect(await applicable('decision-deadline', '2026-01-31')).toEqual([art(APL, 60), art(M2015, 30)].sort());
    expect(await applicable('decision-deadline', '2026-02-01')).toEqual([art(APL, 60), art(M2026, 9001)].sort());
    // 安全生产法 2021 (in force 2021-09-01) takes over the accident fines of 国务院令第493号.
    expect(await applicable('accident-unit-fine', '2021-08-31')).toEqual([art(O493, 37)]);
    expect(await applicable('accident-unit-fine', '2021-09-01')).toEqual([art(WSL, 114)]);
    expect(await applicable('accident-report-violation', '2021-08-31')).toEqual([art(O493, 35), art(O493, 36)].sort());
    expect(await applicable('accident-report-violation', '2021-09-01')).toEqual([art(WSL, 110)]);
    // Before the 2015 measures and the 2021 law: only the 2007 regulation's article.
    expect(await applicable('accident-unit-fine', '2010-01-01')).toEqual([art(O493, 37)]);
    expect(await applicable('no-such-matter', '2026-02-01')).toEqual([]);
    // Anyone who may read the catalog asks it: an enterprise's safety manager and an inspector too.
    expect(await applicable('hearing', '2026-02-01', sinopec)).toHaveLength(3);
    expect(await applicable('hearing', '2026-02-01', zhifa)).toHaveLength(3);
  });

  it('follows a supersession to an article that names the matter otherwise, and down a chain', async () => {
    const doc = await addDocument('chain-test', '2020-01-01');
    const first = await addArticle(doc.id, 1, ['chain-matter']);
    const second = await addArticle(doc.id, 2, ['other-matter']);
    const third = await addArticle(doc.id, 3, []);
    await mutated(anban, 'supersedeLawArticle', 'SupersedeLawArticleInput', { id: first.id, version: first.version, supersedingArticleIds: [second.id], effectiveOn: '2021-01-01', note: '第一次取代' }, 'id');
    const s2 = (await dataOf(anban, `{ lawArticle(id: "${second.id}") { version } }`))['lawArticle'];
    await mutated(anban, 'supersedeLawArticle', 'SupersedeLawArticleInput', { id: second.id, version: s2.version, supersedingArticleIds: [third.id], effectiveOn: '2022-01-01', note: '第二次取代' }, 'id');
    expect(await applicable('chain-matter', '2020-12-31')).toEqual([first.id]);
    expect(await applicable('chain-matter', '2021-01-01')).toEqual([second.id]);
    expect(await applicable('chain-matter', '2021-12-31')).toEqual([second.id]);
    expect(await applicable('chain-matter', '2022-01-01')).toEqual([third.id]);
    // The plain filter lists what names the topic, in force or not.
    const named = (await dataOf(anban, `{ lawArticles(filter: { topic: "chain-matter" }) { edges { node { id status } } } }`))['lawArticles'].edges.map((e: any) => e.node);
    expect(named).toEqual([{ id: first.id, status: 'SUPERSEDED' }]);
  });

  it('refuses self-supersession, loops, gaps, days outside the article\'s period, a second day, a link twice and a stale version', async () => {
    const doc = await addDocument('supersession-rules', '2020-01-01');
    const a = await addArticle(doc.id, 1, ['rule-matter']);
    const b = await addArticle(doc.id, 2, []);
    const later = await addDocument('supersession-later', '2027-01-01');
    const c = await addArticle(later.id, 1, []);
    expect(refusal(await supersede(a, [b.id, a.id], '2021-01-01'))).toEqual({ code: 'BAD_USER_INPUT', fields: ['input.supersedingArticleIds.1/selfSupersession'] });
    expect(refusal(await supersede(a, [c.id], '2026-06-01'))).toEqual({ code: 'BAD_USER_INPUT', fields: ['input.supersedingArticleIds.0/supersessionGap'] });
    expect(refusal(await supersede(a, [b.id], '2020-01-01'))).toEqual({ code: 'BAD_USER_INPUT', fields: ['input.effectiveOn/range'] });
    expect(refusal(await supersede(a, ['00000000-0000-4000-8000-000000000000'], '2021-01-01'))).toMatchObject({ code: 'NOT_FOUND' });
    expect(refusal(await supersede({ ...a, version: a.version + 5 }, [b.id], '2021-01-01'))).toMatchObject({ code: 'CONFLICT' });
    // b supersedes a from 2021-01-01: a's last day is the day before.
    const done = (await supersede(a, [b.id], '2021-01-01')).body.data!['supersedeLawArticle'];
    expect(done).toMatchObject({ effectiveTo: '2020-12-31', supersededOn: '2021-01-01', version: a.version + 1 });
    const bNow = (await dataOf(anban, `{ lawArticle(id: "${b.id}") { ${ARTICLE} } }`))['lawArticle'];
    // a cannot in turn supersede b (a loop), even from a later day.
    expect(refusal(await supersede(bNow, [a.id], '2022-01-01'))).toEqual({ code: 'BAD_USER_INPUT', fields: ['input.supersedingArticleIds.0/supersessionCycle'] });
    // Another supersession of a must take over the same day; the same link twice is refused.
    const d = await addArticle(doc.id, 3, []);
    expect(refusal(await supersede(done, [d.id], '2021-06-01'))).toEqual({ code: 'BAD_USER_INPUT', fields: ['input.effectiveOn/state'] });
    expect(refusal(await supersede(done, [b.id], '2021-01-01'))).toEqual({ code: 'BAD_USER_INPUT', fields: ['input.supersedingArticleIds.0/unique'] });
    const both = (await supersede(done, [d.id], '2021-01-01')).body.data!['supersedeLawArticle'];
    expect(both.effectiveTo).toBe('2020-12-31');
    expect(await applicable('rule-matter', '2021-01-01')).toEqual([b.id, d.id].sort());
    // Nothing half-written: the refused attempts left no links and each success one audit entry per link plus the change.
    expect(await db(`SELECT count(*)::int AS n FROM law_article_supersession WHERE article_id = $1`, [a.id])).toEqual([{ n: 2 }]);
    expect(await db(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY occurred_at, action`, [a.id])).toEqual(
      expect.arrayContaining([{ action: 'enforcement.law-article.supersede' }, { action: 'enforcement.law-article-supersession.add' }]),
    );
    const events = await db(`SELECT type, payload->>'supersededOn' AS day FROM event_outbox WHERE payload->>'id' = $1 ORDER BY id`, [a.id]);
    expect(events).toEqual([
      { type: 'enforcement.law-article.added', day: null },
      { type: 'enforcement.law-article.superseded', day: '2021-01-01' },
      { type: 'enforcement.law-article.superseded', day: '2021-01-01' },
    ]);
  });

  it('repeals an article and a document on a day, refusing what a supersession decides and later days', async () => {
    const doc = await addDocument('repeal-test', '2020-01-01');
    const a = await addArticle(doc.id, 1, ['repeal-matter']);
    const b = await addArticle(doc.id, 2, ['repeal-matter']);
    const c = await addArticle(doc.id, 3, []);
    const repeal = (x: { id: string; version: number }, effectiveTo: string) => mutation(anban, 'repealLawArticle', 'RepealLawArticleInput', { id: x.id, version: x.version, effectiveTo, note: '测试废止' }, ARTICLE);
    expect(refusal(await repeal(a, '2019-12-31'))).toEqual({ code: 'BAD_USER_INPUT', fields: ['input.effectiveTo/notBeforeFrom'] });
    const ended = (await repeal(a, '2024-12-31')).body.data!['repealLawArticle'];
    expect(ended).toMatchObject({ effectiveTo: '2024-12-31', supersededOn: null });
    expect(refusal(await repeal(ended, '2025-06-30'))).toEqual({ code: 'BAD_USER_INPUT', fields: ['input.effectiveTo/range'] });
    expect((await dataOf(anban, `{ lawArticle(id: "${a.id}") { status(on: "2025-01-01") } }`))['lawArticle'].status).toBe('REPEALED');
    const superseded = (await supersede(b, [c.id], '2023-01-01')).body.data!['supersedeLawArticle'];
    expect(refusal(await repeal(superseded, '2022-06-30'))).toEqual({ code: 'BAD_USER_INPUT', fields: ['input.id/state'] });
    // The document ends; its article still open ends with it; the superseded ones keep their days.
    const repealDoc = (effectiveTo: string, version: number) => mutation(anban, 'repealLawDocument', 'RepealLawDocumentInput', { id: doc.id, version, effectiveTo }, 'id version effectiveTo status(on: "2025-07-01")');
    expect(refusal(await repealDoc('2022-06-30', doc.version))).toEqual({ code: 'BAD_USER_INPUT', fields: ['input.effectiveTo/state'] });
    const gone = (await repealDoc('2025-06-30', doc.version)).body.data!['repealLawDocument'];
    expect(gone).toMatchObject({ effectiveTo: '2025-06-30', status: 'REPEALED' });
    const articles = (await dataOf(anban, `{ lawArticles(filter: { documentId: "${doc.id}" }) { edges { node { ordinal effectiveTo status(on: "2025-07-01") } } } }`))['lawArticles'].edges.map((e: any) => e.node);
    expect(articles).toEqual([
      { ordinal: 1, effectiveTo: '2024-12-31', status: 'REPEALED' },
      { ordinal: 2, effectiveTo: '2022-12-31', status: 'SUPERSEDED' },
      { ordinal: 3, effectiveTo: '2025-06-30', status: 'REPEALED' },
    ]);
    expect(await applicable('repeal-matter', '2025-07-01')).toEqual([]);
  });

  it('validates new documents and articles, and corrects an unread article', async () => {
    expect(refusal(await mutation(anban, 'addLawDocument', 'AddLawDocumentInput', { code: WSL, kind: 'LAW', title: '重复', issuingBody: '全国人大常委会', effectiveFrom: '2021-09-01' }, 'id'))).toEqual({ code: 'BAD_USER_INPUT', fields: ['input.code/unique'] });
    expect(refusal(await mutation(anban, 'addLawDocument', 'AddLawDocumentInput', { code: 'bad-days', kind: 'LAW', title: '日期错误', issuingBody: '全国人大常委会', effectiveFrom: '2021-09-01', effectiveTo: '2021-08-31' }, 'id'))).toEqual({ code: 'BAD_USER_INPUT', fields: ['input.effectiveTo/notBeforeFrom'] });
    const add = (input: Record<string, unknown>) => mutation(anban, 'addLawArticle', 'AddLawArticleInput', { documentId: lawDocumentSeedId(WSL), number: '第一条', ordinal: 1, summary: '立法目的。', topics: ['purpose'], evidence: 'VERIFIED', ...input }, 'id effectiveFrom');
    expect(refusal(await add({ ordinal: 21 }))).toEqual({ code: 'BAD_USER_INPUT', fields: ['input.ordinal/unique'] });
    expect(refusal(await add({ effectiveFrom: '2021-08-31' }))).toEqual({ code: 'BAD_USER_INPUT', fields: ['input.effectiveFrom/range'] });
    expect(refusal(await add({ topics: ['Not A Topic'] }))).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['input.topics/matches'] });
    expect((await add({})).body.data!['addLawArticle']).toMatchObject({ effectiveFrom: '2021-09-01' });
    // The 18号令 placeholder, corrected once read (kept [U] here: the test does not read it either).
    const placeholder = (await dataOf(anban, `{ lawArticle(id: "${art(M2026, 9002)}") { id version number evidence } }`))['lawArticle'];
    expect(placeholder).toMatchObject({ number: '〔条次待核〕', evidence: 'UNVERIFIED' });
    expect(refusal(await mutation(anban, 'updateLawArticle', 'UpdateLawArticleInput', { id: placeholder.id, version: placeholder.version, ordinal: 9001 }, 'id'))).toEqual({ code: 'BAD_USER_INPUT', fields: ['input.ordinal/unique'] });
    const fixed = await mutated(anban, 'updateLawArticle', 'UpdateLawArticleInput', { id: placeholder.id, version: placeholder.version, caption: '听证', topics: ['hearing', 'large-fine'] }, 'version caption topics number');
    expect(fixed).toEqual({ version: placeholder.version + 1, caption: '听证', topics: ['hearing', 'large-fine'], number: '〔条次待核〕' });
  });

  it('filters, and pages articles losslessly both ways', async () => {
    const count = async (filter: string) => (await dataOf(anban, `{ lawArticles(filter: ${filter}) { totalCount } }`))['lawArticles'].totalCount;
    expect(await count(`{ documentId: "${lawDocumentSeedId(APL)}", topic: "hearing" }`)).toBe(2);
    expect(await count(`{ documentId: "${lawDocumentSeedId(O493)}", inForceOn: "2026-11-29" }`)).toBe(16);
    expect(await count(`{ documentId: "${lawDocumentSeedId(O493)}", inForceOn: "2021-08-31" }`)).toBe(20);
    expect(await count(`{ documentId: "${lawDocumentSeedId(APL)}", evidence: [UNVERIFIED] }`)).toBe(4);
    expect(await count(`{ documentId: "${lawDocumentSeedId(WSL)}", search: "按日连续" }`)).toBe(1);
    const docs = (await dataOf(anban, `{ lawDocuments(filter: { kinds: [DEPARTMENT_RULE], inForceOn: "2026-01-31" }) { edges { node { code } } } }`))['lawDocuments'].edges.map((e: any) => e.node.code);
    expect(docs).toEqual([M2015]);
    const query = `query(${PAGE_VARS}, $d: UUID!) { lawArticles(${PAGE_ARGS}, filter: { documentId: $d }) { ${walkedPage()} } }`;
    const ids = await expectPagedCompletely(anban, query, { d: lawDocumentSeedId(APL) }, ['lawArticles'], 7, 30);
    expect(ids[0]).toBe(art(APL, 29));
    expect(ids.at(-1)).toBe(art(APL, 85));
  });

  it('reads articles with their documents and supersessions in a fixed number of statements', async () => {
    const res = await anban(`{ lawArticles(first: 60) { edges { node { number status document { title } supersededBy { edges { node { effectiveOn supersedingArticle { number document { code } } } } } } } } }`);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!['lawArticles'].edges.length).toBe(60);
    // One statement per level on the resolver path (articles, documents, supersessions, superseding articles, their documents); the read compiler makes it one.
    expect(res.statements).toBeLessThanOrEqual(5);
  });

  it('lets every staff role and integrations read, only the office keep the catalog; changes are audited', async () => {
    expect((await dataOf(sinopec, `{ lawDocuments { totalCount } }`))['lawDocuments'].totalCount).toBeGreaterThanOrEqual(5);
    const anonymous = await t.gql(`{ lawDocuments { totalCount } }`);
    expect(errorOf(anonymous)?.['code']).toBe('UNAUTHENTICATED');
    const denied = await mutation(jingfa, 'addLawDocument', 'AddLawDocumentInput', { code: 'not-allowed', kind: 'LAW', title: '无权新增', issuingBody: '某机关', effectiveFrom: '2025-01-01' }, 'id');
    expect(errorOf(denied)).toMatchObject({ code: 'FORBIDDEN', permission: 'enforcement.law:manage' });
    expect(errorOf(await mutation(zhifa, 'repealLawArticle', 'RepealLawArticleInput', { id: art(WSL, 21), version: 1, effectiveTo: '2030-01-01' }, 'id'))?.['code']).toBe('FORBIDDEN');
    const doc = await addDocument('audited-doc', '2025-01-01');
    expect(await db(`SELECT action FROM audit_log WHERE entity_id = $1`, [doc.id])).toEqual([{ action: 'enforcement.law-document.add' }]);
    expect(await db(`SELECT count(*)::int AS n FROM law_document WHERE code = 'not-allowed'`)).toEqual([{ n: 0 }]);
  });
});
