import { seedId } from '@platform/directory';
import { errorOf, expectPagedCompletely, fieldsOf, startTestGateway, PAGE_ARGS, PAGE_VARS, walkedPage, type GraphQLClient, type TestGateway } from '@platform/testing';
import { AVAILABLE_MODULES } from '../src/available-modules';

const TOWN = seedId('org:town');
const WENFENG = seedId('org:village-wenfeng');
const SHUANGHE = seedId('org:village-shuanghe');
const CODES = ['preparedness.drill-compliance', 'responsibility.key-task-on-time-completion', 'risk.major-hazard-on-time-rectification', 'warnings.acknowledgement-rate'];

type Figure = { indicator: { code: string }; organizationId: string; organizationName: string; numerator: number; denominator: number | null; value: number | null };

/**
 * The indicator registry (issue 18, kernel): the modules' registered figures, evaluated for a subtree
 * and a period in one statement, equal to each module's own figures; by child organization to rank
 * them; within the caller's scope for each indicator's permission, out-of-reach answering as missing.
 */
describe('indicator registry (指标)', () => {
  let t: TestGateway;
  let office: GraphQLClient;
  let village: GraphQLClient;
  const year = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));
  const from = `${year}-01-01`;
  const to = `${year + 1}-01-01`;
  beforeAll(async () => {
    t = await startTestGateway(AVAILABLE_MODULES, { seed: true });
    [office, village] = await Promise.all([t.as('anban'), t.as('wenfeng')]);
  });
  afterAll(() => t?.close());

  const FIGURE = 'indicator { code } organizationId organizationName numerator denominator value';
  const evaluate = async (client: GraphQLClient, organizationId: string, extra = '') => {
    const filter = extra.includes('filter:') ? '' : `, filter: { codes: ${JSON.stringify(CODES)} }`;
    const res = await client(`query($org: UUID!, $from: LocalDate!, $to: LocalDate!) { indicatorValues(organizationId: $org, from: $from, to: $to${extra}${filter}, first: 100) { edges { node { ${FIGURE} } } } }`, { org: organizationId, from, to });
    return { res, figures: (res.body.data?.['indicatorValues']?.edges ?? []).map((e: any) => e.node) as Figure[] };
  };
  const byCode = (figures: Figure[]) => Object.fromEntries(figures.map((f) => [f.indicator.code, f]));

  it('lists the registered indicators with their unit, direction and permission', async () => {
    const res = await office(`{ indicators(first: 100) { totalCount edges { node { code module name nameEn unit direction permission } } } }`);
    expect(res.body.errors).toBeUndefined();
    const nodes = res.body.data!['indicators'].edges.map((e: any) => e.node);
    const codes = nodes.map((n: any) => n.code);
    expect(codes).toEqual(expect.arrayContaining(CODES));
    expect(codes).toEqual([...codes].sort());
    expect(nodes.find((n: any) => n.code === 'risk.major-hazard-on-time-rectification')).toEqual({ code: 'risk.major-hazard-on-time-rectification', module: 'risk', name: '重大事故隐患按期整改率', nameEn: 'Major hazards rectified on time', unit: 'RATE', direction: 'HIGHER_IS_BETTER', permission: 'risk.hazard:read' });
  });

  it('evaluates every indicator for the town in one statement, equal to each module\'s own figures', async () => {
    const { res, figures } = await evaluate(office, TOWN);
    expect(res.body.errors).toBeUndefined();
    expect(res.statements).toBe(1);
    const f = byCode(figures);
    expect(Object.keys(f)).toEqual(CODES);

    const hazards = (await office(`query($from: LocalDate!, $to: LocalDate!) { hazardIndicators(from: $from, to: $to) { majorDue majorClosedOnTime } }`, { from, to })).body.data!['hazardIndicators'];
    expect(hazards.majorDue).toBeGreaterThan(0);
    expect(f['risk.major-hazard-on-time-rectification']).toMatchObject({ numerator: hazards.majorClosedOnTime, denominator: hazards.majorDue, value: hazards.majorClosedOnTime / hazards.majorDue });

    const chinaMidnight = (day: string) => new Date(Date.parse(`${day}T00:00:00+08:00`)).toISOString();
    const warnings = (await office(`query($from: DateTime!, $to: DateTime!) { warningFigures(from: $from, to: $to) { deliveries acknowledged } }`, { from: chinaMidnight(from), to: chinaMidnight(to) })).body.data!['warningFigures'];
    expect(warnings.deliveries).toBeGreaterThan(0);
    expect(f['warnings.acknowledgement-rate']).toMatchObject({ numerator: warnings.acknowledged, denominator: warnings.deliveries });

    const compliance = (await office(`query($year: Int!) { drillCompliance(year: $year, first: 100) { totalCount edges { node { periods { held required endsOn } } } } }`, { year })).body.data!['drillCompliance'];
    expect(compliance.totalCount).toBeLessThan(100);
    const periods = compliance.edges.flatMap((e: any) => e.node.periods);
    expect(periods.length).toBeGreaterThan(0);
    const met = periods.filter((p: any) => p.held >= p.required).length;
    expect(met).toBeGreaterThan(0);
    expect(met).toBeLessThan(periods.length); // the seed has villages that fall short
    expect(f['preparedness.drill-compliance']).toMatchObject({ numerator: met, denominator: periods.length });
  });

  it('breaks the town down by village to rank them, each village\'s figure its own subtree\'s', async () => {
    const { res, figures } = await evaluate(office, TOWN, ', breakdown: CHILDREN, filter: { codes: ["preparedness.drill-compliance"] }, orderBy: [{ field: VALUE, direction: DESC }]');
    expect(res.body.errors).toBeUndefined();
    expect(res.statements).toBe(1);
    expect(figures.length).toBeGreaterThan(3);
    expect(figures.every((v) => v.indicator.code === 'preparedness.drill-compliance')).toBe(true);
    // Ranked: values descending; nulls (nothing due) sort as in every list, first descending.
    const values = figures.map((v) => v.value);
    expect(values.filter((v) => v === null).length).toBeGreaterThan(0);
    const ranked = [...values].sort((a, b) => (a === null ? -1 : b === null ? 1 : b - a));
    expect(values).toEqual(ranked);
    const wenfeng = figures.find((v) => v.organizationId === WENFENG)!;
    const own = byCode((await evaluate(office, WENFENG)).figures)['preparedness.drill-compliance']!;
    expect(wenfeng).toMatchObject({ organizationName: own.organizationName, numerator: own.numerator, denominator: own.denominator });
    const town = byCode((await evaluate(office, TOWN)).figures)['preparedness.drill-compliance']!;
    expect(figures.reduce((n, v) => n + v.denominator!, 0)).toBeLessThanOrEqual(town.denominator!);
  });

  it('computes within the caller\'s scope: a village official sees their village, and the town or another village answers as missing', async () => {
    const mine = await evaluate(village, WENFENG);
    expect(mine.res.body.errors).toBeUndefined();
    const theirs = byCode((await evaluate(office, WENFENG)).figures);
    for (const figure of mine.figures) expect(figure).toEqual(theirs[figure.indicator.code]);
    expect(mine.figures.length).toBeGreaterThan(0);
    for (const org of [TOWN, SHUANGHE]) {
      const { res } = await evaluate(village, org);
      expect(errorOf(res)).toMatchObject({ code: 'NOT_FOUND', entity: 'Organization', field: 'organizationId' });
    }
    const missing = await evaluate(office, '00000000-0000-4000-8000-000000000000');
    expect(errorOf(missing.res)).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('names the field and the rule of a bad period', async () => {
    const backwards = await office(`{ indicatorValues(organizationId: "${TOWN}", from: "2025-07-01", to: "2025-07-01") { totalCount } }`);
    expect(fieldsOf(backwards)).toEqual([expect.objectContaining({ field: 'to', rule: 'afterFrom' })]);
    const long = await office(`{ indicatorValues(organizationId: "${TOWN}", from: "2000-01-01", to: "2025-07-01") { totalCount } }`);
    expect(fieldsOf(long)).toEqual([expect.objectContaining({ field: 'to', rule: 'range' })]);
  });

  it('pages the village ranking one by one in both directions without loss, ties included', async () => {
    const query = `query(${PAGE_VARS}) { indicatorValues(organizationId: "${TOWN}", from: "${from}", to: "${to}", breakdown: CHILDREN, filter: { codes: ["preparedness.drill-compliance"] }, orderBy: [{ field: VALUE, direction: DESC }], ${PAGE_ARGS}) { ${walkedPage('organizationId')} } }`;
    const all = (await office(query, { first: 100 })).body.data!['indicatorValues'];
    expect(new Set(all.edges.map((e: any) => e.node.id)).size).toBe(all.totalCount);
    await expectPagedCompletely(office, query, {}, ['indicatorValues'], 1, all.totalCount);
  });
});
