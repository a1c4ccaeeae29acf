import { ManualClock, RequestContext, SYSTEM, countStatements } from '@platform/core';
import { seedId } from '@platform/directory';
import { buildGatewaySchema, selectModules, undescribed } from '@platform/server';
import { enterpriseInput, errorOf, expectPagedCompletely, fieldsOf, startTestGateway, PAGE_ARGS, PAGE_VARS, walkedPage, type GraphQLClient, type TestGateway } from '@platform/testing';
import { EnterpriseClass, enterpriseClassesOf, frequencyCapFor, inspectionPlanEntrySeedId, inspectionPlanSeedId } from '../src/index';
import { MODULES, dataOf, mutation, mutated } from './support';

const NIL = '00000000-0000-4000-8000-000000000000';
const org = (key: string) => seedId(`org:${key}`);
const TOWN = org('town');
const MOMENT = new Date('2026-11-29T02:00:00Z');

const CALCULATION =
  'legalWorkingDays certifiedInspectors inspectorWorkingDays otherEnforcementDays nonEnforcementDays inspectionWorkingDays keyInspectionDays ordinaryInspectionDays keyEnterprises keyInspections keyDaysRequired keyDaysAllocated keyShortfallDays keyEnterprisesCoverable ordinaryDaysAvailable ordinaryEnterprisesCoverable ordinaryEnterprises ordinaryInspections ordinaryDaysRequired ordinaryShortfallDays formula';
const PLAN = `id version year revision status title periodFrom periodTo certifiedInspectors otherEnforcementDays nonEnforcementDays keyInspectionDays ordinaryInspectionDays previousId approvedAt calculation { ${CALCULATION} }`;
const ENTRY = 'id version planId enterpriseId position enterpriseClass derivedClass derivedReason reclassificationReason plannedInspections plannedMonths';
type Entry = { id: string; version: number; enterpriseId: string; enterpriseClass: string; derivedClass: string; derivedReason: string; reclassificationReason: string | null; plannedInspections: number; plannedMonths: number[]; position: number };

/**
 * The annual inspection plan (issue 19, point 十八; 安监总政法〔2017〕150号): the calculator against hand
 * computations on the seeded working-day calendar (a National Day fortnight and whole years), negative
 * inspection days refused at the boundary, the key and ordinary lists derived from sector and risk
 * points, the yearly frequency cap at its boundary, approval and revision, the seeded 2025 and 2026
 * plans, scope and permissions, lossless paging and statement counts.
 */
