import type { RequestContext } from '@platform/core';

/*
 * The statements of the registries' demo data (`seedRegistries`). Hand-written because seeding is not
 * on a caller's behalf and is idempotent: each insert keeps the rows that exist (`ON CONFLICT (id) DO
 * NOTHING`), which the write helpers (one audited record at a time, refusing an existing id) do not express.
 */

/** A demo row of one of the part's tables, by column name (snake_case), with its `id`. */
export type SeedRow = Readonly<Record<string, unknown>> & { readonly id: string };

/** The part's tables and their seeded columns (besides `id`), with each column's SQL type. */
const TABLES = {
  supervision_assignment: { department_id: 'uuid', sector_code: 'text', subtree_root_id: 'uuid', basis: 'text', started_on: 'date', ended_on: 'date', end_note: 'text' },
  new_business_format: { name: 'text', description: 'text', organization_id: 'uuid', reported_on: 'date', status: 'text', department_id: 'uuid', decision_document: 'text', decided_on: 'date' },
  key_project: { name: 'text', owner_organization_id: 'uuid', builder_name: 'text', stage: 'text', supervising_department_id: 'uuid', description: 'text' },
  three_simultaneity_record: { project_id: 'uuid', stage: 'text', document_number: 'text', approved_on: 'date', note: 'text' },
  linear_feature_section: { kind: 'text', name: 'text', geometry: 'jsonb', responsible_organization_id: 'uuid', responsible_department_id: 'uuid', note: 'text' },
  fire_four_ones_item: { department_id: 'uuid', year: 'int', kind: 'text', done_on: 'date', note: 'text' },
} as const;

export type SeedTable = keyof typeof TABLES;

/** Inserts the rows of one table that do not exist yet, in one statement; the number inserted. */
export async function insertSeedRows(ctx: RequestContext, table: SeedTable, rows: readonly SeedRow[]): Promise<number> {
  if (!rows.length) return 0;
  const columns = Object.entries(TABLES[table]);
  const names = ['id', ...columns.map(([c]) => c)].join(', ');
  // jsonb travels as text (unnest of a jsonb[] parameter would need each element cast).
  const arrays = ['$1::uuid[]', ...columns.map(([, type], i) => `$${i + 2}::${type === 'jsonb' ? 'text' : type}[]`)].join(', ');
  const selects = ['u.id', ...columns.map(([c, type]) => (type === 'jsonb' ? `u.${c}::jsonb` : `u.${c}`))].join(', ');
  const values = [rows.map((r) => r.id), ...columns.map(([c, type]) => rows.map((r) => (type === 'jsonb' ? JSON.stringify(r[c]) : (r[c] ?? null))))];
  const inserted = await ctx.manager.query(
    `INSERT INTO ${table} (${names}) SELECT ${selects} FROM unnest(${arrays}) AS u(${names}) ON CONFLICT (id) DO NOTHING RETURNING id`,
    values,
  );
  return inserted.length;
}
