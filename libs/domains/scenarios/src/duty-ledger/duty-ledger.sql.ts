import { ParamNames, compile, localDaySql, paginateSql, positional, raw, records, sql, type ConnectionResult, type PageRequest, type RequestContext, type SortKey, type Sql } from '@platform/core';
import { Organizations, Persons } from '@platform/directory';
import { Users } from '@platform/access';
import { HazardEvents, HazardStatus, Hazards } from '@domains/risk';
import { DutyActions, DutyItems, DutyLists, KeyTaskStatus, KeyTaskUpdates, KeyTasks } from '@domains/responsibility';
import { Inspections } from '@domains/enforcement';
import { Drills } from '@domains/preparedness';
import { DutyLedgerPermission } from './duty-ledger.permissions';
import { DutyLedgerOrder } from './duty-ledger.orders';
import { DutyLedgerGapKind } from './duty-ledger.enums';
import { DutyLedger, type DutyLedgerDuty, type DutyLedgerGap, type DutyLedgerTask } from './duty-ledger.types';

/*
 * The duty ledger (安全履职一本账) in one statement: per official (their signed duty list in force for
 * the period's year), the duties with their actions and evidence, the key tasks they own with their
 * updates, the inspections, drills and hazard verifications recorded elsewhere, each read through its
 * module's declaration under `scenarios.duty-ledger:read` (so the caller's scope applies).
 */

/** Which ledgers: the period (both days included, one calendar year) and optional narrowing. */
export interface DutyLedgerQuery {
  readonly from: string;
  readonly to: string;
  readonly listId?: string | null;
  readonly personId?: string | null;
  readonly organizationId?: string | null;
  readonly withGaps?: boolean | null;
}

