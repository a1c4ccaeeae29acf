import {
  SortDirection,
  applyStep,
  assertVersion,
  createRecord,
  globalIdOf,
  records,
  sql,
  transaction,
  unscoped,
  updateRecord,
  whereChanged,
  type ConnectionResult,
  type Patch,
  type RequestContext,
} from '@platform/core';
import { Organizations, Persons } from '@platform/directory';
import { HazardSource, HazardStatus, Hazards, reportHazard } from '@domains/risk';
import { OPEN_TIP_STATUSES, Tip, TipChannel, TipOutcome, TipPermission, Tips, TipStatus, TIP_WORKFLOW, TipFollowUpResult, type TipStep } from '../tips/public';
import { reporterTip } from '../intake/public';
import { TipAction, TipActionKind } from './tip-action.entity';
import { tipHandlingEvents } from './handling.events';
import { handlingRules } from './handling.rules';
import { TipOrder } from './tip.orders';
import { HANDLING_STATUSES, channelClock, daysAfter, dueTimes, pastSlaSql, storedSla } from '../clocks/public';
import type { AssignTipInput, CloseTipInput, ExtendTipInput, MergeTipInput, RecordTipFollowUpInput, ReopenTipAsReporterInput, TipActionInput, TipListArgs, TipReasonInput, TipStepInput, VerifyTipInput } from './tip-handling.inputs';

/** Properties the keyset orders read (besides the id): a page must load them whatever is selected. */
export const TIP_KEY_PROPERTIES = ['receivedAt', 'code', 'status', 'handleDueAt', 'createdAt', 'updatedAt'];

/** The outcomes `closeTip` gives by hand, each with the states it closes from (DUPLICATE by merging, REJECTED and SENT_BACK by their steps). */
const CLOSING: Partial<Record<TipOutcome, readonly TipStatus[]>> = {
  [TipOutcome.FIXED]: [TipStatus.HANDLED],
  [TipOutcome.NOT_RESPONSIBLE]: [TipStatus.ACCEPTED, TipStatus.ASSIGNED, TipStatus.VERIFYING, TipStatus.NOT_VERIFIED],
  [TipOutcome.NO_HAZARD_FOUND]: [TipStatus.ASSIGNED, TipStatus.VERIFYING, TipStatus.NOT_VERIFIED],
  [TipOutcome.NOT_VERIFIED]: [TipStatus.NOT_VERIFIED],
  [TipOutcome.ESCALATED]: [TipStatus.ESCALATED],
};

/** Why the reporter's reopen and the hazard follow-up read a tip beyond any staff scope. */
const REPORTER = 'the reporter reopens the tip with its code and secret (authenticated), without an account';

/** What an action row records besides its kind. */
type ActionFields = { note?: string | null; days?: number | null; result?: TipFollowUpResult | null; relatedTipId?: string | null };

/**
 * Tips as the office handles them: the list, lookups, every workflow step (`step`: the tip locked
 * within the step's permission scope, version and state checked, the change with its audit entry and
 * event), extensions, 催办/督办 (actions that leave the state alone), follow-ups, the reporter's reopen,
 * merging duplicates, and closing the tips whose hazard the risk module closed.
 */
export class TipHandlingService {
  byId(ctx: RequestContext, id: string, properties: readonly string[] | null = null): Promise<Tip | null> {
    return records(ctx, Tips).one(id, properties);
  }

  list(ctx: RequestContext, args: TipListArgs, withCount: boolean, properties: readonly string[] | null = null): Promise<ConnectionResult<Tip>> {
    const f = args.filter ?? {};
    let list = records(ctx, Tips);
    if (f.statuses?.length) list = list.where(sql`t.status = ANY(${f.statuses})`);
    if (f.channels?.length) list = list.where(sql`t.channel = ANY(${f.channels})`);
    if (f.categories?.length) list = list.where(sql`t.category = ANY(${f.categories})`);
    if (f.organizationId) list = list.where(sql`t.organization_id = ${f.organizationId}`);
    if (f.enterpriseId) list = list.where(sql`t.enterprise_id = ${f.enterpriseId}`);
    if (f.code) list = list.where(sql`t.code = ${f.code.trim().toUpperCase()}`);
    if (f.receivedFrom) list = list.where(sql`t.received_at >= CAST(${f.receivedFrom.toISOString()} AS timestamptz)`);
    if (f.receivedTo) list = list.where(sql`t.received_at < CAST(${f.receivedTo.toISOString()} AS timestamptz)`);
    if (f.pastSla !== undefined && f.pastSla !== null) {
      const past = pastSlaSql('t', ctx.clock.now());
      list = list.where(f.pastSla ? past : sql`NOT ${past}`);
    }
    return whereChanged(list, f).page({ keys: TipOrder.keys(args.orderBy), page: args, withCount, properties });
  }