describe('annual inspection plans (年度监督检查计划)', () => {
  // 2026-11-29 (Sunday) 10:00 China time, the README's moment.
  const clock = new ManualClock(MOMENT);
  let t: TestGateway;
  let office: GraphQLClient;
  let zhifa: GraphQLClient;
  let jingfa: GraphQLClient;
  beforeAll(async () => {
    t = await startTestGateway(MODULES, { seed: true, clock });
    [office, zhifa, jingfa] = await Promise.all([t.as('anban'), t.as('zhifa'), t.as('jingfa')]);
  });
  afterAll(() => t?.close());

  const ok = dataOf;
  const system = () => new RequestContext({ requestId: 'plans', principal: SYSTEM, dataSource: t.gateway.database.dataSource, events: { publish: async () => undefined, subscribe: () => () => undefined }, log: t.gateway.log, clock });
  const count = async (table: string) => (await t.gateway.database.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;
  const preview = async (input: Record<string, unknown>, client = office) => (await ok(client, `query($input: InspectionPlanPreviewInput!) { inspectionPlanPreview(input: $input) { ${CALCULATION} } }`, { input }))['inspectionPlanPreview'];
  const plan = async (id: string, client = office) => (await ok(client, `query($id: UUID!) { inspectionPlan(id: $id) { ${PLAN} } }`, { id }))['inspectionPlan'];
  const entriesOf = async (id: string, filter = '{}'): Promise<Entry[]> =>
    (await ok(office, `query($id: UUID!) { inspectionPlan(id: $id) { entries(first: 100, filter: ${filter}) { totalCount edges { node { ${ENTRY} } } } } }`, { id }))['inspectionPlan'].entries.edges.map((e: any) => e.node);
  const create = (input: Record<string, unknown>) => mutated(office, 'createInspectionPlan', 'CreateInspectionPlanInput', input, PLAN);
  const step = (name: string, type: string, p: { id: string; version: number }, client = office) => mutation(client, name, type, { id: p.id, version: p.version }, PLAN);
  const derive = async (p: { id: string; version: number }) => {
    const res = await step('deriveInspectionPlanEntries', 'DeriveInspectionPlanEntriesInput', p);
    expect(res.body.errors).toBeUndefined();
    return res.body.data!['deriveInspectionPlanEntries'];
  };
  const updateEntry = (e: { id: string; version: number }, input: Record<string, unknown>) => mutation(office, 'updateInspectionPlanEntry', 'UpdateInspectionPlanEntryInput', { id: e.id, version: e.version, ...input }, ENTRY);
  const activeEnterprises = async () => (await ok(office, `{ organizations(first: 1, filter: { kinds: [ENTERPRISE] }) { totalCount } }`))['organizations'].totalCount as number;
  const highRiskEnterprises = async () => (await ok(office, `{ organizations(first: 1, filter: { kinds: [ENTERPRISE], highRisk: true }) { totalCount } }`))['organizations'].totalCount as number;
  const newEnterprise = async (sectorCode: string, parent = 'grid-nanping-1') =>
    mutated(office, 'createOrganization', 'CreateOrganizationInput', enterpriseInput(org(parent), { enterprise: { sectorCode, employeeCount: 12 } }), 'id version name');

  it('describes every schema element in Chinese and English', async () => {
    expect(undescribed(await buildGatewaySchema(selectModules(MODULES, 'all')))).toEqual([]);
  });

  describe('the calculator (安监总政法〔2017〕150号)', () => {
    it('counts the legal working days of a National Day fortnight from the calendar, and computes the rest as by hand', async () => {
      // 2026-09-28 (Mon) … 10-11 (Sun), by 国办发明电〔2025〕7号: Mon 28, Tue 29, Wed 30 Sep work; 1–7 Oct are days off;
      // Thu 8 and Fri 9 work; Sat 10 Oct is a make-up working day; Sun 11 is off. 3 + 2 + 1 = 6 (Monday to Friday alone would give 10).
      expect((await ok(office, `{ workingDaysBetween(from: "2026-09-27", to: "2026-10-11") }`))['workingDaysBetween']).toBe(6);
      const fortnight = { year: 2026, periodFrom: '2026-09-28', periodTo: '2026-10-11', certifiedInspectors: 3, otherEnforcementDays: 2, nonEnforcementDays: 4 };
      // 6 × 3 = 18; 18 − 2 − 4 = 12. Two key enterprises at one inspection of 4 days (the town's workload rule): 8 days, none short;
      // 12 − 8 = 4 days left, ÷ 2 days per ordinary inspection = 2 ordinary enterprises.
      expect(await preview({ ...fortnight, keyEnterprises: 2, keyInspectionsEach: 1 })).toEqual({
        legalWorkingDays: 6,
        certifiedInspectors: 3,
        inspectorWorkingDays: 18,
        otherEnforcementDays: 2,
        nonEnforcementDays: 4,
        inspectionWorkingDays: 12,
        keyInspectionDays: 4,
        ordinaryInspectionDays: 2,
        keyEnterprises: 2,
        keyInspections: 2,
        keyDaysRequired: 8,
        keyDaysAllocated: 8,
        keyShortfallDays: 0,
        keyEnterprisesCoverable: 2,
        ordinaryDaysAvailable: 4,
        ordinaryEnterprisesCoverable: 2,
        ordinaryEnterprises: 0,
        ordinaryInspections: 0,
        ordinaryDaysRequired: 0,
        ordinaryShortfallDays: 0,
        formula: '监督检查工作日 = 法定工作日 6 × 持证执法人员 3 − 其他执法工作日 2 − 非执法工作日 4 = 12；重点企业 2 家计划检查 2 次 × 每次 4 日 = 8 日；余 4 日 ÷ 一般企业每次 2 日 = 可覆盖一般企业 2 家（每家 1 次）；已列一般企业 0 家计划检查 0 次需 0 日',
      });
      // Four key enterprises need 16 days of the 12: 4 short, three of them covered, nothing left for ordinary ones.
      expect(await preview({ ...fortnight, keyEnterprises: 4, keyInspectionsEach: 1 })).toMatchObject({ keyDaysRequired: 16, keyDaysAllocated: 12, keyShortfallDays: 4, keyEnterprisesCoverable: 3, ordinaryDaysAvailable: 0, ordinaryEnterprisesCoverable: 0 });
      // The plan's own days per inspection, in half days: 2.5 per key inspection, 1.5 per ordinary one.
      expect(await preview({ ...fortnight, keyEnterprises: 3, keyInspectionsEach: 1, keyInspectionDays: 2.5, ordinaryInspectionDays: 1.5 })).toMatchObject({ keyDaysRequired: 7.5, ordinaryDaysAvailable: 4.5, ordinaryEnterprisesCoverable: 3 });
      const quarter = await office(`{ inspectionPlanPreview(input: { year: 2026, certifiedInspectors: 1, otherEnforcementDays: 0, nonEnforcementDays: 0, keyInspectionDays: 2.3 }) { inspectionWorkingDays } }`);
      expect(fieldsOf(quarter)).toEqual([expect.objectContaining({ field: 'input.keyInspectionDays', rule: 'range' })]);
    });

    it('counts 248 legal working days in 2025 and in 2026, as the State Council notices give them', async () => {
      // 2026 begins on a Thursday: 52 weeks and a day, 261 weekdays. Weekdays off: 元旦 2 (1–2 Jan), 春节 6 (16–20, 23 Feb), 清明 1 (6 Apr),
      // 劳动节 3 (1, 4, 5 May), 端午 1 (19 Jun), 中秋 1 (25 Sep), 国庆 5 (1, 2, 5, 6, 7 Oct) = 19; make-up days 4 Jan, 14 and 28 Feb,
      // 9 May, 20 Sep, 10 Oct = 6. 261 − 19 + 6 = 248.
      const year2026 = await preview({ year: 2026, certifiedInspectors: 4, otherEnforcementDays: 250, nonEnforcementDays: 320 });
      expect(year2026).toMatchObject({ legalWorkingDays: 248, inspectorWorkingDays: 992, inspectionWorkingDays: 422, ordinaryDaysAvailable: 422, ordinaryEnterprisesCoverable: 211 });
      // 2025 begins on a Wednesday: 261 weekdays; off 1 + 6 + 1 + 3 + 1 + 6 = 18; make-up 26 Jan, 8 Feb, 27 Apr, 28 Sep, 11 Oct = 5. 248.
      expect((await preview({ year: 2025, certifiedInspectors: 4, otherEnforcementDays: 230, nonEnforcementDays: 310 })).inspectionWorkingDays).toBe(248 * 4 - 230 - 310);
    });

    it('refuses inputs whose inspection working days come out negative, naming both deductions; zero is a plan', async () => {
      const fortnight = { year: 2026, periodFrom: '2026-09-28', periodTo: '2026-10-11', certifiedInspectors: 1 };
      expect(await preview({ ...fortnight, otherEnforcementDays: 3, nonEnforcementDays: 3 })).toMatchObject({ inspectionWorkingDays: 0, ordinaryEnterprisesCoverable: 0 });
      const res = await office(`query($input: InspectionPlanPreviewInput!) { inspectionPlanPreview(input: $input) { inspectionWorkingDays } }`, { input: { ...fortnight, otherEnforcementDays: 3, nonEnforcementDays: 4 } });
      expect(errorOf(res)?.['code']).toBe('BAD_USER_INPUT');
      expect(fieldsOf(res).map((f) => [f.field, f.rule])).toEqual([['input.otherEnforcementDays', 'inspectionDays'], ['input.nonEnforcementDays', 'inspectionDays']]);
      expect(fieldsOf(res)[0]!.message).toContain('监督检查工作日 = 6 × 1 − 3 − 4 = -1');
      const before = await count('inspection_plan');
      const created = await mutation(office, 'createInspectionPlan', 'CreateInspectionPlanInput', { organizationId: org('dept-enforcement'), ...fortnight, otherEnforcementDays: 3, nonEnforcementDays: 4 }, 'id');
      expect(fieldsOf(created).map((f) => f.rule)).toEqual(['inspectionDays', 'inspectionDays']);
      // A plan's period lies in its year, its last day not before its first.
      const outside = await mutation(office, 'createInspectionPlan', 'CreateInspectionPlanInput', { organizationId: org('dept-enforcement'), year: 2026, periodFrom: '2025-12-01', certifiedInspectors: 2, otherEnforcementDays: 0, nonEnforcementDays: 0 }, 'id');
      expect(fieldsOf(outside)).toEqual([expect.objectContaining({ field: 'input.periodFrom', rule: 'range' })]);
      const backwards = await mutation(office, 'createInspectionPlan', 'CreateInspectionPlanInput', { organizationId: org('dept-enforcement'), year: 2026, periodFrom: '2026-10-11', periodTo: '2026-09-28', certifiedInspectors: 2, otherEnforcementDays: 0, nonEnforcementDays: 0 }, 'id');
      expect(fieldsOf(backwards)).toEqual([expect.objectContaining({ field: 'input.periodTo', rule: 'notBeforeFrom' })]);
      expect(await count('inspection_plan')).toBe(before);
    });

    it('saves a plan for the fortnight with what the preview computes, spreads its derived inspections over the period\'s months, and refuses to approve a key shortfall', async () => {
      const saved = await create({ organizationId: org('dept-enforcement'), year: 2026, periodFrom: '2026-09-28', periodTo: '2026-10-11', certifiedInspectors: 3, otherEnforcementDays: 2, nonEnforcementDays: 4 });
      expect(saved).toMatchObject({ status: 'DRAFT', revision: 1, keyInspectionDays: null, calculation: await preview({ year: 2026, periodFrom: '2026-09-28', periodTo: '2026-10-11', certifiedInspectors: 3, otherEnforcementDays: 2, nonEnforcementDays: 4 }) });
      const derived = await derive(saved);
      const entries = await entriesOf(saved.id);
      expect(entries).toHaveLength(await activeEnterprises());
      expect(entries.filter((e) => e.plannedMonths.some((m) => m !== 9 && m !== 10))).toEqual([]);
      const keys = entries.filter((e) => e.enterpriseClass === 'KEY').length;
      // Each key enterprise one inspection of 4 days, in 12 days: three covered, the rest short.
      expect(derived.calculation).toMatchObject({ keyEnterprises: keys, keyInspections: keys, keyDaysRequired: keys * 4, keyShortfallDays: keys * 4 - 12, keyEnterprisesCoverable: 3, ordinaryEnterprisesCoverable: 0 });
      expect(derived.calculation.formula).toContain(`（缺 ${keys * 4 - 12} 日，可覆盖 3 家）`);
      const refused = await step('approveInspectionPlan', 'ApproveInspectionPlanInput', derived);
      expect(fieldsOf(refused)).toEqual([expect.objectContaining({ field: 'input.id', rule: 'keyShortfall' })]);
      expect(await plan(saved.id)).toMatchObject({ status: 'DRAFT', version: derived.version });
    });
  });

  describe('the seeded plans', () => {
    it('holds the town government\'s 2025 and 2026 plans, approved in January, over every enterprise of the town', async () => {
      const plans = (await ok(office, `{ inspectionPlans(first: 10, filter: { organizationId: "${TOWN}", statuses: [APPROVED] }) { edges { node { ${PLAN} organization { name } approvedByName entries(first: 1) { totalCount } } } } }`))['inspectionPlans'].edges.map(
        (e: any) => e.node,
      );
      const byYear = Object.fromEntries(plans.map((p: any) => [p.year, p]));
      expect(byYear[2026]).toMatchObject({ id: inspectionPlanSeedId(2026), title: '南平镇2026年度安全生产监督检查计划', approvedAt: '2026-01-23T02:00:00.000Z', organization: { name: '南平镇人民政府' } });
      expect(byYear[2025]).toMatchObject({ id: inspectionPlanSeedId(2025), approvedAt: '2025-01-24T02:00:00.000Z' });
      for (const [year, other, non] of [[2025, 230, 310], [2026, 250, 320]] as const) {
        const c = byYear[year].calculation;
        expect(c).toMatchObject({ legalWorkingDays: 248, certifiedInspectors: 4, inspectionWorkingDays: 992 - other - non, keyShortfallDays: 0 });
        expect(c.keyDaysRequired).toBe(c.keyInspections * 4);
        expect(c.ordinaryDaysAvailable).toBe(c.inspectionWorkingDays - c.keyDaysRequired);
        expect(c.ordinaryEnterprisesCoverable).toBe(Math.floor(c.ordinaryDaysAvailable / 2));
        expect(c.ordinaryDaysRequired).toBe(c.ordinaryInspections * 2);
        expect(c.keyEnterprises + c.ordinaryEnterprises).toBe(byYear[year].entries.totalCount);
      }
      // 22 enterprises in high-risk sectors, and the ammonia cold store the office moved to KEY.
      const entries = await entriesOf(inspectionPlanSeedId(2026));
      const key = entries.filter((e) => e.enterpriseClass === 'KEY');
      expect(key).toHaveLength((await highRiskEnterprises()) + 1);
      expect(key.filter((e) => e.derivedClass === 'KEY').every((e) => e.derivedReason.startsWith('高危行业（'))).toBe(true);
      expect(entries.find((e) => e.enterpriseId === org('ent-xianda-cold-chain'))).toMatchObject({
        id: inspectionPlanEntrySeedId(2026, org('ent-xianda-cold-chain')),
        enterpriseClass: 'KEY',
        derivedClass: 'ORDINARY',
        derivedReason: '非高危行业（仓储物流），无重大、较大风险点',
        reclassificationReason: '涉氨制冷（液氨制冷系统），列为重点监管企业',
      });
      // One month per planned inspection, within the caps (4 key, 2 ordinary); key enterprises first, then by place.
      for (const e of entries) {
        expect(e.plannedMonths).toHaveLength(e.plannedInspections);
        expect(e.plannedInspections).toBeLessThanOrEqual(e.enterpriseClass === 'KEY' ? 4 : 2);
        expect([...e.plannedMonths].sort((a, b) => a - b)).toEqual(e.plannedMonths);
      }
      expect(entries.map((e) => e.enterpriseClass)).toEqual([...key.map(() => 'KEY'), ...entries.slice(key.length).map(() => 'ORDINARY')]);
      const inMarch = await entriesOf(inspectionPlanSeedId(2026), '{ month: 3 }');
      expect(inMarch.map((e) => e.id)).toEqual(entries.filter((e) => e.plannedMonths.includes(3)).map((e) => e.id));
      expect((await entriesOf(inspectionPlanSeedId(2026), '{ enterpriseClass: ORDINARY, month: 3 }')).every((e) => e.enterpriseClass === 'ORDINARY' && e.plannedMonths.includes(3))).toBe(true);
    });

    it('keeps an approved plan as approved: every change is refused with `state`, and nothing moves', async () => {
      const seeded = await plan(inspectionPlanSeedId(2026));
      const [entry] = await entriesOf(seeded.id);
      const refusals = [
        await mutation(office, 'updateInspectionPlan', 'UpdateInspectionPlanInput', { id: seeded.id, version: seeded.version, certifiedInspectors: 5 }, 'id'),
        await step('deriveInspectionPlanEntries', 'DeriveInspectionPlanEntriesInput', seeded),
        await step('approveInspectionPlan', 'ApproveInspectionPlanInput', seeded),
        await updateEntry(entry!, { plannedInspections: 1, plannedMonths: [6] }),
        await mutation(office, 'removeInspectionPlanEntry', 'RemoveInspectionPlanEntryInput', { id: entry!.id, version: entry!.version }, 'id'),
      ];
      expect(refusals.map((r) => fieldsOf(r).map((f) => [f.field, f.rule]))).toEqual([[['input.id', 'state']], [['input.id', 'state']], [['input.id', 'state']], [['input.id', 'state']], [['input.id', 'state']]]);
      expect(await plan(seeded.id)).toEqual(seeded);
      expect((await entriesOf(seeded.id))[0]).toEqual(entry);
    });
  });

  describe('the enterprise lists', () => {
    it('derives every active enterprise of the town: KEY for a high-risk sector or a red or orange risk point, with the reason; an officer\'s class stays', async () => {
      const trade = await newEnterprise('TRADE');
      const fireworks = await newEnterprise('FIREWORKS', 'village-wenfeng');
      const draft = await create({ organizationId: TOWN, year: 2028, certifiedInspectors: 4, otherEnforcementDays: 200, nonEnforcementDays: 300 });
      let derived = await derive(draft);
      let entries = await entriesOf(draft.id);
      expect(entries).toHaveLength(await activeEnterprises());
      const of = (id: string) => entries.find((e) => e.enterpriseId === id)!;
      expect(of(trade.id)).toMatchObject({ enterpriseClass: 'ORDINARY', derivedClass: 'ORDINARY', derivedReason: '非高危行业（商贸），无重大、较大风险点', reclassificationReason: null, plannedInspections: 1 });
      expect(of(fireworks.id)).toMatchObject({ enterpriseClass: 'KEY', derivedReason: '高危行业（烟花爆竹）' });
      expect(of(org('ent-xinyuan-lpg'))).toMatchObject({ enterpriseClass: 'KEY', derivedReason: expect.stringMatching(/^高危行业（燃气）/) });
      // Not moved here: the cold store is ORDINARY by derivation (the seeded plans moved it).
      expect(of(org('ent-xianda-cold-chain'))).toMatchObject({ enterpriseClass: 'ORDINARY' });
      expect(derived.calculation).toMatchObject({ keyEnterprises: await highRiskEnterprises(), ordinaryEnterprises: entries.length - (await highRiskEnterprises()) });

      // A red or an orange risk point makes an enterprise of any sector KEY; a yellow one does not.
      const point = (organizationId: string, level: string) =>
        mutated(office, 'createRiskPoint', 'CreateRiskPointInput', { organizationId, name: `${level}风险点`, category: 'WORK_SAFETY', level }, 'id version');
      const orange = await point(trade.id, 'ORANGE');
      await point(trade.id, 'YELLOW');
      await point(fireworks.id, 'RED');
      // An officer moves an ordinary enterprise to KEY, with the reason.
      const grocery = of(org('ent-shunfa-grocery'));
      const moved = await updateEntry(grocery, { enterpriseClass: 'KEY', reclassificationReason: '临街商铺楼上住人，三合一场所' });
      expect(moved.body.data!['updateInspectionPlanEntry']).toMatchObject({ enterpriseClass: 'KEY', derivedClass: 'ORDINARY', reclassificationReason: '临街商铺楼上住人，三合一场所' });
      derived = await derive(await plan(draft.id));
      entries = await entriesOf(draft.id);
      expect(of(trade.id)).toMatchObject({ enterpriseClass: 'KEY', derivedClass: 'KEY', derivedReason: '较大风险点 1 处', reclassificationReason: null });
      expect(of(fireworks.id)).toMatchObject({ enterpriseClass: 'KEY', derivedReason: '高危行业（烟花爆竹）；重大风险点 1 处' });
      expect(of(org('ent-shunfa-grocery'))).toMatchObject({ enterpriseClass: 'KEY', derivedClass: 'ORDINARY', reclassificationReason: '临街商铺楼上住人，三合一场所' });

      // The orange point archived, the enterprise follows the derivation back; the fireworks shop closed, its entry goes.
      await mutated(office, 'archiveRiskPoint', 'ArchiveInput', { id: orange.id, version: orange.version }, 'id');
      const closed = (await ok(office, `query($id: UUID!) { organization(id: $id) { id version } }`, { id: fireworks.id }))['organization'];
      await mutated(office, 'archiveOrganization', 'ArchiveInput', { id: closed.id, version: closed.version }, 'id');
      const before = derived.version;
      derived = await derive(await plan(draft.id));
      entries = await entriesOf(draft.id);
      expect(of(trade.id)).toMatchObject({ enterpriseClass: 'ORDINARY', derivedReason: '非高危行业（商贸），无重大、较大风险点' });
      expect(entries.find((e) => e.enterpriseId === fireworks.id)).toBeUndefined();
      expect(entries).toHaveLength(await activeEnterprises());
      expect(derived.version).toBe(before + 1);
      // Each derivation is one audit entry on the plan, naming what it added, changed and removed.
      const audit = await t.gateway.database.dataSource.query(`SELECT action, changes FROM audit_log WHERE entity_id = $1 ORDER BY occurred_at, id`, [draft.id]);
      expect(audit.map((a: any) => a.action)).toEqual([
        'enforcement.inspection-plan.create',
        'enforcement.inspection-plan.derive',
        'enforcement.inspection-plan.refigure',
        'enforcement.inspection-plan.derive',
        'enforcement.inspection-plan.derive',
      ]);
      expect(audit[4].changes).toMatchObject({ added: [], removed: [fireworks.id], changed: [{ enterpriseId: trade.id, derivedClass: 'ORDINARY', enterpriseClass: 'ORDINARY' }] });
    });

    it('holds an entry to its class\'s yearly cap: the cap is accepted, one more refused (rule frequencyCap)', async () => {
      const draft = await derive(await create({ organizationId: TOWN, year: 2027, certifiedInspectors: 4, otherEnforcementDays: 200, nonEnforcementDays: 300 }));
      expect(draft.calculation.legalWorkingDays).toBeGreaterThan(240);
      const entries = await entriesOf(draft.id);
      const key = entries.find((e) => e.enterpriseClass === 'KEY')!;
      const ordinary = entries.find((e) => e.enterpriseClass === 'ORDINARY')!;
      // 国办发〔2024〕54号 caps as seeded for 重庆: 4 a year for a key enterprise, 2 for an ordinary one.
      const atCap = await updateEntry(key, { plannedInspections: 4, plannedMonths: [11, 2, 5, 8] });
      expect(atCap.body.data!['updateInspectionPlanEntry']).toMatchObject({ plannedInspections: 4, plannedMonths: [2, 5, 8, 11], version: key.version + 1 });
      const over = await updateEntry({ id: key.id, version: key.version + 1 }, { plannedInspections: 5, plannedMonths: [1, 3, 5, 7, 9] });
      expect(fieldsOf(over)).toEqual([expect.objectContaining({ field: 'input.plannedInspections', rule: 'frequencyCap' })]);
      expect(fieldsOf(over)[0]!.message).toContain('at most 4 times a year');
      expect(fieldsOf(await updateEntry(ordinary, { plannedInspections: 3, plannedMonths: [3, 6, 9] }))).toEqual([expect.objectContaining({ field: 'input.plannedInspections', rule: 'frequencyCap' })]);
      expect((await updateEntry(ordinary, { plannedInspections: 2, plannedMonths: [3, 9] })).body.data!['updateInspectionPlanEntry']).toMatchObject({ plannedInspections: 2 });
      // Moved to ORDINARY with 4 inspections planned: over that class's cap.
      const demoted = await updateEntry({ id: key.id, version: key.version + 1 }, { enterpriseClass: 'ORDINARY', reclassificationReason: '停产半年' });
      expect(fieldsOf(demoted)).toEqual([expect.objectContaining({ field: 'input.plannedInspections', rule: 'frequencyCap' })]);
      // A class other than the derived one needs a reason; months are one per inspection, in the period.
      const current = { id: ordinary.id, version: ordinary.version + 1 };
      const checks = [
        await updateEntry(current, { enterpriseClass: 'KEY' }),
        await updateEntry(current, { plannedInspections: 2, plannedMonths: [4] }),
        await updateEntry(current, { plannedInspections: 1 }),
        await updateEntry(current, { plannedMonths: [4, 13] }),
      ];
      expect(checks.map((r) => fieldsOf(r).map((f) => [f.field, f.rule]))).toEqual([
        [['input.reclassificationReason', 'required']],
        [['input.plannedMonths', 'plannedMonths']],
        [['input.plannedMonths', 'plannedMonths']],
        [['input.plannedMonths', 'max']],
      ]);
      // A stale version: CONFLICT.
      expect(errorOf(await updateEntry(key, { plannedInspections: 1, plannedMonths: [6] }))?.['code']).toBe('CONFLICT');
      // The plan's figures follow its entries.
      const after = await plan(draft.id);
      expect(after.calculation.keyInspections).toBe(draft.calculation.keyInspections + 3);
      expect(after.calculation.ordinaryInspections).toBe(draft.calculation.ordinaryInspections + 1);
    });

    it('removes an entry of a draft, recomputing the plan', async () => {
      const draft = await derive(await create({ organizationId: org('dept-safety'), year: 2027, certifiedInspectors: 3, otherEnforcementDays: 100, nonEnforcementDays: 200 }));
      const [first] = await entriesOf(draft.id, '{ enterpriseClass: KEY }');
      const res = await mutation(office, 'removeInspectionPlanEntry', 'RemoveInspectionPlanEntryInput', { id: first!.id, version: first!.version }, PLAN);
      expect(res.body.data!['removeInspectionPlanEntry'].calculation).toMatchObject({ keyEnterprises: draft.calculation.keyEnterprises - 1, keyInspections: draft.calculation.keyInspections - 1 });
      expect((await entriesOf(draft.id)).find((e) => e.id === first!.id)).toBeUndefined();
      expect(errorOf(await mutation(office, 'removeInspectionPlanEntry', 'RemoveInspectionPlanEntryInput', { id: first!.id, version: first!.version }, 'id'))?.['code']).toBe('NOT_FOUND');
    });

    it('tells the inspections part an enterprise\'s class (the approved plan\'s, else derived) and the cap on a day, in one or two statements', async () => {
      const coldStore = org('ent-xianda-cold-chain');
      const lpg = org('ent-xinyuan-lpg');
      const tofu = org('ent-xianghe-tofu');
      const listed = await countStatements(() => enterpriseClassesOf(system(), [coldStore, lpg, tofu], 2026));
      expect(Object.fromEntries(listed.result)).toEqual({ [coldStore]: EnterpriseClass.KEY, [lpg]: EnterpriseClass.KEY, [tofu]: EnterpriseClass.ORDINARY });
      expect(listed.statements).toBe(1);
      // No approved plan of 2030: derived (the cold store is ORDINARY by its sector and risk points); an id of no enterprise is left out.
      const derived = await countStatements(() => enterpriseClassesOf(system(), [coldStore, lpg, NIL], 2030));
      expect(Object.fromEntries(derived.result)).toEqual({ [coldStore]: EnterpriseClass.ORDINARY, [lpg]: EnterpriseClass.KEY });
      expect(derived.statements).toBe(2);
      expect(await frequencyCapFor(system(), EnterpriseClass.KEY, '2026-11-29')).toEqual({ cap: 4, repeatWindowDays: 30, ruleVersionId: expect.any(String) });
      expect((await frequencyCapFor(system(), EnterpriseClass.ORDINARY, '2025-07-01')).cap).toBe(2);
      // The caps were published from 2025-07-01 (国办发〔2024〕54号): none applies the day before.
      await expect(frequencyCapFor(system(), EnterpriseClass.KEY, '2025-06-30', 'input.inspectedOn')).rejects.toMatchObject({ extensions: { fields: [expect.objectContaining({ field: 'input.inspectedOn', rule: 'exists' })] } });
    });
  });

  describe('approval and revision', () => {
    it('approves a draft, revises it into a new draft with its list, and supersedes it when the revision is approved', async () => {
      const draft = await create({ organizationId: TOWN, year: 2029, certifiedInspectors: 4, otherEnforcementDays: 200, nonEnforcementDays: 300, title: '南平镇2029年度安全生产监督检查计划' });
      expect(fieldsOf(await step('approveInspectionPlan', 'ApproveInspectionPlanInput', draft))).toEqual([expect.objectContaining({ field: 'input.id', rule: 'required' })]);
      const derived = await derive(draft);
      const approved = (await step('approveInspectionPlan', 'ApproveInspectionPlanInput', derived)).body.data!['approveInspectionPlan'];
      expect(approved).toMatchObject({ status: 'APPROVED', approvedAt: MOMENT.toISOString(), version: derived.version + 1 });
      expect(fieldsOf(await mutation(office, 'createInspectionPlan', 'CreateInspectionPlanInput', { organizationId: TOWN, year: 2029, certifiedInspectors: 1, otherEnforcementDays: 0, nonEnforcementDays: 0 }, 'id'))).toEqual([
        expect.objectContaining({ field: 'input.year', rule: 'unique' }),
      ]);
      const revision = (await step('reviseInspectionPlan', 'ReviseInspectionPlanInput', approved)).body.data!['reviseInspectionPlan'];
      expect(revision).toMatchObject({ status: 'DRAFT', revision: 2, previousId: approved.id, title: approved.title, calculation: approved.calculation });
      expect((await entriesOf(revision.id)).map((e) => [e.enterpriseId, e.enterpriseClass, e.plannedMonths])).toEqual((await entriesOf(approved.id)).map((e) => [e.enterpriseId, e.enterpriseClass, e.plannedMonths]));
      expect(fieldsOf(await step('reviseInspectionPlan', 'ReviseInspectionPlanInput', approved))).toEqual([expect.objectContaining({ field: 'input.id', rule: 'unique' })]);
      const changed = await mutated(office, 'updateInspectionPlan', 'UpdateInspectionPlanInput', { id: revision.id, version: revision.version, certifiedInspectors: 5 }, PLAN);
      expect(changed.calculation).toMatchObject({ certifiedInspectors: 5, inspectionWorkingDays: changed.calculation.legalWorkingDays * 5 - 500 });
      const second = (await step('approveInspectionPlan', 'ApproveInspectionPlanInput', changed)).body.data!['approveInspectionPlan'];
      expect(second.status).toBe('APPROVED');
      expect(await plan(approved.id)).toMatchObject({ status: 'SUPERSEDED', version: approved.version + 1 });
      expect(fieldsOf(await step('reviseInspectionPlan', 'ReviseInspectionPlanInput', await plan(approved.id)))).toEqual([expect.objectContaining({ field: 'input.id', rule: 'state' })]);
      const by = (await ok(office, `query($id: UUID!) { inspectionPlan(id: $id) { approvedBy { ... on User { displayName } } previous { id status } workloadRuleVersion { documentNumber } frequencyRuleVersion { documentNumber } } }`, { id: second.id }))['inspectionPlan'];
      expect(by).toEqual({ approvedBy: { displayName: '镇安办主任' }, previous: { id: approved.id, status: 'SUPERSEDED' }, workloadRuleVersion: { documentNumber: '南平镇年度监督检查计划编制参照值' }, frequencyRuleVersion: { documentNumber: expect.stringContaining('国办发〔2024〕54号') } });
      const audit = await t.gateway.database.dataSource.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY occurred_at, id`, [approved.id]);
      expect(audit.map((a: any) => a.action)).toEqual(['enforcement.inspection-plan.create', 'enforcement.inspection-plan.derive', 'enforcement.inspection-plan.approve', 'enforcement.inspection-plan.supersede']);
    });
  });

  describe('scope and permissions', () => {
    it('lets the office, departments, inspectors and integrations read; only the office plan; villages, grids and enterprises not at all', async () => {
      for (const who of ['wenfeng', 'wenfeng-grid1', 'sinopec-nanping', 'expert']) {
        const client = await t.as(who);
        expect({ who, code: errorOf(await client(`{ inspectionPlans(first: 1) { totalCount } }`))?.['code'] }).toEqual({ who, code: 'FORBIDDEN' });
      }
      for (const client of [zhifa, jingfa]) {
        expect((await ok(client, `query($id: UUID!) { inspectionPlan(id: $id) { year entries(first: 1) { totalCount } } }`, { id: inspectionPlanSeedId(2025) }))['inspectionPlan']).toMatchObject({ year: 2025 });
        const refused = await mutation(client, 'createInspectionPlan', 'CreateInspectionPlanInput', { organizationId: TOWN, year: 2031, certifiedInspectors: 2, otherEnforcementDays: 0, nonEnforcementDays: 0 }, 'id');
        expect(errorOf(refused)?.['code']).toBe('FORBIDDEN');
      }
      expect((await ok(office, `{ inspectionPlan(id: "${NIL}") { id } }`))['inspectionPlan']).toBeNull();
      // A plan belongs to a legal subject: the town government or one of its departments, never a village or an enterprise.
      const planFor = (organizationId: string) => mutation(office, 'createInspectionPlan', 'CreateInspectionPlanInput', { organizationId, year: 2031, certifiedInspectors: 2, otherEnforcementDays: 0, nonEnforcementDays: 0 }, 'id');
      expect(fieldsOf(await planFor(org('village-wenfeng')))).toEqual([expect.objectContaining({ field: 'input.organizationId', rule: 'legalSubject' })]);
      expect(fieldsOf(await planFor(org('ent-sinopec-nanping')))).toEqual([expect.objectContaining({ field: 'input.organizationId', rule: 'legalSubject' })]);
      expect(errorOf(await planFor(NIL))).toMatchObject({ code: 'NOT_FOUND', field: 'input.organizationId' });
      expect(errorOf(await mutation(office, 'updateInspectionPlanEntry', 'UpdateInspectionPlanEntryInput', { id: NIL, version: 1, plannedInspections: 1, plannedMonths: [1] }, 'id'))?.['code']).toBe('NOT_FOUND');
    });
  });

  describe('lists', () => {
    it('pages a plan\'s entries (many of one class) and plans of one status, one by one in both directions without loss', async () => {
      const entries = `query($id: UUID!, ${PAGE_VARS}) { inspectionPlan(id: $id) { entries(${PAGE_ARGS}) { ${walkedPage()} } } }`;
      const all = await entriesOf(inspectionPlanSeedId(2025));
      await expectPagedCompletely(office, entries, { id: inspectionPlanSeedId(2025) }, ['inspectionPlan', 'entries'], 7, all.length);
      const keys = `query($id: UUID!, ${PAGE_VARS}) { inspectionPlan(id: $id) { entries(filter: { enterpriseClass: KEY }, ${PAGE_ARGS}) { ${walkedPage()} } } }`;
      await expectPagedCompletely(office, keys, { id: inspectionPlanSeedId(2025) }, ['inspectionPlan', 'entries'], 5, all.filter((e) => e.enterpriseClass === 'KEY').length);
      for (const year of [2030, 2031, 2032]) await create({ organizationId: org('dept-emergency'), year, certifiedInspectors: 2, otherEnforcementDays: 10, nonEnforcementDays: 20 });
      const plans = `query(${PAGE_VARS}) { inspectionPlans(filter: { organizationId: "${org('dept-emergency')}" }, orderBy: [{ field: STATUS }], ${PAGE_ARGS}) { ${walkedPage()} } }`;
      await expectPagedCompletely(office, plans, {}, ['inspectionPlans'], 1, 3);
    });

    it('reads plans with their subject, calculation and entries with their enterprises in the same statements for one plan or two', async () => {
      const nested = (first: number, filter = '') =>
        `{ inspectionPlans(first: ${first}, filter: { organizationId: "${TOWN}", statuses: [APPROVED] }, orderBy: [{ field: YEAR }]) { edges { node { title organization { name } calculation { formula } entries(first: 10${filter}) { totalCount edges { node { enterpriseClass plannedMonths enterprise { name } } } } } } } }`;
      const statements = async (query: string) => {
        const res = await office(query);
        expect(res.body.errors).toBeUndefined();
        return { count: res.statements, pages: res.body.data!['inspectionPlans'].edges.map((e: any) => e.node.entries.edges.length) };
      };
      // Compiled into one statement (the relations are declared), whatever the page holds.
      expect(await statements(nested(1))).toEqual({ count: 1, pages: [10] });
      expect(await statements(nested(2))).toEqual({ count: 1, pages: [10, 10] });
      // The entries' filter compiles too; through the resolvers it is the plans, their legal subjects, every
      // plan's page of entries and the entries' enterprises, one statement each, whatever the number of plans.
      const key = ', filter: { enterpriseClass: KEY }';
      expect(await statements(nested(1, key))).toEqual({ count: 1, pages: [10] });
      expect(await statements(nested(2, key))).toEqual({ count: 1, pages: [10, 10] });
      const resolvers = await t.resolvers('anban');
      const [one, two] = [await resolvers(nested(1, key)), await resolvers(nested(2, key))];
      expect([one.statements, two.statements]).toEqual([4, 4]);
      expect(two.body.data).toEqual((await office(nested(2, key))).body.data);
    });
  });
});
