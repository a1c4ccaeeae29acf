import { addDays } from '@platform/core';
import { seedId } from '@platform/directory';
import { SEED_LAW_ARTICLES, SEED_LAW_DOCUMENTS, SEED_SUPERSESSIONS } from './law-catalog.data';

/*
 * The seeded law catalog, inserted by the law catalog's migration: reference data every installation needs
 * (with the demo town or without it), with fixed ids so other parts' seeds and tests can name its
 * articles. Hand-written statements, each keeping the rows that exist (`ON CONFLICT DO NOTHING`).
 */

/** What runs a statement: a migration's QueryRunner or a context's EntityManager. */
export interface Queryable {
  query(text: string, parameters?: unknown[]): Promise<unknown>;
}

/** The seed id of a seeded document, by its code (e.g. `work-safety-law-2021`). */
export const lawDocumentSeedId = (code: string): string => seedId(`law-document:${code}`);

/**
 * The seed id of a seeded article: `lawCode` one of 'work-safety-law-2021' (安全生产法 2021),
 * 'administrative-penalty-law-2021' (行政处罚法 2021), 'order-493' (国务院令第493号),
 * 'safety-penalty-measures-2015' (总局令第77号), 'safety-penalty-measures-2026' (应急管理部令第18号);
 * `articleNumber` its ordinal (21 for 第二十一条).
 */
export const lawArticleSeedId = (lawCode: string, articleNumber: number): string => seedId(`law-article:${lawCode}:${articleNumber}`);

/** A PostgreSQL text array literal. */
const textArray = (values: readonly string[]): string => `{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;

/**
 * Inserts the catalog: five documents, their articles with the office's summaries, and the
 * supersessions of 国务院令第493号 arts. 35–38 by 安全生产法 2021 (2021-09-01) and of 总局令第77号 by
 * 应急管理部令第18号 (2026-02-01); a superseded article ends the day before its supersession.
 */
export async function insertLawCatalog(q: Queryable): Promise<void> {
  const superseded = new Map(SEED_SUPERSESSIONS.map((s) => [`${s.article[0]}:${s.article[1]}`, s.effectiveOn]));
  const documents = SEED_LAW_DOCUMENTS.map((d) => ({ ...d, id: lawDocumentSeedId(d.code) }));
  await q.query(
    `INSERT INTO law_document (id, code, kind, title, document_number, issuing_body, adopted_on, promulgated_on, effective_from, effective_to, source, note)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::date[], $8::date[], $9::date[], $10::date[], $11::text[], $12::text[])
     ON CONFLICT (id) DO NOTHING`,
    (['id', 'code', 'kind', 'title', 'documentNumber', 'issuingBody', 'adoptedOn', 'promulgatedOn', 'effectiveFrom', 'effectiveTo', 'source', 'note'] as const).map((k) => documents.map((d) => d[k])),
  );
  const articles = documents.flatMap((d) =>
    (SEED_LAW_ARTICLES[d.code] ?? []).map(([ordinal, number, caption, summary, topics, evidence, note]) => {
      const supersededOn = superseded.get(`${d.code}:${ordinal}`) ?? null;
      return [lawArticleSeedId(d.code, ordinal), d.id, number, ordinal, caption, summary, textArray(topics), evidence, note ?? null, d.effectiveFrom, supersededOn ? addDays(supersededOn, -1) : d.effectiveTo, supersededOn] as const;
    }),
  );
  await q.query(
    `INSERT INTO law_article (id, document_id, number, ordinal, caption, summary, topics, evidence, note, effective_from, effective_to, superseded_on)
     SELECT a.id, a.document_id, a.number, a.ordinal, a.caption, a.summary, a.topics::text[], a.evidence, a.note, a.effective_from, a.effective_to, a.superseded_on
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::int[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::date[], $11::date[], $12::date[])
         AS a(id, document_id, number, ordinal, caption, summary, topics, evidence, note, effective_from, effective_to, superseded_on)
     ON CONFLICT (id) DO NOTHING`,
    articles[0]!.map((_, i) => articles.map((a) => a[i])),
  );
  await q.query(
    `INSERT INTO law_article_supersession (id, article_id, superseding_article_id, effective_on, note)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::date[], $5::text[])
     ON CONFLICT (id) DO NOTHING`,
    [
      SEED_SUPERSESSIONS.map((s) => seedId(`law-supersession:${s.article.join(':')}>${s.by.join(':')}`)),
      SEED_SUPERSESSIONS.map((s) => lawArticleSeedId(...s.article)),
      SEED_SUPERSESSIONS.map((s) => lawArticleSeedId(...s.by)),
      SEED_SUPERSESSIONS.map((s) => s.effectiveOn),
      SEED_SUPERSESSIONS.map((s) => s.note),
    ],
  );
}
