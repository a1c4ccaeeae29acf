import { SortDirection, defineChildPages, defineReference, raw, records, sql, type RequestContext, type Sql } from '@platform/core';
import type DataLoader from 'dataloader';
import type { AlarmRule } from './alarm-rule.entity';
import type { Alarm } from './alarm.entity';
import { AlarmRules, Alarms } from './alarms.entities';
import { ALARMS_LATEST_FIRST } from './alarms.orders';

/** Alarm rules by id (one statement per request level). */
export const AlarmRuleReference = defineReference(AlarmRules, 'scenarios.alarmRule.byId');
export const alarmRuleById = (ctx: RequestContext): DataLoader<string, AlarmRule | null> => AlarmRuleReference.byId(ctx);

/** Alarms by id, within the caller's read scope. */
export const AlarmReference = defineReference(Alarms, 'scenarios.alarm.byId');
export const alarmById = (ctx: RequestContext): DataLoader<string, Alarm | null> => AlarmReference.byId(ctx);

/** A rule's alarms, the latest first (one statement per request level). */
export const RuleAlarmPages = defineChildPages(Alarms, { name: 'scenarios.alarmRule.alarms', parentColumn: 'rule_id', keys: ALARMS_LATEST_FIRST });
/** An organization's alarms, the latest first (the enterprise picture: filter the open ones with `openAlarmsSql`). */
export const OrganizationAlarmPages = defineChildPages(Alarms, { name: 'scenarios.organization.alarms', parentColumn: 'organization_id', keys: ALARMS_LATEST_FIRST });

/** SQL condition over an alarm alias: the alarm is open (TRIGGERED, ACKNOWLEDGED or CONVERTED). */
export const openAlarmSql = (alias = 't'): Sql => raw(`${alias}.status <> 'CLEARED'`);

/** The open alarms of these organizations in the caller's scope, by organization, the latest first (at most `limit` in all): one statement. */
export async function openAlarmsOfOrganizations(ctx: RequestContext, organizationIds: readonly string[], limit = 500): Promise<Map<string, Alarm[]>> {
  const rows = await records(ctx, Alarms)
    .where(sql`t.organization_id = ANY(CAST(${organizationIds} AS uuid[])) AND t.status <> 'CLEARED'`)
    .list({ keys: [{ column: 't.organization_id', direction: SortDirection.ASC }, ...ALARMS_LATEST_FIRST], limit });
  const byOrganization = new Map<string, Alarm[]>(organizationIds.map((id) => [id, []]));
  for (const a of rows) byOrganization.get(a.organizationId)?.push(a);
  return byOrganization;
}