/** The row `g` columns the page reads and orders by (see `DutyLedgerOrder`). */
export function dutyLedgerRowsSql(ctx: RequestContext, q: DutyLedgerQuery): Sql {
  const P = DutyLedgerPermission.Read;
  const from = sql`CAST(${q.from} AS date)`;
  const to = sql`CAST(${q.to} AS date)`;
  const year = Number(q.from.slice(0, 4));
  const lastDay = sql`LEAST(${to}, CAST(${ctx.clock.today()} AS date))`;
  const between = (column: string): Sql => sql`${raw(column)} BETWEEN ${from} AND ${to}`;

  const later = records(ctx, DutyLists, P)
    .as('n')
    .where(sql`n.person_id = l.person_id AND n.organization_id = l.organization_id AND n.year = l.year AND n.status = 'SIGNED' AND n.revision > l.revision`)
    .subquery(sql`1`);
  let lists = records(ctx, DutyLists, P).as('l').where(sql`l.status = 'SIGNED' AND l.year = ${year} AND NOT EXISTS ${later}`);
  if (q.listId) lists = lists.where(sql`l.id = ${q.listId}`);
  if (q.personId) lists = lists.where(sql`l.person_id = ${q.personId}`);
  if (q.organizationId) lists = lists.where(sql`l.organization_id = ${q.organizationId}`);

  const orgs = records(ctx, Organizations, P).as('o').subquery(sql`o.id, o.name, o.path`);
  const personName = records(ctx, Persons, P).as('pp').where(sql`pp.id = lf.person_id`).subquery(sql`pp.name`);
  const items = records(ctx, DutyItems, P).as('i').where(sql`i.list_id = lf.id`).subquery(sql`i.id, i.key, i.text, i.category, i.position`);
  const actions = records(ctx, DutyActions, P)
    .as('a')
    .where(sql`a.item_id = di.id AND ${between('a.acted_on')}`)
    .subquery(
      sql`count(*)::int AS n, count(*) FILTER (WHERE EXISTS (SELECT 1 FROM attachment att WHERE att.entity_type = 'DutyAction' AND att.entity_id = a.id))::int AS ev, max(a.acted_on) AS last`,
    );
  const tasks = records(ctx, KeyTasks, P)
    .as('k')
    .where(sql`k.owner_person_id = lf.person_id AND k.status <> ${KeyTaskStatus.CANCELLED} AND k.starts_on <= ${to} AND k.due_on >= ${from} AND (k.completed_on IS NULL OR k.completed_on >= ${from})`)
    .subquery(sql`k.id, k.code, k.title, k.status, k.due_on, k.completed_on`);
  const updates = records(ctx, KeyTaskUpdates, P).as('u').where(sql`u.task_id = dk.id AND ${between('u.recorded_on')}`).subquery(sql`count(*)::int AS n`);
  const inspections = records(ctx, Inspections, P).as('ins').where(sql`lf.person_id = ANY(ins.inspector_person_ids) AND ${between('ins.visited_on')}`).subquery(sql`count(*)::int`);
  const drills = records(ctx, Drills, P).as('dr').where(sql`dr.organization_id = lf.organization_id AND ${between('dr.held_on')}`).subquery(sql`count(*)::int`);
  const usersOf = records(ctx, Users, P).as('au').where(sql`au.person_id = lf.person_id`).subquery(sql`au.id`);
  const verifications = records(ctx, HazardEvents, P)
    .as('hv')
    .where(sql`hv.action = 'verifyRectification' AND hv.actor_kind = 'user' AND hv.actor_id IN ${usersOf} AND ${between(localDaySql('hv.at'))}`)
    .subquery(sql`count(*)::int`);
  const subtree = records(ctx, Organizations, P).as('so').where(sql`so.path <@ lf.org_path`).subquery(sql`so.id`);
  const closed = records(ctx, Hazards, P)
    .as('hc')
    .where(sql`hc.status = ${HazardStatus.CLOSED} AND ${between(localDaySql('hc.closed_at'))} AND hc.organization_id IN ${subtree}`)
    .subquery(sql`count(*)::int`);

  const dutyGap = raw(`((e->>'actions')::int = 0 OR (e->>'actionsWithEvidence')::int = 0)`);
  return sql`(SELECT x.*,
      jsonb_array_length(x.duties) AS "dutyCount",
      (SELECT count(*)::int FROM jsonb_array_elements(x.duties) e WHERE (e->>'actions')::int > 0) AS "dutiesActed",
      (SELECT coalesce(sum((e->>'actions')::int), 0)::int FROM jsonb_array_elements(x.duties) e) AS "actionCount",
      (SELECT coalesce(sum((e->>'actionsWithEvidence')::int), 0)::int FROM jsonb_array_elements(x.duties) e) AS "actionsWithEvidence",
      jsonb_array_length(x.tasks) AS "taskCount",
      (SELECT count(*)::int FROM jsonb_array_elements(x.tasks) e WHERE e->>'status' = ${KeyTaskStatus.COMPLETED}) AS "tasksCompleted",
      (SELECT coalesce(sum((e->>'updates')::int), 0)::int FROM jsonb_array_elements(x.tasks) e) AS "taskUpdates",
      ((SELECT count(*) FROM jsonb_array_elements(x.duties) e WHERE ${dutyGap})
        + (SELECT count(*) FILTER (WHERE (e->>'overdue')::boolean) + count(*) FILTER (WHERE (e->>'updates')::int = 0 AND e->>'status' <> ${KeyTaskStatus.COMPLETED}) FROM jsonb_array_elements(x.tasks) e))::int AS "gapCount"
    FROM (
      SELECT lf.id AS "listId", lf.person_id AS "personId", ${personName} AS "personName", lf.organization_id AS "organizationId", lf.org_name AS "organizationName", lf.position_title AS "positionTitle",
        coalesce((SELECT jsonb_agg(jsonb_build_object('itemId', di.id, 'key', di.key, 'text', di.text, 'category', di.category, 'actions', da.n, 'actionsWithEvidence', da.ev, 'lastActedOn', da.last) ORDER BY di.position, di.id)
          FROM ${items} di CROSS JOIN LATERAL ${actions} da), '[]'::jsonb) AS duties,
        coalesce((SELECT jsonb_agg(jsonb_build_object('taskId', dk.id, 'code', dk.code, 'title', dk.title, 'status', dk.status, 'dueOn', dk.due_on, 'completedOn', dk.completed_on, 'updates', tu.n,
            'overdue', dk.status <> ${KeyTaskStatus.COMPLETED} AND dk.due_on <= ${lastDay}) ORDER BY dk.due_on, dk.id)
          FROM ${tasks} dk CROSS JOIN LATERAL ${updates} tu), '[]'::jsonb) AS tasks,
        ${inspections} AS inspections,
        ${drills} AS drills,
        ${verifications} AS "hazardVerifications",
        ${closed} AS "hazardsClosed"
      FROM (SELECT ll.*, lo.name AS org_name, lo.path AS org_path FROM ${lists.subquery(sql`l.id, l.person_id, l.organization_id, l.position_title`)} ll JOIN ${orgs} lo ON lo.id = ll.organization_id) lf
    ) x
  ) g`;
}

