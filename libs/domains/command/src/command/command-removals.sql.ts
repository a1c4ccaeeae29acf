import type { RequestContext } from '@platform/core';

/*
 * Removals of rows that are deleted rather than archived: a command body's position and a team's
 * equipment. Hand-written because the kernel's write helpers create, update and archive but do not
 * delete; the caller has locked the row within its scope and checked its version, and writes the
 * audit entry (with what was removed) and the event in the same transaction.
 */

/** Deletes a command body's position. */
export async function deleteCommandPosition(tx: RequestContext, id: string): Promise<void> {
  await tx.manager.query(`DELETE FROM command_position WHERE id = $1`, [id]);
}

/** Deletes a piece of a team's equipment. */
export async function deleteTeamEquipment(tx: RequestContext, id: string): Promise<void> {
  await tx.manager.query(`DELETE FROM rescue_team_equipment WHERE id = $1`, [id]);
}