  /** 受理: the acceptance clock is met or missed by now. */
  accept(ctx: RequestContext, input: TipStepInput): Promise<Tip> {
    return this.step(ctx, 'accept', input, async (tx) => ({ acceptedAt: tx.clock.now() }));
  }

  /** 不予受理, with the reason: finished with outcome REJECTED. */
  reject(ctx: RequestContext, input: TipReasonInput): Promise<Tip> {
    return this.step(ctx, 'reject', input, async (tx) => ({ outcome: TipOutcome.REJECTED, statusReason: input.reason, closedAt: tx.clock.now() }));
  }

  /** 退单: a 12345 ticket only (the hotline dispatched it), with the reason; finished with outcome SENT_BACK and a SEND_BACK action. */
  sendBack(ctx: RequestContext, input: TipReasonInput): Promise<Tip> {
    return this.step(
      ctx,
      'sendBack',
      input,
      async (tx, current) => {
        if (current.channel !== TipChannel.HOTLINE_12345) throw handlingRules.field('input.id', 'channel', `only a 12345 ticket is sent back (退单) to the hotline; this tip came in on ${current.channel}: reject it or close it instead.`);
        return { outcome: TipOutcome.SENT_BACK, statusReason: input.reason, closedAt: tx.clock.now() };
      },
      (tx, stepped) => this.action(tx, stepped, TipActionKind.SEND_BACK, { note: input.reason }),
    );
  }

  /** 上报区级: escalated by the office (tips involving deaths are escalated at intake). */
  escalate(ctx: RequestContext, input: TipReasonInput): Promise<Tip> {
    return this.step(ctx, 'escalate', input, async () => ({ statusReason: input.reason }));
  }

  /** 分派: to an organization (and person) the caller may read. */
  assign(ctx: RequestContext, input: AssignTipInput): Promise<Tip> {
    return this.step(ctx, 'assign', input, async (tx) => {
      const organization = await records(tx, Organizations).reference(input.organizationId, 'input.organizationId', { properties: ['id'] });
      const person = input.personId ? await records(tx, Persons).reference(input.personId, 'input.personId', { properties: ['id'] }) : null;
      return { assignedOrganizationId: organization.id, assignedPersonId: person?.id ?? null };
    });
  }

  /** 开始核查. */
  startVerifying(ctx: RequestContext, input: TipStepInput): Promise<Tip> {
    return this.step(ctx, 'startVerifying', input, async () => ({}));
  }

  /**
   * 属实: raises a hazard through the risk module's `reportHazard` (source PUBLIC_REPORT, origin the
   * tip's global id) in the same transaction, within the caller's risk.hazard:report scope.
   */
  verify(ctx: RequestContext, input: VerifyTipInput): Promise<Tip> {
    return this.step(ctx, 'verify', input, async (tx, current) => {
      const now = tx.clock.now();
      const hazard = await reportHazard(tx, {
        organizationId: current.organizationId,
        title: input.hazardTitle ?? current.title,
        description: input.finding ?? `群众举报（${current.code}）：${current.description}`.slice(0, 2000),
        category: input.hazardCategory,
        source: HazardSource.PUBLIC_REPORT,
        foundAt: now,
        originNodeId: globalIdOf(Tips, current.id),
      });
      return { hazardId: hazard.id, verifiedAt: now };
    });
  }

