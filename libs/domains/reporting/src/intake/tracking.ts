import { NotFoundError, SortDirection, createRecord, records, runSql, sql, transaction, unscoped, updateRecord, type ConnectionResult, type PageArgs, type RequestContext } from '@platform/core';
import { Tip, TipPermission, TipReporterKind, Tips, authenticateTipReporter } from '../tips/public';
import { intakeGuard } from './intake-guard';
import { intakeRules } from './intake.rules';
import { TipMessages } from './intake.entities';
import { MESSAGES_PER_TIP, TipMessage, TipMessageAuthor } from './tip-message.entity';

const DAY_MS = 86_400_000;
/** A thread in the order written (the id breaks ties). */
export const THREAD_KEYS = [
  { column: 't.created_at', direction: SortDirection.ASC },
  { column: 't.id', direction: SortDirection.ASC },
];
/** Why a reporter's reads go beyond any caller's scope. */
const REPORTER = 'the reporter proved the tracking code and secret (no account): the thread of that tip only';

/** The code as the per-code limiter counts it (the same for every spelling of one code, bounded). */
const codeKey = (code: string): string => code.trim().toUpperCase().slice(0, 40);

/**
 * The tip a reporter proves with code and secret, counted against the code's failed attempts before
 * the secret is compared (RATE_LIMITED once used up, whatever the secret); a failure, whichever it is
 * (no such code, wrong secret, access expired), answers the same NOT_FOUND and counts one attempt.
 * Success extends the reporter's access to `REPORTING_TIP_ACCESS_DAYS` from now: bookkeeping, not a
 * change of the tip (its version stays, so a handler's open edit does not go stale).
 */
export async function reporterTip(ctx: RequestContext, code: string, secret: string): Promise<Tip> {
  const guard = intakeGuard(ctx);
  const key = codeKey(code);
  await guard.beforeTracking(key);
  let tip: Tip;
  try {
    tip = await authenticateTipReporter(ctx, code, secret);
  } catch (error) {
    if (error instanceof NotFoundError) await guard.trackingFailed(key);
    throw error;
  }
  const until = new Date(ctx.clock.now().getTime() + guard.accessDays * DAY_MS);
  await runSql(ctx.manager, sql`UPDATE tip SET reporter_access_expires_at = greatest(reporter_access_expires_at, ${until}) WHERE id = ${tip.id}`);
  if (until > tip.reporterAccessExpiresAt) tip.reporterAccessExpiresAt = until;
  return tip;
}

/** How many messages a tip's thread holds. */
async function threadLength(tx: RequestContext, tipId: string): Promise<number> {
  return unscoped(tx, TipMessages, 'counting a thread before adding to it').where(sql`t.tip_id = ${tipId}`).count();
}

/** A message added to a thread (the reporter's or staff's), audited under the tip. */
async function addMessage(tx: RequestContext, tip: Tip, author: TipMessageAuthor, body: string): Promise<TipMessage> {
  if ((await threadLength(tx, tip.id)) >= MESSAGES_PER_TIP) throw intakeRules.field('body', 'tooManyMessages', `a tip's thread holds at most ${MESSAGES_PER_TIP} messages: call the office.`);
  const authorUserId = author === TipMessageAuthor.STAFF && tx.principal.kind === 'user' ? tx.principal.id : null;
  return createRecord(tx, TipMessage, 'TipMessage', { tipId: tip.id, author, authorUserId, body: body.trim() }, {
    action: author === TipMessageAuthor.REPORTER ? 'reporting.tip.reporterMessage' : 'reporting.tip.staffReply',
    auditUnder: { entityType: 'Tip', entityId: tip.id },
    // The body stays in the thread; the audit entry says who wrote and how much.
    changes: (m) => ({ messageId: m.id, author, length: m.body.length }),
  });
}

/** The reporter writes to the office (with the code and secret); nothing is sent anywhere. */
export async function postReporterMessage(ctx: RequestContext, code: string, secret: string, body: string): Promise<TipMessage> {
  return transaction(ctx, async (tx) => addMessage(tx, await reporterTip(tx, code, secret), TipMessageAuthor.REPORTER, body));
}

/** Staff reply to a tip in their handling scope (else NOT_FOUND); the reporter reads it when tracking: no SMS, no mail. */
export async function replyToTip(ctx: RequestContext, tipId: string, body: string): Promise<TipMessage> {
  return transaction(ctx, async (tx) => {
    const tip = await records(tx, Tips, TipPermission.Handle).lock(tipId, 'share');
    return addMessage(tx, tip, TipMessageAuthor.STAFF, body);
  });
}

/** What a reporter discloses. */
export interface Disclosure {
  readonly name: string;
  readonly phone?: string | null;
  readonly contact?: string | null;
}

/**
 * 身份披露: the reporter (with the code and secret) gives name, phone and contact, needed for a reward;
 * the time is kept. The kind stays (an anonymous tip disclosed later is still counted as anonymous at
 * intake). The audit entry records that identity was disclosed, never the values.
 */
export async function discloseIdentity(ctx: RequestContext, code: string, secret: string, d: Disclosure): Promise<Tip> {
  return transaction(ctx, async (tx) => {
    const proved = await reporterTip(tx, code, secret);
    const current = await unscoped(tx, Tips, REPORTER).lock(proved.id);
    const patch = {
      reporterName: d.name.trim(),
      reporterPhone: d.phone?.trim() || null,
      reporterContact: d.contact?.trim() || null,
      identityDisclosedAt: tx.clock.now(),
    };
    return updateRecord(tx, Tip, 'Tip', current, current.version, patch, {
      action: 'reporting.tip.discloseIdentity',
      changes: { identityDisclosed: true, phoneGiven: patch.reporterPhone !== null, contactGiven: patch.reporterContact !== null, reporterKind: current.reporterKind === TipReporterKind.ANONYMOUS ? 'ANONYMOUS' : current.reporterKind },
    });
  });
}

/** The thread of a tip the reporter proved, in the order written. */
export function reporterThread(ctx: RequestContext, tipId: string, page: PageArgs, withCount: boolean): Promise<ConnectionResult<TipMessage>> {
  return unscoped(ctx, TipMessages, REPORTER).where(sql`t.tip_id = ${tipId}`).page({ keys: THREAD_KEYS, page, withCount });
}
