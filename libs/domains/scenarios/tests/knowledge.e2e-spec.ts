import { ManualClock, toGlobalId } from '@platform/core';
import { errorOf, expectPagedCompletely, fieldsOf, startTestGateway, PAGE_ARGS, PAGE_VARS, type GraphQLClient, type TestGateway } from '@platform/testing';
import { lawArticleSeedId } from '@domains/enforcement';
import { knowledgeEntrySeedId } from '../src/knowledge/public';
import { MODULES, dataOf, mutation, mutated } from './support';

const ENTRY = 'id version kind title body tags publishedAt sourceType sourceId sourceNodeId';
const HIT = 'rank titleMatched titleHighlights { start length } snippet { text highlights { start length } } entry { id title }';
const SEARCH = `query($q: String!, ${PAGE_VARS}) { knowledgeSearch(query: $q, ${PAGE_ARGS}) { totalCount edges { cursor node { ${HIT} } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
/** The searches' anonymous limit in this file (SCENARIOS_KNOWLEDGE_SEARCHES_PER_MINUTE). */
const PER_MINUTE = 40;

/** How the index sees a text: NFKC, lower-case. */
const norm = (s: string) => s.normalize('NFKC').toLowerCase();

/**
 * The emergency knowledge base (应急百事通): the bigram search over HTTP — a two-character word finds
 * exactly the entries containing it, a phrase only as a contiguous substring, synonyms, the
 * one-character fallback, ranking (title first), lossless pages on equal ranks, the query log with
 * its zero-result report, the query bound and the anonymous rate limit; entries and synonyms managed
 * by the office with typed errors; the public sees published entries only.
 */
describe('knowledge base (应急百事通)', () => {
  // Sunday 2026-11-29, 10:00 China time (the README's instant).
  const NOW = new Date('2026-11-29T02:00:00Z');
  const clock = new ManualClock(NOW);
  let t: TestGateway;
  let office: GraphQLClient;
  let wenfeng: GraphQLClient;
  let anonymous: GraphQLClient;
  beforeAll(async () => {
    t = await startTestGateway(MODULES, { seed: true, clock, env: { SCENARIOS_KNOWLEDGE_SEARCHES_PER_MINUTE: String(PER_MINUTE) } });
    [office, wenfeng] = await Promise.all([t.as('anban'), t.as('wenfeng')]);
    anonymous = (query, variables) => t.gql(query, variables);
    // The first file of a run builds the seeded template of every module (waiting for other runs building theirs).
  }, 300_000);
  afterAll(() => t?.close());
  afterEach(() => clock.set(NOW));

  const search = async (q: string, client = office, first = 100) => (await dataOf(client, SEARCH, { q, first }))['knowledgeSearch'];
  const ids = (c: any): string[] => c.edges.map((e: any) => e.node.entry.id);
  /** Every entry the office may read (published or not) with its text. */
  const allEntries = async (): Promise<any[]> => (await dataOf(office, `{ knowledgeEntries(first: 100) { totalCount edges { node { id title body tags publishedAt } } } }`))['knowledgeEntries'].edges.map((e: any) => e.node);
  const containing = (entries: any[], pred: (text: string) => boolean) =>
    entries.filter((e) => e.publishedAt && pred(norm(`${e.title}\n${e.body}\n${e.tags.join(' ')}`))).map((e) => e.id).sort();
  const entry = (extra: Record<string, unknown> = {}) => ({ kind: 'QUESTION_ANSWER', title: '测试条目标题', body: '测试条目正文内容。', publish: true, ...extra });
  const create = (input: Record<string, unknown>, client = office) => mutation(client, 'createKnowledgeEntry', 'CreateKnowledgeEntryInput', input, ENTRY);

  it('seeds about thirty entries: Q&A, plan excerpts citing the plans, law articles citing the catalog, one unpublished draft', async () => {
    const all = await allEntries();
    expect(all.length).toBeGreaterThanOrEqual(30);
    const { knowledgeEntries: kinds } = await dataOf(office, `{ knowledgeEntries(first: 100, filter: { kinds: [PLAN_EXCERPT, LAW_ARTICLE] }) { edges { node { ${ENTRY} } } } }`);
    const nodes = kinds.edges.map((e: any) => e.node);
    expect(nodes.filter((n: any) => n.kind === 'PLAN_EXCERPT')).toHaveLength(4);
    expect(nodes.filter((n: any) => n.kind === 'LAW_ARTICLE')).toHaveLength(6);
    const art = nodes.find((n: any) => n.id === knowledgeEntrySeedId('law:wsl-109'));
    expect(art).toMatchObject({ title: '《中华人民共和国安全生产法》第一百零九条（安全生产责任保险）', sourceType: 'LAW_ARTICLE', sourceId: lawArticleSeedId('work-safety-law-2021', 109) });
    expect(art.sourceNodeId).toBe(toGlobalId('LawArticle', lawArticleSeedId('work-safety-law-2021', 109)));
    const sourceOf = `query($id: UUID!) { knowledgeEntry(id: $id) { source { __typename ... on LawArticle { number } } } }`;
    expect((await dataOf(office, sourceOf, { id: art.id }))['knowledgeEntry']).toEqual({ source: { __typename: 'LawArticle', number: '第一百零九条' } });
    // The source resolves with node(nodeId:) for who may read the catalog.
    expect((await dataOf(office, `query($n: ID!) { node(nodeId: $n) { ... on LawArticle { number } } }`, { n: art.sourceNodeId }))['node']).toEqual({ number: '第一百零九条' });
    const plan = nodes.find((n: any) => n.id === knowledgeEntrySeedId('plan:flood-response'));
    expect(plan).toMatchObject({ title: '《南平镇防汛抗旱应急预案》预警与转移', sourceType: 'EMERGENCY_PLAN' });
    // The draft: managers see it, the public does not (it answers like a missing entry).
    const draft = knowledgeEntrySeedId('co-heating');
    expect(all.find((e) => e.id === draft)).toMatchObject({ publishedAt: null });
    expect((await dataOf(anonymous, `query($id: UUID!) { knowledgeEntry(id: $id) { id } }`, { id: draft }))['knowledgeEntry']).toBeNull();
    expect((await dataOf(anonymous, `query($n: ID!) { node(nodeId: $n) { nodeId } }`, { n: toGlobalId('KnowledgeEntry', draft) }))['node']).toBeNull();
    const publicCount = (await dataOf(anonymous, `{ knowledgeEntries(first: 1) { totalCount } }`))['knowledgeEntries'].totalCount;
    expect(publicCount).toBe(all.length - 1);
  });

  it('finds with a two-character word exactly the published entries containing it, with highlighted snippets', async () => {
    const all = await allEntries();
    const expected = containing(all, (s) => s.includes('火灾'));
    expect(expected.length).toBeGreaterThanOrEqual(5);
    const found = await search('火灾', anonymous);
    expect(found.totalCount).toBe(expected.length);
    expect(ids(found).sort()).toEqual(expected);
    const textOf = new Map(all.map((e) => [e.id, norm(`${e.title}${e.body}`)]));
    for (const e of found.edges) {
      const { snippet, titleHighlights, entry: { id, title } } = e.node;
      const points = Array.from(snippet.text as string);
      for (const h of snippet.highlights) expect(points.slice(h.start, h.start + h.length).join('')).toBe('火灾');
      for (const h of titleHighlights) expect(Array.from(title as string).slice(h.start, h.start + h.length).join('')).toBe('火灾');
      // Highlighted wherever title or body has it (a match in the tags alone has nothing to highlight).
      if (textOf.get(id)!.includes('火灾')) expect(snippet.highlights.length + titleHighlights.length).toBeGreaterThan(0);
    }
    // An unpublished entry containing the word is found by managers only.
    const hidden = await mutated(office, 'createKnowledgeEntry', 'CreateKnowledgeEntryInput', entry({ title: '仓库火灾扑救要点（草稿）', publish: false }), ENTRY);
    expect(ids(await search('火灾', anonymous))).not.toContain(hidden.id);
    expect(ids(await search('火灾', office))).toContain(hidden.id);
    expect(ids(await search('火灾', wenfeng))).not.toContain(hidden.id);
  });

  it('matches a phrase only as a contiguous substring, not its words apart; several words must all match', async () => {
    const together = await mutated(office, 'createKnowledgeEntry', 'CreateKnowledgeEntryInput', entry({ title: '学校应急演练', body: '警报响起后，班主任立即组织疏散学生到操场。' }), ENTRY);
    const apart = await mutated(office, 'createKnowledgeEntry', 'CreateKnowledgeEntryInput', entry({ title: '商场应急演练', body: '由保安组织顾客有序疏散，不得拥挤。' }), ENTRY);
    const found = ids(await search('组织疏散'));
    expect(found).toContain(together.id);
    expect(found).not.toContain(apart.id);
    expect(found.sort()).toEqual(containing(await allEntries(), (s) => s.includes('组织疏散')));
    // Two words: both, each anywhere.
    const both = ids(await search('组织 疏散'));
    expect(both).toEqual(expect.arrayContaining([together.id, apart.id]));
    // Punctuation separates words too; a word absent from the entry excludes it.
    expect(ids(await search('商场，疏散'))).toEqual([apart.id]);
    expect(ids(await search('商场 火灾'))).toEqual([]);
    // Mixed CJK and ASCII: 拨打119 as written (and lower-cased ASCII whole words).
    const expected119 = containing(await allEntries(), (s) => /拨打[^\p{L}\p{N}]*119(?![0-9a-z])/u.test(s));
    expect(expected119.length).toBeGreaterThan(0);
    expect(ids(await search('拨打119')).sort()).toEqual(expected119);
  });

  it('applies synonyms at query time both ways, and staff manage them', async () => {
    const all = await allEntries();
    const geo = containing(all, (s) => s.includes('地质灾害') || s.includes('地灾'));
    expect(ids(await search('地灾', anonymous)).sort()).toEqual(geo);
    expect(ids(await search('地质灾害', anonymous)).sort()).toEqual(geo);
    // Inside a longer word: 地灾避险 also as 地质灾害避险 (none written so: nothing, but no error).
    expect((await search('地灾应急预案')).edges.map((e: any) => e.node.entry.title)).toContain('《南平镇地质灾害应急预案》险情处置');
    // 119 = 火警: entries mentioning 火警 come with those mentioning 119.
    const fire = containing(all, (s) => /(?<![0-9a-z])119(?![0-9a-z])/.test(s) || s.includes('火警'));
    expect(ids(await search('119')).sort()).toEqual(fire);

    // A new synonym applies at once; removed, no longer.
    const before = ids(await search('山崩'));
    expect(before).toEqual([]);
    const syn = await mutated(office, 'createKnowledgeSynonym', 'CreateKnowledgeSynonymInput', { term: '山崩', canonical: '滑坡', note: '群众说法' }, 'id version term canonical');
    const slides = containing(await allEntries(), (s) => s.includes('滑坡') || s.includes('山崩'));
    expect(ids(await search('山崩')).sort()).toEqual(slides);
    expect(fieldsOf(await mutation(office, 'createKnowledgeSynonym', 'CreateKnowledgeSynonymInput', { term: '山崩', canonical: '塌方' }, 'id'))).toEqual([expect.objectContaining({ field: 'input.term', rule: 'unique' })]);
    expect(fieldsOf(await mutation(office, 'createKnowledgeSynonym', 'CreateKnowledgeSynonymInput', { term: '崩塌', canonical: '山崩' }, 'id'))).toEqual([expect.objectContaining({ field: 'input.canonical', rule: 'synonymChain' })]);
    expect(fieldsOf(await mutation(office, 'createKnowledgeSynonym', 'CreateKnowledgeSynonymInput', { term: '山 崩', canonical: '滑坡' }, 'id'))).toEqual([expect.objectContaining({ field: 'input.term', rule: 'searchable' })]);
    expect(errorOf(await mutation(wenfeng, 'createKnowledgeSynonym', 'CreateKnowledgeSynonymInput', { term: '塌方', canonical: '滑坡' }, 'id'))).toMatchObject({ code: 'FORBIDDEN' });
    await mutated(office, 'removeKnowledgeSynonym', 'RemoveKnowledgeSynonymInput', { id: syn.id, version: syn.version }, 'id archivedAt');
    expect(ids(await search('山崩'))).toEqual([]);
    const listed = (await dataOf(office, `{ knowledgeSynonyms(first: 100) { totalCount edges { node { term canonical } } } }`))['knowledgeSynonyms'];
    expect(listed.edges.map((e: any) => `${e.node.term}=${e.node.canonical}`)).toEqual(expect.arrayContaining(['地灾=地质灾害', '119=火警', '煤气=燃气']));
  });

  it('falls back to a prefix for one character: every entry containing it', async () => {
    const all = await allEntries();
    const expected = containing(all, (s) => s.includes('火'));
    const found = await search('火', anonymous);
    expect(ids(found).sort()).toEqual(expected);
    // 火 at the end of a run (起火, 明火) counts as much as at its start.
    expect(expected.length).toBeGreaterThan(containing(all, (s) => s.includes('火灾')).length);
    const inText = new Set(containing(all, (s) => s.split('\n').slice(0, 2).join('').includes('火')));
    expect(found.edges.filter((e: any) => inText.has(e.node.entry.id)).every((e: any) => e.node.snippet.highlights.length + e.node.titleHighlights.length > 0)).toBe(true);
  });

  it('ranks entries whose title matches first, then by ts_rank_cd, and pages losslessly with equal ranks (size 1, both ways)', async () => {
    const body = await mutated(office, 'createKnowledgeEntry', 'CreateKnowledgeEntryInput', entry({ title: '冬季用电须知', body: '检查电热毯时发现线路老化要及时更换，防止冰雹线发热起火。冰雹线，冰雹线。' }), ENTRY);
    const title = await mutated(office, 'createKnowledgeEntry', 'CreateKnowledgeEntryInput', entry({ title: '冰雹线是什么', body: '一种示例说明。' }), ENTRY);
    const found = await search('冰雹线');
    expect(ids(found)).toEqual([title.id, body.id]);
    expect(found.edges.map((e: any) => e.node.titleMatched)).toEqual([true, false]);
    // Three entries alike rank equal: ties by id, paged forward and backward one at a time.
    const same = [];
    for (let i = 0; i < 3; i++) same.push(await mutated(office, 'createKnowledgeEntry', 'CreateKnowledgeEntryInput', entry({ title: `同分条目${'甲乙丙'[i]}`, body: '同分测试词出现一次。' }), ENTRY));
    const tied = await search('同分测试词');
    expect(new Set(tied.edges.map((e: any) => e.node.rank)).size).toBe(1);
    expect(ids(tied)).toEqual(same.map((s) => s.id).sort());
    const walked = await expectPagedCompletely(office, SEARCH, { q: '同分测试词' }, ['knowledgeSearch'], 1, 3, (n) => n.entry.id);
    expect(walked).toEqual(ids(tied));
    // The whole 火 list, mixed ranks, by two.
    const fire = await search('火');
    await expectPagedCompletely(office, SEARCH, { q: '火' }, ['knowledgeSearch'], 2, fire.totalCount, (n) => n.entry.id);
    // Another order on request: by title.
    const byTitle = (await dataOf(office, `{ knowledgeSearch(query: "火", first: 100, orderBy: [{ field: TITLE }]) { edges { node { entry { title } } } } }`))['knowledgeSearch'].edges.map((e: any) => e.node.entry.title);
    expect(byTitle).toHaveLength(fire.totalCount);
    expect(byTitle).toEqual([...byTitle].sort((a: string, b: string) => (Buffer.compare(Buffer.from(a), Buffer.from(b)))));
  });

  it('logs each search once (first page) and reports the queries that found nothing, grouped', async () => {
    clock.set(new Date('2026-11-29T03:00:00Z'));
    expect((await search('无人机 巡检', anonymous)).totalCount).toBe(0);
    expect((await search('  无人机   巡检 ', office)).totalCount).toBe(0);
    expect((await search('防汛', anonymous)).totalCount).toBeGreaterThan(0);
    // A next page is not a new search.
    const first = await dataOf(office, SEARCH, { q: '火', first: 1 });
    await dataOf(office, SEARCH, { q: '火', first: 1, after: first['knowledgeSearch'].pageInfo.endCursor });
    const report = (await dataOf(office, `{ knowledgeZeroResultQueries(first: 100, filter: { from: "2026-11-29T02:30:00Z" }) { totalCount edges { node { query searches anonymousSearches lastSearchedAt } } } }`))['knowledgeZeroResultQueries'];
    expect(report.edges.map((e: any) => e.node)).toEqual([{ query: '无人机 巡检', searches: 2, anonymousSearches: 1, lastSearchedAt: '2026-11-29T03:00:00.000Z' }]);
    expect(errorOf(await wenfeng(`{ knowledgeZeroResultQueries(first: 1) { totalCount } }`))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await anonymous(`{ knowledgeZeroResultQueries(first: 1) { totalCount } }`))).toMatchObject({ code: expect.stringMatching(/FORBIDDEN|UNAUTHENTICATED/) });
  });

  it('bounds the query (typed error naming the field) and refuses one with nothing to search', async () => {
    const long = await office(SEARCH, { q: '火'.repeat(65), first: 1 });
    expect(fieldsOf(long)).toEqual([expect.objectContaining({ field: 'query', rule: 'maxLength' })]);
    expect((await office(SEARCH, { q: '火'.repeat(64), first: 1 })).body.errors).toBeUndefined();
    expect(fieldsOf(await office(SEARCH, { q: '！？……', first: 1 }))).toEqual([expect.objectContaining({ field: 'query', rule: 'searchable' })]);
    expect(fieldsOf(await office(SEARCH, { q: '', first: 1 }))).toEqual([expect.objectContaining({ field: 'query' })]);
  });

  it('checks entries: sources fit their kind, publish and unpublish as steps, versions; only the office manages', async () => {
    const plan = toGlobalId('LawArticle', lawArticleSeedId('work-safety-law-2021', 21));
    expect(fieldsOf(await create(entry({ kind: 'PLAN_EXCERPT', sourceNodeId: plan })))).toEqual([expect.objectContaining({ field: 'input.sourceNodeId', rule: 'sourceType' })]);
    expect(fieldsOf(await create(entry({ kind: 'LAW_ARTICLE' })))).toEqual([expect.objectContaining({ field: 'input.sourceNodeId', rule: 'required' })]);
    expect(fieldsOf(await create(entry({ sourceNodeId: 'not-a-global-id' })))).toEqual([expect.objectContaining({ field: 'input.sourceNodeId', rule: 'globalId' })]);
    expect(errorOf(await create(entry({ kind: 'LAW_ARTICLE', sourceNodeId: toGlobalId('LawArticle', '00000000-0000-4000-8000-000000000000') })))).toMatchObject({ code: 'NOT_FOUND', field: 'input.sourceNodeId' });
    expect(fieldsOf(await create(entry({ title: '火' })))).toEqual([expect.objectContaining({ field: 'input.title' })]);

    const flood = (await dataOf(office, `query($id: UUID!) { knowledgeEntry(id: $id) { sourceNodeId } }`, { id: knowledgeEntrySeedId('plan:flood-response') }))['knowledgeEntry'].sourceNodeId;
    const excerpt = await mutated(office, 'createKnowledgeEntry', 'CreateKnowledgeEntryInput', entry({ kind: 'PLAN_EXCERPT', title: '防汛预案：转移安置点', body: '各村避难点由村两委负责开放。', sourceNodeId: flood }), ENTRY);
    expect(excerpt).toMatchObject({ kind: 'PLAN_EXCERPT', sourceType: 'EMERGENCY_PLAN', sourceNodeId: flood });
    const e = await mutated(office, 'createKnowledgeEntry', 'CreateKnowledgeEntryInput', entry({ kind: 'LAW_ARTICLE', title: '主要负责人职责要点（校对稿）', sourceNodeId: plan, publish: false, tags: ['安全生产法', '主要负责人', '安全生产法'] }), ENTRY);
    expect(e).toMatchObject({ sourceType: 'LAW_ARTICLE', sourceNodeId: plan, tags: ['安全生产法', '主要负责人'], publishedAt: null });
    expect(ids(await search('校对稿', anonymous))).toEqual([]);
    const published = await mutated(office, 'publishKnowledgeEntry', 'KnowledgeEntryStepInput', { id: e.id, version: e.version }, ENTRY);
    expect(published.publishedAt).toBe(NOW.toISOString());
    expect(ids(await search('校对稿', anonymous))).toEqual([e.id]);
    expect(fieldsOf(await mutation(office, 'publishKnowledgeEntry', 'KnowledgeEntryStepInput', { id: e.id, version: published.version }, 'id'))).toEqual([expect.objectContaining({ field: 'input.id', rule: 'state' })]);
    expect(errorOf(await mutation(office, 'updateKnowledgeEntry', 'UpdateKnowledgeEntryInput', { id: e.id, version: e.version, title: '过期版本' }, 'id'))).toMatchObject({ code: 'CONFLICT' });
    const updated = await mutated(office, 'updateKnowledgeEntry', 'UpdateKnowledgeEntryInput', { id: e.id, version: published.version, title: '主要负责人的安全职责（复核稿）' }, ENTRY);
    expect(ids(await search('校对稿', anonymous))).toEqual([]);
    expect(ids(await search('复核稿', anonymous))).toEqual([e.id]);
    expect(fieldsOf(await mutation(office, 'updateKnowledgeEntry', 'UpdateKnowledgeEntryInput', { id: e.id, version: updated.version, sourceNodeId: null }, 'id'))).toEqual([expect.objectContaining({ field: 'input.sourceNodeId', rule: 'required' })]);
    const hidden = await mutated(office, 'unpublishKnowledgeEntry', 'KnowledgeEntryStepInput', { id: e.id, version: updated.version, note: '条文需复核' }, ENTRY);
    expect(hidden.publishedAt).toBeNull();
    expect(ids(await search('复核稿', anonymous))).not.toContain(e.id);
    // Listed by source.
    const bySource = (await dataOf(office, `query($s: ID!) { knowledgeEntries(first: 10, filter: { sourceNodeId: $s }) { edges { node { id } } } }`, { s: plan }))['knowledgeEntries'];
    expect(bySource.edges.map((x: any) => x.node.id)).toEqual(expect.arrayContaining([e.id, knowledgeEntrySeedId('law:wsl-21')]));
    // Nobody else manages; the public cannot reach an unpublished entry to change it either.
    expect(errorOf(await create(entry(), wenfeng))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await mutation(wenfeng, 'publishKnowledgeEntry', 'KnowledgeEntryStepInput', { id: e.id, version: hidden.version }, 'id'))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await mutation(anonymous, 'createKnowledgeEntry', 'CreateKnowledgeEntryInput', entry(), 'id'))).toMatchObject({ code: expect.stringMatching(/FORBIDDEN|UNAUTHENTICATED/) });
    expect((await dataOf(wenfeng, `query($id: UUID!) { knowledgeEntry(id: $id) { id } }`, { id: e.id }))['knowledgeEntry']).toBeNull();
  });

  it('searches in a bounded number of statements', async () => {
    const res = await office(SEARCH, { q: '地灾 避险', first: 5 });
    expect(res.body.errors).toBeUndefined();
    // The synonyms and phrases, the page with its count, the log entry.
    expect(res.statements).toBe(3);
  });

  it('rate-limits anonymous searches per address, not staff', async () => {
    let refused: Record<string, any> | undefined;
    for (let i = 0; i <= PER_MINUTE && !refused; i++) refused = errorOf(await anonymous(SEARCH, { q: '燃气', first: 1 }));
    expect(refused).toMatchObject({ code: 'RATE_LIMITED' });
    expect(errorOf(await anonymous(SEARCH, { q: '燃气', first: 1 }))).toMatchObject({ code: 'RATE_LIMITED' });
    expect((await office(SEARCH, { q: '燃气', first: 1 })).body.errors).toBeUndefined();
  });
});
