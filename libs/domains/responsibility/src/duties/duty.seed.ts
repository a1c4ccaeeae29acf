import { audit, businessRules, globalIdOf, records, workingDays, type RequestContext } from '@platform/core';
import { Organizations, Persons, seedId } from '@platform/directory';
import { KeyTasks } from '../responsibility.entities';
import { DUTY_REPORT_DEADLINE } from '../business-rules/duties';
import { DutyListStatus, DutyReportStatus } from './duty.enums';
import { SEED_OFFICIALS, type SeedDuty, type SeedOfficial } from './duty.seed-data';
import { insertSeedDutyActions, insertSeedDutyItems, insertSeedDutyLists, insertSeedDutyReport, type SeedDutyActionRow, type SeedDutyItemRow, type SeedDutyListRow } from './duty.seed.sql';
import { readLedger } from './duty-ledger';
import { draftText } from './duty-report-draft';

/** When the seeded lists were drawn up (one instant per year: lists drawn up together share it) and the 2025 ones signed. */
const DRAWN_UP = { 2025: '2025-01-15T09:00:00+08:00', 2026: '2026-01-12T09:00:00+08:00' } as const;
const SIGNED_2025 = '2025-01-20T10:00:00+08:00';

export const dutyListSeedId = (year: number, person: string): string => seedId(`duty-list:${year}:${person}`);
export const dutyItemSeedId = (year: number, person: string, key: string): string => seedId(`duty-item:${year}:${person}:${key}`);
const orgId = (key: string) => seedId(`org:${key}`);
const personId = (key: string) => seedId(`person:${key}`);

/** The 2026 duties of an official: the 2025 ones less those removed, with the changes, then those added. */
export function duties2026(o: SeedOfficial): SeedDuty[] {
  const kept = o.duties2025.filter((d) => !o.revision2026.removed.includes(d.key)).map((d) => ({ ...d, ...o.revision2026.changed[d.key] }));
  return [...kept, ...o.revision2026.added];
}

const WHERE: Readonly<Record<string, string>> = { town: '南平镇', 'dept-safety': '南平镇安全生产办公室', 'dept-emergency': '南平镇应急管理办公室', 'village-wenfeng': '南平镇文凤村' };
const titleOf = (o: SeedOfficial, year: number) => `${WHERE[o.organization]}${o.position}${year}年安全生产和防灾减灾救灾工作职责清单`;

/**
 * The duty lists of the town's officials: 2025 lists signed in January 2025, 2026 lists revised from
 * them (items changed, added and removed; the three town leaders' signed in February 2026, the
 * others' drafts), actions recorded against them, and two 2025 duty reports of the deputy mayor
 * in charge of safety (submitted) and of the head of 镇安办 (a draft), generated from the ledger.
 * Fixed dates, so the same on every day.
 */
export async function seedDuties(ctx: RequestContext): Promise<void> {
  const lists: SeedDutyListRow[] = [];
  const items: SeedDutyItemRow[] = [];
  const actions: SeedDutyActionRow[] = [];
  for (const o of SEED_OFFICIALS) {
    const base = { personId: personId(o.person), organizationId: orgId(o.organization), positionTitle: o.position };
    lists.push({ ...base, id: dutyListSeedId(2025, o.person), year: 2025, revision: 1, previousId: null, title: titleOf(o, 2025), status: DutyListStatus.SIGNED, signedAt: SIGNED_2025, createdAt: DRAWN_UP[2025] });
    const signed = o.revision2026.signedOn ? `${o.revision2026.signedOn}T10:00:00+08:00` : null;
    lists.push({ ...base, id: dutyListSeedId(2026, o.person), year: 2026, revision: 1, previousId: dutyListSeedId(2025, o.person), title: titleOf(o, 2026), status: signed ? DutyListStatus.SIGNED : DutyListStatus.DRAFT, signedAt: signed, createdAt: DRAWN_UP[2026] });
    // An item keeps its place across years; added ones come after the year before's.
    const place = (key: string, added: number) => (o.duties2025.findIndex((x) => x.key === key) + 1 || o.duties2025.length + added) * 10;
    for (const [year, duties] of [[2025, o.duties2025], [2026, duties2026(o)]] as const) {
      let added = 0;
      for (const d of duties) {
        const position = o.duties2025.some((x) => x.key === d.key) ? place(d.key, 0) : place(d.key, ++added);
        items.push({ id: dutyItemSeedId(year, o.person, d.key), listId: dutyListSeedId(year, o.person), key: d.key, position, text: d.text, legalBasis: d.legalBasis, category: d.category, createdAt: DRAWN_UP[year] });
      }
    }
    o.actions.forEach(([key, actedOn, description, task], n) =>
      actions.push({
        id: seedId(`duty-action:${o.person}:${key}:${actedOn}:${n}`),
        itemId: dutyItemSeedId(Number(actedOn.slice(0, 4)), o.person, key),
        actedOn,
        description,
        linkedNodeId: task ? globalIdOf(KeyTasks, seedId(`key-task:2025:${task}`)) : null,
      }),
    );
  }
  const inserted = await insertSeedDutyLists(ctx, lists);
  await insertSeedDutyItems(ctx, items);
  await insertSeedDutyActions(ctx, actions);
  const reports =
    (await seedReport(ctx, 'person-town-deputy-safety', 'town', '分管安全副镇长', '2026-01-16T10:00:00+08:00')) + (await seedReport(ctx, 'person-dept-safety-head', 'dept-safety', '主任', null));
  if (inserted || reports) await audit(ctx, { action: 'responsibility.duty-list.seed', entityType: 'DutyList', entityId: null, changes: { lists: inserted, reports } });
}

/** A 2025 annual report generated from the official's ledger as seeded; submitted when `submittedAt` is given. */
async function seedReport(ctx: RequestContext, person: string, organization: string, position: string, submittedAt: string | null): Promise<number> {
  const official = { personId: personId(person), organizationId: orgId(organization) };
  const [from, to] = ['2025-01-01', '2025-12-31'];
  const ledger = await readLedger(ctx, official, from, to);
  const [who, where] = await Promise.all([records(ctx, Persons).one(official.personId, ['id', 'name']), records(ctx, Organizations).one(official.organizationId, ['id', 'name', 'shortName'])]);
  const rule = await businessRules.inForce(ctx, DUTY_REPORT_DEADLINE, to);
  return insertSeedDutyReport(ctx, {
    id: seedId(`duty-report:2025:${person}`),
    ...official,
    positionTitle: position,
    periodFrom: from,
    periodTo: to,
    title: '2025年度安全生产述职报告',
    text: draftText({ officialName: who!.name, organizationName: where!.shortName ?? where!.name, positionTitle: position, from, to, ...ledger }),
    status: submittedAt ? DutyReportStatus.SUBMITTED : DutyReportStatus.DRAFT,
    generatedAt: '2026-01-12T15:00:00+08:00',
    actionIds: ledger.actions.map((a) => a.id),
    keyTaskIds: ledger.keyTasks.map((t) => t.id),
    hazardIds: ledger.hazards.map((h) => h.id),
    dueOn: await workingDays.add(ctx, to, rule.value.workingDays),
    deadlineRuleVersionId: rule.id,
    submittedAt,
  });
}
