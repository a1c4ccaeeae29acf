import type { RequestContext } from '@platform/core';

/*
 * The statements of the demo issuers (`seedDocumentIssuers`). Hand-written because seeding is
 * idempotent: the insert keeps the rows that exist (`ON CONFLICT DO NOTHING`), which the write
 * helpers (one audited record at a time, refusing an existing id) do not express.
 */

/** Inserts the issuers' short names that do not exist yet (by id, organization or short name), in one statement. */
export async function insertSeedIssuers(ctx: RequestContext, rows: ReadonlyArray<{ id: string; organizationId: string; shortName: string }>): Promise<void> {
  if (!rows.length) return;
  await ctx.manager.query(
    `INSERT INTO enforcement_document_issuer (id, organization_id, short_name)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[]) ON CONFLICT DO NOTHING`,
    [rows.map((r) => r.id), rows.map((r) => r.organizationId), rows.map((r) => r.shortName)],
  );
}
