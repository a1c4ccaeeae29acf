import { byKeys, defineChildPages, defineReference, records, rowScopeSql, sql, SortDirection, type RequestContext, type SortKey } from '@platform/core';
import type DataLoader from 'dataloader';
import type { Household, JointDefenseGroup } from './joint-defense.entity';
import type { JointDefenseGroupSummary } from './joint-defense.types';
import { vulnerableHousehold } from './joint-defense.sensitive';
import { Households, JointDefenseGroups } from '../community.entities';
import { CommunityPermission } from '../permissions';

/** Households by the head's name; the id makes the order total (index joint_defense_household_group_idx). */
export const householdSortKeys = (alias: string): SortKey<Household>[] => [
  { column: `${alias}.head_name`, direction: SortDirection.ASC },
  { column: `${alias}.id`, direction: SortDirection.ASC },
];

/**
 * The listed households of a group, within the caller's joint-defense scope (their personal fields
 * are masked and audited by their own field resolvers, never by this relation).
 */
export const GroupHouseholds = defineChildPages(Households, {
  name: 'rescue.jointDefenseGroup.households',
  parentColumn: 'group_id',
  keys: householdSortKeys('t'),
  where: () => [sql`t.archived_at IS NULL`],
});

/**
 * Households by id within the caller's joint-defense read scope (removed ones too), else null: one
 * statement per request level. Other modules read them here (the household of a relief case, of a
 * supply issue, of an evacuation list).
 */
export const HouseholdReference = defineReference(Households, 'rescue.household.byId');
export const householdById = (ctx: RequestContext): DataLoader<string, Household | null> => HouseholdReference.byId(ctx);

/** Groups by id within the caller's joint-defense scope (archived ones too); out of scope loads as null. */
export const JointDefenseGroupReference = defineReference(JointDefenseGroups, 'rescue.jointDefenseGroup.byId');
export const jointDefenseGroupById = (ctx: RequestContext): DataLoader<string, JointDefenseGroup | null> => JointDefenseGroupReference.byId(ctx);

type SummaryRow = JointDefenseGroupSummary & { groupId: string };

/**
 * Summaries of many groups in ONE aggregate statement: listed households and their people, and the
 * vulnerable ones only where the caller holds rescue.household:read-sensitive for the group's
 * organization (else null). The groups are the ones the caller read (in its joint-defense scope).
 */
export function groupSummaries(ctx: RequestContext): DataLoader<string, JointDefenseGroupSummary> {
  return ctx.loaders.get('rescue.jointDefenseGroup.summary', undefined, async (ids: readonly string[]) => {
    const listed = records(ctx, Households).as('h').where(sql`h.group_id = t.id AND h.archived_at IS NULL`);
    const vulnerable = records(ctx, Households, CommunityPermission.HouseholdReadSensitive).as('h').where(sql`h.group_id = t.id AND ${vulnerableHousehold('h')}`);
    // The group's organization within the caller's scope for the sensitive permission (its households share it).
    const sensitive = rowScopeSql(ctx.principal, CommunityPermission.HouseholdReadSensitive, JointDefenseGroups, 't');
    const rows = await records(ctx, JointDefenseGroups)
      .where(sql`t.id = ANY(CAST(${ids} AS uuid[]))`)
      .aggregate<SummaryRow>(
        sql`t.id AS "groupId",
          ${listed.subquery(sql`count(*)::int`)} AS "households",
          ${listed.subquery(sql`coalesce(sum(h.member_count), 0)::int`)} AS "people",
          CASE WHEN ${sensitive} THEN ${vulnerable.subquery(sql`count(*)::int`)} END AS "vulnerableHouseholds"`,
      );
    return byKeys(ids, rows, (r) => r.groupId).map((r) => ({ households: r?.households ?? 0, people: r?.people ?? 0, vulnerableHouseholds: r ? r.vulnerableHouseholds : null }));
  });
}
