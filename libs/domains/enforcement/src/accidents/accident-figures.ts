import { SortDirection, businessRules, sql, todayInChina, unscoped, type Patch, type RequestContext } from '@platform/core';
import { DamageReports } from '@domains/response';
import { ACCIDENT_CLOCK_RULE, ACCIDENT_GRADE_RULE } from '../business-rules/accidents';
import { criminalThresholdReasons, criminalThresholdsOn, flagReferral } from '../referral-flags/public';
import type { AccidentInvestigation } from './accident.entity';
import { AccidentGradeBasis, AccidentInvestigationKind } from './accident.enums';
import { accidentGradeOf, type AccidentGradeRule } from './accident-grade';

/** Why the figures read every damage report of the incident: the grade is the accident's, whoever refreshes it. */
const GRADING = 'an accident is graded from all its damage reports, whatever part of the incident the caller may read';

/** The incident types whose casualties re-grade within the shorter window (国务院令第493号 第十三条: 道路交通事故、火灾事故 7日). */
export const SHORT_WINDOW_TYPES: readonly string[] = ['ROAD_TRAFFIC', 'FIRE'];

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** The value of a version of `enforcement.accident-investigation-clocks`. */
export type AccidentClockRule = {
  readonly reportWithinMinutes: number;
  readonly reportDays: number;
  readonly reportExtensionMaxDays: number;
  readonly replyDays: number;
  readonly replyDaysExtraordinary: number;
  readonly replyExtensionMaxDays: number;
  readonly warnDaysBefore: number;
};

/** A damage report as grading reads it. */
export interface ReportFigures {
  readonly id: string;
  readonly kind: string;
  readonly sequence: number;
  readonly reportedAt: Date;
  readonly deaths: number;
  readonly seriouslyInjured: number;
  readonly directEconomicLossYuan: string;
}

/** What grading found (the columns a refresh writes). */
export type GradedFigures = Pick<
  AccidentInvestigation,
  'deaths' | 'seriouslyInjured' | 'directLossYuan' | 'reportsCounted' | 'basisReportId' | 'gradeBasis' | 'grade' | 'gradeRuleVersionId' | 'regradeWindowEndsAt' | 'firstReportedAt' | 'reportDelayMinutes' | 'reportedLate'
>;

/**
 * The figures an accident is graded by, from its reports in order (pure):
 * - direct loss from the verified report (核报), else the latest (PROVISIONAL);
 * - casualties (deaths, seriously injured) likewise, but only from reports sent within the re-grading
 *   window (`windowEndsAt`): a casualty change reported after it does not re-grade (the grade holds
 *   with the casualties of the last report within the window; the first report's when none was within).
 */
export function gradingFigures(reports: readonly ReportFigures[], windowEndsAt: Date): { deaths: number; seriouslyInjured: number; directLossYuan: string; basis: ReportFigures; verified: boolean } | null {
  if (!reports.length) return null;
  const verified = reports.find((r) => r.kind === 'VERIFIED') ?? null;
  const latest = reports[reports.length - 1]!;
  const lossBasis = verified ?? latest;
  const within = reports.filter((r) => r.reportedAt.getTime() <= windowEndsAt.getTime());
  const casualtyBasis = verified && verified.reportedAt.getTime() <= windowEndsAt.getTime() ? verified : (within[within.length - 1] ?? reports[0]!);
  return { deaths: casualtyBasis.deaths, seriouslyInjured: casualtyBasis.seriouslyInjured, directLossYuan: lossBasis.directEconomicLossYuan, basis: lossBasis, verified: verified !== null };
}

/** The reporting delay (迟报): whole minutes from the accident to the first report, and whether it exceeded the rule's minutes (60 on time, 61 late). */
export function reportingDelay(occurredAt: Date, firstReportedAt: Date | null, withinMinutes: number): { minutes: number | null; late: boolean | null } {
  if (!firstReportedAt) return { minutes: null, late: null };
  const ms = firstReportedAt.getTime() - occurredAt.getTime();
  return { minutes: Math.floor(ms / MINUTE), late: ms > withinMinutes * MINUTE };
}


/** The rule versions in force on the accident day: the grades and the clocks. */
export async function accidentRulesOn(tx: RequestContext, occurredAt: Date, field = 'input.incidentId') {
  const day = todayInChina(occurredAt);
  const [grades, clocks] = [await businessRules.inForce(tx, ACCIDENT_GRADE_RULE, day, field), await businessRules.inForce(tx, ACCIDENT_CLOCK_RULE, day, field)];
  return { grades: { id: grades.id, value: grades.value as unknown as AccidentGradeRule }, clocks: { id: clocks.id, value: clocks.value as unknown as AccidentClockRule } };
}

