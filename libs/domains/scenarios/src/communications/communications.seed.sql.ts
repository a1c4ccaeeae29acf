import type { RequestContext } from '@platform/core';

/*
 * The statements of the demo terminals, tests and drill (`seedCommunications`). Hand-written because
 * seeding is not on a caller's behalf and is idempotent (`ON CONFLICT DO NOTHING`).
 */

export interface SeedTerminalRow {
  readonly id: string;
  readonly organizationId: string;
  readonly kind: string;
  readonly identifier: string;
  readonly model: string;
  readonly holderPersonId: string | null;
  readonly status: string;
  readonly note: string | null;
}

export interface SeedTestRow {
  readonly id: string;
  readonly terminalId: string;
  readonly testedAt: string;
  readonly testerPersonId: string | null;
  readonly result: string;
  readonly note: string | null;
}

/** Inserts the terminals that do not exist yet (registered on 2024-10-15); the number inserted. */
export async function insertSeedTerminals(ctx: RequestContext, rows: readonly SeedTerminalRow[]): Promise<number> {
  const inserted: unknown[] = await ctx.manager.query(
    `INSERT INTO communication_terminal (id, organization_id, kind, identifier, model, holder_person_id, status, note, created_at, updated_at)
     SELECT r."id", r."organizationId", r."kind", r."identifier", r."model", r."holderPersonId", r."status", r."note", timestamptz '2024-10-15T10:00:00+08:00', timestamptz '2024-10-15T10:00:00+08:00'
       FROM jsonb_to_recordset($1::jsonb) AS r("id" uuid, "organizationId" uuid, "kind" text, "identifier" text, "model" text, "holderPersonId" uuid, "status" text, "note" text)
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [JSON.stringify(rows)],
  );
  return inserted.length;
}

/** Inserts the tests that do not exist yet (copying the terminal's village) and sets each terminal's last test from its latest; the number of tests inserted. */
export async function insertSeedTests(ctx: RequestContext, rows: readonly SeedTestRow[]): Promise<number> {
  const inserted: unknown[] = await ctx.manager.query(
    `INSERT INTO communication_terminal_test (id, terminal_id, organization_id, tested_at, tester_person_id, result, note, created_at, updated_at)
     SELECT r."id", r."terminalId", ct.organization_id, r."testedAt", r."testerPersonId", r."result", r."note", r."testedAt", r."testedAt"
       FROM jsonb_to_recordset($1::jsonb) AS r("id" uuid, "terminalId" uuid, "testedAt" timestamptz, "testerPersonId" uuid, "result" text, "note" text)
       JOIN communication_terminal ct ON ct.id = r."terminalId"
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [JSON.stringify(rows)],
  );
  await ctx.manager.query(
    `UPDATE communication_terminal t SET last_tested_at = x.tested_at, last_test_result = x.result
       FROM (SELECT DISTINCT ON (terminal_id) terminal_id, tested_at, result FROM communication_terminal_test
              WHERE terminal_id = ANY($1::uuid[]) ORDER BY terminal_id, tested_at DESC, id DESC) x
      WHERE t.id = x.terminal_id AND t.last_tested_at IS DISTINCT FROM x.tested_at`,
    [[...new Set(rows.map((r) => r.terminalId))]],
  );
  return inserted.length;
}

export interface SeedDrillRow {
  readonly id: string;
  readonly organizationId: string;
  readonly heldOn: string;
  readonly scenario: string;
  readonly terminalIds: readonly string[];
  readonly result: string;
  readonly problems: string | null;
}

/** Inserts the 三断 drill unless it exists (power, network and road all cut); 1 when inserted. */
export async function insertSeedDrill(ctx: RequestContext, d: SeedDrillRow): Promise<number> {
  const inserted: unknown[] = await ctx.manager.query(
    `INSERT INTO blackout_drill (id, organization_id, held_on, scenario, power_cut, network_cut, road_cut, terminal_ids, result, problems, created_at, updated_at)
     VALUES ($1, $2, $3, $4, true, true, true, $5::uuid[], $6, $7, ($3::date + time '17:00') AT TIME ZONE 'Asia/Shanghai', ($3::date + time '17:00') AT TIME ZONE 'Asia/Shanghai')
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [d.id, d.organizationId, d.heldOn, d.scenario, d.terminalIds, d.result, d.problems],
  );
  return inserted.length;
}
