import type { RequestContext } from '@platform/core';
import { RescueTeams } from '@domains/command';

/*
 * The statements of the demo publicity (`seedPublicity`). Hand-written because seeding is not on a
 * caller's behalf and is idempotent: each insert keeps the rows that exist (`ON CONFLICT DO NOTHING`).
 */

/** A demo activity as stored. */
export interface SeedActivityRow {
  readonly id: string;
  readonly organizationId: string;
  readonly kind: string;
  readonly title: string;
  readonly heldOn: string;
  readonly target: string | null;
  readonly audienceCount: number;
  readonly summary: string;
}

/** Inserts the activities that do not exist yet (recorded at 09:00 the day after); the number inserted. */
export async function insertSeedActivities(ctx: RequestContext, rows: readonly SeedActivityRow[]): Promise<number> {
  const inserted: unknown[] = await ctx.manager.query(
    `INSERT INTO publicity_activity (id, organization_id, kind, title, held_on, target, audience_count, summary, created_at, updated_at)
     SELECT r."id", r."organizationId", r."kind", r."title", r."heldOn", r."target", r."audienceCount", r."summary",
            (r."heldOn" + 1 + time '09:00') AT TIME ZONE 'Asia/Shanghai', (r."heldOn" + 1 + time '09:00') AT TIME ZONE 'Asia/Shanghai'
       FROM jsonb_to_recordset($1::jsonb) AS r("id" uuid, "organizationId" uuid, "kind" text, "title" text, "heldOn" date, "target" text, "audienceCount" int, "summary" text)
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [JSON.stringify(rows)],
  );
  return inserted.length;
}

/** Inserts the commendation of 双河村 unless it exists; 1 when inserted. */
export async function insertSeedCommendation(ctx: RequestContext, c: { id: string; warningId: string; organizationId: string; commendedOn: string }): Promise<number> {
  const inserted: unknown[] = await ctx.manager.query(
    `INSERT INTO evacuation_commendation (id, warning_id, organization_id, commended_name, evacuated_count, reason, commended_on, document_number)
     VALUES ($1, $2, $3, '双河村村民委员会', 38, '接到地质灾害红色预警后15分钟内启动转移预案，提前转移二组后山隐患点群众12户38人，滑坡发生时无一伤亡。', $4, '南平府发〔2026〕31号')
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [c.id, c.warningId, c.organizationId, c.commendedOn],
  );
  return inserted.length;
}

/** Inserts a social rescue force (社会应急力量) as a command rescue team of kind SOCIAL unless it exists; 1 when inserted. */
export async function insertSocialRescueTeam(ctx: RequestContext, team: { id: string; organizationId: string; name: string; baseAddress: string; dutyPhone: string }): Promise<number> {
  const result = await ctx.manager
    .createQueryBuilder()
    .insert()
    .into(RescueTeams.entity)
    .values({ ...team, kind: 'SOCIAL', shiftCount: 1, readiness: 'READY' } as never)
    .orIgnore()
    .execute();
  return (result.raw as unknown[]).length;
}
