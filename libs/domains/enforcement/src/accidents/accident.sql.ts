import { raw, sql, type RequestContext, type Sql } from '@platform/core';
import { AccidentFourNotSpared, AccidentTeamMember } from './accident.entity';
import { AccidentInvestigationStatus, FOUR_NOT_SPARED, FourNotSparedStatus } from './accident.enums';

/**
 * SQL over `alias`: the report is past due (still investigating after its due day) or the reply is
 * (reported, not replied after its due day), on `today` (China time). The list filter, the
 * `pastDue` field and the indicator use this one expression.
 */
export const pastDueSql = (alias: string, today: string | Sql): Sql => {
  const day = typeof today === 'string' ? sql`CAST(${today} AS date)` : today;
  return sql`((${raw(`${alias}.status`)} = ${AccidentInvestigationStatus.INVESTIGATING} AND ${raw(`${alias}.report_due_on`)} < ${day})
    OR (${raw(`${alias}.status`)} = ${AccidentInvestigationStatus.REPORTED} AND ${raw(`${alias}.reply_due_on`)} < ${day}))`;
};

/** The same rule for a loaded investigation. */
export const pastDue = (a: { status: string; reportDueOn: string; replyDueOn: string | null }, today: string): boolean =>
  (a.status === AccidentInvestigationStatus.INVESTIGATING && a.reportDueOn < today) || (a.status === AccidentInvestigationStatus.REPORTED && a.replyDueOn !== null && a.replyDueOn < today);

/*
 * The writes of the part that the record helpers do not express: the four 四不放过 rows written with
 * their investigation (audited under it), the team replaced as a set, and the count of an item's
 * attachments (the kernel's attachment table has no declaration).
 */

/** Writes the four 四不放过 items of a new investigation, all OPEN. */
export async function insertFourNotSpared(tx: RequestContext, investigationId: string): Promise<void> {
  await tx.manager
    .createQueryBuilder()
    .insert()
    .into(AccidentFourNotSpared)
    .values(FOUR_NOT_SPARED.map((item, i) => ({ investigationId, position: i + 1, item, status: FourNotSparedStatus.OPEN, evidenceDocumentIds: [] })))
    .execute();
}

/** A team member as written. */
export type TeamRow = Pick<AccidentTeamMember, 'role' | 'name' | 'organizationId' | 'personId' | 'leader'>;

/** Replaces an investigation's team (the investigation is locked by the caller; the change is audited on it). */
export async function replaceTeam(tx: RequestContext, investigationId: string, members: readonly TeamRow[]): Promise<void> {
  await tx.manager.query(`DELETE FROM accident_team_member WHERE investigation_id = $1`, [investigationId]);
  await tx.manager
    .createQueryBuilder()
    .insert()
    .into(AccidentTeamMember)
    .values(members.map((m, i) => ({ investigationId, position: i + 1, ...m })))
    .execute();
}

/** How many files are attached to a 四不放过 item. */
export async function attachmentCount(tx: RequestContext, itemId: string): Promise<number> {
  const [row] = (await tx.manager.query(`SELECT count(*)::int AS n FROM attachment WHERE entity_type = 'AccidentFourNotSpared' AND entity_id = $1`, [itemId])) as Array<{ n: number }>;
  return row?.n ?? 0;
}
