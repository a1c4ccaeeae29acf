import { businessRules, raw, runSql, sql, workingDaySql, type RequestContext, type Sql } from '@platform/core';
import { TipOutcome, TipStatus, type Tip, type TipChannel } from '../tips/public';
import { TIP_SLA_RULE, type TipChannelClock, type TipDayKind, type TipSla } from '../business-rules/tips';

/*
 * A tip's clocks (reporting.tip-sla): acceptance and handling fall due at the end (24:00, China time)
 * of the N-th day after the day the tip came in (that day not counted), N counted in working days by
 * the kernel calendar (`add_working_days`) or in calendar days, per the channel in the rule version the
 * tip stores. The due instants are computed in SQL and stored (`acceptDueAt`, `handleDueAt`), so every
 * question after that ("past its clock?", "met?") is a comparison of stored columns, written once in
 * SQL (lists, indicators) and once in TypeScript (a fetched tip), the same rule in both.
 */

const DAY_MS = 86_400_000;

/** The statuses whose handling clock runs: accepted and not yet closed, rejected, sent back or escalated. */
export const HANDLING_STATUSES: readonly TipStatus[] = [TipStatus.ACCEPTED, TipStatus.ASSIGNED, TipStatus.VERIFYING, TipStatus.VERIFIED, TipStatus.NOT_VERIFIED, TipStatus.HANDLED];
/** Finished statuses: the tip's clocks have stopped. */
export const FINISHED_STATUSES: readonly TipStatus[] = [TipStatus.CLOSED, TipStatus.REJECTED, TipStatus.SENT_BACK];
/**
 * Outcomes not measured against the town's clock: a tip escalated to the district is verified there
 * (安全生产法 第七十三条); a duplicate is answered with the tip it was merged into.
 */
export const UNTIMED_OUTCOMES: readonly TipOutcome[] = [TipOutcome.ESCALATED, TipOutcome.DUPLICATE];

/** SQL: the instant a period of `days` (working or calendar) after the China day `day` ends: 24:00 of its last day, China time. */
export function periodEndSql(day: Sql, days: number, kind: TipDayKind): Sql {
  const last = kind === 'WORKING' ? workingDaySql.add(day, days) : sql`(${day} + CAST(${days} AS integer))`;
  return sql`((${last} + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`;
}

/** The channel's clocks of a rule version's value. */
export const channelClock = (sla: TipSla, channel: TipChannel): TipChannelClock => sla.channels[channel];

/** The acceptance and handling due instants of a tip of `channel` that came in at `from`, by the calendar (one statement). */
export async function dueTimes(ctx: RequestContext, sla: TipSla, channel: TipChannel, from: Date): Promise<{ acceptDueAt: Date; handleDueAt: Date }> {
  const clock = channelClock(sla, channel);
  const day = sql`(CAST(${from.toISOString()} AS timestamptz) AT TIME ZONE 'Asia/Shanghai')::date`;
  const ms = (instant: Sql) => sql`CAST(extract(epoch FROM ${instant}) * 1000 AS float8)`;
  const [row] = await runSql<{ accept: number; handle: number }>(
    ctx.manager,
    sql`SELECT ${ms(periodEndSql(day, clock.acceptDays, clock.acceptDayKind))} AS accept, ${ms(periodEndSql(day, clock.handleDays, clock.handleDayKind))} AS handle`,
  );
  return { acceptDueAt: new Date(Number(row!.accept)), handleDueAt: new Date(Number(row!.handle)) };
}

/** The handling due time with the extensions granted (calendar days); null before the clocks were set. */
export function extendedDueAt(t: Pick<Tip, 'handleDueAt' | 'extendedDays'>): Date | null {
  return t.handleDueAt ? new Date(t.handleDueAt.getTime() + t.extendedDays * DAY_MS) : null;
}

/** SQL over alias `a`: the handling due time with the extensions granted. */
export const extendedDueSql = (a: string): Sql => sql`(${raw(`${a}.handle_due_at`)} + make_interval(days => ${raw(`${a}.extended_days`)}))`;