  /** 不属实, with the reason. */
  notVerify(ctx: RequestContext, input: TipReasonInput): Promise<Tip> {
    return this.step(ctx, 'notVerify', input, async (tx) => ({ statusReason: input.reason, verifiedAt: tx.clock.now() }));
  }

  /** 处理: the hazard is under rectification. */
  handle(ctx: RequestContext, input: TipStepInput): Promise<Tip> {
    return this.step(ctx, 'handle', input, async (tx) => ({ handledAt: tx.clock.now() }));
  }

  /**
   * 办结 by hand, with an outcome the tip's state allows (`CLOSING`): FIXED only once its hazard is
   * closed; every other outcome with its reason. The follow-up falls due followUpDays later.
   */
  close(ctx: RequestContext, input: CloseTipInput): Promise<Tip> {
    return this.step(ctx, 'close', input, async (tx, current) => {
      const from = CLOSING[input.outcome];
      if (!from) throw handlingRules.field('input.outcome', 'outcome', input.outcome === TipOutcome.DUPLICATE ? 'a duplicate is closed by merging it into the tip it repeats (mergeTip).' : `${input.outcome} is the outcome of its own step (rejectTip, sendBackTip).`);
      if (!from.includes(current.status)) throw handlingRules.field('input.outcome', 'outcome', `a ${current.status} tip is not closed as ${input.outcome} (allowed from ${from.join(', ')}).`);
      if (input.outcome !== TipOutcome.FIXED && !input.reason) throw handlingRules.field('input.reason', 'reasonRequired', `closing a tip as ${input.outcome} records the reason.`);
      if (input.outcome === TipOutcome.FIXED) {
        const hazard = current.hazardId ? await unscoped(tx, Hazards, 'whether the hazard raised from a tip the caller may close is closed').one(current.hazardId, ['id', 'status']) : null;
        if (hazard?.status !== HazardStatus.CLOSED) throw handlingRules.field('input.outcome', 'outcome', 'a tip is FIXED when its hazard is verified closed (销号); the hazard is still open.');
      }
      return this.closing(tx, current, input.outcome, input.reason ?? null);
    });
  }

  /**
   * 延期: the handling clock of an accepted, open tip extended by calendar days, all extensions
   * together within the channel's maxExtensionDays of the rule version the tip keeps; an EXTEND action.
   */
  extend(ctx: RequestContext, input: ExtendTipInput): Promise<Tip> {
    return transaction(ctx, async (tx) => {
      const current = await records(tx, Tips, TipPermission.Dispatch).lock(input.id);
      assertVersion('Tip', current, input.version);
      if (!HANDLING_STATUSES.includes(current.status)) throw handlingRules.field('input.id', 'notOpen', `only an accepted, open tip's handling clock is extended; this one is ${current.status}.`);
      const sla = await storedSla(tx, current);
      const max = sla ? channelClock(sla.value, current.channel).maxExtensionDays : null;
      if (max !== null && current.extendedDays + input.days > max) {
        throw handlingRules.field('input.days', 'maxExtension', `reporting.tip-sla allows at most ${max} days of extension for ${current.channel} (${current.extendedDays} granted already).`);
      }
      const extended = await updateRecord(tx, Tip, 'Tip', current, input.version, { extendedDays: current.extendedDays + input.days }, {
        action: 'reporting.tip.extend',
        changes: { extendedDays: [current.extendedDays, current.extendedDays + input.days], reason: input.reason },
      });
      await this.action(tx, extended, TipActionKind.EXTEND, { note: input.reason, days: input.days }, tipHandlingEvents['reporting.tip.extended']);
      return extended;
    });
  }

  /** 催办 (urge) or 督办 (supervise) an open tip: an action with its audit entry and event; the state stays. */
  urge(ctx: RequestContext, input: TipActionInput, kind: TipActionKind.URGE | TipActionKind.SUPERVISE): Promise<TipAction> {
    return transaction(ctx, async (tx) => {
      const tip = await records(tx, Tips, kind === TipActionKind.URGE ? TipPermission.Handle : TipPermission.Dispatch).lock(input.id, 'share');
      if (!OPEN_TIP_STATUSES.includes(tip.status)) throw handlingRules.field('input.id', 'notOpen', `the tip is ${tip.status}: only an open tip is urged or supervised.`);
      return this.action(tx, tip, kind, { note: input.note }, tipHandlingEvents[kind === TipActionKind.URGE ? 'reporting.tip.urged' : 'reporting.tip.supervised']);
    });
  }

