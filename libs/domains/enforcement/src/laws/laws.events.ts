import { defineEvents, payload } from '@platform/core';
import { LawArticles, LawDocuments } from './laws.entities';

/** What a document's events carry. */
type DocumentPayload = { id: string; code: string; effectiveFrom: string; effectiveTo: string | null };
/** What an article's events carry: the article, its document and its period. */
type ArticlePayload = { id: string; documentId: string; effectiveFrom: string; effectiveTo: string | null };

/** Every event of the law catalog (ids and days only). */
export const lawEvents = defineEvents({
  'enforcement.law-document.added': payload<DocumentPayload>(LawDocuments),
  'enforcement.law-document.repealed': payload<DocumentPayload>(LawDocuments),
  'enforcement.law-article.added': payload<ArticlePayload>(LawArticles),
  'enforcement.law-article.updated': payload<ArticlePayload>(LawArticles),
  /** An article superseded from `supersededOn` by the articles in `supersedingArticleIds`. */
  'enforcement.law-article.superseded': payload<ArticlePayload & { supersededOn: string; supersedingArticleIds: string[] }>(LawArticles),
  'enforcement.law-article.repealed': payload<ArticlePayload>(LawArticles),
});

export type LawEvents = typeof lawEvents;
