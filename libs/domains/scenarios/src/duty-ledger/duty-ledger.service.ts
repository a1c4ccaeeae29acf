import { assertNotFuture, createRecord, records, sql, transaction, whereChanged, type ConnectionResult, type RequestContext } from '@platform/core';
import { DutyLists } from '@domains/responsibility';
import { scenariosRules } from '../scenarios.rules';
import { DutyLedgerSnapshot } from './duty-ledger-snapshot.entity';
import { DutyLedgerSnapshots } from './duty-ledger.entities';
import { DutyLedgerPermission } from './duty-ledger.permissions';
import { DutyLedgerOrder, DutyLedgerSnapshotOrder } from './duty-ledger.orders';
import { dutyLedgerOfList, dutyLedgerPage } from './duty-ledger.sql';
import { summaryOf } from './duty-ledger.summary';
import type { DutyLedger } from './duty-ledger.types';
import type { DutyLedgerArgs, DutyLedgerSnapshotListArgs, TakeDutyLedgerSnapshotInput } from './duty-ledger.inputs';

/** Properties the default keyset order of snapshots reads (besides the id). */
export const SNAPSHOT_KEY_PROPERTIES = ['takenAt'];

/** A period of one calendar year, from before (or on) to: the year of the duty lists it follows. */
function checkPeriod(from: string, to: string, prefix: string): void {
  if (to < from) throw scenariosRules.field(`${prefix}.to`, 'range', 'the period ends on or after its first day.');
  if (from.slice(0, 4) !== to.slice(0, 4)) throw scenariosRules.field(`${prefix}.to`, 'range', `the period lies in one calendar year (the duty lists' year ${from.slice(0, 4)}).`);
}

/** The duty ledger: the view and its snapshots. */
export class DutyLedgerService {
  ledgers(ctx: RequestContext, args: DutyLedgerArgs, withCount: boolean): Promise<ConnectionResult<DutyLedger>> {
    const f = args.filter;
    checkPeriod(f.from, f.to, 'filter');
    return dutyLedgerPage(ctx, { from: f.from, to: f.to, personId: f.personId ?? null, organizationId: f.organizationId ?? null, withGaps: f.withGaps ?? null }, args, withCount, DutyLedgerOrder.keys(args.orderBy));
  }

  snapshotById(ctx: RequestContext, id: string, properties: readonly string[] | null = null): Promise<DutyLedgerSnapshot | null> {
    return records(ctx, DutyLedgerSnapshots).one(id, properties);
  }

  snapshots(ctx: RequestContext, args: DutyLedgerSnapshotListArgs, withCount: boolean, properties: readonly string[] | null = null): Promise<ConnectionResult<DutyLedgerSnapshot>> {
    const f = args.filter ?? {};
    let rows = records(ctx, DutyLedgerSnapshots);
    if (f.personId) rows = rows.where(sql`t.person_id = ${f.personId}`);
    if (f.listId) rows = rows.where(sql`t.list_id = ${f.listId}`);
    return whereChanged(rows, f).page({ keys: DutyLedgerSnapshotOrder.keys(args.orderBy), page: args, withCount, properties });
  }

  /**
   * 固化: of a signed list in force in the caller's snapshot scope, over a period of its year not
   * ending in the future, once per list and period; the ledger as read now, in one transaction with
   * its audit entry.
   */
  takeSnapshot(ctx: RequestContext, input: TakeDutyLedgerSnapshotInput): Promise<DutyLedgerSnapshot> {
    return transaction(ctx, async (tx) => {
      checkPeriod(input.from, input.to, 'input');
      assertNotFuture(input.to, 'input.to', tx.clock.today());
      const list = await records(tx, DutyLists, DutyLedgerPermission.Snapshot).reference(input.listId, 'input.listId', { lock: 'share' });
      if (list.status !== 'SIGNED') throw scenariosRules.field('input.listId', 'state', 'a snapshot follows a signed duty list.');
      if (String(list.year) !== input.from.slice(0, 4)) throw scenariosRules.field('input.from', 'range', `the period lies in the list's year ${list.year}.`);
      const taken = await records(tx, DutyLedgerSnapshots).where(sql`t.list_id = ${list.id} AND t.period_from = CAST(${input.from} AS date) AND t.period_to = CAST(${input.to} AS date)`).count();
      if (taken) throw scenariosRules.field('input.to', 'unique', 'a snapshot of this list and period was taken already (snapshots are never changed).');
      const ledger = await dutyLedgerOfList(tx, list.id, input.from, input.to);
      // Signed but replaced by a later signed revision of the same year: the ledger follows that one.
      if (!ledger) throw scenariosRules.field('input.listId', 'state', 'a later signed revision of the list is in force: take the snapshot of that one.');
      return createRecord(
        tx,
        DutyLedgerSnapshot,
        'DutyLedgerSnapshot',
        {
          listId: ledger.listId,
          personId: ledger.personId,
          organizationId: ledger.organizationId,
          positionTitle: ledger.positionTitle,
          periodFrom: input.from,
          periodTo: input.to,
          takenAt: tx.clock.now(),
          dutyCount: ledger.dutyCount,
          dutiesActed: ledger.dutiesActed,
          actionCount: ledger.actionCount,
          actionsWithEvidence: ledger.actionsWithEvidence,
          taskCount: ledger.taskCount,
          tasksCompleted: ledger.tasksCompleted,
          gapCount: ledger.gapCount,
          content: { ...ledger } as unknown as Record<string, unknown>,
          summaryText: summaryOf(ledger),
          note: input.note ?? null,
        },
        {
          action: 'scenarios.duty-ledger.snapshot',
          changes: (s: DutyLedgerSnapshot) => ({ listId: s.listId, personId: s.personId, periodFrom: s.periodFrom, periodTo: s.periodTo, gapCount: s.gapCount }),
        },
      );
    });
  }
}
