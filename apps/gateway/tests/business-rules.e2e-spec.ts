import { z } from 'zod';
import { accessModule } from '@platform/access';
import { directoryModule } from '@platform/directory';
import { RequestContext, SYSTEM, businessRules, defineBusinessRule, type DomainModule } from '@platform/core';
import { errorOf, fieldsOf, startTestGateway, type GraphQLClient, type TestGateway } from '@platform/testing';

/** Two rules a module might declare: a deadline in working days (with a publication duty) and a fine band. */
const RESPONSE_DEADLINE = defineBusinessRule({
  code: 'ruletest.response-deadline',
  nameZh: '整改回复时限（测试）',
  description: 'How many working days an addressee has to answer in writing, and whether the action is published.',
  schema: z.object({ workingDays: z.int().min(1).max(60), publish: z.boolean() }),
});
const FINE_BAND = defineBusinessRule({
  code: 'ruletest.fine-band',
  nameZh: '罚款幅度（测试）',
  description: 'The lowest and highest fine, in yuan.',
  schema: z.object({ min: z.number().min(0), max: z.number().min(0) }).refine((b) => b.max >= b.min, { message: 'max must not be below min', path: ['max'] }),
});
/** A module that declares rules and nothing else. */
const ruleTestModule: DomainModule = { name: 'ruletest', description: '规则测试。Declares business rules for this test.', entities: [], resolvers: [], migrations: [], permissions: [], businessRules: [RESPONSE_DEADLINE, FINE_BAND] };

const VERSION = 'id version ruleCode jurisdiction jurisdictionName documentNumber article value effectiveFrom effectiveTo withdrawnAt';
type Version = { id: string; version: number; value: Record<string, unknown>; jurisdiction: string; effectiveFrom: string };

/**
 * Versioned business rules (issue 18, kernel): versions by jurisdiction and period, the most local in
 * force applies; a record keeps the version it used; versions are added, never changed; values are
 * checked against the rule's schema with the failing part named; the office keeps them, others read.
 */