const instant = (d: Date): Sql => sql`CAST(${d.toISOString()} AS timestamptz)`;

/**
 * Whether a tip is past its clock now: still RECEIVED after acceptance was due, or accepted and not
 * yet closed after handling was due (with its extensions). Escalated and finished tips are not.
 */
export function pastSla(t: Pick<Tip, 'status' | 'acceptDueAt' | 'handleDueAt' | 'extendedDays'>, now: Date): boolean {
  if (t.status === TipStatus.RECEIVED) return t.acceptDueAt !== null && t.acceptDueAt.getTime() < now.getTime();
  if (!HANDLING_STATUSES.includes(t.status)) return false;
  const due = extendedDueAt(t);
  return due !== null && due.getTime() < now.getTime();
}

/** `pastSla` in SQL over alias `a` at `now` (the same rule). */
export function pastSlaSql(a: string, now: Date): Sql {
  const c = (name: string) => raw(`${a}.${name}`);
  return sql`coalesce((${c('status')} = 'RECEIVED' AND ${c('accept_due_at')} < ${instant(now)})
    OR (${c('status')} = ANY(${[...HANDLING_STATUSES]}::text[]) AND ${extendedDueSql(a)} < ${instant(now)}), false)`;
}

/**
 * Whether a finished tip was finished by its handling due time (with extensions): null while open,
 * and for outcomes the town's clock does not measure (ESCALATED, DUPLICATE).
 */
export function slaMet(t: Pick<Tip, 'status' | 'outcome' | 'closedAt' | 'handleDueAt' | 'extendedDays'>): boolean | null {
  if (!FINISHED_STATUSES.includes(t.status) || !t.closedAt || (t.outcome && UNTIMED_OUTCOMES.includes(t.outcome))) return null;
  const due = extendedDueAt(t);
  return due === null ? null : t.closedAt.getTime() <= due.getTime();
}

/** `slaMet` in SQL over alias `a` (NULL where it is null). */
export function slaMetSql(a: string): Sql {
  const c = (name: string) => raw(`${a}.${name}`);
  return sql`(CASE WHEN ${c('status')} = ANY(${[...FINISHED_STATUSES]}::text[]) AND ${c('closed_at')} IS NOT NULL AND NOT coalesce(${c('outcome')} = ANY(${[...UNTIMED_OUTCOMES]}::text[]), false) AND ${c('handle_due_at')} IS NOT NULL
    THEN ${c('closed_at')} <= ${extendedDueSql(a)} END)`;
}

/** The clock running on a tip: acceptance while RECEIVED, handling while accepted and open, the follow-up after closing until answered. */
export type RunningTipClock = { step: 'ACCEPT' | 'HANDLE' | 'FOLLOW_UP'; dueAt: Date };

export function runningClock(t: Pick<Tip, 'status' | 'acceptDueAt' | 'handleDueAt' | 'extendedDays' | 'followUpDueAt' | 'followUpResult'>): RunningTipClock | null {
  if (t.status === TipStatus.RECEIVED && t.acceptDueAt) return { step: 'ACCEPT', dueAt: t.acceptDueAt };
  const due = extendedDueAt(t);
  if (HANDLING_STATUSES.includes(t.status) && due) return { step: 'HANDLE', dueAt: due };
  if (t.status === TipStatus.CLOSED && t.followUpDueAt && !t.followUpResult) return { step: 'FOLLOW_UP', dueAt: t.followUpDueAt };
  return null;
}

/** The SLA rule version a tip stores (its clocks were set by it). */
export async function storedSla(ctx: RequestContext, t: Pick<Tip, 'slaRuleVersionId'>): Promise<{ id: string; value: TipSla } | null> {
  if (!t.slaRuleVersionId) return null;
  const applied = await businessRules.stored(ctx, TIP_SLA_RULE, t.slaRuleVersionId);
  return { id: applied.id, value: applied.value };
}

/** The instant `days` calendar days after `from`. */
export const daysAfter = (from: Date, days: number): Date => new Date(from.getTime() + days * DAY_MS);
