import { raw, sql, type RequestContext, type Sql } from '@platform/core';

/*
 * Hand-written statements and fragments of the duties part over its own tables: copying a list's
 * items into its revision, removing an item from a draft, and the "list in force" condition shared by
 * the gap query and the coverage indicator. The callers have read (and locked) the lists within the
 * caller's scope through `records` before they use these.
 */

/**
 * SQL: the duty list under `alias` is SIGNED and the newest signed revision of its official's year
 * (a later signed revision of the same year replaces it).
 */
export function signedListInForce(alias: string): Sql {
  const l = raw(alias);
  return sql`(${l}.status = 'SIGNED' AND NOT EXISTS (SELECT 1 FROM duty_list n WHERE n.person_id = ${l}.person_id AND n.organization_id = ${l}.organization_id AND n.year = ${l}.year AND n.status = 'SIGNED' AND n.revision > ${l}.revision))`;
}

/**
 * SQL: the duty item under `alias` belongs to a list of the official in force in a year from `fromYear`
 * to `toYear`, optionally at one organization.
 */
export function itemOfListInForce(alias: string, official: { personId?: string; organizationId?: string | null }, fromYear: Sql | number, toYear: Sql | number, organizationCondition?: Sql): Sql {
  const conditions: Sql[] = [sql`l.id = ${raw(alias)}.list_id`, signedListInForce('l'), sql`l.year BETWEEN ${fromYear} AND ${toYear}`];
  if (official.personId) conditions.push(sql`l.person_id = ${official.personId}`);
  if (official.organizationId) conditions.push(sql`l.organization_id = ${official.organizationId}`);
  if (organizationCondition) conditions.push(organizationCondition);
  return sql`EXISTS (SELECT 1 FROM duty_list l WHERE ${joinAnd(conditions)})`;
}

const joinAnd = (parts: readonly Sql[]): Sql => parts.reduce((all, p, i) => (i === 0 ? p : sql`${all} AND ${p}`));

/** SQL: the item under `alias` has an action on a day from `from` to `to` (both included). */
export function itemActedWithin(alias: string, from: Sql, to: Sql): Sql {
  return sql`EXISTS (SELECT 1 FROM duty_action a WHERE a.item_id = ${raw(alias)}.id AND a.acted_on >= ${from} AND a.acted_on <= ${to})`;
}

/** Copies the items of list `fromId` into list `toId` (keys, places, texts, legal bases, categories), in one statement; the number copied. */
export async function copyDutyItems(tx: RequestContext, fromId: string, toId: string): Promise<number> {
  const rows = await tx.manager.query(
    `INSERT INTO duty_item (list_id, key, position, text, legal_basis, category)
     SELECT $2, i.key, i.position, i.text, i.legal_basis, i.category FROM duty_item i WHERE i.list_id = $1 ORDER BY i.position, i.id
     RETURNING id`,
    [fromId, toId],
  );
  return (rows as unknown[]).length;
}

/** Deletes an item of a draft list (it has no actions: actions are recorded against signed lists only). */
export async function deleteDutyItem(tx: RequestContext, id: string): Promise<void> {
  await tx.manager.query(`DELETE FROM duty_item WHERE id = $1`, [id]);
}
