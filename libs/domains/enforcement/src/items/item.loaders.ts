import { defineChildPages, defineReference } from '@platform/core';
import { LawArticleOrder, LawArticles } from '../laws/public';
import { DiscretionBandOrder, EnforcementItemOrder } from './item.orders';
import { EnforcementDiscretionBands, EnforcementItemLists, EnforcementItems } from './items.entities';

/** Lists by id, within the caller's read scope (others load as null): one statement per request level. */
export const EnforcementItemListReference = defineReference(EnforcementItemLists, 'enforcement.itemList.byId');

/** Items by id, within the caller's read scope (others load as null): one statement per request level. */
export const EnforcementItemReference = defineReference(EnforcementItems, 'enforcement.item.byId');

/** A list's items, by code. */
export const ListItemPages = defineChildPages(EnforcementItems, { name: 'enforcement.itemList.items', parentColumn: 'list_id', keys: EnforcementItemOrder.keys(null) });

/** An item's discretion bands, the unit's first, from minor to grave. */
export const ItemBandPages = defineChildPages(EnforcementDiscretionBands, { name: 'enforcement.item.discretionBands', parentColumn: 'item_id', keys: DiscretionBandOrder.keys(null) });

/** An item's legal-basis articles (through `enforcement_item_basis`), in the catalog's order. */
export const ItemBasisPages = defineChildPages(LawArticles, {
  name: 'enforcement.item.basisArticles',
  link: { table: 'enforcement_item_basis', parentColumn: 'item_id', column: 'article_id' },
  keys: LawArticleOrder.keys(null),
});
