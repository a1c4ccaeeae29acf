import { audit, unscoped, type RequestContext } from '@platform/core';
import { Organizations, seedId } from '@platform/directory';
import { dutyLedgerOfList, insertSeedSnapshot } from './duty-ledger.sql';
import { summaryOf } from './duty-ledger.summary';
import { DutyLedgerSnapshot } from './duty-ledger-snapshot.entity';

const SEEDING = 'seeding the demo duty-ledger snapshots';

/** The id of a demo snapshot. */
export const dutyLedgerSnapshotSeedId = (key: string): string => seedId(`scenarios:duty-ledger-snapshot:${key}`);

/** The responsibility seed's duty list of an official and year (`dutyListSeedId` there). */
const listId = (year: number, person: string) => seedId(`duty-list:${year}:${person}`);

/** The demo snapshots: the 2025 ledger of the deputy mayor in charge of safety (for the 2025 述职 of January 2026) and the town secretary's 2026 ledger up to the demo day. */
const SNAPSHOTS = [
  { key: '2025-deputy-safety', list: listId(2025, 'person-town-deputy-safety'), from: '2025-01-01', to: '2025-12-31', takenAt: '2026-01-15T16:00:00+08:00', note: '2025年度述职述责用' },
  { key: '2026-secretary-nov', list: listId(2026, 'person-town-secretary'), from: '2026-01-01', to: '2026-11-28', takenAt: '2026-11-29T09:30:00+08:00', note: '年终考核前履职自查' },
] as const;

/**
 * Two snapshots of the seeded duty lists (responsibility module), each of the ledger as read when
 * seeding. Idempotent (one per list and period); nothing when the directory holds no town.
 */
export async function seedDutyLedger(ctx: RequestContext): Promise<void> {
  if (!(await unscoped(ctx, Organizations, SEEDING).exists(seedId('org:town')))) return;
  let added = 0;
  for (const s of SNAPSHOTS) {
    const ledger = await dutyLedgerOfList(ctx, s.list, s.from, s.to);
    if (!ledger) continue;
    added += await insertSeedSnapshot(ctx, { id: dutyLedgerSnapshotSeedId(s.key), ledger, takenAt: s.takenAt, summaryText: summaryOf(ledger), note: s.note });
  }
  if (added) await audit(ctx, { action: 'scenarios.duty-ledger.seed', entityType: DutyLedgerSnapshot.name, entityId: null, changes: { snapshots: added } });
}