/** The gaps of a ledger: duties without action or evidence (list order), then tasks overdue or without progress. */
export function gapsOf(duties: readonly DutyLedgerDuty[], tasks: readonly DutyLedgerTask[]): DutyLedgerGap[] {
  const gaps: DutyLedgerGap[] = [];
  for (const d of duties) {
    if (d.actions === 0) gaps.push({ kind: DutyLedgerGapKind.DUTY_WITHOUT_ACTION, referenceId: d.itemId, label: `${d.key} ${d.text}` });
    else if (d.actionsWithEvidence === 0) gaps.push({ kind: DutyLedgerGapKind.ACTION_WITHOUT_EVIDENCE, referenceId: d.itemId, label: `${d.key} ${d.text}` });
  }
  for (const t of tasks) {
    if (t.overdue) gaps.push({ kind: DutyLedgerGapKind.TASK_OVERDUE, referenceId: t.taskId, label: `${t.code} ${t.title}` });
    if (t.updates === 0 && t.status !== KeyTaskStatus.COMPLETED) gaps.push({ kind: DutyLedgerGapKind.TASK_WITHOUT_UPDATE, referenceId: t.taskId, label: `${t.code} ${t.title}` });
  }
  return gaps;
}

/** A row of the statement as a ledger. */
export function ledgerOf(r: Record<string, unknown>, q: Pick<DutyLedgerQuery, 'from' | 'to'>): DutyLedger {
  const duties = (r['duties'] as DutyLedgerDuty[]) ?? [];
  const tasks = (r['tasks'] as DutyLedgerTask[]) ?? [];
  return Object.assign(new DutyLedger(), {
    listId: r['listId'] as string,
    personId: r['personId'] as string,
    personName: (r['personName'] as string | null) ?? null,
    organizationId: r['organizationId'] as string,
    organizationName: r['organizationName'] as string,
    positionTitle: r['positionTitle'] as string,
    from: q.from,
    to: q.to,
    dutyCount: Number(r['dutyCount']),
    dutiesActed: Number(r['dutiesActed']),
    actionCount: Number(r['actionCount']),
    actionsWithEvidence: Number(r['actionsWithEvidence']),
    taskCount: Number(r['taskCount']),
    tasksCompleted: Number(r['tasksCompleted']),
    taskUpdates: Number(r['taskUpdates']),
    inspections: Number(r['inspections']),
    drills: Number(r['drills']),
    hazardVerifications: Number(r['hazardVerifications']),
    hazardsClosed: Number(r['hazardsClosed']),
    gapCount: Number(r['gapCount']),
    duties,
    tasks,
    gaps: gapsOf(duties, tasks),
  });
}

/** One page of ledgers: one statement (the count inline). */
export function dutyLedgerPage(ctx: RequestContext, q: DutyLedgerQuery, page: PageRequest, withCount: boolean, keys: readonly SortKey[] = DutyLedgerOrder.keys(null)): Promise<ConnectionResult<DutyLedger>> {
  const rows = compile(dutyLedgerRowsSql(ctx, q), new ParamNames('dl'));
  const where = compile(q.withGaps == null ? sql`TRUE` : q.withGaps ? sql`g."gapCount" > 0` : sql`g."gapCount" = 0`, new ParamNames('dw'));
  return paginateSql<DutyLedger>({
    manager: ctx.manager,
    from: rows.text,
    select: 'g.*',
    where: [where.text],
    params: { ...rows.params, ...where.params },
    keys: [...keys],
    page,
    withCount,
    countInline: true,
    read: (raw) => raw.map((r) => ledgerOf(r, q)),
  });
}

/** The ledger of one signed list in force over a period (one statement), or null when out of scope or not in force. */
export async function dutyLedgerOfList(ctx: RequestContext, listId: string, from: string, to: string): Promise<DutyLedger | null> {
  const { text, values } = positional(sql`SELECT g.* FROM ${dutyLedgerRowsSql(ctx, { from, to, listId })}`);
  const rows = (await ctx.manager.query(text, values)) as Record<string, unknown>[];
  return rows[0] ? ledgerOf(rows[0], { from, to }) : null;
}

/** Inserts a demo snapshot unless one of the list and period exists (seeding is not on a caller's behalf); 1 when inserted. */
export async function insertSeedSnapshot(ctx: RequestContext, s: { id: string; ledger: DutyLedger; takenAt: string; summaryText: string; note: string }): Promise<number> {
  const l = s.ledger;
  const inserted: unknown[] = await ctx.manager.query(
    `INSERT INTO duty_ledger_snapshot (id, list_id, person_id, organization_id, position_title, period_from, period_to, taken_at, duty_count, duties_acted, action_count, actions_with_evidence, task_count, tasks_completed, gap_count, content, summary_text, note, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $8, $8)
     ON CONFLICT DO NOTHING RETURNING id`,
    [s.id, l.listId, l.personId, l.organizationId, l.positionTitle, l.from, l.to, s.takenAt, l.dutyCount, l.dutiesActed, l.actionCount, l.actionsWithEvidence, l.taskCount, l.tasksCompleted, l.gapCount, JSON.stringify(l), s.summaryText, s.note],
  );
  return inserted.length;
}
