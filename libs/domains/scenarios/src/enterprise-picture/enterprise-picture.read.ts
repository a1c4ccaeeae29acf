import { toGlobalId } from '@platform/core';
import { EnterpriseReasonCode, EnterpriseStatus, REASON_WORDS } from './enterprise-picture.enums';
import { EnterpriseDrillStanding, EnterpriseEquipmentStanding, EnterpriseInsuranceStanding, EnterpriseMonitoringStanding, EnterprisePicture, EnterpriseRedListEntry, EnterpriseStatusReason, type EnterpriseStanding } from './enterprise-picture.types';
import type { StandingRow } from './enterprise-picture.sql';

/** A reason as the statement built it (jsonb) into its GraphQL shape: the words with the record's detail, the record's global id. */
export function reasonOf(r: Readonly<Record<string, unknown>>): EnterpriseStatusReason {
  const code = r['code'] as EnterpriseReasonCode;
  const words = REASON_WORDS[code];
  const detail = (r['detail'] as string | null) ?? null;
  const type = r['recordType'] as string | null;
  const id = r['recordId'] as string | null;
  return Object.assign(new EnterpriseStatusReason(), {
    code,
    level: r['level'] as EnterpriseStatus,
    weight: Number(r['weight']),
    textZh: detail ? `${words.zh}：${detail}` : words.zh,
    textEn: detail ? `${words.en}: ${detail}` : words.en,
    detail,
    since: (r['since'] as string | null) ?? null,
    recordId: type && id ? toGlobalId(type, id) : null,
  });
}

function standing<T extends EnterpriseStanding>(target: T, row: StandingRow): T {
  return Object.assign(target, {
    enterpriseId: row.enterpriseId,
    enterpriseName: row.enterpriseName,
    sectorCode: row.sectorCode,
    status: row.status as EnterpriseStatus,
    score: row.score,
    reasons: row.reasons.map(reasonOf),
    ruleVersionId: row.ruleVersionId,
  });
}

/** The picture of a standing row on `today`. */
export function pictureOf(row: StandingRow, today: string): EnterprisePicture {
  const d = row.drills as Record<string, string | number | null> | null;
  return Object.assign(standing(new EnterprisePicture(), row), {
    asOf: today,
    highRisk: row.highRisk,
    insurance: Object.assign(new EnterpriseInsuranceStanding(), { mandatory: row.mandatory, covered: row.covered, coveringPolicyId: row.coveringPolicyId }),
    drills: d
      ? Object.assign(new EnterpriseDrillStanding(), {
          ruleId: d['ruleId'],
          ruleName: d['ruleName'],
          required: Number(d['required']),
          startsOn: d['startsOn'],
          endsOn: d['endsOn'],
          held: Number(d['held']),
          previousHeld: Number(d['previousHeld']),
          previousEndsOn: d['previousEndsOn'],
          lastHeldOn: d['lastHeldOn'] ?? null,
          overdue: row.drillOverdue,
        })
      : null,
    internalRewardMechanismInPlace: row.internalRewardMechanismInPlace,
    monitoring: Object.assign(new EnterpriseMonitoringStanding(), { activeSensors: row.activeSensors, openAlarms: Number(row.alarms.open), unacknowledgedAlarms: Number(row.alarms.unacknowledged) }),
    equipment: Object.assign(new EnterpriseEquipmentStanding(), { overdueRenewals: Number(row.renewals.overdueRenewals), earliestOverdueOn: row.renewals.earliestOverdueOn, eliminatedInService: row.eliminatedInService }),
  });
}

/** A red-list entry of a standing row. */
export const redListEntryOf = (row: StandingRow): EnterpriseRedListEntry => Object.assign(standing(new EnterpriseRedListEntry(), row), { rank: row.rank });
