import { raw, sql, type RequestContext, type Sql } from '@platform/core';

/*
 * Conditions over the item lists' own tables (a list in force on a day, the same item in another
 * list) and the hand-written writes of the part: copying a list's items, replacing an item's basis
 * links, removing an item or its bands from a draft. Callers read (and lock) the records through
 * `records` within the caller's scope before they use these.
 */

/** SQL: the list under `alias` is published and in force on `day`. */
export function listInForceSql(alias: string, day: string): Sql {
  const l = raw(alias);
  return sql`(${l}.status <> 'DRAFT' AND ${l}.effective_from <= CAST(${day} AS date) AND (${l}.effective_to IS NULL OR ${l}.effective_to >= CAST(${day} AS date)))`;
}

/** SQL: the item under `alias` belongs to a list in force on `day`. */
export function itemInForceSql(alias: string, day: string): Sql {
  return sql`${raw(alias)}.list_id IN (SELECT l.id FROM enforcement_item_list l WHERE ${listInForceSql('l', day)})`;
}

/**
 * SQL: the id of the item with the same code as the item under `alias` in the list of the same
 * organization in force on `day` (periods of one organization's published lists never overlap), or NULL.
 */
export function sameItemIdSql(alias: string, day: string): Sql {
  const i = raw(alias);
  return sql`(SELECT s.id FROM enforcement_item s
      JOIN enforcement_item_list sl ON sl.id = s.list_id
      JOIN enforcement_item_list pl ON pl.id = ${i}.list_id
     WHERE s.code = ${i}.code AND sl.organization_id = pl.organization_id AND ${listInForceSql('sl', day)}
     ORDER BY sl.effective_from DESC, s.id LIMIT 1)`;
}

/** Copies the items of list `fromId` into list `toId` with their basis links and bands, in one statement; the number of items copied. */
export async function copyListItems(tx: RequestContext, fromId: string, toId: string): Promise<number> {
  const [{ n }] = await tx.manager.query(
    `WITH src AS (SELECT i.*, gen_random_uuid() AS new_id FROM enforcement_item i WHERE i.list_id = $1),
          items AS (
            INSERT INTO enforcement_item (id, list_id, code, name, kind, category, scope, responsible_organization_id, source_department, entrusting_body, legal_basis, note)
            SELECT new_id, $2, code, name, kind, category, scope, responsible_organization_id, source_department, entrusting_body, legal_basis, note FROM src
            RETURNING id),
          basis AS (
            INSERT INTO enforcement_item_basis (item_id, article_id)
            SELECT s.new_id, b.article_id FROM enforcement_item_basis b JOIN src s ON s.id = b.item_id),
          bands AS (
            INSERT INTO enforcement_discretion_band (item_id, subject, level, fine_min_yuan, fine_max_yuan, income_percent_min, income_percent_max, condition)
            SELECT s.new_id, d.subject, d.level, d.fine_min_yuan, d.fine_max_yuan, d.income_percent_min, d.income_percent_max, d.condition
              FROM enforcement_discretion_band d JOIN src s ON s.id = d.item_id)
     SELECT count(*)::int AS n FROM items`,
    [fromId, toId],
  );
  return n as number;
}

/** Replaces an item's legal-basis links with `articleIds` (checked to exist by the caller). */
export async function replaceItemBasis(tx: RequestContext, itemId: string, articleIds: readonly string[]): Promise<void> {
  await tx.manager.query(`DELETE FROM enforcement_item_basis WHERE item_id = $1`, [itemId]);
  if (articleIds.length) await tx.manager.query(`INSERT INTO enforcement_item_basis (item_id, article_id) SELECT $1, unnest($2::uuid[])`, [itemId, articleIds]);
}

/** Deletes an item's discretion bands (a draft's, replaced by new ones). */
export async function deleteItemBands(tx: RequestContext, itemId: string): Promise<void> {
  await tx.manager.query(`DELETE FROM enforcement_discretion_band WHERE item_id = $1`, [itemId]);
}

/** Deletes an item of a draft with its basis links and bands (nothing refers to a draft's items). */
export async function deleteItem(tx: RequestContext, itemId: string): Promise<void> {
  await tx.manager.query(`DELETE FROM enforcement_item_basis WHERE item_id = $1`, [itemId]);
  await deleteItemBands(tx, itemId);
  await tx.manager.query(`DELETE FROM enforcement_item WHERE id = $1`, [itemId]);
}