  /** 回访: the answer to the follow-up of a CLOSED tip; NOT_FIXED reopens it (step reopen). */
  followUp(ctx: RequestContext, input: RecordTipFollowUpInput): Promise<Tip> {
    return transaction(ctx, async (tx) => {
      const current = await records(tx, Tips, TipPermission.Handle).lock(input.id);
      assertVersion('Tip', current, input.version);
      if (current.status !== TipStatus.CLOSED || !current.followUpDueAt || current.followUpResult) {
        throw handlingRules.field('input.id', 'followUp', current.followUpResult ? 'the follow-up of this closing was recorded already.' : 'no follow-up is due: the tip is not closed, or was closed without one (a merged duplicate).');
      }
      const answered = { followUpResult: input.result, followUpAt: tx.clock.now() };
      // The answer first, then what it causes (a NOT_FIXED answer reopens the tip).
      await this.action(tx, current, TipActionKind.FOLLOW_UP, { note: input.note ?? null, result: input.result }, tipHandlingEvents['reporting.tip.followed-up']);
      return input.result === TipFollowUpResult.NOT_FIXED
        ? this.reopen(tx, current, input.version, input.note ?? '回访反映问题未解决。', answered)
        : updateRecord(tx, Tip, 'Tip', current, input.version, answered, { action: 'reporting.tip.followUp' });
    });
  }

  /**
   * The reporter reopens a closed tip with its code and secret (the intake's `reporterTip`: the
   * per-code limit, then `authenticateTipReporter`; any failure the same NOT_FOUND),
   * within reporterReopenDays of its closing (the rule version the tip keeps); a merged duplicate is
   * followed through the tip it was merged into.
   */
  async reopenAsReporter(ctx: RequestContext, input: ReopenTipAsReporterInput): Promise<Tip> {
    // Proven before the transaction: a failed attempt is counted even though nothing else is written.
    const found = await reporterTip(ctx, input.code, input.secret);
    return transaction(ctx, async (tx) => {
      const current = await unscoped(tx, Tips, REPORTER).lock(found.id);
      TIP_WORKFLOW.assertCanStep('reopen', current, 'input.code');
      if (current.outcome === TipOutcome.DUPLICATE) throw handlingRules.field('input.code', 'outcome', 'this tip was merged into another one as a duplicate: it is handled there.');
      const sla = await storedSla(tx, current);
      const days = sla?.value.reporterReopenDays ?? 0;
      const windowEnd = daysAfter(current.closedAt!, days);
      if (windowEnd.getTime() < tx.clock.now().getTime()) {
        throw handlingRules.field('input.code', 'reopenWindow', `a reporter may reopen a tip within ${days} days of its closing (reporting.tip-sla reporterReopenDays, rule version ${sla?.id ?? 'none'}); the window ended ${windowEnd.toISOString()}.`);
      }
      return this.reopen(tx, current, current.version, input.reason, {});
    });
  }

