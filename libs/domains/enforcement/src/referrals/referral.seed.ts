import { SortDirection, businessRules, sql, transaction, unscoped, updateRecord, type RequestContext } from '@platform/core';
import { seedId } from '@platform/directory';
import { REFERRAL_CLOCKS_RULE } from '../business-rules/referrals';
import { validEnforcementCertificates } from '../certificates/public';
import { AccidentInvestigations, accidentIncidentSeedId } from '../accidents/public';
import { hoursAfter } from './referral-checks';
import { issueReferralReport, issueTransfer } from './referral-documents';
import { resolveSource } from './referral-sources';
import { CriminalReferral, PoliceAnswer, ReferralDecision, ReferralStatus, CriminalReferrals } from '../referral-flags/public';

/** Why the seed reads beyond any caller's scope. */
const SEEDING = 'seeding demo data, on no caller\'s behalf';

const BY_ID = [{ column: 't.id', direction: SortDirection.ASC }];

/** The id of a seeded referral document, by kind. */
export const referralDocumentSeedId = (key: string, kind: string): string => seedId(`referral-document:${key}:${kind}`);

/** An instant of a China day. */
const at = (day: string, time: string): Date => new Date(`${day}T${time}:00+08:00`);

/**
 * The referral of the 金星铸造厂 burn (2026-06-05, three deaths after verification: 较大), flagged by
 * the accidents part when its investigation was opened, carried through the whole procedure of
 * 应急〔2019〕54号 on its clocks: reported by two enforcers on 06-08, transferred by decision of the
 * head of the town safety office on 06-10 (due 06-11 09:00), handed to the district police on 06-11
 * (within 24 hours), answered 立案 on 06-13 (within three days), closed on 06-15; with its
 * 涉嫌犯罪案件移送报告 and 移送书. The other seeded accidents over the thresholds stay FLAGGED.
 * Idempotent: a referral that is no longer FLAGGED is left alone.
 */
export async function seedReferrals(ctx: RequestContext): Promise<void> {
  const [accident] = await unscoped(ctx, AccidentInvestigations, SEEDING).where(sql`t.incident_id = ${accidentIncidentSeedId('jinxing-burn')}`).list({ keys: BY_ID, limit: 1, properties: ['id'] });
  if (!accident) return;
  const [referral] = await unscoped(ctx, CriminalReferrals, SEEDING).where(sql`t.accident_investigation_id = ${accident.id}`).list({ keys: BY_ID, limit: 1 });
  if (!referral || referral.status !== ReferralStatus.FLAGGED) return;
  await transaction(ctx, async (tx) => {
    const town = seedId('org:town');
    const enforcers = [seedId('person:person-dept-enforcement-staff-1'), seedId('person:person-dept-enforcement-staff-2')];
    const reportedAt = at('2026-06-08', '10:00');
    const clocks = await businessRules.inForce(tx, REFERRAL_CLOCKS_RULE, '2026-06-08');
    const decisionDueAt = hoursAfter(reportedAt, clocks.value.decisionDays * 24);
    const decidedAt = at('2026-06-10', '09:00');
    const transferDueAt = hoursAfter(decidedAt, clocks.value.transferHours);
    const transferredAt = at('2026-06-11', '08:30');
    const answerDueAt = hoursAfter(transferredAt, clocks.value.policeAnswerDays * 24);
    const answeredAt = at('2026-06-13', '16:00');
    const patch = {
      flaggedAt: at('2026-06-05', '16:30'),
      status: ReferralStatus.CLOSED,
      legalSubjectId: town,
      enforcerPersonIds: enforcers,
      suspectedOffence: '重大责任事故罪',
      reportSummary: '2026年6月5日，重庆金星铸造厂熔炼车间中频炉发生钢水喷溅，造成三人死亡、一人重伤，直接经济损失约420万元。经查，企业未按规定对炉体冷却水系统进行检查维护，作业人员未经安全培训上岗，涉嫌重大责任事故罪。',
      reportedAt,
      clockRuleVersionId: clocks.id,
      decisionDueAt,
      decidedAt,
      decision: ReferralDecision.TRANSFER,
      decisionReason: '事故造成三人死亡，符合《最高人民法院 最高人民检察院关于办理危害生产安全刑事案件适用法律若干问题的解释》第六条规定的立案追诉标准。',
      deciderPersonId: seedId('person:person-dept-safety-head'),
      decisionOnTime: decidedAt.getTime() <= decisionDueAt.getTime(),
      transferDueAt,
      transferredAt,
      policeOrgan: '重庆市南川区公安局',
      procuratorate: '重庆市南川区人民检察院',
      transferOnTime: transferredAt.getTime() <= transferDueAt.getTime(),
      answerDueAt,
      answeredAt,
      policeAnswer: PoliceAnswer.FILED,
      policeAnswerNote: '南川公（刑）立字〔2026〕0613号',
      answerOnTime: answeredAt.getTime() <= answerDueAt.getTime(),
      closedAt: at('2026-06-15', '17:00'),
    };
    const closed = await updateRecord(tx, CriminalReferral, 'CriminalReferral', referral, referral.version, patch, { action: 'enforcement.referral.seed', changes: { status: [referral.status, ReferralStatus.CLOSED] } });
    const source = await resolveSource(tx, { accidentInvestigationId: accident.id });
    const certificates = new Map([...(await validEnforcementCertificates(tx, enforcers, town, '2026-06-08'))].map(([id, c]) => [id, c.number]));
    await issueReferralReport(tx, closed, source.label, certificates, referralDocumentSeedId('jinxing-burn', 'report'));
    await issueTransfer(tx, closed, source.label, referralDocumentSeedId('jinxing-burn', 'transfer'));
  });
}
