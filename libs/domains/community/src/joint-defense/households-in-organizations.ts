import { groupByKeys, type RequestContext } from '@platform/core';
import { organizationIdInScope } from '@platform/directory';
import { VULNERABLE_SQL } from './joint-defense.sensitive';
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
 * Two statements whatever the number of organizations.
 *
 * ```ts
 * const [wenfeng] = await householdsInOrganizations(ctx, [villageId]);
 * for (const h of wenfeng.vulnerable) notify(h.phone, h.leaderPersonId);
 * ```
 */
export async function householdsInOrganizations(ctx: RequestContext, organizationIds: readonly string[]): Promise<HouseholdsInOrganization[]> {
  const ids = [...new Set(organizationIds)];
  if (!ids.length) return [];
  const read = organizationIdInScope(ctx.principal, CommunityPermission.JointDefenseRead, 'h.organization_id');
  const sensitive = organizationIdInScope(ctx.principal, CommunityPermission.HouseholdReadSensitive, 'h.organization_id');
  // Households under each root: the root's path contains the household's organization path.
  const under = `
    FROM organization r
    JOIN organization o ON o.path <@ r.path
    JOIN joint_defense_household h ON h.organization_id = o.id AND h.archived_at IS NULL
    JOIN joint_defense_group g ON g.id = h.group_id AND g.archived_at IS NULL
    WHERE r.id = ANY(CAST(:ids AS uuid[]))`;
  const run = <R>(sql: string, params: Record<string, unknown>): Promise<R[]> => {
    const [query, positional] = ctx.manager.connection.driver.escapeQueryWithParameters(sql, { ...params, ids });
    return ctx.manager.query(query, positional);
  };
  const [totals, vulnerable] = await Promise.all([
    run<{ organizationId: string; households: number; people: number }>(
      `SELECT r.id AS "organizationId", count(*)::int AS "households", sum(h.member_count)::int AS "people" ${under} AND ${read.sql} GROUP BY r.id`,
      read.params,
    ),
    sensitive.sql === 'FALSE'
      ? Promise.resolve([])
      : run<VulnerableHouseholdContact & { rootId: string }>(
          `SELECT r.id AS "rootId", h.id AS "householdId", h.group_id AS "groupId", g.leader_person_id AS "leaderPersonId", h.organization_id AS "organizationId",
                  h.head_name AS "headName", h.address, h.phone, h.member_count AS "memberCount", h.elderly_living_alone AS "elderlyLivingAlone",
                  h.disabled_members AS "disabledMembers", h.children_members AS "childrenMembers", h.vulnerability_note AS "vulnerabilityNote"
           ${under} AND ${VULNERABLE_SQL('h')} AND ${sensitive.sql}
           ORDER BY r.id, h.elderly_living_alone DESC, h.disabled_members + h.children_members DESC, h.head_name, h.id`,
          sensitive.params,
        ),
  ]);
  const byRoot = groupByKeys(ids, vulnerable, (v) => v.rootId);
  const answers = new Map<string, HouseholdsInOrganization>();
  ids.forEach((id, i) => {
    const t = totals.find((row) => row.organizationId === id);
    const list = byRoot[i]!.map(({ rootId: _root, ...h }) => h);
    for (const h of list) ctx.sensitiveReads.push({ entityType: 'Household', entityId: h.householdId, field: 'vulnerable' });
    answers.set(id, { organizationId: id, households: t?.households ?? 0, people: t?.people ?? 0, vulnerable: list });
  });
  return organizationIds.map((id) => answers.get(id)!);
}
