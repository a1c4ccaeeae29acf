import { sql, unscoped, type RequestContext } from '@platform/core';
import { LawArticleSupersessionOrder } from './law.orders';
import { LawArticleSupersessions, LawArticles, LawDocuments } from './laws.entities';
import { lawRules } from './laws.rules';
import { periodContains } from './law-status';

const CHECK = 'a check of the articles a matter cites: the catalog is the same for everyone, whatever the caller may read';

/**
 * Checks that every article a matter cites exists and is in force on `day` (e.g. the legal basis of
 * an enforcement item on its list's first day): BAD_USER_INPUT on `<field>.<index>` with rule `exists`
 * for a missing one, `inForce` for one not in force (the message names the article that superseded
 * it, when one did). One statement when every article is in force; three more to name the successor otherwise.
 */
export async function checkArticlesInForce(ctx: RequestContext, field: string, articleIds: readonly string[], day: string): Promise<void> {
  if (!articleIds.length) return;
  const found = await unscoped(ctx, LawArticles, CHECK).many(articleIds, ['id', 'documentId', 'number', 'effectiveFrom', 'effectiveTo', 'supersededOn']);
  const missing = found.findIndex((a) => a === null);
  if (missing >= 0) throw lawRules.field(`${field}.${missing}`, 'exists', `there is no law article ${articleIds[missing]}.`);
  const stale = found.findIndex((a) => !periodContains(a!, day));
  if (stale < 0) return;
  const article = found[stale]!;
  const [link] = article.supersededOn
    ? await unscoped(ctx, LawArticleSupersessions, CHECK).where(sql`t.article_id = ${article.id}`).list({ keys: LawArticleSupersessionOrder.keys(null), limit: 1 })
    : [];
  const successor = link ? await unscoped(ctx, LawArticles, CHECK).one(link.supersedingArticleId, ['id', 'documentId', 'number']) : null;
  const document = successor ? await unscoped(ctx, LawDocuments, CHECK).one(successor.documentId, ['id', 'title', 'documentNumber']) : null;
  const instead = successor && document ? `; it is superseded from ${article.supersededOn} by ${document.documentNumber ?? document.title} ${successor.number} (${successor.id})` : '';
  throw lawRules.field(`${field}.${stale}`, 'inForce', `the article ${article.number} is not in force on ${day} (in force ${article.effectiveFrom} to ${article.effectiveTo ?? 'open'})${instead}.`);
}
