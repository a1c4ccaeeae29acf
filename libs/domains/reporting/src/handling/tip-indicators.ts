import { IndicatorDirection, IndicatorUnit, defineIndicator, raw, records, sql, type IndicatorDefinition, type IndicatorScope } from '@platform/core';
import { Hazards } from '@domains/risk';
import { TipChannel, TipOutcome, TipPermission, Tips } from '../tips/public';
import { TipActions } from './tip-actions.entities';
import { HANDLING_STATUSES, pastSlaSql, slaMetSql } from '../clocks/public';

/*
 * The tips' indicators, each attributed to the organization a tip concerns (an organization's figure
 * counts its subtree) and computed within the caller's reporting.tip:read scope. The clock questions
 * are the same SQL the lists filter by (`pastSlaSql`, `slaMetSql`).
 */

/** The handling due time with extensions, over alias `t` (text for `timeWithin`). */
const EXTENDED_DUE = '(t.handle_due_at + make_interval(days => t.extended_days))';
const DAY_SECONDS = 86_400;

/** 按期办结率 over the tips of `channels`. */
function onTime(code: string, nameZh: string, nameEn: string, channels: readonly TipChannel[] | null): IndicatorDefinition {
  return defineIndicator({
    code: `reporting.tips-on-time${code}`,
    nameZh,
    nameEn,
    description: `Tips${channels ? ` that came in on ${channels.join(', ')}` : ''} finished (closed, rejected, sent back) in the period by their handling due time (reporting.tip-sla, the version each keeps, plus extensions) over those finished in the period plus those still open whose due time fell in the period and has passed; escalated tips and merged duplicates are not counted (the district's clock, the tip merged into).`,
    unit: IndicatorUnit.RATE,
    direction: IndicatorDirection.HIGHER_IS_BETTER,
    permission: TipPermission.Read,
    compute: (ctx, s: IndicatorScope) => {
      const met = slaMetSql('t');
      const overdueOpen = sql`(t.status = ANY(${[...HANDLING_STATUSES]}::text[]) AND ${pastSlaSql('t', ctx.clock.now())} AND ${s.timeWithin(EXTENDED_DUE)})`;
      let tips = records(ctx, Tips).where(s.inSubtree('t.organization_id'));
      if (channels) tips = tips.where(sql`t.channel = ANY(${[...channels]}::text[])`);
      return tips.subquery(sql`count(*) FILTER (WHERE ${met} AND ${s.timeWithin('t.closed_at')}) AS numerator,
        count(*) FILTER (WHERE (${met} IS NOT NULL AND ${s.timeWithin('t.closed_at')}) OR ${overdueOpen}) AS denominator`);
    },
  });
}

const CHANNEL_NAMES: Record<TipChannel, [string, string]> = {
  [TipChannel.HOTLINE_12350]: ['12350热线', '12350 hotline'],
  [TipChannel.HOTLINE_12345]: ['12345热线', '12345 hotline'],
  [TipChannel.QR_CODE]: ['扫码', 'QR code'],
  [TipChannel.LETTER]: ['来信', 'letters'],
  [TipChannel.VISIT]: ['来访', 'visits'],
  [TipChannel.ONLINE]: ['网上', 'online'],
  [TipChannel.OPEN311]: ['Open311', 'Open311'],
};

/** 按期办结率: all channels, and one per channel (`reporting.tips-on-time.hotline-12345`…). */
export const tipsOnTime = onTime('', '举报按期办结率', 'Tips handled on time', null);
const perChannel = Object.values(TipChannel).map((c) => onTime(`.${c.toLowerCase().replace(/_/g, '-')}`, `举报按期办结率（${CHANNEL_NAMES[c][0]}）`, `Tips handled on time (${CHANNEL_NAMES[c][1]})`, [c]));

/** The median in days of `interval` (an SQL interval expression over `t`), 0 over no rows. */
const medianDays = (interval: string) => sql`coalesce(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM ${raw(interval)}) / ${DAY_SECONDS}), 0) AS numerator`;

