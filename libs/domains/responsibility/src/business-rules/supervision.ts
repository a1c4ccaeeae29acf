import { z } from 'zod';
import { defineBusinessRule, ruleVersionSeed, type BusinessRuleVersionSeed } from '@platform/core';

/** The value of each kind's rule: the deadlines (in working days), the publication duty, the one extension and the acceptance window. */
const SUPERVISION_RULE_SCHEMA = z.object({
  /** Working days after the issue day for the written reply or plan (回复/整改方案). */
  responseWorkingDays: z.int().min(1).max(60),
  /** Whether the action is to be published (公开). */
  publish: z.boolean(),
  /** Working days after the issue day to publish it (0 when not published). */
  publicationWorkingDays: z.int().min(0).max(60),
  /** Whether one extension of the deadline may be requested. */
  extensionAllowed: z.boolean(),
  /** The request must come at least this many working days before the deadline. */
  extensionRequestLeadWorkingDays: z.int().min(0).max(250),
  /** The office decides within this many working days of the request. */
  extensionDecisionWorkingDays: z.int().min(1).max(60),
  /** The office accepts or refuses within this many working days of the request for acceptance. */
  acceptanceWorkingDays: z.int().min(1).max(60),
  /** Escalation is allowed once acceptance has failed this many times (a repeat failure). */
  escalateAfterFailures: z.int().min(1).max(10),
});

export type SupervisionRuleValue = z.infer<typeof SUPERVISION_RULE_SCHEMA>;

/*
 * One rule per kind rather than one rule holding a value per kind: each kind's numbers come from a
 * different document of a different place (漳州's 约谈 procedure, 青岛's and 湖北's 挂牌督办 ones), and a
 * rule version is one document's value for one period. So the office can replace the rule of one
 * kind (e.g. when the district issues its own 约谈 procedure) without a new version of the others,
 * and each action stores the version of its own kind's rule.
 */
const rule = (kind: string, slug: string, nameZh: string) =>
  defineBusinessRule({
    code: `responsibility.supervision.${slug}`,
    nameZh,
    description: `Deadlines of a ${kind} in working days (reply or plan, publication, one extension with its lead time and decision clock, acceptance window) and the failed acceptances after which it may be escalated.`,
    schema: SUPERVISION_RULE_SCHEMA,
  });

export const SUPERVISION_NOTICE_RULE = rule('notice (通报)', 'notice', '通报办理时限');
export const SUPERVISION_URGING_LETTER_RULE = rule('urging letter (督促函)', 'urging-letter', '督促函办理时限');
export const SUPERVISION_INTERVIEW_RULE = rule('warning interview (约谈)', 'interview', '约谈整改时限');
export const SUPERVISION_LISTED_RULE = rule('listed supervision (挂牌督办)', 'listed', '挂牌督办时限');

/** Every rule the part declares. */
export const supervisionBusinessRules = [SUPERVISION_NOTICE_RULE, SUPERVISION_URGING_LETTER_RULE, SUPERVISION_INTERVIEW_RULE, SUPERVISION_LISTED_RULE];

const TOWN = { jurisdiction: 'TOWN', jurisdictionName: '南平镇', effectiveFrom: '2025-01-01' } as const;

/**
 * The first versions, seeded by the part's migration. The town has no procedure of its own yet: the
 * values follow the local procedures domain-facts §1 found ([S]: secondary sources, document numbers
 * not verified), adopted as the town's working values until it issues its own; [U] marks a value no
 * source gives.
 */
export const SUPERVISION_RULE_SEEDS: readonly BusinessRuleVersionSeed[] = [
  ruleVersionSeed({
    ...TOWN,
    rule: SUPERVISION_NOTICE_RULE,
    documentNumber: '南平镇安委会督办工作参照值（通报）',
    documentTitle: '参照《安全生产约谈实施办法（试行）》（安委〔2018〕2号）及地方督办做法',
    value: { responseWorkingDays: 10, publish: false, publicationWorkingDays: 0, extensionAllowed: false, extensionRequestLeadWorkingDays: 0, extensionDecisionWorkingDays: 10, acceptanceWorkingDays: 10, escalateAfterFailures: 2 },
    note: '[U] No source sets a reply period for a 通报: 10 working days is the office\'s working value. A 通报 is itself the publication (publish false). Acceptance window from 湖北 挂牌督办 (10 days) [S]; escalation after a repeat failure per issue 18.',
  }),
  ruleVersionSeed({
    ...TOWN,
    rule: SUPERVISION_URGING_LETTER_RULE,
    documentNumber: '南平镇安委会督办工作参照值（督促函）',
    documentTitle: '参照漳州市安全生产约谈办法（书面报告5个工作日）',
    value: { responseWorkingDays: 5, publish: false, publicationWorkingDays: 0, extensionAllowed: false, extensionRequestLeadWorkingDays: 0, extensionDecisionWorkingDays: 10, acceptanceWorkingDays: 10, escalateAfterFailures: 2 },
    note: '[U] Reply within 5 working days by analogy with 漳州\'s written report after a 约谈 [S]; no extension [U]; acceptance 10 days as 湖北 [S].',
  }),
  ruleVersionSeed({
    ...TOWN,
    rule: SUPERVISION_INTERVIEW_RULE,
    documentNumber: '漳州市安全生产约谈办法（文号未核实）',
    documentTitle: '漳州市安全生产约谈制度：被约谈单位5个工作日内书面报告整改情况',
    value: { responseWorkingDays: 5, publish: false, publicationWorkingDays: 0, extensionAllowed: false, extensionRequestLeadWorkingDays: 0, extensionDecisionWorkingDays: 10, acceptanceWorkingDays: 10, escalateAfterFailures: 2 },
    note: '[S] 漳州: written report within 5 working days of the interview, 约谈纪要, no substitutes (secondary source, 159sucan.com mirror). [U] extension not provided for; acceptance 10 days from 湖北 [S] (the source says 日, counted here as working days: confirm); a second failure may be escalated (second 约谈 → 通报 to the upper level).',
  }),
  ruleVersionSeed({
    ...TOWN,
    rule: SUPERVISION_LISTED_RULE,
    documentNumber: '青岛市重大事故隐患挂牌督办“3+X”制度；湖北省重大事故隐患挂牌督办办法（文号未核实）',
    documentTitle: '挂牌督办：5个工作日内公开，延期申请不迟于期限前20个工作日、10个工作日内决定；申请后10日内验收',
    value: { responseWorkingDays: 10, publish: true, publicationWorkingDays: 5, extensionAllowed: true, extensionRequestLeadWorkingDays: 20, extensionDecisionWorkingDays: 10, acceptanceWorkingDays: 10, escalateAfterFailures: 2 },
    note: '[S] 青岛 3+X: publish within 5 working days; extension request at least 20 working days before the deadline, decided within 10 working days. [S] 湖北: on-site acceptance within 10 days of the application (日 in the source, counted here as working days: confirm). [U] plan due within 10 working days of listing (no source; 省国资委 gives 20 days for a 约谈 plan).',
  }),
];
