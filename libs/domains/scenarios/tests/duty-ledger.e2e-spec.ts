import { ManualClock } from '@platform/core';
import { seedId } from '@platform/directory';
import { errorOf, expectPagedCompletely, fieldsOf, startTestGateway, PAGE_ARGS, PAGE_VARS, walkedPage, type GraphQLClient, type TestGateway } from '@platform/testing';
import { dutyLedgerSnapshotSeedId } from '../src/duty-ledger/public';
import { MODULES, dataOf, mutation, mutated } from './support';

const org = (key: string) => seedId(`org:${key}`);
const person = (key: string) => seedId(`person:${key}`);
const listId = (year: number, key: string) => seedId(`duty-list:${year}:${key}`);
const LEDGER = `listId personId personName organizationId organizationName positionTitle from to dutyCount dutiesActed actionCount actionsWithEvidence taskCount tasksCompleted taskUpdates
  inspections drills hazardVerifications hazardsClosed gapCount duties { itemId key category actions actionsWithEvidence lastActedOn } tasks { taskId code status dueOn updates overdue } gaps { kind referenceId label }`;
const SNAPSHOT = `id version listId personId organizationId positionTitle periodFrom periodTo takenAt dutyCount dutiesActed actionCount actionsWithEvidence taskCount tasksCompleted gapCount summaryText note
  organization { name } ledger { dutyCount gapCount gaps { kind } duties { key actions } }`;

/**
 * The duty ledger (安全履职一本账): per official, duties → tasks → actions → evidence with gaps over a
 * period (one statement), scope, bad input, paging; immutable snapshots for the duty report (述职).
 */
