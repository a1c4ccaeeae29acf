import { byKeys, pageKey, pagesByParent, SortDirection, type ConnectionResult, type PageRequest, type RequestContext, type SortKey } from '@platform/core';
import { organizationIdInScope } from '@platform/directory';
import type DataLoader from 'dataloader';
import { Household, JointDefenseGroup } from './joint-defense.entity';
import { JointDefenseGroupSummary } from './joint-defense.types';
import { VULNERABLE_SQL } from './joint-defense.sensitive';
import { CommunityPermission } from '../permissions';

/** Households by the head's name; the id makes the order total (index joint_defense_household_group_idx). */
export const householdSortKeys = (alias: string): SortKey<Household>[] => [
  { column: `${alias}.head_name`, direction: SortDirection.ASC },
  { column: `${alias}.id`, direction: SortDirection.ASC },
];

/** The listed households of many groups, within the caller's joint-defense scope, one statement per request level. */
export function groupHouseholdPages(ctx: RequestContext, page: PageRequest): DataLoader<string, ConnectionResult<Household>> {
  return ctx.loaders.get('rescue.jointDefenseGroup.households', pageKey(page), async (ids: readonly string[]) => {
    const scope = organizationIdInScope(ctx.principal, CommunityPermission.JointDefenseRead, 't.organization_id');
    const pages = await pagesByParent({
      manager: ctx.manager,
      entity: Household,
      table: 'joint_defense_household',
      parentColumn: 'group_id',
      parentIds: ids,
      where: `t.archived_at IS NULL AND ${scope.sql}`,
      params: scope.params,
      keys: householdSortKeys('t'),
      page,
    });
    return ids.map((id) => pages.get(id)!);
  });
}

/** Groups by id within the caller's joint-defense scope (archived ones too); out of scope loads as null. */
export function jointDefenseGroupById(ctx: RequestContext): DataLoader<string, JointDefenseGroup | null> {
  return ctx.loaders.get('rescue.jointDefenseGroup.byId', undefined, async (ids: readonly string[]) => {
    const scope = organizationIdInScope(ctx.principal, CommunityPermission.JointDefenseRead, 'g.organization_id');
    const rows = await ctx.manager.createQueryBuilder(JointDefenseGroup, 'g').where('g.id IN (:...ids)', { ids }).andWhere(scope.sql, scope.params).getMany();
    return byKeys(ids, rows, (g) => g.id);
  });
}

type SummaryRow = JointDefenseGroupSummary & { groupId: string };

/**
 * Summaries of many groups in ONE aggregate statement: listed households and their people, and the
 * vulnerable ones only where the caller holds rescue.household:read-sensitive (else null).
 */
export function groupSummaries(ctx: RequestContext): DataLoader<string, JointDefenseGroupSummary> {
  return ctx.loaders.get('rescue.jointDefenseGroup.summary', undefined, async (ids: readonly string[]) => {
    const sensitive = organizationIdInScope(ctx.principal, CommunityPermission.HouseholdReadSensitive, 'g.organization_id');
    const sql = `
      SELECT g.id AS "groupId",
        count(h.id)::int AS "households",
        coalesce(sum(h.member_count), 0)::int AS "people",
        CASE WHEN ${sensitive.sql} THEN (count(h.id) FILTER (WHERE ${VULNERABLE_SQL('h')}))::int END AS "vulnerableHouseholds"
      FROM joint_defense_group g
      LEFT JOIN joint_defense_household h ON h.group_id = g.id AND h.archived_at IS NULL
      WHERE g.id = ANY(:ids)
      GROUP BY g.id`;
    const [query, positional] = ctx.manager.connection.driver.escapeQueryWithParameters(sql, { ...sensitive.params, ids });
    const rows: SummaryRow[] = await ctx.manager.query(query, positional);
    return byKeys(ids, rows, (r) => r.groupId).map((r) => ({ households: r?.households ?? 0, people: r?.people ?? 0, vulnerableHouseholds: r ? r.vulnerableHouseholds : null }));
  });
}