/** The incident's damage reports in order, whatever the caller may read of the incident. */
export async function reportsOf(tx: RequestContext, incidentId: string): Promise<ReportFigures[]> {
  const rows = await unscoped(tx, DamageReports, GRADING)
    .where(sql`t.incident_id = ${incidentId}`)
    .list({ keys: [{ column: 't.sequence', direction: SortDirection.ASC }], limit: 1000, properties: ['id', 'kind', 'sequence', 'reportedAt', 'deaths', 'seriouslyInjured', 'directEconomicLossYuan'] });
  return rows.map((r) => ({ id: r.id, kind: r.kind, sequence: r.sequence, reportedAt: r.reportedAt, deaths: r.deaths, seriouslyInjured: r.seriouslyInjured, directEconomicLossYuan: r.directEconomicLossYuan }));
}

/**
 * Grades an investigation from its incident's reports: the figures, the grade (work-safety accidents
 * only; natural-disaster records keep the figures ungraded [U]) with the grade rule version in force
 * on the accident day, the re-grading window, and the reporting delay.
 */
export async function gradedFigures(
  tx: RequestContext,
  a: { readonly kind: AccidentInvestigationKind; readonly incidentId: string; readonly incidentType: string; readonly occurredAt: Date; readonly unitReportedAt: Date | null },
  rules: { grades: { id: string; value: AccidentGradeRule }; clocks: { id: string; value: AccidentClockRule } },
): Promise<Patch<GradedFigures> & GradedFigures> {
  const reports = await reportsOf(tx, a.incidentId);
  const windowDays = SHORT_WINDOW_TYPES.includes(a.incidentType) ? rules.grades.value.regradeWindowDaysRoadTrafficFire : rules.grades.value.regradeWindowDays;
  const regradeWindowEndsAt = new Date(a.occurredAt.getTime() + windowDays * DAY);
  const f = gradingFigures(reports, regradeWindowEndsAt);
  const initial = reports.find((r) => r.kind === 'INITIAL')?.reportedAt ?? null;
  const candidates = [initial, a.unitReportedAt].filter((d): d is Date => d !== null);
  const firstReportedAt = candidates.length ? new Date(Math.min(...candidates.map((d) => d.getTime()))) : null;
  const delay = reportingDelay(a.occurredAt, firstReportedAt, rules.clocks.value.reportWithinMinutes);
  const graded = f !== null && a.kind === AccidentInvestigationKind.WORK_SAFETY;
  return {
    deaths: f?.deaths ?? 0,
    seriouslyInjured: f?.seriouslyInjured ?? 0,
    directLossYuan: f?.directLossYuan ?? '0.00',
    reportsCounted: reports.length,
    basisReportId: f?.basis.id ?? null,
    gradeBasis: graded ? (f.verified ? AccidentGradeBasis.VERIFIED : AccidentGradeBasis.PROVISIONAL) : null,
    grade: graded ? accidentGradeOf(f, rules.grades.value) : null,
    gradeRuleVersionId: graded ? rules.grades.id : null,
    regradeWindowEndsAt,
    firstReportedAt,
    reportDelayMinutes: delay.minutes,
    reportedLate: delay.late,
  };
}

/**
 * 行刑衔接: a work-safety accident whose figures meet the criminal thresholds (两高 2015 解释 第六条,
 * the rule version in force today) is flagged for referral in the caller's transaction (idempotent:
 * the referrals part adds only reasons not raised before).
 */
export async function flagIfCriminal(tx: RequestContext, a: Pick<AccidentInvestigation, 'id' | 'organizationId' | 'kind' | 'deaths' | 'seriouslyInjured' | 'directLossYuan'>): Promise<void> {
  if (a.kind !== AccidentInvestigationKind.WORK_SAFETY) return;
  const thresholds = await criminalThresholdsOn(tx, tx.clock.today());
  const reasons = criminalThresholdReasons({ deaths: a.deaths, seriouslyInjured: a.seriouslyInjured, directLossYuan: a.directLossYuan }, thresholds.value);
  await flagReferral(tx, { accidentInvestigationId: a.id, organizationId: a.organizationId }, reasons);
}
