import type { RequestContext } from '@platform/core';

/*
 * The statements of the demo item lists (`seedEnforcementItems`). Hand-written because seeding is not
 * on a caller's behalf and is idempotent: each insert keeps the rows that exist (`ON CONFLICT DO
 * NOTHING`), which the write helpers (one audited record at a time, refusing an existing id) do not express.
 */

export interface SeedListRow {
  readonly id: string;
  readonly organizationId: string;
  readonly code: string;
  readonly title: string;
  readonly documentNumber: string | null;
  readonly effectiveFrom: string;
  readonly effectiveTo: string | null;
  readonly status: string;
  readonly publishedOn: string;
  readonly note: string;
}

export interface SeedItemRow {
  readonly id: string;
  readonly listId: string;
  readonly code: string;
  readonly name: string;
  readonly kind: string;
  readonly category: string;
  readonly scope: string;
  readonly responsibleOrganizationId: string;
  readonly sourceDepartment: string | null;
  readonly entrustingBody: string | null;
  readonly legalBasis: string;
  readonly note: string | null;
}

export interface SeedBandRow {
  readonly id: string;
  readonly itemId: string;
  readonly subject: string;
  readonly level: string;
  readonly fineMinYuan: string | null;
  readonly fineMaxYuan: string | null;
  readonly incomePercentMin: number | null;
  readonly incomePercentMax: number | null;
  readonly condition: string;
}

/** Inserts the lists that do not exist yet (published at 18:00 China time of their day); the number inserted. */
export async function insertSeedLists(ctx: RequestContext, rows: readonly SeedListRow[]): Promise<number> {
  const created = await ctx.manager.query(
    `INSERT INTO enforcement_item_list (id, organization_id, code, title, document_number, effective_from, effective_to, status, published_at, note)
     SELECT l.id, l.organization_id, l.code, l.title, l.document_number, l.effective_from, l.effective_to, l.status, l.published_on + time '18:00' AT TIME ZONE 'Asia/Shanghai', l.note
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::date[], $7::date[], $8::text[], $9::date[], $10::text[])
         AS l(id, organization_id, code, title, document_number, effective_from, effective_to, status, published_on, note)
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    (['id', 'organizationId', 'code', 'title', 'documentNumber', 'effectiveFrom', 'effectiveTo', 'status', 'publishedOn', 'note'] as const).map((k) => rows.map((r) => r[k])),
  );
  return (created as unknown[]).length;
}

/** Inserts the items that do not exist yet, with their basis links (`basis`: item id → article ids). */
export async function insertSeedItems(ctx: RequestContext, rows: readonly SeedItemRow[], basis: ReadonlyArray<readonly [string, string]>): Promise<void> {
  await ctx.manager.query(
    `INSERT INTO enforcement_item (id, list_id, code, name, kind, category, scope, responsible_organization_id, source_department, entrusting_body, legal_basis, note)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::uuid[], $9::text[], $10::text[], $11::text[], $12::text[])
     ON CONFLICT (id) DO NOTHING`,
    (['id', 'listId', 'code', 'name', 'kind', 'category', 'scope', 'responsibleOrganizationId', 'sourceDepartment', 'entrustingBody', 'legalBasis', 'note'] as const).map((k) => rows.map((r) => r[k])),
  );
  await ctx.manager.query(
    `INSERT INTO enforcement_item_basis (item_id, article_id) SELECT * FROM unnest($1::uuid[], $2::uuid[]) ON CONFLICT DO NOTHING`,
    [basis.map((b) => b[0]), basis.map((b) => b[1])],
  );
}

/** Inserts the discretion bands that do not exist yet. */
export async function insertSeedBands(ctx: RequestContext, rows: readonly SeedBandRow[]): Promise<void> {
  await ctx.manager.query(
    `INSERT INTO enforcement_discretion_band (id, item_id, subject, level, fine_min_yuan, fine_max_yuan, income_percent_min, income_percent_max, condition)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::numeric[], $6::numeric[], $7::int[], $8::int[], $9::text[])
     ON CONFLICT (id) DO NOTHING`,
    (['id', 'itemId', 'subject', 'level', 'fineMinYuan', 'fineMaxYuan', 'incomePercentMin', 'incomePercentMax', 'condition'] as const).map((k) => rows.map((r) => r[k])),
  );
}
