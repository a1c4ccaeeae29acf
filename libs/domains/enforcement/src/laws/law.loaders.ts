import { defineChildPages, defineReference, type RequestContext } from '@platform/core';
import type { LawArticle } from './law.entity';
import { LawArticleOrder, LawArticleSupersessionOrder } from './law.orders';
import { LawArticleSupersessions, LawArticles, LawDocuments } from './laws.entities';

/** Documents by id, for whoever may read the catalog (others load as null): one statement per request level. */
export const LawDocumentReference = defineReference(LawDocuments, 'enforcement.lawDocument.byId');

/** Articles by id, for whoever may read the catalog: one statement per request level. */
export const LawArticleReference = defineReference(LawArticles, 'enforcement.lawArticle.byId');

/** A document's articles, by ordinal. */
export const DocumentArticlePages = defineChildPages(LawArticles, { name: 'enforcement.lawDocument.articles', parentColumn: 'document_id', keys: LawArticleOrder.keys(null) });

/** The supersessions of an article (the articles that apply instead of it), by day. */
export const SupersededByPages = defineChildPages(LawArticleSupersessions, { name: 'enforcement.lawArticle.supersededBy', parentColumn: 'article_id', keys: LawArticleSupersessionOrder.keys(null) });

/** The supersessions by an article (the articles it applies instead of), by day. */
export const SupersedesPages = defineChildPages(LawArticleSupersessions, { name: 'enforcement.lawArticle.supersedes', parentColumn: 'superseding_article_id', keys: LawArticleSupersessionOrder.keys(null) });

/** Articles by id (batched with every other lookup of the request level), as a map; missing ones are left out. */
export async function lawArticlesById(ctx: RequestContext, ids: readonly string[]): Promise<Map<string, LawArticle>> {
  const found = await LawArticleReference.byId(ctx).loadMany(ids);
  return new Map(found.filter((a): a is LawArticle => !!a && !(a instanceof Error)).map((a) => [a.id, a]));
}
