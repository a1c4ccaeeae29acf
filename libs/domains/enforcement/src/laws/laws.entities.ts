/*
 * The law catalog's entities with their permissions, declared once: every read and write of the part
 * goes through `records(ctx, <declaration>)`. The catalog is the same for everyone: no row scope, only
 * the permission (a caller without it reads nothing).
 */
import { ALL_ROWS, defineScopedEntity } from '@platform/core';
import { LawArticle, LawArticleSupersession, LawDocument } from './law.entity';
import { LawPermission } from './laws.permissions';

const CATALOG = { custom: () => ALL_ROWS };

/** Documents of the catalog. */
export const LawDocuments = defineScopedEntity(LawDocument, { table: 'law_document', scope: CATALOG, read: LawPermission.Read, write: LawPermission.Manage });

/** Articles of the catalog's documents. */
export const LawArticles = defineScopedEntity(LawArticle, { table: 'law_article', scope: CATALOG, read: LawPermission.Read, write: LawPermission.Manage });

/** Supersession links between articles. */
export const LawArticleSupersessions = defineScopedEntity(LawArticleSupersession, { table: 'law_article_supersession', scope: CATALOG, read: LawPermission.Read, write: LawPermission.Manage });

/** The declarations reachable by `node(nodeId:)` (their GraphQL types implement `Node`). */
export const lawNodeEntities = [LawDocuments, LawArticles, LawArticleSupersessions];
