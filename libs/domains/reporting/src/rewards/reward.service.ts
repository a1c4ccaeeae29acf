import {
  SortDirection,
  applyStep,
  businessRules,
  createRecord,
  compareDecimals,
  recordEvent,
  records,
  sql,
  todayInChina,
  transaction,
  unscoped,
  updateRecord,
  whereChanged,
  type ConnectionResult,
  type Patch,
  type RequestContext,
} from '@platform/core';
import { AccidentGrade, AccidentGradeBasis, AccidentInvestigations, OPEN_BEFORE_DECISION, PenaltyCaseDecision, PenaltyCases } from '@domains/enforcement';
import { Tip, TipOutcome, TipPermission, TipReporterKind, TipStatus, Tips } from '../tips/public';
import { TipReward } from './tip-reward.entity';
import { TipRewardBasis, TipRewardStatus } from './reward.enums';
import { TipRewards } from './rewards.entities';
import { rewardEvents } from './rewards.events';
import { REWARD_WORKFLOW, rewardPayload, type RewardStep } from './reward-workflow';
import { REWARD_TIERS_RULE, accidentReward, fineReward, type RewardTiers } from '../business-rules/rewards';
import { rewardRules } from './rewards.rules';
import { isUnclaimed, lockTipGroup, tipGroupSql, unclaimedSql } from './reward.sql';
import { TipRewardOrder } from './reward.orders';
import type { ApproveTipRewardInput, ComputeTipRewardInput, LinkTipOutcomeInput, RecordTipRewardPaymentInput, TipRewardListArgs } from './reward.inputs';

/** Why a reward reads tips, cases and investigations beyond the caller's scope: the group of merged tips and the outcome linked by whoever dispatched it decide the reward. */
const REWARDING = 'a reward reads the whole group of merged tips and the outcome linked to it, whatever the caller may read of them';

/** Properties the keyset orders read (besides the id): a page must load them whatever is selected. */
export const REWARD_KEY_PROPERTIES = ['computedAt', 'claimDueOn', 'amountYuan', 'status', 'createdAt', 'updatedAt'];

const BY_RECEIPT = [{ column: 't.received_at', direction: SortDirection.ASC }, { column: 't.id', direction: SortDirection.ASC }];
/** The most tips one group of merged duplicates is read with. */
const MAX_GROUP = 200;

/** Statuses and outcomes that make a tip not valid for a reward (refused, sent back, not verified, nothing found). */
const INVALID_STATUSES: readonly TipStatus[] = [TipStatus.REJECTED, TipStatus.SENT_BACK, TipStatus.NOT_VERIFIED];
const INVALID_OUTCOMES: readonly TipOutcome[] = [TipOutcome.REJECTED, TipOutcome.SENT_BACK, TipOutcome.NOT_VERIFIED, TipOutcome.NO_HAZARD_FOUND, TipOutcome.NOT_RESPONSIBLE];

/** Whether a tip of a group counts as a valid report (a merged duplicate does: it reported the same facts). */
export const isValidReport = (t: Pick<Tip, 'status' | 'outcome'>): boolean => !INVALID_STATUSES.includes(t.status) && !(t.outcome && INVALID_OUTCOMES.includes(t.outcome));

/** Whether a tip stands where its outcome may be linked and rewarded: VERIFIED, HANDLED, or CLOSED as FIXED. */
export const isRewardable = (t: Pick<Tip, 'status' | 'outcome'>): boolean =>
  t.status === TipStatus.VERIFIED || t.status === TipStatus.HANDLED || (t.status === TipStatus.CLOSED && t.outcome === TipOutcome.FIXED);

