import { z } from 'zod';
import { defineBusinessRule, ruleVersionSeed, type BusinessRuleVersionSeed } from '@platform/core';

/** How a period is counted: working days by the kernel calendar (holidays skipped, 调休 days counted), or calendar days. */
export const TIP_DAY_KINDS = ['WORKING', 'CALENDAR'] as const;
export type TipDayKind = (typeof TIP_DAY_KINDS)[number];

/** One channel's clocks. */
const CHANNEL_CLOCK = z.object({
  /** Acceptance (受理, e.g. 信访's written notice) is due this many days after the day it came in (that day not counted). */
  acceptDays: z.int().min(0).max(60),
  acceptDayKind: z.enum(TIP_DAY_KINDS),
  /** Handling (办结) is due this many days after the day it came in. */
  handleDays: z.int().min(1).max(365),
  handleDayKind: z.enum(TIP_DAY_KINDS),
  /** The most calendar days the handling clock may be extended by in all (信访: 30); null when extensions are granted per request without a fixed maximum (12345). */
  maxExtensionDays: z.int().min(0).max(365).nullable(),
  /** Where the values come from, with the evidence mark: [V] read in the primary text, [S] secondary source, [U] unverified. */
  basis: z.string().min(2).max(300),
});

const CHANNELS = z.object({
  HOTLINE_12350: CHANNEL_CLOCK,
  HOTLINE_12345: CHANNEL_CLOCK,
  QR_CODE: CHANNEL_CLOCK,
  LETTER: CHANNEL_CLOCK,
  VISIT: CHANNEL_CLOCK,
  ONLINE: CHANNEL_CLOCK,
  OPEN311: CHANNEL_CLOCK,
});

/**
 * 举报办理时限: per channel, acceptance within N days and handling within M days (working or calendar
 * days), extensions up to E calendar days; the follow-up (回访) after closing, the reporter's window to
 * reopen, and the duplicate-suggestion radius and window. A tip stores the version its clocks were
 * set by (`slaRuleVersionId`) and keeps it.
 */
export const TIP_SLA_RULE = defineBusinessRule({
  code: 'reporting.tip-sla',
  nameZh: '举报办理时限',
  description:
    'Clocks of a tip by channel: accepted within acceptDays and handled within handleDays after the day it came in (that day not counted; WORKING days by the kernel calendar or CALENDAR days; due at the end of the last day, China time), the handling clock extended by at most maxExtensionDays calendar days (null: per request); the follow-up falls due followUpDays after closing, the reporter may reopen within reporterReopenDays of closing; duplicates are suggested within duplicateRadiusMeters or at the same enterprise or place, received within duplicateWindowDays.',
  schema: z.object({
    channels: CHANNELS,
    followUpDays: z.int().min(0).max(90),
    reporterReopenDays: z.int().min(1).max(365),
    duplicateRadiusMeters: z.int().min(1).max(5000),
    duplicateWindowDays: z.int().min(1).max(365),
  }),
});

export type TipSla = z.infer<typeof TIP_SLA_RULE.schema>;
export type TipChannelClock = TipSla['channels']['LETTER'];

const LOCAL_EXAMPLE = '[U] example local rule (domain-facts §3.2 "Handling deadline"): accepted within 1 working day, handled within 30 days, at most 90 with extensions';

export const TIP_SLA_RULE_SEEDS: readonly BusinessRuleVersionSeed[] = [
  ruleVersionSeed({
    rule: TIP_SLA_RULE,
    jurisdiction: 'TOWN',
    jurisdictionName: '南平镇',
    documentNumber: '国务院令第749号《信访工作条例》；国办发〔2020〕53号及地方12345热线办理规则；本镇举报办理规则（示例）',
    documentTitle: '信访工作条例（2022）第二十二条、第二十三条 [V]；12345热线本地办理时限 [S]；其他渠道示例地方规则 [U]',
    article: '信访工作条例 第二十二条（15日内书面告知受理）、第二十三条（60日内办结，可延长不超过30日）',
    value: {
      channels: {
        LETTER: { acceptDays: 15, acceptDayKind: 'CALENDAR', handleDays: 60, handleDayKind: 'CALENDAR', maxExtensionDays: 30, basis: '[V] 信访工作条例（2022）第二十二条：15日内书面告知；第二十三条：60日内办结，延长不超过30日' },
        VISIT: { acceptDays: 15, acceptDayKind: 'CALENDAR', handleDays: 60, handleDayKind: 'CALENDAR', maxExtensionDays: 30, basis: '[V] 信访工作条例（2022）第二十二条、第二十三条（走访同来信）' },
        HOTLINE_12345: { acceptDays: 1, acceptDayKind: 'WORKING', handleDays: 13, handleDayKind: 'WORKING', maxExtensionDays: null, basis: '[S] 12345 local example: 投诉举报 13 working days, acceptance the next working day, extensions on request (国办发〔2020〕53号 summaries)' },
        HOTLINE_12350: { acceptDays: 1, acceptDayKind: 'WORKING', handleDays: 30, handleDayKind: 'CALENDAR', maxExtensionDays: 60, basis: LOCAL_EXAMPLE },
        ONLINE: { acceptDays: 1, acceptDayKind: 'WORKING', handleDays: 30, handleDayKind: 'CALENDAR', maxExtensionDays: 60, basis: LOCAL_EXAMPLE },
        QR_CODE: { acceptDays: 1, acceptDayKind: 'WORKING', handleDays: 30, handleDayKind: 'CALENDAR', maxExtensionDays: 60, basis: LOCAL_EXAMPLE },
        OPEN311: { acceptDays: 1, acceptDayKind: 'WORKING', handleDays: 30, handleDayKind: 'CALENDAR', maxExtensionDays: 60, basis: LOCAL_EXAMPLE },
      },
      followUpDays: 7,
      reporterReopenDays: 30,
      duplicateRadiusMeters: 50,
      duplicateWindowDays: 30,
    },
    effectiveFrom: '2022-05-01',
    note: 'LETTER, VISIT [V] (信访工作条例 2022, effective 2022-05-01). HOTLINE_12345 [S] (a local 12345 rule; local SLAs vary). HOTLINE_12350, ONLINE, QR_CODE, OPEN311 [U] (an example local rule). followUpDays 7 and reporterReopenDays 30 [U] (the office\'s choice; FixMyStreet asks after 4 weeks). duplicateRadiusMeters 50 [S] (FixMyStreet PR #1677), duplicateWindowDays 30 [U].',
  }),
];
