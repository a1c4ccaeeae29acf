import { ManualClock, RequestContext, SYSTEM, countStatements } from '@platform/core';
import { seedId } from '@platform/directory';
import { PAGE_ARGS, PAGE_VARS, errorOf, expectPagedCompletely, fieldsOf, startTestGateway, walkedPage, type GraphQLClient, type TestGateway } from '@platform/testing';
import { enforcementCertificateSeedId, specialOperationCertificateSeedId, specialOperationCertificatesOf, validEnforcementCertificates } from '../src/index';
import { MODULES, dataOf, mutation, mutated } from './support';

const TOWN = seedId('org:town');
const WENFENG = seedId('org:village-wenfeng');
const SINOPEC = seedId('org:ent-sinopec-nanping');
const HONGFA = seedId('org:ent-hongfa-quarry');
const person = (key: string) => seedId(`person:${key}`);
const STAFF = [1, 2, 3].map((i) => person(`person-dept-enforcement-staff-${i}`));
const HEAD = person('person-dept-enforcement-head');
const soc = specialOperationCertificateSeedId;
const NIL = '00000000-0000-4000-8000-000000000000';

const ENFORCEMENT = 'id version number status validFrom validTo revokedOn revocationReason personId previousCertificateId';
const OPERATOR = 'id version number status operationType operationItem issuedOn validUntil reviewDueOn nextDueOn revokedOn enterpriseId ruleVersionId';

/**
 * Certificates (issue 19): inspectors' enforcement certificates (执法证) and special operators'
 * certificates (特种作业操作证) with validity and reviews from the rule version of their issue day, the
 * status at the boundaries of the rule's window, the checks the inspections part uses, filters,
 * scope, permissions, typed errors and lossless paging.
 */
