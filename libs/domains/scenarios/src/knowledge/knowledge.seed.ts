import { SortDirection, audit, sql, unscoped, type RequestContext } from '@platform/core';
import { seedId } from '@platform/directory';
import { EmergencyPlans } from '@domains/preparedness';
import { LawArticles, LawDocuments, lawArticleSeedId } from '@domains/enforcement';
import { KnowledgeEntryKind, KnowledgeSourceType } from './knowledge.enums';
import { SEED_LAW_ENTRIES, SEED_PLAN_EXCERPTS, SEED_QA, SEED_SYNONYMS, SEED_UNPUBLISHED } from './knowledge.seed.data';
import { insertSeedEntries, insertSeedSynonyms, type SeedEntryRow } from './knowledge.seed.sql';

const SEEDING = 'seeding the demo knowledge base, on no caller\'s behalf';
/** When the demo entries were written and published (before the README's instant, 2026-11-29 10:00). */
const WRITTEN_AT = '2026-11-20T09:00:00+08:00';

/** The id of a seeded entry, by its key (`geo-crack`, `plan:flood-response`, `law:wsl-21`…). */
export const knowledgeEntrySeedId = (key: string): string => seedId(`scenarios:knowledge-entry:${key}`);
/** The id of a seeded synonym, by its key (`dizai`, `119`…). */
export const knowledgeSynonymSeedId = (key: string): string => seedId(`scenarios:knowledge-synonym:${key}`);

const BY_ID = [{ column: 't.id', direction: SortDirection.ASC }];

/**
 * The demo knowledge base (deterministic, idempotent): the Q&A and guides of `knowledge.seed.data.ts`
 * (one a draft left unpublished), excerpts of the town's effective special and overall plans when
 * preparedness seeded them, the law catalog's articles in plain words (title from the document and
 * article, body the lead and the catalog's summary), and the synonyms.
 */
export async function seedKnowledge(ctx: RequestContext): Promise<void> {
  const rows: SeedEntryRow[] = SEED_QA.map(([key, kind, title, body, tags]) => ({
    id: knowledgeEntrySeedId(key),
    kind,
    title,
    body,
    sourceType: null,
    sourceId: null,
    tags,
    publishedAt: SEED_UNPUBLISHED.includes(key) ? null : WRITTEN_AT,
    createdAt: WRITTEN_AT,
  }));

  for (const [key, type, topic, title, body, tags] of SEED_PLAN_EXCERPTS) {
    const plans = unscoped(ctx, EmergencyPlans, SEEDING).where(sql`t.type = ${type} AND t.status = 'EFFECTIVE'`);
    const [plan] = await (topic ? plans.where(sql`t.topic = ${topic}`) : plans).list({ keys: BY_ID, limit: 1, properties: ['id', 'title'] });
    if (!plan) continue;
    rows.push({ id: knowledgeEntrySeedId(`plan:${key}`), kind: KnowledgeEntryKind.PLAN_EXCERPT, title: `《${plan.title}》${title.slice(title.indexOf('：') + 1)}`, body, sourceType: KnowledgeSourceType.EMERGENCY_PLAN, sourceId: plan.id, tags, publishedAt: WRITTEN_AT, createdAt: WRITTEN_AT });
  }

  const articles = await unscoped(ctx, LawArticles, SEEDING).many(SEED_LAW_ENTRIES.map(([, code, ordinal]) => lawArticleSeedId(code, ordinal)), ['id', 'documentId', 'number', 'caption', 'summary']);
  const documents = await unscoped(ctx, LawDocuments, SEEDING).many([...new Set(articles.flatMap((a) => (a ? [a.documentId] : [])))], ['id', 'title']);
  const titleOf = new Map(documents.flatMap((d) => (d ? [[d.id, d.title.replace(/（.*）$/, '')] as const] : [])));
  SEED_LAW_ENTRIES.forEach(([key, , , lead, tags], i) => {
    const a = articles[i];
    if (!a) return;
    rows.push({
      id: knowledgeEntrySeedId(`law:${key}`),
      kind: KnowledgeEntryKind.LAW_ARTICLE,
      title: `《${titleOf.get(a.documentId) ?? ''}》${a.number}${a.caption ? `（${a.caption}）` : ''}`,
      body: `${lead}${a.summary}`.slice(0, 4000),
      sourceType: KnowledgeSourceType.LAW_ARTICLE,
      sourceId: a.id,
      tags,
      publishedAt: WRITTEN_AT,
      createdAt: WRITTEN_AT,
    });
  });
  const entries = await insertSeedEntries(ctx, rows);
  const synonyms = await insertSeedSynonyms(
    ctx,
    SEED_SYNONYMS.map(([key, term, canonical, note]) => ({ id: knowledgeSynonymSeedId(key), term, canonical, note, createdAt: WRITTEN_AT })),
  );
  if (entries + synonyms) await audit(ctx, { action: 'scenarios.knowledge.seed', entityType: 'KnowledgeEntry', entityId: null, changes: { entries, synonyms } });
}
