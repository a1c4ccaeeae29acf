import { audit, unscoped, type RequestContext } from '@platform/core';
import { Organizations, seedId } from '@platform/directory';
import { lawArticleSeedId } from '../laws/public';
import { EnforcementItemKind, EnforcementItemListStatus } from './item.enums';
import { SEED_ITEM_LISTS } from './item.seed-data';
import { insertSeedBands, insertSeedItems, insertSeedLists, type SeedBandRow, type SeedItemRow } from './item.seed.sql';

const REASON = 'seed: the demo item lists of the town, on no caller\'s behalf';

/** The seed id of a seeded list, by its code ('2025-01', '2025-07'). */
export const enforcementItemListSeedId = (listCode: string): string => seedId(`enforcement-item-list:${listCode}`);

/** The seed id of a seeded item: the list's code ('2025-01', '2025-07') and the item's (e.g. 'AQ-JC-001'). */
export const enforcementItemSeedId = (listCode: string, itemCode: string): string => seedId(`enforcement-item:${listCode}:${itemCode}`);

/**
 * The demo item lists of 南平镇 (`item.seed-data.ts`): '2025-01' superseded on 2025-06-30 and
 * '2025-07' in force from 2025-07-01, each item an item of its own list (the same code, two ids),
 * with the catalog articles of its basis and, for some penalties, discretion bands. Idempotent.
 */
export async function seedEnforcementItems(ctx: RequestContext): Promise<void> {
  const town = seedId('org:town');
  if (!(await unscoped(ctx, Organizations, REASON).exists(town))) return;
  const items: SeedItemRow[] = [];
  const basis: Array<readonly [string, string]> = [];
  const bands: SeedBandRow[] = [];
  for (const list of SEED_ITEM_LISTS) {
    for (const item of list.items) {
      const id = enforcementItemSeedId(list.code, item.code);
      items.push({
        id,
        listId: enforcementItemListSeedId(list.code),
        code: item.code,
        name: item.name,
        kind: item.kind,
        category: item.category,
        scope: item.scope,
        responsibleOrganizationId: town,
        sourceDepartment: item.kind === EnforcementItemKind.DELEGATED ? item.holder! : null,
        entrustingBody: item.kind === EnforcementItemKind.ENTRUSTED ? item.holder! : null,
        legalBasis: item.legalBasis,
        note: item.note ?? null,
      });
      for (const [law, ordinal] of item.basis ?? []) basis.push([id, lawArticleSeedId(law, ordinal)]);
      (item.bands ?? []).forEach(([subject, level, from, to, condition, percent], i) =>
        bands.push({
          id: seedId(`discretion-band:${list.code}:${item.code}:${i}`),
          itemId: id,
          subject,
          level,
          fineMinYuan: percent ? null : String(from),
          fineMaxYuan: percent ? null : String(to),
          incomePercentMin: percent ? Number(from) : null,
          incomePercentMax: percent ? Number(to) : null,
          condition,
        }),
      );
    }
  }
  const inserted = await insertSeedLists(
    ctx,
    SEED_ITEM_LISTS.map((l) => ({
      id: enforcementItemListSeedId(l.code),
      organizationId: town,
      code: l.code,
      title: l.title,
      documentNumber: l.documentNumber,
      effectiveFrom: l.effectiveFrom,
      effectiveTo: l.effectiveTo,
      status: l.effectiveTo ? EnforcementItemListStatus.SUPERSEDED : EnforcementItemListStatus.IN_FORCE,
      publishedOn: l.publishedOn,
      note: l.note,
    })),
  );
  await insertSeedItems(ctx, items, basis);
  await insertSeedBands(ctx, bands);
  if (inserted) await audit(ctx, { action: 'enforcement.item.seed', entityType: 'EnforcementItemList', entityId: null, changes: { lists: inserted, items: items.length } });
}