describe('certificates (执法证与特种作业操作证)', () => {
  // 2026-11-29 (Sunday) 10:00 China time, the README's moment.
  const MOMENT = new Date('2026-11-29T02:00:00Z');
  const clock = new ManualClock(MOMENT);
  let t: TestGateway;
  let office: GraphQLClient;
  let zhifa: GraphQLClient;
  let jingfa: GraphQLClient;
  let wenfeng: GraphQLClient;
  let sinopec: GraphQLClient;
  beforeAll(async () => {
    t = await startTestGateway(MODULES, { seed: true, clock });
    [office, zhifa, jingfa, wenfeng, sinopec] = await Promise.all([t.as('anban'), t.as('zhifa'), t.as('jingfa'), t.as('wenfeng'), t.as('sinopec-nanping')]);
  });
  afterAll(() => t?.close());
  afterEach(() => clock.set(MOMENT));

  const ok = dataOf;
  const system = () => new RequestContext({ requestId: 'certificates', principal: SYSTEM, dataSource: t.gateway.database.dataSource, events: { publish: async () => undefined, subscribe: () => () => undefined }, log: t.gateway.log, clock });
  const count = async (table: string) => (await t.gateway.database.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;
  const enforcementList = async (filter: string, client = office) => (await ok(client, `{ enforcementCertificates(first: 50, filter: { ${filter} }) { totalCount edges { node { ${ENFORCEMENT} } } } }`))['enforcementCertificates'];
  const operatorList = async (filter: string, client = office, extra = '') =>
    (await ok(client, `{ specialOperationCertificates(first: 100, filter: { ${filter} } ${extra}) { totalCount edges { node { ${OPERATOR} } } } }`))['specialOperationCertificates'];
  const operator = async (id: string, client = office) => (await ok(client, `query($id: UUID!) { specialOperationCertificate(id: $id) { ${OPERATOR} } }`, { id }))['specialOperationCertificate'];
  const statusOn = async (id: string, day: string) => (await ok(office, `query($id: UUID!, $day: LocalDate!) { specialOperationCertificate(id: $id) { statusOn(day: $day) } }`, { id, day }))['specialOperationCertificate'].statusOn;
  const register = (client: GraphQLClient, input: Record<string, unknown>) =>
    mutation(client, 'registerSpecialOperationCertificate', 'RegisterSpecialOperationCertificateInput', {
      personId: person('person-ent-sinopec-nanping-safety'), enterpriseId: SINOPEC, operationType: 'ELECTRICAL', operationItem: '高压电工作业', number: `TZ-TEST-${Math.random().toString(36).slice(2, 10)}`, issuedOn: '2025-02-10', issuingAuthority: '重庆市应急管理局', ...input,
    }, OPERATOR);
  const review = (client: GraphQLClient, id: string, version: number, input: Record<string, unknown>) =>
    mutation(client, 'recordSpecialOperationReview', 'RecordSpecialOperationReviewInput', { id, version, authority: '重庆市应急管理局', result: 'PASSED', ...input }, OPERATOR);

  describe('enforcement certificates (行政执法证)', () => {
    it('seeds the brigade\'s four certificates for the town government; staff-3\'s expired on 2026-03-31 and nobody else holds one', async () => {
      const all = await enforcementList('');
      expect(all.totalCount).toBe(4);
      const byPerson = Object.fromEntries(all.edges.map((e: any) => [e.node.personId, e.node]));
      expect(Object.keys(byPerson).sort()).toEqual([HEAD, ...STAFF].sort());
      expect(byPerson[STAFF[2]!]).toMatchObject({ status: 'EXPIRED', validTo: '2026-03-31' });
      expect([HEAD, STAFF[0], STAFF[1]].map((p) => byPerson[p!].status)).toEqual(['VALID', 'VALID', 'VALID']);
      const detail = (await ok(office, `query($id: UUID!) { enforcementCertificate(id: $id) { issuingAuthority enforcementField legalSubjectOrganization { name } person { name } } }`, { id: enforcementCertificateSeedId('person-dept-enforcement-staff-1') }))['enforcementCertificate'];
      expect(detail).toMatchObject({ issuingAuthority: '重庆市人民政府', legalSubjectOrganization: { name: '南平镇人民政府' } });
      expect(detail.person.name).toEqual(expect.any(String));
    });

    it('answers who is valid on a day at the boundary of a period (the last valid day included), and who expires within days', async () => {
      const valid = async (day: string) => (await enforcementList(`validOn: "${day}"`)).edges.map((e: any) => e.node.personId).sort();
      expect(await valid('2026-03-31')).toEqual([HEAD, ...STAFF].sort());
      expect(await valid('2026-04-01')).toEqual([HEAD, STAFF[0], STAFF[1]].sort());
      // The head's runs to 2027-05-31: 183 days after 2026-11-29.
      expect((await enforcementList('expiringWithinDays: 182')).totalCount).toBe(0);
      expect((await enforcementList('expiringWithinDays: 183')).edges.map((e: any) => e.node.personId)).toEqual([HEAD]);
      expect((await enforcementList('statuses: [EXPIRED]')).edges.map((e: any) => e.node.personId)).toEqual([STAFF[2]]);
    });

    it('checks inspectors for an inspection in one statement, whatever the caller may read: staff-3 is not certified on the demo day', async () => {
      const ctx = system();
      const { result, statements } = await countStatements(() => validEnforcementCertificates(ctx, [...STAFF, HEAD, person('person-dept-safety-head')], TOWN, '2026-11-29'));
      expect(statements).toBe(1);
      expect([...result.keys()].sort()).toEqual([HEAD, STAFF[0], STAFF[1]].sort());
      expect(result.get(STAFF[0]!)).toMatchObject({ number: '渝执5001192023011', legalSubjectOrganizationId: TOWN });
      expect([...(await validEnforcementCertificates(ctx, STAFF, TOWN, '2026-03-31')).keys()].sort()).toEqual([...STAFF].sort());
      // Another legal subject: none.
      expect((await validEnforcementCertificates(ctx, STAFF, seedId('org:dept-enforcement'), '2026-11-29')).size).toBe(0);
      expect((await validEnforcementCertificates(ctx, [], TOWN, '2026-11-29')).size).toBe(0);
    });

    it('registers, renews (the old one ends the day before) and revokes, with the field and rule of each refusal and nothing half-written', async () => {
      const base = { personId: STAFF[2], number: '渝执5001192026021', issuingAuthority: '重庆市人民政府', legalSubjectOrganizationId: TOWN, enforcementField: '综合行政执法（安全生产）', validFrom: '2026-12-01', validTo: '2031-11-30' };
      const registerIt = (input: Record<string, unknown>) => mutation(office, 'registerEnforcementCertificate', 'RegisterEnforcementCertificateInput', { ...base, ...input }, ENFORCEMENT);
      const before = await count('enforcement_certificate');
      expect(fieldsOf(await registerIt({ validTo: '2026-12-01' }))).toEqual([expect.objectContaining({ field: 'input.validTo', rule: 'afterFrom' })]);
      expect(fieldsOf(await registerIt({ number: '渝执5001192023011' }))).toEqual([expect.objectContaining({ field: 'input.number', rule: 'unique' })]);
      expect(fieldsOf(await registerIt({ validFrom: '2026-03-01' }))).toEqual([expect.objectContaining({ field: 'input.validFrom', rule: 'overlap' })]);
      expect(fieldsOf(await registerIt({ legalSubjectOrganizationId: SINOPEC }))).toEqual([expect.objectContaining({ field: 'input.legalSubjectOrganizationId', rule: 'organizationKind' })]);
      expect(errorOf(await registerIt({ personId: NIL }))).toMatchObject({ code: 'NOT_FOUND', field: 'input.personId' });
      expect(fieldsOf(await registerIt({ number: 'x' }))).toEqual([expect.objectContaining({ field: 'input.number' })]);
      expect(await count('enforcement_certificate')).toBe(before);

      // staff-3 gets a new certificate from 2026-12-01: not yet valid on the demo day.
      const fresh = await mutated(office, 'registerEnforcementCertificate', 'RegisterEnforcementCertificateInput', base, ENFORCEMENT);
      expect(fresh).toMatchObject({ status: 'NOT_YET_VALID', validFrom: '2026-12-01', previousCertificateId: null });
      // Renewing the head's certificate from 2027-01-01: the old one ends on 2026-12-31.
      const head = (await enforcementList(`personId: "${HEAD}"`)).edges[0].node;
      const renew = (input: Record<string, unknown>) => mutation(office, 'renewEnforcementCertificate', 'RenewEnforcementCertificateInput', { id: head.id, version: head.version, number: '渝执5001192027001', validFrom: '2027-01-01', validTo: '2031-12-31', ...input }, `${ENFORCEMENT} previousCertificate { validTo }`);
      expect(fieldsOf(await renew({ validFrom: '2022-06-01' }))).toEqual([expect.objectContaining({ field: 'input.validFrom', rule: 'range' })]);
      expect(errorOf(await renew({ version: head.version + 1 }))).toMatchObject({ code: 'CONFLICT' });
      const renewed = (await renew({})).body.data!['renewEnforcementCertificate'];
      expect(renewed).toMatchObject({ personId: HEAD, previousCertificateId: head.id, status: 'NOT_YET_VALID', previousCertificate: { validTo: '2026-12-31' } });
      const oldNow = (await ok(office, `query($id: UUID!) { enforcementCertificate(id: $id) { version validTo status statusOn(day: "2027-01-01") } }`, { id: head.id }))['enforcementCertificate'];
      expect(oldNow).toEqual({ version: head.version + 1, validTo: '2026-12-31', status: 'VALID', statusOn: 'EXPIRED' });
      expect(fieldsOf(await renew({ version: oldNow.version, number: '渝执5001192027002' }))).toEqual([expect.objectContaining({ field: 'input.id', rule: 'state' })]);
      const ctx = system();
      expect([...(await validEnforcementCertificates(ctx, [HEAD], TOWN, '2027-01-01')).values()].map((c) => c.id)).toEqual([renewed.id]);

      // Revoking staff-1's from today: no longer valid today, and no longer returned by the check.
      const staff1 = (await enforcementList(`personId: "${STAFF[0]}"`)).edges[0].node;
      const revoke = (input: Record<string, unknown>) => mutation(office, 'revokeEnforcementCertificate', 'RevokeCertificateInput', { id: staff1.id, version: staff1.version, reason: '调离执法岗位', ...input }, ENFORCEMENT);
      expect(fieldsOf(await revoke({ revokedOn: '2026-11-30' }))).toEqual([expect.objectContaining({ field: 'input.revokedOn', rule: 'notFuture' })]);
      const revoked = (await revoke({})).body.data!['revokeEnforcementCertificate'];
      expect(revoked).toMatchObject({ status: 'REVOKED', revokedOn: '2026-11-29', revocationReason: '调离执法岗位' });
      expect(fieldsOf(await revoke({ version: revoked.version }))).toEqual([expect.objectContaining({ field: 'input.id', rule: 'state' })]);
      expect((await validEnforcementCertificates(ctx, [STAFF[0]!], TOWN, '2026-11-29')).size).toBe(0);
      expect((await validEnforcementCertificates(ctx, [STAFF[0]!], TOWN, '2026-11-28')).size).toBe(1);
      const audit = await t.gateway.database.dataSource.query(`SELECT action FROM audit_log WHERE entity_id = ANY($1) AND action LIKE 'enforcement.enforcement-certificate.%' ORDER BY occurred_at, action`, [[head.id, renewed.id, staff1.id, fresh.id]]);
      expect(audit.map((r: any) => r.action).sort()).toEqual(['enforcement.enforcement-certificate.end-by-renewal', 'enforcement.enforcement-certificate.register', 'enforcement.enforcement-certificate.renew', 'enforcement.enforcement-certificate.revoke']);
    });

    it('lets the office manage and inspectors and departments read; an enterprise reads none', async () => {
      const input = { personId: STAFF[0], number: '渝执TEST0001', issuingAuthority: '重庆市人民政府', legalSubjectOrganizationId: TOWN, enforcementField: '安全生产', validFrom: '2030-01-01', validTo: '2031-01-01' };
      for (const client of [zhifa, jingfa, wenfeng, sinopec]) expect(errorOf(await mutation(client, 'registerEnforcementCertificate', 'RegisterEnforcementCertificateInput', input, 'id'))).toMatchObject({ code: 'FORBIDDEN' });
      expect((await enforcementList('', zhifa)).totalCount).toBeGreaterThanOrEqual(4);
      expect((await enforcementList('', jingfa)).totalCount).toBeGreaterThanOrEqual(4);
      // A village officer's subtree holds no legal subject: nothing.
      expect((await enforcementList('', wenfeng)).totalCount).toBe(0);
      expect(errorOf(await sinopec(`{ enforcementCertificates(first: 1) { totalCount } }`))).toMatchObject({ code: 'FORBIDDEN' });
    });
  });

  describe('special-operation certificates (特种作业操作证)', () => {
    it('seeds twenty-four certificates at twenty enterprises in every status on the demo day', async () => {
      const all = await operatorList('');
      expect(all.totalCount).toBe(24);
      const statuses: Record<string, number> = {};
      for (const e of all.edges) statuses[e.node.status] = (statuses[e.node.status] ?? 0) + 1;
      expect(statuses).toEqual({ VALID: 11, REVIEW_DUE: 8, REVIEW_OVERDUE: 1, EXPIRING: 2, EXPIRED: 1, REVOKED: 1 });
      expect(new Set(all.edges.map((e: any) => e.node.enterpriseId)).size).toBe(20);
      // The quarry's blaster failed the review in May: the due day stayed, and it is overdue since 2026-06-16.
      const blaster = (await ok(office, `query($id: UUID!) { specialOperationCertificate(id: $id) { status reviewDueOn reviews { edges { node { reviewedOn result dueOnBefore dueOnAfter } } } } }`, { id: soc('hongfa-blaster') }))['specialOperationCertificate'];
      expect(blaster).toEqual({ status: 'REVIEW_OVERDUE', reviewDueOn: '2026-06-15', reviews: { edges: [{ node: { reviewedOn: '2026-05-28', result: 'FAILED', dueOnBefore: '2026-06-15', dueOnAfter: '2026-06-15' } }] } });
      // A passed review moved the due day to expiry: the certificate is then EXPIRING, never REVIEW_DUE.
      expect(await operator(soc('jinlong-gas-electrician'))).toMatchObject({ status: 'EXPIRING', reviewDueOn: '2027-01-15', validUntil: '2027-01-15', nextDueOn: '2027-01-15' });
      expect(await operator(soc('dashi-electrician'))).toMatchObject({ status: 'REVOKED', revokedOn: '2026-08-10' });
      expect(await operator(soc('sinopec-longmen-explosion-proof'))).toMatchObject({ status: 'EXPIRED', validUntil: '2026-03-02' });
    });

    it('lists the certificates due in the next 60 days (and the overdue review), the next due first, by enterprise when asked', async () => {
      const due = (await ok(office, `{ specialOperationCertificatesDue(first: 50) { totalCount edges { node { id status nextDueOn enterprise { name } } } } }`))['specialOperationCertificatesDue'];
      expect(due.totalCount).toBe(11);
      const days = due.edges.map((e: any) => e.node.nextDueOn);
      expect(days).toEqual([...days].sort());
      expect(due.edges[0].node).toMatchObject({ id: soc('hongfa-blaster'), status: 'REVIEW_OVERDUE', nextDueOn: '2026-06-15' });
      expect(due.edges.at(-1).node).toMatchObject({ id: soc('limin-welder'), status: 'REVIEW_DUE', nextDueOn: '2027-01-26' });
      const mine = (await ok(office, `{ specialOperationCertificatesDue(first: 10, filter: { enterpriseId: "${SINOPEC}" }) { edges { node { id } } } }`))['specialOperationCertificatesDue'];
      expect(mine.edges.map((e: any) => e.node.id)).toEqual([soc('sinopec-nanping-electrician')]);
      // The same count as an indicator, for the town and for a village (its bamboo-shoot works' refrigeration certificate expires).
      const figure = async (client: GraphQLClient, organizationId: string) =>
        (await ok(client, `{ indicatorValues(organizationId: "${organizationId}", from: "2026-01-01", to: "2027-01-01", filter: { codes: ["enforcement.special-operation-certificates-due"] }) { edges { node { numerator value } } } }`))['indicatorValues'].edges[0].node;
      expect(await figure(office, TOWN)).toEqual({ numerator: 11, value: 11 });
      expect(await figure(wenfeng, WENFENG)).toEqual({ numerator: 1, value: 1 });
    });

    it('computes the status at the window\'s edges from the rule (60 days): the day before, the first day, the due day and the day after', async () => {
      // The welder's review is due 2027-01-26: REVIEW_DUE from 2026-11-27 (60 days before) through 2027-01-26.
      const welder = soc('limin-welder');
      expect(await Promise.all(['2026-11-26', '2026-11-27', '2027-01-26', '2027-01-27'].map((d) => statusOn(welder, d)))).toEqual(['VALID', 'REVIEW_DUE', 'REVIEW_DUE', 'REVIEW_OVERDUE']);
      // The electrician's certificate runs to 2027-01-15 (no review before): EXPIRING from 2026-11-16.
      const expiring = soc('jinlong-gas-electrician');
      expect(await Promise.all(['2026-11-15', '2026-11-16', '2027-01-15', '2027-01-16'].map((d) => statusOn(expiring, d)))).toEqual(['VALID', 'EXPIRING', 'EXPIRING', 'EXPIRED']);
      // The same through the clock: today's status and the due list move with it.
      const dueIds = async () => (await ok(office, `{ specialOperationCertificatesDue(first: 50) { edges { node { id } } } }`))['specialOperationCertificatesDue'].edges.map((e: any) => e.node.id);
      clock.set(new Date('2026-11-26T02:00:00Z'));
      expect((await operator(welder)).status).toBe('VALID');
      expect(await dueIds()).not.toContain(welder);
      clock.set(new Date('2026-11-27T02:00:00Z'));
      expect((await operator(welder)).status).toBe('REVIEW_DUE');
      expect(await dueIds()).toContain(welder);
      clock.set(new Date('2027-01-27T02:00:00Z'));
      expect((await operator(welder)).status).toBe('REVIEW_OVERDUE');
      // The filter judges on the day asked, and leaves out certificates issued after it.
      clock.set(MOMENT);
      const onDay = await operatorList(`on: "2024-01-15", statuses: [VALID], enterpriseId: "${HONGFA}"`);
      expect(onDay.edges.map((e: any) => e.node.id)).toEqual([soc('hongfa-blaster')]);
    });

    it('filters by enterprise, subtree, holder, type, status and due within days', async () => {
      expect((await operatorList(`enterpriseId: "${HONGFA}"`)).edges.map((e: any) => e.node.id).sort()).toEqual([soc('hongfa-blaster'), soc('hongfa-inspector')].sort());
      expect((await operatorList(`withinSubtreeOf: "${WENFENG}"`)).edges.map((e: any) => e.node.id).sort()).toEqual([soc('fengxiang-electrician'), soc('lvyuan-refrigeration')].sort());
      expect((await operatorList(`personId: "${person('person-ent-hongfa-quarry-lead')}"`)).edges.map((e: any) => e.node.id)).toEqual([soc('hongfa-inspector')]);
      expect((await operatorList('types: [METALLURGY_GAS]')).edges.map((e: any) => e.node.id).sort()).toEqual([soc('jinxing-gas'), soc('xintai-gas')].sort());
      expect((await operatorList('statuses: [EXPIRED, REVOKED]')).edges.map((e: any) => e.node.status).sort()).toEqual(['EXPIRED', 'REVOKED']);
      // Due by 2026-12-29 (30 days): the overdue blaster, the foundry's gas worker, the LPG station's electrician and a fireworks warehouse keeper.
      expect((await operatorList('dueWithinDays: 30')).edges.map((e: any) => e.node.id)).toEqual([soc('hongfa-blaster'), soc('jinxing-gas'), soc('xinyuan-lpg-electrician'), soc('longteng-storage')]);
      expect(fieldsOf(await office(`{ specialOperationCertificates(filter: { dueWithinDays: 400 }) { totalCount } }`))).toEqual([expect.objectContaining({ field: 'filter.dueWithinDays' })]);
    });

    it('registers with the days of the rule version in force on the issue day and stores that version; 29 February lands on 28 February', async () => {
      const res = await register(office, { issuedOn: '2024-02-29' });
      expect(res.body.errors).toBeUndefined();
      const c = res.body.data!['registerSpecialOperationCertificate'];
      expect(c).toMatchObject({ issuedOn: '2024-02-29', validUntil: '2030-02-28', reviewDueOn: '2027-02-28', nextDueOn: '2027-02-28', status: 'VALID' });
      const rule = (await ok(office, `query($id: UUID!) { specialOperationCertificate(id: $id) { ruleVersion { id ruleCode documentNumber value } } }`, { id: c.id }))['specialOperationCertificate'].ruleVersion;
      expect(rule).toMatchObject({ id: c.ruleVersionId, ruleCode: 'enforcement.special-operation-certificate', documentNumber: '国家安全监管总局令第30号', value: { validYears: 6, reviewIntervalYears: 3, extendedReviewIntervalYears: 6, extendedReviewMinYearsInTrade: 10, dueWindowDays: 60 } });
      const before = await count('special_operation_certificate');
      expect(fieldsOf(await register(office, { issuedOn: '2026-11-30' }))).toEqual([expect.objectContaining({ field: 'input.issuedOn', rule: 'notFuture' })]);
      expect(fieldsOf(await register(office, { number: c.number, issuedOn: '2024-02-29' }))).toEqual([expect.objectContaining({ field: 'input.number', rule: 'unique' })]);
      expect(fieldsOf(await register(office, { enterpriseId: WENFENG }))).toEqual([expect.objectContaining({ field: 'input.enterpriseId', rule: 'organizationKind' })]);
      expect(errorOf(await register(office, { personId: NIL }))).toMatchObject({ code: 'NOT_FOUND', field: 'input.personId' });
      expect(await count('special_operation_certificate')).toBe(before);
    });

    it('records reviews: a passed one moves the due day on, a failed one leaves it, the extended interval needs ten years in the trade; none outside the window', async () => {
      // The LPG station's electrician: due 2026-12-20, in its window today.
      const id = soc('xinyuan-lpg-electrician');
      let c = await operator(id);
      expect(c).toMatchObject({ status: 'REVIEW_DUE', reviewDueOn: '2026-12-20' });
      expect(fieldsOf(await review(office, id, c.version, { reviewedOn: '2026-11-30' }))).toEqual([expect.objectContaining({ field: 'input.reviewedOn', rule: 'notFuture' })]);
      // 2026-10-20 is the day before the window opens (2026-12-20 − 60 days = 2026-10-21).
      expect(fieldsOf(await review(office, id, c.version, { reviewedOn: '2026-10-20' }))).toEqual([expect.objectContaining({ field: 'input.reviewedOn', rule: 'state' })]);
      expect(fieldsOf(await review(office, id, c.version, { reviewedOn: '2026-11-20', extendedInterval: true, yearsInTrade: 9 }))).toEqual([expect.objectContaining({ field: 'input.yearsInTrade', rule: 'extendedInterval' })]);
      expect(fieldsOf(await review(office, id, c.version, { reviewedOn: '2026-11-20', result: 'FAILED', extendedInterval: true, yearsInTrade: 12 }))).toEqual([expect.objectContaining({ field: 'input.extendedInterval', rule: 'extendedInterval' })]);
      expect(errorOf(await review(office, id, c.version + 1, { reviewedOn: '2026-11-20' }))).toMatchObject({ code: 'CONFLICT' });
      expect(await count('special_operation_certificate_review')).toBe(8);

      const failed = (await review(zhifa, id, c.version, { reviewedOn: '2026-10-21', result: 'FAILED', note: '实操考核不合格' })).body.data!['recordSpecialOperationReview'];
      expect(failed).toMatchObject({ status: 'REVIEW_DUE', reviewDueOn: '2026-12-20', version: c.version });
      const passed = (await review(zhifa, id, c.version, { reviewedOn: '2026-11-28' })).body.data!['recordSpecialOperationReview'];
      expect(passed).toMatchObject({ status: 'VALID', reviewDueOn: '2029-12-20', validUntil: '2029-12-20', nextDueOn: '2029-12-20', version: c.version + 1 });
      // The next review would fall on the expiry: none is due any more (the certificate is renewed then).
      c = await operator(id);
      expect(fieldsOf(await review(office, id, c.version, { reviewedOn: '2026-11-29' }))).toEqual([expect.objectContaining({ field: 'input.reviewedOn', rule: 'state' })]);
      const reviews = (await ok(office, `query($id: UUID!) { specialOperationCertificate(id: $id) { reviews { totalCount edges { node { reviewedOn result dueOnBefore dueOnAfter note certificate { id } } } } } }`, { id }))['specialOperationCertificate'].reviews;
      expect(reviews.edges.map((e: any) => e.node)).toEqual([
        { reviewedOn: '2026-10-21', result: 'FAILED', dueOnBefore: '2026-12-20', dueOnAfter: '2026-12-20', note: '实操考核不合格', certificate: { id } },
        { reviewedOn: '2026-11-28', result: 'PASSED', dueOnBefore: '2026-12-20', dueOnAfter: '2029-12-20', note: null, certificate: { id } },
      ]);

      // Extended interval (ten years in the trade, approved): the overdue blaster passes and is next due six years on.
      const blaster = await operator(soc('hongfa-blaster'));
      const extended = (await review(office, blaster.id, blaster.version, { reviewedOn: '2026-11-29', extendedInterval: true, yearsInTrade: 12 })).body.data!['recordSpecialOperationReview'];
      expect(extended).toMatchObject({ status: 'VALID', reviewDueOn: '2032-06-15', validUntil: '2029-06-15', nextDueOn: '2029-06-15' });
      // Revoked or expired certificates are not reviewed.
      const revoked = await operator(soc('dashi-electrician'));
      expect(fieldsOf(await review(office, revoked.id, revoked.version, { reviewedOn: '2026-11-29' }))).toEqual([expect.objectContaining({ field: 'input.id', rule: 'state' })]);
      const expired = await operator(soc('sinopec-longmen-explosion-proof'));
      expect(fieldsOf(await review(office, expired.id, expired.version, { reviewedOn: '2026-11-29' }))).toEqual([expect.objectContaining({ field: 'input.reviewedOn', rule: 'state' })]);
    });

    it('revokes from a day not before the issue day, once', async () => {
      const c = await operator(soc('desheng-electrician'));
      const revoke = (input: Record<string, unknown>) => mutation(zhifa, 'revokeSpecialOperationCertificate', 'RevokeCertificateInput', { id: c.id, version: c.version, reason: '离职，用人单位申请注销', ...input }, OPERATOR);
      expect(fieldsOf(await revoke({ revokedOn: '2025-03-02' }))).toEqual([expect.objectContaining({ field: 'input.revokedOn', rule: 'range' })]);
      const revoked = (await revoke({ revokedOn: '2026-11-01' })).body.data!['revokeSpecialOperationCertificate'];
      expect(revoked).toMatchObject({ status: 'REVOKED', revokedOn: '2026-11-01' });
      expect(await statusOn(c.id, '2026-10-31')).toBe('VALID');
      expect(fieldsOf(await revoke({ version: revoked.version }))).toEqual([expect.objectContaining({ field: 'input.id', rule: 'state' })]);
    });

    it('keeps an enterprise to its own workers: it reads and registers only its own, another enterprise answers NOT_FOUND; reviews and revocation are the office\'s and inspectors\'', async () => {
      const own = await operatorList('', sinopec);
      expect(own.edges.every((e: any) => e.node.enterpriseId === SINOPEC)).toBe(true);
      expect(own.totalCount).toBeGreaterThanOrEqual(2);
      expect((await ok(sinopec, `query($id: UUID!) { specialOperationCertificate(id: $id) { id } }`, { id: soc('hongfa-blaster') }))['specialOperationCertificate']).toBeNull();
      const before = await count('special_operation_certificate');
      const elsewhere = await register(sinopec, { enterpriseId: HONGFA, personId: person('person-ent-hongfa-quarry-lead') });
      expect(errorOf(elsewhere)).toMatchObject({ code: 'NOT_FOUND', field: 'input.enterpriseId' });
      expect(await count('special_operation_certificate')).toBe(before);
      const mine = await register(sinopec, { operationItem: '电气试验作业' });
      expect(mine.body.errors).toBeUndefined();
      expect(mine.body.data!['registerSpecialOperationCertificate']).toMatchObject({ enterpriseId: SINOPEC, status: 'VALID' });
      const c = await operator(soc('sinopec-nanping-electrician'), sinopec);
      expect(errorOf(await review(sinopec, c.id, c.version, { reviewedOn: '2026-11-29' }))).toMatchObject({ code: 'FORBIDDEN' });
      expect(errorOf(await mutation(sinopec, 'revokeSpecialOperationCertificate', 'RevokeCertificateInput', { id: c.id, version: c.version, reason: '越权撤销' }, 'id'))).toMatchObject({ code: 'FORBIDDEN' });
      // A village officer reads the certificates of its enterprises, registers none; a department reads all.
      expect((await operatorList('', wenfeng)).edges.map((e: any) => e.node.id).sort()).toEqual([soc('fengxiang-electrician'), soc('lvyuan-refrigeration')].sort());
      expect(errorOf(await register(wenfeng, { enterpriseId: seedId('org:ent-fengxiang-liquor'), personId: person('person-ent-fengxiang-liquor-lead') }))).toMatchObject({ code: 'FORBIDDEN' });
      expect((await operatorList('', jingfa)).totalCount).toBe((await operatorList('')).totalCount);
      // An inspector registers anywhere.
      expect((await register(zhifa, { enterpriseId: HONGFA, personId: person('person-ent-hongfa-quarry-lead'), operationType: 'MINE_SAFETY', operationItem: '金属非金属矿山排水作业' })).body.errors).toBeUndefined();
    });

    it('checks an enterprise\'s certificates for an inspection on a day, whatever the caller may read', async () => {
      const ctx = system();
      const now = await specialOperationCertificatesOf(ctx, seedId('org:ent-jinxing-foundry'), '2026-11-29');
      expect(now.map((c) => [c.certificate.operationItem, c.status])).toEqual([['煤气作业', 'REVIEW_DUE'], ['熔化焊接与热切割作业', 'VALID']]);
      // On 2024-05-01 only the gas worker held one (the welder's was issued in August).
      const then = await specialOperationCertificatesOf(ctx, seedId('org:ent-jinxing-foundry'), '2024-05-01');
      expect(then.map((c) => [c.certificate.id, c.status])).toEqual([[soc('jinxing-gas'), 'VALID']]);
    });
  });

  it('reads a page of certificates with holder, enterprise, rule version, status and reviews in the same number of statements whatever the page holds', async () => {
    const q = (n: number) => `{ specialOperationCertificates(first: ${n}, orderBy: [{ field: ISSUED_ON }]) { edges { node { number status person { name } enterprise { name } ruleVersion { documentNumber } reviews(first: 3) { totalCount edges { node { result } } } } } } }`;
    const few = await office(q(2));
    const many = await office(q(20));
    expect(few.body.errors).toBeUndefined();
    expect(many.body.errors).toBeUndefined();
    expect(many.body.data!['specialOperationCertificates'].edges).toHaveLength(20);
    expect(many.statements).toBe(few.statements);
    const resolvers = await t.resolvers('anban');
    const [small, large] = [await resolvers(q(2)), await resolvers(q(20))];
    expect(large.body.data).toEqual(many.body.data);
    expect(large.statements).toBe(small.statements);
    // Through the resolvers: the page, then one per relation (status, person, enterprise, rule version, reviews).
    expect(large.statements).toBeLessThanOrEqual(6);
  });

  it('pages the seeded certificates, which share one creation time, one by one in both directions without loss', async () => {
    const [{ n }] = await t.gateway.database.dataSource.query(`SELECT count(DISTINCT created_at)::int AS n FROM special_operation_certificate WHERE id = ANY($1)`, [[soc('hongfa-blaster'), soc('limin-welder'), soc('xintai-gas')]]);
    expect(n).toBe(1);
    const total = (await ok(office, `{ specialOperationCertificates { totalCount } }`))['specialOperationCertificates'].totalCount;
    const query = `query(${PAGE_VARS}) { specialOperationCertificates(orderBy: [{ field: CREATED_AT }], ${PAGE_ARGS}) { ${walkedPage()} } }`;
    await expectPagedCompletely(office, query, {}, ['specialOperationCertificates'], 4, total);
    const byDue = `query(${PAGE_VARS}) { specialOperationCertificatesDue(${PAGE_ARGS}) { ${walkedPage()} } }`;
    const due = (await ok(office, `{ specialOperationCertificatesDue { totalCount } }`))['specialOperationCertificatesDue'].totalCount;
    await expectPagedCompletely(office, byDue, {}, ['specialOperationCertificatesDue'], 3, due);
    const enforcement = `query(${PAGE_VARS}) { enforcementCertificates(orderBy: [{ field: CREATED_AT, direction: DESC }], ${PAGE_ARGS}) { ${walkedPage()} } }`;
    const certificates = (await ok(office, `{ enforcementCertificates { totalCount } }`))['enforcementCertificates'].totalCount;
    await expectPagedCompletely(office, enforcement, {}, ['enforcementCertificates'], 1, certificates);
  });

  // Last: it adds a rule version that later registrations pick up.
  it('keeps the rule version of the issue day: a certificate issued before a newer version keeps the old days', async () => {
    const added = await office(`mutation { addBusinessRuleVersion(input: { ruleCode: "enforcement.special-operation-certificate", jurisdiction: PROVINCE, jurisdictionName: "重庆市", documentNumber: "渝应急发〔2026〕99号（测试）", value: { validYears: 4, reviewIntervalYears: 2, extendedReviewIntervalYears: 4, extendedReviewMinYearsInTrade: 10, dueWindowDays: 30 }, effectiveFrom: "2026-06-01" }) { id } }`);
    expect(added.body.errors).toBeUndefined();
    const newer = added.body.data!['addBusinessRuleVersion'].id;
    const before = (await register(office, { issuedOn: '2026-05-31' })).body.data!['registerSpecialOperationCertificate'];
    const after = (await register(office, { issuedOn: '2026-06-01' })).body.data!['registerSpecialOperationCertificate'];
    expect(before).toMatchObject({ validUntil: '2032-05-31', reviewDueOn: '2029-05-31' });
    expect(before.ruleVersionId).not.toBe(newer);
    expect(after).toMatchObject({ validUntil: '2030-06-01', reviewDueOn: '2028-06-01', ruleVersionId: newer });
    // Its window is the newer version's 30 days: due 2028-06-01 → REVIEW_DUE from 2028-05-02.
    expect(await Promise.all(['2028-05-01', '2028-05-02'].map((d) => statusOn(after.id, d)))).toEqual(['VALID', 'REVIEW_DUE']);
    // The seeded ones keep theirs (60 days).
    expect(await statusOn(soc('limin-welder'), '2026-11-27')).toBe('REVIEW_DUE');
  });
});
