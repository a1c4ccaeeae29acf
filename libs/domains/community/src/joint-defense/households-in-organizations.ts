import { can, join, raw, records, sql, type RequestContext, type Sql } from '@platform/core';
import { organizationIdWithinSubtree } from '@platform/directory';
import { vulnerableHousehold } from './joint-defense.sensitive';
import { Households } from '../community.entities';
import { CommunityPermission } from '../permissions';

/** A listed household with a vulnerable member, as warnings and relief need it (who, where, how to reach them). */
export interface VulnerableHouseholdContact {
  readonly householdId: string;
  readonly groupId: string;
  /** The group's leader, to be told along with the household. */
  readonly leaderPersonId: string;
  /** The household's own organization (the village, community or grid of its group). */
  readonly organizationId: string;
  readonly headName: string;
  readonly address: string;
  /** Unmasked: this list is only filled for callers holding rescue.household:read-sensitive there. */
  readonly phone: string | null;
  readonly memberCount: number;
  readonly elderlyLivingAlone: boolean;
  readonly disabledMembers: number;
  readonly childrenMembers: number;
  readonly vulnerabilityNote: string | null;
}

/** The households of one organization's subtree (the organization and everything below it). */
export interface HouseholdsInOrganization {
  readonly organizationId: string;
  /** Listed households of active groups that the caller may read (rescue.joint-defense:read). */
  readonly households: number;
  /** People living in them. */
  readonly people: number;
  /**
   * The vulnerable ones among them where the caller holds rescue.household:read-sensitive, in the
   * order to warn and evacuate them: elderly living alone first, then by the number of vulnerable
   * members. Empty without the permission. Each one is pushed to `ctx.sensitiveReads` (audited at
   * the end of a gateway request; jobs running as the system principal have no audit flush).
   */
  readonly vulnerable: readonly VulnerableHouseholdContact[];
}

/**
 * 十户联防 for later features (warnings, relief, evacuation): for each given organization, the
 * listed households of its whole subtree, their people, and the vulnerable households with their
 * phones, within the caller's scope. Unknown ids (or ones the caller may not read anything under)
 * come back with zeros and an empty list; the answer has one entry per id, in the order given.
 * Two statements whatever the number of organizations (one without the sensitive permission), the
 * scope applied by the kernel (`Households` read with rescue.joint-defense:read, the vulnerable ones
 * with rescue.household:read-sensitive).
 *
 * ```ts
 * const [wenfeng] = await householdsInOrganizations(ctx, [villageId]);
 * for (const h of wenfeng.vulnerable) notify(h.phone, h.leaderPersonId);
 * ```
 */
export async function householdsInOrganizations(ctx: RequestContext, organizationIds: readonly string[]): Promise<HouseholdsInOrganization[]> {
  const ids = [...new Set(organizationIds)];
  if (!ids.length) return [];
  // Whether the household (alias t) lies under each root: one condition per root, the roots in the order of `ids`.
  const under = ids.map((id) => organizationIdWithinSubtree('t.organization_id', id));
  const listed = sql`t.archived_at IS NULL AND EXISTS (SELECT 1 FROM joint_defense_group g WHERE g.id = t.group_id AND g.archived_at IS NULL) AND ${join(under, ' OR ', 'FALSE')}`;
  const columns = (each: (condition: Sql, i: number) => Sql): Sql => ids.slice(1).reduce((all, _, i) => sql`${all}, ${each(under[i + 1]!, i + 1)}`, each(under[0]!, 0));
  const [[totals], vulnerable] = await Promise.all([
    records(ctx, Households)
      .where(listed)
      .aggregate<Record<string, number>>(columns((condition, i) => sql`(count(*) FILTER (WHERE ${condition}))::int AS ${raw(`"h${i}"`)}, coalesce(sum(t.member_count) FILTER (WHERE ${condition}), 0)::int AS ${raw(`"p${i}"`)}`)),
    can(ctx.principal, CommunityPermission.HouseholdReadSensitive)
      ? records(ctx, Households, CommunityPermission.HouseholdReadSensitive)
          .where(sql`${listed} AND ${vulnerableHousehold('t')}`)
          .aggregate<VulnerableRow>(
            sql`t.id AS "householdId", t.group_id AS "groupId", (SELECT g.leader_person_id FROM joint_defense_group g WHERE g.id = t.group_id) AS "leaderPersonId", t.organization_id AS "organizationId",
              t.head_name AS "headName", t.address, t.phone, t.member_count AS "memberCount", t.elderly_living_alone AS "elderlyLivingAlone",
              t.disabled_members AS "disabledMembers", t.children_members AS "childrenMembers", t.vulnerability_note AS "vulnerabilityNote",
              ${columns((condition, i) => sql`(${condition}) AS ${raw(`"u${i}"`)}`)},
              row_number() OVER (ORDER BY t.elderly_living_alone DESC, t.disabled_members + t.children_members DESC, t.head_name, t.id) AS "rank"`,
          )
      : Promise.resolve([]),
  ]);
  // Warn and evacuate first: elderly living alone, then by the number of vulnerable members (the database's order, names by its collation).
  const ordered = [...vulnerable].sort((a, b) => Number(a.rank) - Number(b.rank));
  const answers = new Map<string, HouseholdsInOrganization>();
  ids.forEach((id, i) => {
    const list: VulnerableHouseholdContact[] = ordered.filter((row) => row[`u${i}`]).map(contactOf);
    for (const h of list) ctx.sensitiveReads.push({ entityType: 'Household', entityId: h.householdId, field: 'vulnerable' });
    answers.set(id, { organizationId: id, households: totals?.[`h${i}`] ?? 0, people: totals?.[`p${i}`] ?? 0, vulnerable: list });
  });
  return organizationIds.map((id) => answers.get(id)!);
}

/** A vulnerable household as read: the contact, whether it lies under each root (`u0`, `u1`, …) and its place in the warning order. */
type VulnerableRow = VulnerableHouseholdContact & { readonly rank: string | number } & Record<`u${number}`, boolean>;

const contactOf = (row: VulnerableRow): VulnerableHouseholdContact => ({
  householdId: row.householdId,
  groupId: row.groupId,
  leaderPersonId: row.leaderPersonId,
  organizationId: row.organizationId,
  headName: row.headName,
  address: row.address,
  phone: row.phone,
  memberCount: row.memberCount,
  elderlyLivingAlone: row.elderlyLivingAlone,
  disabledMembers: row.disabledMembers,
  childrenMembers: row.childrenMembers,
  vulnerabilityNote: row.vulnerabilityNote,
});