/** `day` plus `days` calendar days. */
export const addDays = (day: string, days: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Rewards: linking a tip's outcome, computing, approving, paying, listing. */
export class RewardService {
  byId(ctx: RequestContext, id: string, properties: readonly string[] | null = null): Promise<TipReward | null> {
    return records(ctx, TipRewards).one(id, properties);
  }

  list(ctx: RequestContext, args: TipRewardListArgs, withCount: boolean, properties: readonly string[] | null = null): Promise<ConnectionResult<TipReward>> {
    const f = args.filter ?? {};
    let list = records(ctx, TipRewards);
    if (f.statuses?.length) list = list.where(sql`t.status = ANY(${f.statuses})`);
    if (f.basis) list = list.where(sql`t.basis = ${f.basis}`);
    if (f.tipId) list = list.where(sql`t.tip_id = ${f.tipId}`);
    if (f.organizationId) list = list.where(sql`t.organization_id = ${f.organizationId}`);
    if (f.unclaimed !== undefined && f.unclaimed !== null) {
      const unclaimed = unclaimedSql('t', ctx.clock.today());
      list = list.where(f.unclaimed ? unclaimed : sql`NOT ${unclaimed}`);
    }
    return whereChanged(list, f).page({ keys: TipRewardOrder.keys(args.orderBy), page: args, withCount, properties });
  }

  /**
   * 关联处理结果: sets a tip's penalty case and/or accident investigation (each one the caller may read,
   * else NOT_FOUND); the tip VERIFIED, HANDLED or CLOSED as FIXED, with no reward computed for its group yet.
   */
  linkOutcome(ctx: RequestContext, input: LinkTipOutcomeInput): Promise<Tip> {
    if (!input.penaltyCaseId && !input.accidentInvestigationId) throw rewardRules.field('input.penaltyCaseId', 'required', 'name a penalty case or an accident investigation (or both).');
    return transaction(ctx, async (tx) => {
      const tip = await records(tx, Tips, TipPermission.Dispatch).lock(input.tipId);
      if (!isRewardable(tip)) throw rewardRules.field('input.tipId', 'tipState', `the tip is ${tip.status}${tip.outcome ? ` (${tip.outcome})` : ''}: an outcome is linked to a tip VERIFIED, HANDLED, or CLOSED as FIXED.`);
      const rewarded = await unscoped(tx, TipRewards, REWARDING).where(sql`t.group_tip_id = ${await this.groupRoot(tx, tip)}`).count();
      if (rewarded) throw rewardRules.field('input.tipId', 'state', 'a reward was computed for the tip\'s group already: its outcome is kept.');
      if (input.penaltyCaseId) await records(tx, PenaltyCases).reference(input.penaltyCaseId, 'input.penaltyCaseId', { archived: true, lock: 'share' });
      if (input.accidentInvestigationId) await records(tx, AccidentInvestigations).reference(input.accidentInvestigationId, 'input.accidentInvestigationId', { archived: true, lock: 'share' });
      const patch: Patch<Tip> = {
        ...(input.penaltyCaseId ? { penaltyCaseId: input.penaltyCaseId } : {}),
        ...(input.accidentInvestigationId ? { accidentInvestigationId: input.accidentInvestigationId } : {}),
      };
      return updateRecord(tx, Tip, 'Tip', tip, tip.version, patch, { action: 'reporting.tip.outcome-linked' });
    });
  }

  /**
   * 核算: the reward of a tip, only for the earliest-received valid tip of its group of merged
   * duplicates (`firstValidReporter`), once per group; from the outcome linked to the tip (or to
   * another tip of its group), by the tier of its category in the version of reporting.reward-tiers
   * in force on the day the tip came in: the final fine of a decided penalty case, or the verified
   * grade and deaths of an accident investigation (else `notFinal`).
   */
  compute(ctx: RequestContext, input: ComputeTipRewardInput): Promise<TipReward> {
    return transaction(ctx, async (tx) => {
      const tip = await records(tx, Tips).reference(input.tipId, 'input.tipId', { lock: 'share', archived: true });
      const values = await this.rewardOf(tx, tip, 'input.tipId');
      return createRecord(tx, TipReward, 'TipReward', { ...values, status: TipRewardStatus.COMPUTED, computedAt: tx.clock.now() }, {
        action: 'reporting.reward.compute',
        ...recordEvent(rewardEvents['reporting.reward.computed'], rewardPayload),
      });
    });
  }

  /**
   * What a reward of `tip` is (inside the caller's transaction, the tip read in the caller's scope):
   * the checks of `compute` and the values it computes, without writing (the seed writes them with its own times).
   */
  async rewardOf(tx: RequestContext, tip: Tip, field: string): Promise<Patch<TipReward>> {
    const root = await this.groupRoot(tx, tip);
    await lockTipGroup(tx, root);
    const group = await unscoped(tx, Tips, REWARDING).where(sql`t.id IN ${tipGroupSql(root)}`).list({ keys: BY_RECEIPT, limit: MAX_GROUP });
    const first = group.find(isValidReport);
    if (!first || first.id !== tip.id) {
      const why = first ? `tip ${first.code}, received ${first.receivedAt.toISOString()}, is the first valid report of its group of merged tips` : 'no tip of its group is a valid report';
      throw rewardRules.field(field, 'firstValidReporter', `${why}: only the first valid reporter is rewarded (安监总财〔2018〕19号).`);
    }
    const existing = await unscoped(tx, TipRewards, REWARDING).where(sql`t.group_tip_id = ${root}`).count();
    if (existing) throw rewardRules.field(field, 'unique', 'the reward of this tip\'s group was computed already.');
    // The tip carrying the outcome: the tip itself, else the group's tip, else another tip of the group with one.
    const carrier = [tip, ...group.filter((t) => t.id === root), ...group].find((t) => t.penaltyCaseId || t.accidentInvestigationId);
    if (!carrier) throw rewardRules.field(field, 'outcomeRequired', 'no penalty case or accident investigation is linked to the tip or its group: link the outcome first (linkTipOutcome).');
    if (!isRewardable(carrier)) throw rewardRules.field(field, 'tipState', `tip ${carrier.code} is ${carrier.status}: a reward is computed for a tip VERIFIED, HANDLED, or CLOSED as FIXED.`);
    const day = todayInChina(tip.receivedAt);
    const rule = await businessRules.inForce(tx, REWARD_TIERS_RULE, day, field);
    const tier = rule.value.tiers[carrier.category as keyof RewardTiers['tiers']];
    if (!tier) throw rewardRules.field(field, 'noTier', `the rule version in force on ${day} (${rule.version.documentNumber}, ${rule.version.jurisdictionName}) has no reward tier for category ${carrier.category}.`);
    const base = { tipId: tip.id, groupTipId: root, organizationId: tip.organizationId, ruleVersionId: rule.id };
    if (tier.basis === 'FINE') {
      if (!carrier.penaltyCaseId) throw rewardRules.field(field, 'outcomeRequired', `a ${carrier.category} tip is rewarded from the final fine: link its penalty case first.`);
      const c = await unscoped(tx, PenaltyCases, REWARDING).one(carrier.penaltyCaseId, ['id', 'code', 'status', 'decision', 'decidedOn', 'decidedFineYuan']);
      if (!c || OPEN_BEFORE_DECISION.includes(c.status) || !c.decidedOn) throw rewardRules.field(field, 'notFinal', `penalty case ${c?.code ?? carrier.penaltyCaseId} is not decided yet (${c?.status ?? 'missing'}): the reward reads the final fine.`);
      if (c.decision !== PenaltyCaseDecision.PENALTY || !c.decidedFineYuan || compareDecimals(c.decidedFineYuan, '0') <= 0) throw rewardRules.field(field, 'nothingToReward', `penalty case ${c.code} was decided ${c.decision} with no fine: there is no fine to reward from.`);
      return { ...base, basis: TipRewardBasis.FINE, penaltyCaseId: c.id, fineYuan: c.decidedFineYuan, amountYuan: fineReward(tier, c.decidedFineYuan) };
    }
    if (!carrier.accidentInvestigationId) throw rewardRules.field(field, 'outcomeRequired', `a ${carrier.category} tip is rewarded from the accident's final grade: link its accident investigation first.`);
    const a = await unscoped(tx, AccidentInvestigations, REWARDING).one(carrier.accidentInvestigationId, ['id', 'grade', 'gradeBasis', 'deaths']);
    if (!a || a.gradeBasis !== AccidentGradeBasis.VERIFIED || !a.grade) throw rewardRules.field(field, 'notFinal', `the accident's grade is ${a?.gradeBasis ?? 'not set'}: the reward reads the grade of the verified report (核报).`);
    if (a.deaths < 1) throw rewardRules.field(field, 'nothingToReward', 'the accident has no verified death: the concealed-accident tier pays per verified death.');
    return { ...base, basis: TipRewardBasis.ACCIDENT_GRADE, accidentInvestigationId: a.id, accidentGrade: a.grade, verifiedDeaths: a.deaths, amountYuan: accidentReward(tier, a.grade as AccidentGrade, a.deaths) };
  }

  /** 审批: the claim deadline is the approval day plus the claim days of the rule version kept. */
  approve(ctx: RequestContext, input: ApproveTipRewardInput): Promise<TipReward> {
    return this.step(ctx, 'approve', input, async (tx, current) => {
      const { claimDays } = (await businessRules.stored(tx, REWARD_TIERS_RULE, current.ruleVersionId)).value;
      return {
        approvedAt: tx.clock.now(),
        approvedBy: tx.principal.displayName,
        approvedByPersonId: tx.principal.personId ?? null,
        approvalNote: input.note ?? null,
        claimDueOn: addDays(tx.clock.today(), claimDays),
      };
    });
  }

  /**
   * 发放: paid by the claim deadline (else `claimDeadline`: the reward is unclaimed), at most the amount
   * computed, to a reporter whose identity is known (an anonymous tip's reporter must have disclosed it).
   */
  pay(ctx: RequestContext, input: RecordTipRewardPaymentInput): Promise<TipReward> {
    return this.step(ctx, 'pay', input, async (tx, current) => {
      const now = tx.clock.now();
      const paidAt = input.paidAt ?? now;
      if (paidAt.getTime() > now.getTime()) throw rewardRules.field('input.paidAt', 'notFuture', 'must not be in the future.');
      if (paidAt.getTime() < current.approvedAt!.getTime()) throw rewardRules.field('input.paidAt', 'chronology', `must not be before the approval (${current.approvedAt!.toISOString()}).`);
      const paidOn = todayInChina(paidAt);
      if (isUnclaimed(current, paidOn)) throw rewardRules.field('input.paidAt', 'claimDeadline', `the claim deadline was ${current.claimDueOn}: the reward is unclaimed.`);
      if (compareDecimals(input.amountPaidYuan, current.amountYuan) > 0) throw rewardRules.field('input.amountPaidYuan', 'amount', `must not exceed the amount computed (${current.amountYuan}).`);
      const tip = await unscoped(tx, Tips, REWARDING).one(current.tipId, ['id', 'reporterKind', 'identityDisclosedAt']);
      if (tip?.reporterKind === TipReporterKind.ANONYMOUS && !tip.identityDisclosedAt) {
        throw rewardRules.field('input.id', 'identityRequired', 'the tip is anonymous: its reporter must disclose identity (with the tracking code and secret) before the reward is paid.');
      }
      return {
        paidAmountYuan: input.amountPaidYuan,
        paidAt,
        paymentMethod: input.method,
        voucherNumber: input.voucherNumber,
        paymentNote: input.note ?? null,
        paymentRecordedBy: tx.principal.displayName,
      };
    });
  }

  /** The tip a group of merged tips is kept under: followed through `duplicateOfId` (read whatever the caller may read). */
  private async groupRoot(tx: RequestContext, tip: Pick<Tip, 'id' | 'duplicateOfId'>): Promise<string> {
    let current = tip;
    for (let depth = 0; current.duplicateOfId && depth < 20; depth++) {
      const parent = await unscoped(tx, Tips, REWARDING).one(current.duplicateOfId, ['id', 'duplicateOfId']);
      if (!parent) break;
      current = parent;
    }
    return current.id;
  }

  /** One step: the reward locked within the step's permission scope (else NOT_FOUND), at the version read (else CONFLICT), in a state the step starts from. */
  private step(
    ctx: RequestContext,
    name: RewardStep,
    input: { readonly id: string; readonly version: number },
    build: (tx: RequestContext, current: TipReward) => Promise<Patch<Omit<TipReward, 'status'>>>,
  ): Promise<TipReward> {
    return transaction(ctx, async (tx) => {
      const current = await records(tx, TipRewards, REWARD_WORKFLOW.permissionOf(name)).lock(input.id);
      return applyStep(tx, REWARD_WORKFLOW, name, { current, version: input.version, patch: () => build(tx, current) });
    });
  }
}

