import { defineRules, kernelRules, type RuleOf } from '@platform/core';

/**
 * Every validation rule the response module's BAD_USER_INPUT answers name (`extensions.fields[].rule`):
 * the kernel's shared ones it uses (`required`, `notFuture`, `notArchived`, `unique`, `checkDigit`,
 * `notBeforeFrom`, `state` for a workflow step) and its own below. Raise them with
 * `responseRules.field(field, rule, message)`.
 */
export const responseRules = defineRules(
  [
    /** An organization of the wrong kind: an incident affects, a relief case or a depot belongs to, a village or community (a depot also the town). */
    'kind',
    /** A change to a closed incident (it takes no more changes or reports). */
    'notClosed',
    /** An incident's time after its first damage report. */
    'notAfterReports',
    /** A report's time before the incident happened. */
    'notBeforeOccurred',
    /** A report's time before the previous report. */
    'notBeforePrevious',
    /** A report other than INITIAL (初报) as an incident's first. */
    'initialFirst',
    /** A second INITIAL report (初报). */
    'oneInitial',
    /** A report after the VERIFIED one (核报), which is the last. */
    'verifiedLast',
    /** Seriously injured people (重伤) above the injured, of whom they are a part. */
    'notAboveInjured',
    /** Crop area with total failure (绝收) above the area affected (受灾). */
    'notAboveCropArea',
    /** A day in the past where today or later is needed (China time). */
    'notPast',
    /** A relief notice (公示) shorter than RELIEF_NOTICE_DAYS. */
    'minimumNoticeDays',
    /** A relief case reviewed before its notice ended. */
    'noticeNotEnded',
    /** A payment above what remains of the approved amount. */
    'notAboveOutstanding',
    /** More supplies asked for than the batch holds. */
    'available',
    /** A batch received or transferred with another expiry day than the one already in stock. */
    'sameBatch',
    /** A transfer to the depot it leaves. */
    'notSameDepot',
  ] as const,
  kernelRules,
);

export type ResponseRule = RuleOf<typeof responseRules>;