describe('versioned business rules (业务规则版本)', () => {
  let t: TestGateway;
  let office: GraphQLClient;
  let village: GraphQLClient;
  beforeAll(async () => {
    t = await startTestGateway([directoryModule, accessModule, ruleTestModule], { seed: true });
    [office, village] = await Promise.all([t.as('anban'), t.as('wenfeng')]);
  });
  afterAll(() => t?.close());

  const sql = <R = Record<string, unknown>>(text: string, params: unknown[] = []) => t.gateway.database.dataSource.query(text, params) as Promise<R[]>;
  const add = async (input: Record<string, unknown>): Promise<Version> => {
    const res = await office(`mutation($input: AddBusinessRuleVersionInput!) { addBusinessRuleVersion(input: $input) { ${VERSION} } }`, { input: { jurisdictionName: '南平镇', documentNumber: '测试〔2025〕1号', ...input } });
    expect(res.body.errors).toBeUndefined();
    return res.body.data!['addBusinessRuleVersion'];
  };
  const inForce = async (ruleCode: string, on: string): Promise<Version | null> => {
    const res = await village(`query($code: String!, $on: LocalDate) { businessRuleInForce(ruleCode: $code, on: $on) { ${VERSION} } }`, { code: ruleCode, on });
    expect(res.body.errors).toBeUndefined();
    return res.body.data!['businessRuleInForce'];
  };
  const systemContext = () => new RequestContext({ requestId: 'rules', principal: SYSTEM, dataSource: t.gateway.database.dataSource, events: { publish: async () => undefined, subscribe: () => () => undefined }, log: t.gateway.log });

  it('applies the most local version in force, then the latest first day; the same in SQL and through the API', async () => {
    const code = RESPONSE_DEADLINE.code;
    const national = await add({ ruleCode: code, jurisdiction: 'NATIONAL', jurisdictionName: '全国', documentNumber: '安委〔2018〕2号', article: '第十条', value: { workingDays: 10, publish: false }, effectiveFrom: '2018-03-01' });
    const province = await add({ ruleCode: code, jurisdiction: 'PROVINCE', jurisdictionName: '重庆市', value: { workingDays: 7, publish: true }, effectiveFrom: '2025-07-01' });
    const town = await add({ ruleCode: code, jurisdiction: 'TOWN', value: { workingDays: 5, publish: true }, effectiveFrom: '2026-01-01', effectiveTo: '2026-06-30' });
    // A later national version does not displace the province's.
    const national2 = await add({ ruleCode: code, jurisdiction: 'NATIONAL', jurisdictionName: '全国', documentNumber: '应急管理部令第18号', value: { workingDays: 15, publish: false }, effectiveFrom: '2026-02-01' });
    expect(national).toMatchObject({ version: 1, jurisdiction: 'NATIONAL', article: '第十条', value: { workingDays: 10, publish: false }, effectiveTo: null, withdrawnAt: null });

    const cases: Array<[string, Version | null]> = [
      ['2018-02-28', null],
      ['2018-03-01', national],
      ['2025-06-30', national],
      ['2025-07-01', province],
      ['2025-12-31', province],
      ['2026-01-01', town],
      ['2026-06-30', town],
      ['2026-07-01', province], // the town's period ended; the province's applies again, not the newer national one
    ];
    for (const [day, expected] of cases) {
      expect((await inForce(code, day))?.id ?? null).toBe(expected?.id ?? null);
      const [row] = await sql<{ id: string | null }>(`SELECT business_rule_version_at($1, $2::date) AS id`, [code, day]);
      expect(row!.id).toBe(expected?.id ?? null);
    }
    // Every version that could apply on a day, for a reader who wants to see why.
    const candidates = (await village(`{ businessRuleVersions(filter: { ruleCodes: ["${code}"], inForceOn: "2026-03-01" }, orderBy: [{ field: EFFECTIVE_FROM }]) { totalCount edges { node { id } } } }`)).body.data!['businessRuleVersions'];
    expect(candidates.edges.map((e: any) => e.node.id)).toEqual([national.id, province.id, town.id, national2.id]);
  });

  it('keeps what a record used: a version added later applies to new records only, and no version is ever changed or deleted', async () => {
    const ctx = systemContext();
    const code = FINE_BAND.code;
    await add({ ruleCode: code, jurisdiction: 'DISTRICT', jurisdictionName: '南川区', value: { min: 1000, max: 10000 }, effectiveFrom: '2024-01-01' });
    // A record opened on 2026-03-02 applies the band in force and stores the version's id.
    const used = await businessRules.inForce(ctx, FINE_BAND, '2026-03-02');
    expect(used.value).toEqual({ min: 1000, max: 10000 });
    // The district revises the band from the same day; new records take the new one …
    const revised = await add({ ruleCode: code, jurisdiction: 'DISTRICT', jurisdictionName: '南川区', documentNumber: '南川府发〔2026〕3号', value: { min: 2000, max: 20000 }, effectiveFrom: '2024-01-01' });
    expect((await businessRules.inForce(ctx, FINE_BAND, '2026-03-02')).id).toBe(revised.id);
    // … and the record's stored version still says what it said.
    expect((await businessRules.stored(ctx, FINE_BAND, used.id)).value).toEqual({ min: 1000, max: 10000 });
    await expect(businessRules.stored(ctx, RESPONSE_DEADLINE, used.id)).rejects.toThrow(/not a version of ruletest.response-deadline/);
    // The table refuses to change what a version says, or to lose one, whoever tries.
    await expect(sql(`UPDATE business_rule_version SET value = '{"min": 0, "max": 1}' WHERE id = $1`, [used.id])).rejects.toThrow(/never changed/);
    await expect(sql(`DELETE FROM business_rule_version WHERE id = $1`, [used.id])).rejects.toThrow(/never deleted/);
    // With no version in force the caller is told which rule is missing, on the field that chose the day.
    await expect(businessRules.inForce(ctx, FINE_BAND, '2023-12-31', 'input.openedOn')).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'input.openedOn', rule: 'exists' })] } });
  });

  it('checks a value against its rule\'s schema and names the part that breaks it; writes nothing on bad input', async () => {
    const before = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM business_rule_version`);
    const send = (input: Record<string, unknown>) =>
      office(`mutation($input: AddBusinessRuleVersionInput!) { addBusinessRuleVersion(input: $input) { id } }`, { input: { jurisdiction: 'TOWN', jurisdictionName: '南平镇', documentNumber: '测试', effectiveFrom: '2026-01-01', ...input } });
    expect(fieldsOf(await send({ ruleCode: RESPONSE_DEADLINE.code, value: { workingDays: 0, publish: 'yes' } }))).toEqual([
      expect.objectContaining({ field: 'input.value.workingDays', rule: 'tooSmall' }),
      expect.objectContaining({ field: 'input.value.publish', rule: 'invalidType' }),
    ]);
    expect(fieldsOf(await send({ ruleCode: FINE_BAND.code, value: { min: 500, max: 100 } }))).toEqual([expect.objectContaining({ field: 'input.value.max', rule: 'custom', message: 'max must not be below min' })]);
    expect(fieldsOf(await send({ ruleCode: 'ruletest.unknown', value: {} }))).toEqual([expect.objectContaining({ field: 'input.ruleCode', rule: 'exists' })]);
    expect(fieldsOf(await send({ ruleCode: FINE_BAND.code, value: { min: 1, max: 2 }, effectiveTo: '2025-12-31' }))).toEqual([expect.objectContaining({ field: 'input.effectiveTo', rule: 'notBeforeFrom' })]);
    expect(fieldsOf(await send({ ruleCode: 'Not A Code', value: {} }))).toEqual([expect.objectContaining({ field: 'input.ruleCode', rule: 'matches' })]);
    expect(await sql(`SELECT count(*)::int AS n FROM business_rule_version`)).toEqual(before);
    // Keys the schema does not know are dropped, so a version holds only what the rule reads.
    const stored = await add({ ruleCode: FINE_BAND.code, jurisdiction: 'TOWN', value: { min: 1, max: 2, note: 'x' }, effectiveFrom: '2031-01-01' });
    expect(stored.value).toEqual({ min: 1, max: 2 });
  });

  it('withdraws a version only before its first day, audited, and others may only read', async () => {
    const code = RESPONSE_DEADLINE.code;
    const future = await add({ ruleCode: code, jurisdiction: 'TOWN', value: { workingDays: 3, publish: true }, effectiveFrom: '2030-01-01' });
    expect((await inForce(code, '2030-06-01'))?.id).toBe(future.id);
    const forbidden = await village(`mutation($input: WithdrawBusinessRuleVersionInput!) { withdrawBusinessRuleVersion(input: $input) { id } }`, { input: { id: future.id, version: 1, reason: '村里撤回' } });
    expect(errorOf(forbidden)).toMatchObject({ code: 'FORBIDDEN' });
    const stale = await office(`mutation($input: WithdrawBusinessRuleVersionInput!) { withdrawBusinessRuleVersion(input: $input) { id } }`, { input: { id: future.id, version: 2, reason: '旧版本' } });
    expect(errorOf(stale)).toMatchObject({ code: 'CONFLICT' });
    const withdrawn = await office(`mutation($input: WithdrawBusinessRuleVersionInput!) { withdrawBusinessRuleVersion(input: $input) { ${VERSION} } }`, { input: { id: future.id, version: 1, reason: '文件未印发' } });
    expect(withdrawn.body.data!['withdrawBusinessRuleVersion']).toMatchObject({ version: 2, value: { workingDays: 3, publish: true } });
    expect(withdrawn.body.data!['withdrawBusinessRuleVersion'].withdrawnAt).not.toBeNull();
    expect((await inForce(code, '2030-06-01'))?.id).not.toBe(future.id);
    expect(await sql(`SELECT action, actor_kind FROM audit_log WHERE entity_id = $1 ORDER BY occurred_at`, [future.id])).toEqual([
      { action: 'kernel.business-rule-version.add', actor_kind: 'user' },
      { action: 'kernel.business-rule-version.withdraw', actor_kind: 'user' },
    ]);
    const again = await office(`mutation($input: WithdrawBusinessRuleVersionInput!) { withdrawBusinessRuleVersion(input: $input) { id } }`, { input: { id: future.id, version: 2, reason: '再次' } });
    expect(fieldsOf(again)).toEqual([expect.objectContaining({ field: 'input.id', rule: 'notArchived' })]);
    // A version in force stays: the office adds a newer one instead.
    const current = (await inForce(code, '2026-03-01'))!;
    const kept = await office(`mutation($input: WithdrawBusinessRuleVersionInput!) { withdrawBusinessRuleVersion(input: $input) { id } }`, { input: { id: current.id, version: current.version, reason: '想撤回' } });
    expect(fieldsOf(kept)).toEqual([expect.objectContaining({ field: 'input.id', rule: 'state' })]);
    const byVillage = await village(`mutation { addBusinessRuleVersion(input: { ruleCode: "${code}", jurisdiction: TOWN, jurisdictionName: "南平镇", documentNumber: "x", value: { workingDays: 1, publish: true }, effectiveFrom: "2031-01-01" }) { id } }`);
    expect(errorOf(byVillage)).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('lists the declared rules with their schema and the version in force, in one statement for all of them', async () => {
    const res = await village(`{ businessRules(filter: { modules: ["ruletest"] }) { totalCount edges { node { code module name valueSchema inForce(on: "2026-03-01") { id value } } } } }`);
    expect(res.body.errors).toBeUndefined();
    const nodes = res.body.data!['businessRules'].edges.map((e: any) => e.node);
    expect(nodes.map((n: any) => n.code)).toEqual([FINE_BAND.code, RESPONSE_DEADLINE.code]);
    expect(nodes[1]).toMatchObject({ module: 'ruletest', name: '整改回复时限（测试）', inForce: { value: { workingDays: 5, publish: true } } });
    expect(nodes[1].valueSchema).toMatchObject({ type: 'object', properties: { workingDays: { type: 'integer', minimum: 1, maximum: 60 }, publish: { type: 'boolean' } }, required: ['workingDays', 'publish'] });
    expect(nodes[0].inForce.value).toEqual({ min: 2000, max: 20000 });
    expect(res.statements).toBe(1);
  });

  it('pages versions sharing one first day one by one in both directions without loss', async () => {
    for (let i = 1; i <= 4; i++) await add({ ruleCode: FINE_BAND.code, jurisdiction: 'TOWN', value: { min: i, max: i * 10 }, effectiveFrom: '2032-01-01' });
    const q = (args: string) => `{ businessRuleVersions(${args}, filter: { ruleCodes: ["${FINE_BAND.code}"], inForceOn: "2032-06-01" }, orderBy: [{ field: EFFECTIVE_FROM }]) { edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage } } }`;
    const all = (await village(q('first: 100'))).body.data!['businessRuleVersions'].edges.map((e: any) => e.node.id) as string[];
    expect(all.length).toBe(7); // the district's two, the town's of 2031 and the four of 2032
    const forward: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = (await village(q(`first: 1${after ? `, after: "${after}"` : ''}`))).body.data!['businessRuleVersions'];
      forward.push(...page.edges.map((e: any) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.edges[0].cursor;
    }
    const backward: string[] = [];
    let before: string | null = null;
    for (;;) {
      const page: any = (await village(q(`last: 1${before ? `, before: "${before}"` : ''}`))).body.data!['businessRuleVersions'];
      backward.unshift(...page.edges.map((e: any) => e.node.id));
      if (!page.pageInfo.hasPreviousPage) break;
      before = page.edges[0].cursor;
    }
    expect(forward).toEqual(all);
    expect(backward).toEqual(all);
  });
});
