import { runSql, sql, records, type RequestContext, type Sql } from '@platform/core';
import { Organizations } from '@platform/directory';
import { Drills } from '@domains/preparedness';
import { RescueTeams, TeamMembers } from '@domains/command';
import { VillageEmergencyCommitments } from './capacity.entities';
import { CapacityPermission } from './capacity.permissions';

/** One village's figures as read. */
export interface CapacityRow {
  readonly organizationId: string;
  readonly organizationName: string;
  readonly respondersOnCall: number;
  readonly teams: number;
  readonly readyTeams: number;
  readonly latestDrillOn: string | null;
  readonly commitmentId: string | null;
  readonly arrivalMinutes: number | null;
}

/** The most villages and communities a town has (the capacity list is computed whole, then paged). */
export const MAX_VILLAGES = 500;

const FIGURES = 'a village\'s capacity figures are counts over its whole subtree, shown to whoever may read the village\'s capacity';

/**
 * The capacity figures of the villages and communities in the caller's capacity scope (narrowed by
 * `where` over `t`), in ONE statement: per village, the serving members of its serving rescue teams
 * (militia respond when called out, so a rota shift is not required), its serving teams and those READY, its latest drill, and its commitment, each over the
 * village's subtree through the owning libraries' declarations. The counts are aggregates computed as
 * the system (see FIGURES); which villages are listed is the caller's scope.
 */
export function capacityRows(ctx: RequestContext, where: Sql | null): Promise<CapacityRow[]> {
  const system = ctx.asSystem(FIGURES);
  let villages = records(ctx, Organizations, CapacityPermission.Read).where(sql`t.kind IN ('VILLAGE', 'COMMUNITY') AND t.archived_at IS NULL`);
  if (where) villages = villages.where(where);
  const subtree = records(system, Organizations).as('so').where(sql`so.path <@ v.path`).subquery(sql`so.id`);
  const teams = records(system, RescueTeams).as('rt').where(sql`rt.archived_at IS NULL AND rt.organization_id IN ${subtree}`);
  return runSql<CapacityRow>(
    ctx.manager,
    sql`SELECT v.id AS "organizationId", v.name AS "organizationName",
          ${records(system, TeamMembers).as('m').where(sql`m.left_on IS NULL AND m.team_id IN ${teams.subquery(sql`rt.id`)}`).subquery(sql`count(*)::int`)} AS "respondersOnCall",
          ${teams.subquery(sql`count(*)::int`)} AS "teams",
          ${teams.where(sql`rt.readiness = 'READY'`).subquery(sql`count(*)::int`)} AS "readyTeams",
          ${records(system, Drills).as('d').where(sql`d.organization_id IN ${subtree}`).subquery(sql`max(d.held_on)::text`)} AS "latestDrillOn",
          ${records(system, VillageEmergencyCommitments).as('c').where(sql`c.organization_id = v.id`).subquery(sql`c.id`)} AS "commitmentId",
          ${records(system, VillageEmergencyCommitments).as('c').where(sql`c.organization_id = v.id`).subquery(sql`c.arrival_minutes`)} AS "arrivalMinutes"
        FROM ${villages.subquery(sql`t.id, t.name, t.path`)} v
       ORDER BY v.name, v.id
       LIMIT ${MAX_VILLAGES}`,
  );
}