  /**
   * 合并: the duplicate is closed with outcome DUPLICATE and `duplicateOfId`, accepted first when it was
   * still RECEIVED; a MERGE action on both. The group's first valid reporter (for a reward) is its
   * earliest-received valid tip, whichever one the others were merged into.
   */
  merge(ctx: RequestContext, input: MergeTipInput): Promise<Tip> {
    if (input.duplicateId === input.intoId) throw handlingRules.field('input.intoId', 'mergeTarget', 'a tip is not merged into itself.');
    return transaction(ctx, async (tx) => {
      const scoped = records(tx, Tips, TipPermission.Dispatch);
      // Both locked, in id order, so two merges of the same pair cannot deadlock.
      const [first, second] = [input.duplicateId, input.intoId].sort();
      const locked = new Map<string, Tip>();
      for (const id of [first!, second!]) locked.set(id, await scoped.reference(id, id === input.intoId ? 'input.intoId' : 'input.duplicateId', { lock: 'update' }));
      const into = locked.get(input.intoId)!;
      let duplicate = locked.get(input.duplicateId)!;
      assertVersion('Tip', duplicate, input.version);
      if (!OPEN_TIP_STATUSES.includes(into.status) || into.duplicateOfId) throw handlingRules.field('input.intoId', 'mergeTarget', `tip ${into.code} is ${into.status}: merge into an open tip that is not itself a duplicate.`);
      const merged = await unscoped(tx, Tips, 'whether other tips were merged into the duplicate, whatever the caller may read').where(sql`t.duplicate_of_id = ${duplicate.id}`).count();
      if (merged) throw handlingRules.field('input.duplicateId', 'mergeTarget', `${merged} tip(s) were merged into ${duplicate.code}: merge ${into.code} into it instead, or those first.`);
      if (duplicate.status === TipStatus.RECEIVED) duplicate = await applyStep(tx, TIP_WORKFLOW, 'accept', { current: duplicate, version: duplicate.version, patch: { acceptedAt: tx.clock.now() }, field: 'input.duplicateId' });
      const closed = await applyStep(tx, TIP_WORKFLOW, 'close', {
        current: duplicate,
        version: duplicate.version,
        field: 'input.duplicateId',
        patch: { outcome: TipOutcome.DUPLICATE, duplicateOfId: into.id, statusReason: `与举报 ${into.code} 为同一事项，合并办理。`, closedAt: tx.clock.now(), followUpDueAt: null, followUpResult: null, followUpAt: null },
      });
      await this.action(tx, closed, TipActionKind.MERGE, { relatedTipId: into.id, note: `合并至 ${into.code}` });
      await this.action(tx, into, TipActionKind.MERGE, { relatedTipId: closed.id, note: `${closed.code} 合并至本举报` }, tipHandlingEvents['reporting.tip.merged']);
      return closed;
    });
  }

  /**
   * Follows the risk module: the tips whose hazard was verified closed are closed FIXED (a VERIFIED one
   * handled first), each in the caller's transaction, the follow-up falling due. Run as the system after
   * the hazard's `risk.hazard.close` event; a tip already past those states is left alone. Answers the tips closed.
   */
  closeTipsOfHazard(ctx: RequestContext, hazardId: string): Promise<Tip[]> {
    return transaction(ctx, async (tx) => {
      const tips = unscoped(tx, Tips, 'the tips whose hazard the risk module closed, followed by the system');
      const found = await tips.where(sql`t.hazard_id = ${hazardId} AND t.status IN ('VERIFIED', 'HANDLED')`).list({ keys: [{ column: 't.id', direction: SortDirection.ASC }], limit: 20, properties: ['id'] });
      const closed: Tip[] = [];
      for (const { id } of found) {
        let tip = await tips.lock(id);
        if (tip.status === TipStatus.VERIFIED) tip = await applyStep(tx, TIP_WORKFLOW, 'handle', { current: tip, version: tip.version, patch: { handledAt: tx.clock.now() } });
        if (tip.status !== TipStatus.HANDLED) continue;
        const current = tip;
        closed.push(await applyStep(tx, TIP_WORKFLOW, 'close', { current, version: current.version, patch: await this.closing(tx, current, TipOutcome.FIXED, null) }));
      }
      return closed;
    });
  }

  /**
   * The catch-up of `closeTipsOfHazard` (the sweep `reporting.tips-of-closed-hazards`): tips still
   * VERIFIED or HANDLED whose hazard the risk module has closed, e.g. when the event was lost to a
   * restart between the hazard's commit and its delivery; at most `limit` hazards a run. Answers how
   * many tips it closed.
   */
  async closeTipsOfClosedHazards(ctx: RequestContext, limit = 100): Promise<number> {
    const closedHazard = unscoped(ctx, Hazards, 'the system follows the hazards tips were verified into')
      .as('h')
      .where(sql`h.id = t.hazard_id AND h.status = ${HazardStatus.CLOSED}`);
    const waiting = await unscoped(ctx, Tips, 'the system closes the tips whose hazard was closed')
      .where(sql`t.status IN (${TipStatus.VERIFIED}, ${TipStatus.HANDLED}) AND t.hazard_id IS NOT NULL AND EXISTS ${closedHazard.subquery(sql`1`)}`)
      .list({ keys: [{ column: 't.hazard_id', direction: SortDirection.ASC }, { column: 't.id', direction: SortDirection.ASC }], limit, properties: ['id', 'hazardId'] });
    let closed = 0;
    for (const hazardId of new Set(waiting.map((t) => t.hazardId!))) closed += (await this.closeTipsOfHazard(ctx, hazardId)).length;
    return closed;
  }