describe('duty ledger (安全履职一本账)', () => {
  // Monday 2026-12-07, 10:00 China time: snapshots taken in the test share this instant.
  const NOW = new Date('2026-12-07T02:00:00Z');
  const clock = new ManualClock(NOW);
  let t: TestGateway;
  let office: GraphQLClient;
  let wenfeng: GraphQLClient;
  let sinopec: GraphQLClient;
  beforeAll(async () => {
    t = await startTestGateway(MODULES, { seed: true, clock });
    [office, wenfeng, sinopec] = await Promise.all([t.as('anban'), t.as('wenfeng'), t.as('sinopec-nanping')]);
    // The shared machine may be rebuilding the migrated template database.
  }, 300_000);
  afterAll(() => t?.close());

  const ledgers = (client: GraphQLClient, filter: string, page = 'first: 50') => client(`{ dutyLedgers(${page}, filter: { ${filter} }) { totalCount edges { node { ${LEDGER} } } } }`);
  const nodes = async (client: GraphQLClient, filter: string) => {
    const res = await ledgers(client, filter);
    expect(res.body.errors).toBeUndefined();
    return res.body.data!['dutyLedgers'].edges.map((e: any) => e.node);
  };
  const take = (input: Record<string, unknown>, client = office) => mutation(client, 'takeDutyLedgerSnapshot', 'TakeDutyLedgerSnapshotInput', input, SNAPSHOT);

  it('reads an official\'s 2025 ledger in one statement: duties with their actions and evidence, tasks, gaps', async () => {
    const res = await ledgers(office, `from: "2025-01-01", to: "2025-12-31"`);
    expect(res.body.errors).toBeUndefined();
    expect(res.statements).toBe(1);
    expect(res.body.data!['dutyLedgers'].totalCount).toBe(6);
    const deputy = res.body.data!['dutyLedgers'].edges.map((e: any) => e.node).find((n: any) => n.personId === person('person-town-deputy-safety'));
    expect(deputy).toMatchObject({ listId: listId(2025, 'person-town-deputy-safety'), organizationId: org('town'), positionTitle: '分管安全副镇长', from: '2025-01-01', to: '2025-12-31', dutyCount: 8, dutiesActed: 5, actionCount: 6, actionsWithEvidence: 0 });
    expect(deputy.personName).toEqual(expect.any(String));
    expect(deputy.duties.map((d: any) => d.key)).toEqual(['SAF-01', 'SAF-02', 'SAF-03', 'SAF-04', 'EMG-01', 'FIRE-01', 'PUB-01', 'PUB-02']);
    expect(deputy.duties.find((d: any) => d.key === 'SAF-02')).toMatchObject({ actions: 2, actionsWithEvidence: 0, lastActedOn: '2025-08-14', category: expect.any(String) });
    expect(deputy.duties.find((d: any) => d.key === 'SAF-04')).toMatchObject({ actions: 0, lastActedOn: null });
    // Gaps: three duties without action, five acted on without evidence, then the tasks'.
    const dutyGaps = deputy.gaps.filter((g: any) => g.kind === 'DUTY_WITHOUT_ACTION' || g.kind === 'ACTION_WITHOUT_EVIDENCE');
    expect(dutyGaps.filter((g: any) => g.kind === 'DUTY_WITHOUT_ACTION').map((g: any) => g.label.slice(0, 6).trim())).toEqual(['SAF-04', 'EMG-01', 'PUB-02']);
    expect(dutyGaps.filter((g: any) => g.kind === 'ACTION_WITHOUT_EVIDENCE')).toHaveLength(5);
    expect(deputy.gapCount).toBe(deputy.gaps.length);
    expect(deputy.taskCount).toBe(deputy.tasks.length);
    expect(deputy.tasksCompleted).toBe(deputy.tasks.filter((k: any) => k.status === 'COMPLETED').length);
    const taskGaps = deputy.tasks.filter((k: any) => k.overdue).length + deputy.tasks.filter((k: any) => k.updates === 0 && k.status !== 'COMPLETED').length;
    expect(deputy.gapCount).toBe(8 + taskGaps);
    // A later period: the 2026 list (revised) with its one action of January.
    const [deputy2026] = await nodes(office, `from: "2026-01-01", to: "2026-01-31", personId: "${person('person-town-deputy-safety')}"`);
    expect(deputy2026).toMatchObject({ listId: listId(2026, 'person-town-deputy-safety'), actionCount: 1, dutiesActed: 1 });
    // The records next to the ids (loaded in batches: the same statements for one ledger as for all of them).
    const RELATED = `listId personId organizationId list { id } person { id } organization { id } duties { itemId item { id } } tasks { taskId task { id } } gaps { kind referenceId reference { __typename ... on DutyItem { id } ... on KeyTask { id } } }`;
    const related = (filter: string) => office(`{ dutyLedgers(first: 50, filter: { from: "2025-01-01", to: "2025-12-31"${filter} }) { edges { node { ${RELATED} } } } }`);
    const [one, all] = [await related(`, personId: "${person('person-town-deputy-safety')}"`), await related('')];
    expect([one.body.errors, all.body.errors]).toEqual([undefined, undefined]);
    expect(all.statements).toBe(one.statements);
    for (const l of all.body.data!['dutyLedgers'].edges.map((e: any) => e.node)) {
      expect([l.list, l.person, l.organization]).toEqual([{ id: l.listId }, { id: l.personId }, { id: l.organizationId }]);
      for (const d of l.duties) expect(d.item).toEqual({ id: d.itemId });
      for (const k of l.tasks) expect(k.task).toEqual({ id: k.taskId });
      for (const g of l.gaps) expect(g.reference).toEqual({ __typename: g.kind.startsWith('TASK_') ? 'KeyTask' : 'DutyItem', id: g.referenceId });
    }
    // Only ledgers without gaps: none of the seeded officials.
    expect((await nodes(office, `from: "2025-01-01", to: "2025-12-31", withGaps: false`)).length).toBe(0);
  });

  it('counts within the caller\'s scope: a village its own officials, an enterprise may not read it', async () => {
    const own = await nodes(wenfeng, `from: "2025-01-01", to: "2025-12-31"`);
    expect(own).toEqual([expect.objectContaining({ personId: person('person-village-wenfeng-lead'), organizationName: '文凤村', positionTitle: '党支部书记', dutyCount: 6, actionCount: 4, dutiesActed: 4 })]);
    expect(errorOf(await ledgers(sinopec, `from: "2025-01-01", to: "2025-12-31"`))).toMatchObject({ code: 'FORBIDDEN' });
    // A town list is out of a village's reach: its snapshot answers NOT_FOUND.
    const res = await take({ listId: listId(2025, 'person-town-mayor'), from: '2025-01-01', to: '2025-06-30' }, wenfeng);
    expect(errorOf(res)).toMatchObject({ code: 'NOT_FOUND', field: 'input.listId' });
  });

  it('refuses a period that ends before it starts or spans two years', async () => {
    const backwards = await ledgers(office, `from: "2025-06-01", to: "2025-05-31"`);
    expect(errorOf(backwards)?.['code']).toBe('BAD_USER_INPUT');
    expect(fieldsOf(backwards)).toEqual([expect.objectContaining({ field: 'filter.to', rule: 'range' })]);
    expect(fieldsOf(await ledgers(office, `from: "2025-06-01", to: "2026-05-31"`))).toEqual([expect.objectContaining({ field: 'filter.to', rule: 'range' })]);
  });

  it('takes an immutable snapshot once per list and period, with its audit, for the duty report', async () => {
    const input = { listId: listId(2025, 'person-town-mayor'), from: '2025-01-01', to: '2025-06-30', note: '半年述职' };
    const [view] = await nodes(office, `from: "2025-01-01", to: "2025-06-30", personId: "${person('person-town-mayor')}"`);
    const s = await mutated(office, 'takeDutyLedgerSnapshot', 'TakeDutyLedgerSnapshotInput', input, SNAPSHOT);
    expect(s).toMatchObject({ version: 1, listId: input.listId, personId: person('person-town-mayor'), organization: { name: expect.any(String) }, periodFrom: '2025-01-01', periodTo: '2025-06-30', takenAt: NOW.toISOString(), note: '半年述职' });
    expect(s).toMatchObject({ dutyCount: view.dutyCount, dutiesActed: view.dutiesActed, actionCount: view.actionCount, gapCount: view.gapCount, ledger: { dutyCount: view.dutyCount, gapCount: view.gapCount } });
    // The mayor acted on GOV-01, GOV-02, EMG-01 and DIS-01 in the first half of 2025.
    expect(s.actionCount).toBe(4);
    expect(s.summaryText).toContain('2025年1月1日至2025年6月30日');
    expect(s.summaryText).toContain('记录履职4次（有佐证0次）');
    // Once per list and period.
    const again = await take(input);
    expect(fieldsOf(again)).toEqual([expect.objectContaining({ field: 'input.to', rule: 'unique' })]);
    // Immutable: the table refuses a change or a removal, whoever asks.
    const db = (text: string, params: unknown[]) => t.gateway.database.dataSource.query(text, params);
    await expect(db(`UPDATE duty_ledger_snapshot SET note = 'x' WHERE id = $1`, [s.id])).rejects.toThrow(/immutable/);
    await expect(db(`DELETE FROM duty_ledger_snapshot WHERE id = $1`, [s.id])).rejects.toThrow(/immutable/);
    // The audit entry of the snapshot.
    const admin = await t.as('admin');
    const audit = await dataOf(admin, `query($id: UUID!) { auditLog(first: 5, filter: { entityId: $id }) { edges { node { action } } } }`, { id: s.id });
    expect(audit['auditLog'].edges.map((e: any) => e.node.action)).toEqual(['scenarios.duty-ledger.snapshot']);
  });

  it('refuses a snapshot of a draft list, of a period ending in the future, across years or outside the list\'s year', async () => {
    const draft = await take({ listId: listId(2026, 'person-village-wenfeng-lead'), from: '2026-01-01', to: '2026-06-30' });
    expect(fieldsOf(draft)).toEqual([expect.objectContaining({ field: 'input.listId', rule: 'state' })]);
    const future = await take({ listId: listId(2026, 'person-town-mayor'), from: '2026-01-01', to: '2026-12-31' });
    expect(fieldsOf(future)).toEqual([expect.objectContaining({ field: 'input.to', rule: 'notFuture' })]);
    const across = await take({ listId: listId(2025, 'person-town-mayor'), from: '2025-07-01', to: '2026-01-31' });
    expect(fieldsOf(across)).toEqual([expect.objectContaining({ field: 'input.to', rule: 'range' })]);
    const otherYear = await take({ listId: listId(2025, 'person-town-mayor'), from: '2026-01-01', to: '2026-01-31' });
    expect(fieldsOf(otherYear)).toEqual([expect.objectContaining({ field: 'input.from', rule: 'range' })]);
  });

  it('lists the seeded snapshots and pages ledgers and snapshots one at a time both ways', async () => {
    const seeded = await dataOf(office, `query($id: UUID!) { dutyLedgerSnapshot(id: $id) { ${SNAPSHOT} } }`, { id: dutyLedgerSnapshotSeedId('2025-deputy-safety') });
    expect(seeded['dutyLedgerSnapshot']).toMatchObject({ periodFrom: '2025-01-01', periodTo: '2025-12-31', dutyCount: 8, dutiesActed: 5, actionCount: 6, note: '2025年度述职述责用', ledger: { dutyCount: 8 } });
    expect(seeded['dutyLedgerSnapshot'].summaryText).toContain('2025年1月1日至2025年12月31日');
    expect((await dataOf(wenfeng, `query($id: UUID!) { dutyLedgerSnapshot(id: $id) { id } }`, { id: dutyLedgerSnapshotSeedId('2025-deputy-safety') }))['dutyLedgerSnapshot']).toBeNull();
    // Ledgers ordered by gap count (ties broken by the list).
    const ledgerQuery = `query(${PAGE_VARS}) { dutyLedgers(${PAGE_ARGS}, filter: { from: "2025-01-01", to: "2025-12-31" }, orderBy: [{ field: GAP_COUNT }]) { ${walkedPage('listId')} } }`;
    await expectPagedCompletely(office, ledgerQuery, {}, ['dutyLedgers'], 1, 6);
    // Three snapshots taken now share their instant with each other.
    const before = (await dataOf(office, `{ dutyLedgerSnapshots(first: 1) { totalCount } }`))['dutyLedgerSnapshots'].totalCount;
    expect(before).toBeGreaterThanOrEqual(2);
    for (const [p, y] of [['person-town-secretary', 2025], ['person-dept-safety-head', 2025], ['person-dept-emergency-head', 2025]] as const) {
      await mutated(office, 'takeDutyLedgerSnapshot', 'TakeDutyLedgerSnapshotInput', { listId: listId(y, p), from: '2025-01-01', to: '2025-03-31' }, 'id');
    }
    const total = (await dataOf(office, `{ dutyLedgerSnapshots(first: 1) { totalCount } }`))['dutyLedgerSnapshots'].totalCount;
    expect(total).toBe(before + 3);
    const snapshotQuery = `query(${PAGE_VARS}) { dutyLedgerSnapshots(${PAGE_ARGS}) { ${walkedPage()} } }`;
    await expectPagedCompletely(office, snapshotQuery, {}, ['dutyLedgerSnapshots'], 1, total);
  });
});
