import { IndicatorDirection, IndicatorUnit, defineIndicator, records, sql } from '@platform/core';
import { CommunicationTerminals } from './communications.entities';
import { TerminalPermission } from './communications.permissions';
import { terminalReadySql, villageFallbackRowsSql } from './communications.sql';

/**
 * 应急通信终端就绪率: terminals of the subtree that are not retired and are ready today (the same
 * `terminalReadySql` as `CommunicationTerminal.ready`) ÷ those terminals. A state: the period does not narrow it.
 */
export const terminalReadiness = defineIndicator({
  code: 'scenarios.terminal-readiness',
  nameZh: '应急通信终端就绪率',
  nameEn: 'Emergency communication terminal readiness',
  description: 'Emergency fallback communication terminals of the subtree that are not retired and are ready today (in service, last test OK within scenarios.terminal-readiness days, 30), over all such terminals; the period does not narrow it.',
  unit: IndicatorUnit.RATE,
  direction: IndicatorDirection.HIGHER_IS_BETTER,
  permission: TerminalPermission.Read,
  compute: (ctx, s) =>
    records(ctx, CommunicationTerminals)
      .where(sql`t.status <> 'RETIRED'`)
      .where(s.inSubtree('t.organization_id'))
      .subquery(sql`count(*) FILTER (WHERE ${terminalReadySql('t', s.today)}) AS numerator, count(*) AS denominator`),
});

/** 无就绪保底终端的村（社区）数: villages and communities of the subtree with no terminal ready today (the rows of `villagesWithoutReadyFallback`); target 0. */
export const villagesWithoutFallback = defineIndicator({
  code: 'scenarios.villages-without-fallback',
  nameZh: '无就绪保底通信终端的村（社区）数',
  nameEn: 'Villages without a ready fallback communication terminal',
  description: 'Villages and communities of the subtree (not archived) with no emergency fallback terminal ready today (基层保底通信, 工信部联信管〔2024〕256号; the target is 0); the period does not narrow it.',
  unit: IndicatorUnit.COUNT,
  direction: IndicatorDirection.LOWER_IS_BETTER,
  permission: TerminalPermission.Read,
  compute: (ctx, s) =>
    sql`SELECT count(*) FILTER (WHERE v."readyTerminalCount" = 0) AS numerator FROM ${villageFallbackRowsSql(ctx, s.today, s.inSubtree('o.id'))} v`,
});

export const communicationsIndicators = [terminalReadiness, villagesWithoutFallback];