  /** The columns a closing sets: the outcome, its reason, the time, and the follow-up due followUpDays later (none for a duplicate). */
  private async closing(tx: RequestContext, current: Tip, outcome: TipOutcome, reason: string | null): Promise<Patch<Omit<Tip, 'status'>>> {
    const now = tx.clock.now();
    const sla = await storedSla(tx, current);
    return {
      outcome,
      statusReason: outcome === TipOutcome.FIXED ? null : reason,
      closedAt: now,
      followUpDueAt: sla ? daysAfter(now, sla.value.followUpDays) : null,
      followUpResult: null,
      followUpAt: null,
    };
  }

  /**
   * 重新办理 (step reopen): back to ACCEPTED with the reopen counted, the outcome and closing cleared,
   * and the handling clock restarted from today by the channel's clocks of the version the tip keeps
   * (extensions start again); a REOPEN action with the reason.
   */
  private async reopen(tx: RequestContext, current: Tip, version: number, reason: string, extra: Patch<Omit<Tip, 'status'>>): Promise<Tip> {
    const sla = await storedSla(tx, current);
    const now = tx.clock.now();
    const restarted = sla ? { handleDueAt: (await dueTimes(tx, sla.value, current.channel, now)).handleDueAt } : {};
    const reopened = await applyStep(tx, TIP_WORKFLOW, 'reopen', {
      current,
      version,
      patch: { ...extra, ...restarted, outcome: null, statusReason: reason, closedAt: null, handledAt: null, extendedDays: 0, reopenCount: current.reopenCount + 1 },
    });
    await this.action(tx, reopened, TipActionKind.REOPEN, { note: reason });
    return reopened;
  }

  /** An action row on the tip (audited under the tip), with its event when given. */
  private action(tx: RequestContext, tip: Tip, kind: TipActionKind, fields: ActionFields, event?: string): Promise<TipAction> {
    return createRecord(
      tx,
      TipAction,
      'TipAction',
      { tipId: tip.id, kind, note: fields.note ?? null, days: fields.days ?? null, result: fields.result ?? null, relatedTipId: fields.relatedTipId ?? null, actorKind: tx.principal.kind, actorId: tx.principal.id, at: tx.clock.now() },
      {
        action: `reporting.tip.action.${kind.toLowerCase().replace('_', '-')}`,
        auditUnder: { entityType: 'Tip', entityId: tip.id },
        ...(event ? { event, payload: (a: TipAction) => ({ id: tip.id, code: tip.code, organizationId: tip.organizationId, channel: tip.channel, actionId: a.id, kind }) } : {}),
      },
    );
  }

  /**
   * One workflow step: the tip locked within the step's permission scope (else NOT_FOUND), at the
   * version read (else CONFLICT), in a state the step starts from (else `state`); then the step's own
   * checks and patch (`build`); the change, audit entry and event commit together with what the step
   * records after it (`after`: an action).
   */
  private step(
    ctx: RequestContext,
    name: TipStep,
    input: { readonly id: string; readonly version: number },
    build: (tx: RequestContext, current: Tip) => Promise<Patch<Omit<Tip, 'status'>>>,
    after?: (tx: RequestContext, stepped: Tip) => Promise<unknown>,
  ): Promise<Tip> {
    return transaction(ctx, async (tx) => {
      const current = await records(tx, Tips, TIP_WORKFLOW.permissionOf(name)).lock(input.id);
      const stepped = await applyStep(tx, TIP_WORKFLOW, name, { current, version: input.version, patch: () => build(tx, current) });
      await after?.(tx, stepped);
      return stepped;
    });
  }
}