/** 受理用时中位数: tips accepted in the period, days (fractional: 0.5 = 12 hours) from receipt to acceptance. */
export const tipsMedianDaysToAccept = defineIndicator({
  code: 'reporting.tips-median-days-to-accept',
  nameZh: '举报受理用时中位数',
  nameEn: 'Median time to accept tips',
  description: 'The median time from receipt to acceptance of the tips accepted in the period, in days with fractions (0.5 = 12 hours; multiply by 24 for hours); 0 when none was accepted.',
  unit: IndicatorUnit.DAYS,
  direction: IndicatorDirection.LOWER_IS_BETTER,
  permission: TipPermission.Read,
  compute: (ctx, s) => records(ctx, Tips).where(sql`t.accepted_at IS NOT NULL`).where(s.timeWithin('t.accepted_at')).where(s.inSubtree('t.organization_id')).subquery(medianDays('t.accepted_at - t.received_at')),
});

/** 办结用时中位数: tips closed in the period (not merged duplicates), calendar days from receipt to closing. */
export const tipsMedianDaysToClose = defineIndicator({
  code: 'reporting.tips-median-days-to-close',
  nameZh: '举报办结用时中位数',
  nameEn: 'Median time to close tips',
  description: 'The median time from receipt to closing of the tips closed in the period (status CLOSED, merged duplicates left out), in calendar days with fractions; 0 when none was closed.',
  unit: IndicatorUnit.DAYS,
  direction: IndicatorDirection.LOWER_IS_BETTER,
  permission: TipPermission.Read,
  compute: (ctx, s) =>
    records(ctx, Tips)
      .where(sql`t.status = 'CLOSED' AND t.outcome <> ${TipOutcome.DUPLICATE}`)
      .where(s.timeWithin('t.closed_at'))
      .where(s.inSubtree('t.organization_id'))
      .subquery(medianDays('t.closed_at - t.received_at')),
});

/** 超时举报数: tips past their clock now (a stock, whatever the period); the list's `pastSla` filter. */
export const tipsPastSla = defineIndicator({
  code: 'reporting.tips-past-sla',
  nameZh: '超时未办举报数',
  nameEn: 'Tips past their clock',
  description: 'Tips past their clock now: still received after acceptance was due, or accepted and not closed after handling was due (with extensions), as tips(filter: { pastSla: true }) lists them; target 0.',
  unit: IndicatorUnit.COUNT,
  direction: IndicatorDirection.LOWER_IS_BETTER,
  permission: TipPermission.Read,
  compute: (ctx, s) => records(ctx, Tips).where(pastSlaSql('t', ctx.clock.now())).where(s.inSubtree('t.organization_id')).subquery(sql`count(*) AS numerator`),
});

/** 查实率: tips closed in the period that were verified true (a hazard raised) over those closed (merged duplicates left out). */
export const tipsVerifiedShare = defineIndicator({
  code: 'reporting.tips-verified-share',
  nameZh: '举报查实率',
  nameEn: 'Share of tips verified',
  description: 'Tips closed in the period (status CLOSED, merged duplicates left out) that were verified true, raising a hazard, over the tips closed in the period.',
  unit: IndicatorUnit.RATE,
  direction: IndicatorDirection.HIGHER_IS_BETTER,
  permission: TipPermission.Read,
  compute: (ctx, s) =>
    records(ctx, Tips)
      .where(sql`t.status = 'CLOSED' AND t.outcome <> ${TipOutcome.DUPLICATE}`)
      .where(s.timeWithin('t.closed_at'))
      .where(s.inSubtree('t.organization_id'))
      .subquery(sql`count(*) FILTER (WHERE t.hazard_id IS NOT NULL) AS numerator, count(*) AS denominator`),
});

/** 隐患转化: tips verified in the period (a hazard raised from each). */
export const tipsHazardsRaised = defineIndicator({
  code: 'reporting.tips-hazards-raised',
  nameZh: '举报转化隐患数',
  nameEn: 'Hazards raised from tips',
  description: 'Tips verified true in the period, each raising a hazard in the risk module (source PUBLIC_REPORT).',
  unit: IndicatorUnit.COUNT,
  direction: IndicatorDirection.HIGHER_IS_BETTER,
  permission: TipPermission.Read,
  compute: (ctx, s) => records(ctx, Tips).where(sql`t.hazard_id IS NOT NULL AND t.verified_at IS NOT NULL`).where(s.timeWithin('t.verified_at')).where(s.inSubtree('t.organization_id')).subquery(sql`count(*) AS numerator`),
});

/**
 * 举报隐患按期销号率: of the hazards raised from tips verified in the period, those closed (销号) by their
 * rectification deadline (read through the risk module's `Hazards` declaration, within the caller's
 * hazard scope: a hazard the caller may not read counts as not closed on time).
 */
export const tipsHazardsClosedOnTime = defineIndicator({
  code: 'reporting.tips-hazards-closed-on-time',
  nameZh: '举报隐患按期销号率',
  nameEn: 'Hazards from tips closed on time',
  description: 'Of the tips verified true in the period, the share whose hazard is closed (销号) on or before its rectification deadline (China day; no deadline: closed at all), reading hazards through the risk module within your hazard scope.',
  unit: IndicatorUnit.RATE,
  direction: IndicatorDirection.HIGHER_IS_BETTER,
  permission: TipPermission.Read,
  compute: (ctx, s) => {
    const onTime = records(ctx, Hazards)
      .as('h')
      .where(sql`h.id = t.hazard_id AND h.status = 'CLOSED' AND h.closed_at IS NOT NULL AND (h.deadline IS NULL OR (h.closed_at AT TIME ZONE 'Asia/Shanghai')::date <= h.deadline)`)
      .subquery(sql`1`);
    return records(ctx, Tips)
      .where(sql`t.hazard_id IS NOT NULL AND t.verified_at IS NOT NULL`)
      .where(s.timeWithin('t.verified_at'))
      .where(s.inSubtree('t.organization_id'))
      .subquery(sql`count(*) FILTER (WHERE EXISTS ${onTime}) AS numerator, count(*) AS denominator`);
  },
});

/** 回访满意率: follow-ups recorded in the period answered SATISFIED over those answered (SATISFIED or NOT_FIXED; NO_ANSWER left out). */
export const tipsFollowUpSatisfaction = defineIndicator({
  code: 'reporting.tips-follow-up-satisfaction',
  nameZh: '举报回访满意率',
  nameEn: 'Follow-up satisfaction',
  description: 'Follow-ups (回访) recorded in the period whose answer was SATISFIED over those answered SATISFIED or NOT_FIXED (NO_ANSWER is not an answer); each follow-up counts, also of a tip reopened since.',
  unit: IndicatorUnit.RATE,
  direction: IndicatorDirection.HIGHER_IS_BETTER,
  permission: TipPermission.Read,
  compute: (ctx, s) =>
    records(ctx, TipActions)
      .where(sql`t.kind = 'FOLLOW_UP' AND t.result IN ('SATISFIED', 'NOT_FIXED')`)
      .where(s.timeWithin('t.at'))
      .where(s.inSubtree('(SELECT ft.organization_id FROM tip ft WHERE ft.id = t.tip_id)'))
      .subquery(sql`count(*) FILTER (WHERE t.result = 'SATISFIED') AS numerator, count(*) AS denominator`),
});

/** 重新办理率: of the tips received in the period that were closed at least once, those reopened at least once. */
export const tipsReopenRate = defineIndicator({
  code: 'reporting.tips-reopen-rate',
  nameZh: '举报重新办理率',
  nameEn: 'Tips reopened',
  description: 'Of the tips received in the period that were closed at least once (CLOSED now, or reopened since), those reopened at least once (by the reporter within the window, or after a follow-up found them not fixed); merged duplicates left out.',
  unit: IndicatorUnit.RATE,
  direction: IndicatorDirection.LOWER_IS_BETTER,
  permission: TipPermission.Read,
  compute: (ctx, s) =>
    records(ctx, Tips)
      .where(sql`(t.status = 'CLOSED' OR t.reopen_count > 0) AND t.outcome IS DISTINCT FROM ${TipOutcome.DUPLICATE}`)
      .where(s.timeWithin('t.received_at'))
      .where(s.inSubtree('t.organization_id'))
      .subquery(sql`count(*) FILTER (WHERE t.reopen_count > 0) AS numerator, count(*) AS denominator`),
});

export const tipIndicators: IndicatorDefinition[] = [
  tipsOnTime,
  ...perChannel,
  tipsMedianDaysToAccept,
  tipsMedianDaysToClose,
  tipsPastSla,
  tipsVerifiedShare,
  tipsHazardsRaised,
  tipsHazardsClosedOnTime,
  tipsFollowUpSatisfaction,
  tipsReopenRate,
];
