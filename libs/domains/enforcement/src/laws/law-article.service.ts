import {
  addDays,
  assertVersion,
  containsPattern,
  createRecord,
  recordEvent,
  records,
  sentFields,
  sql,
  transaction,
  updateRecord,
  whereChanged,
  type ConnectionResult,
  type Patch,
  type Records,
  type RequestContext,
} from '@platform/core';
import { LawArticle, LawArticleSupersession } from './law.entity';
import { LawArticleOrder } from './law.orders';
import { LawArticles, LawDocuments } from './laws.entities';
import { lawEvents } from './laws.events';
import { LawPermission } from './laws.permissions';
import { lawRules } from './laws.rules';
import { applicableSql, inForceSql, supersededBySql } from './law.sql';
import { periodContains } from './law-status';
import type { AddLawArticleInput, ApplicableLawArticleArgs, LawArticleFilter, LawArticleListArgs, RepealLawArticleInput, SupersedeLawArticleInput, UpdateLawArticleInput } from './law.inputs';

/** Properties the default keyset order reads (besides the id). */
export const LAW_ARTICLE_KEY_PROPERTIES = ['documentId', 'ordinal'];

const payloadOf = (a: LawArticle) => ({ id: a.id, documentId: a.documentId, effectiveFrom: a.effectiveFrom, effectiveTo: a.effectiveTo });

/** The filter's conditions over articles (alias `t`). */
function filtered(articles: Records<LawArticle>, f: LawArticleFilter): Records<LawArticle> {
  let out = articles;
  if (f.documentId) out = out.where(sql`t.document_id = ${f.documentId}`);
  if (f.topic) out = out.where(sql`CAST(${f.topic} AS text) = ANY(t.topics)`);
  if (f.inForceOn) out = out.where(inForceSql('t', f.inForceOn));
  if (f.evidence?.length) out = out.where(sql`t.evidence = ANY(${f.evidence})`);
  if (f.search) {
    const pattern = containsPattern(f.search);
    out = out.where(sql`(t.number ILIKE ${pattern} OR t.caption ILIKE ${pattern} OR t.summary ILIKE ${pattern})`);
  }
  return whereChanged(out, f);
}

/** The catalog's articles: listed, asked which applies to a matter, added, corrected, superseded, repealed. */
export class LawArticleService {
  byId(ctx: RequestContext, id: string, properties: readonly string[] | null = null): Promise<LawArticle | null> {
    return records(ctx, LawArticles).one(id, properties);
  }

  list(ctx: RequestContext, args: LawArticleListArgs, withCount: boolean, properties: readonly string[] | null = null): Promise<ConnectionResult<LawArticle>> {
    return filtered(records(ctx, LawArticles), args.filter ?? {}).page({ keys: LawArticleOrder.keys(args.orderBy), page: args, withCount, properties });
  }

  /** The articles that apply to a matter on a day (see `applicableSql`), in one statement. */
  applicable(ctx: RequestContext, args: ApplicableLawArticleArgs, withCount: boolean, properties: readonly string[] | null = null): Promise<ConnectionResult<LawArticle>> {
    const articles = records(ctx, LawArticles).where(applicableSql('t', args.topic, args.on));
    return filtered(articles, args.filter ?? {}).page({ keys: LawArticleOrder.keys(args.orderBy), page: args, withCount, properties });
  }

  /** An article of a document, within the document's period, its ordinal unused in the document. */
  add(ctx: RequestContext, input: AddLawArticleInput): Promise<LawArticle> {
    return transaction(ctx, async (tx) => {
      // FOR SHARE: the document's period stays as read until the article is written.
      const document = await records(tx, LawDocuments, LawPermission.Manage).reference(input.documentId, 'input.documentId', { lock: 'share' });
      const effectiveFrom = input.effectiveFrom ?? document.effectiveFrom;
      const effectiveTo = input.effectiveTo ?? document.effectiveTo;
      if (effectiveFrom < document.effectiveFrom || (document.effectiveTo !== null && effectiveFrom > document.effectiveTo)) {
        throw lawRules.field('input.effectiveFrom', 'range', `must lie within the document's period (${document.effectiveFrom} to ${document.effectiveTo ?? 'open'}).`);
      }
      if (effectiveTo !== null && effectiveTo < effectiveFrom) throw lawRules.field('input.effectiveTo', 'notBeforeFrom', 'must not be before effectiveFrom.');
      if (document.effectiveTo !== null && effectiveTo !== null && effectiveTo > document.effectiveTo) throw lawRules.field('input.effectiveTo', 'range', `must not be after the document's last day in force (${document.effectiveTo}).`);
      await this.checkOrdinal(tx, document.id, input.ordinal);
      return createRecord(
        tx,
        LawArticle,
        'LawArticle',
        {
          documentId: document.id,
          number: input.number,
          ordinal: input.ordinal,
          caption: input.caption ?? null,
          summary: input.summary,
          topics: input.topics,
          evidence: input.evidence,
          source: input.source ?? null,
          note: input.note ?? null,
          effectiveFrom,
          effectiveTo,
          supersededOn: null,
        },
        { action: 'enforcement.law-article.add', ...recordEvent(lawEvents['enforcement.law-article.added'], payloadOf) },
      );
    });
  }

  /** A correction of what the article says (number, summary, topics, checking state); its period changes only by supersession or repeal. */
  update(ctx: RequestContext, input: UpdateLawArticleInput): Promise<LawArticle> {
    return transaction(ctx, async (tx) => {
      const current = await records(tx, LawArticles, LawPermission.Manage).lock(input.id);
      assertVersion('LawArticle', current, input.version);
      if (input.ordinal !== undefined && input.ordinal !== current.ordinal) await this.checkOrdinal(tx, current.documentId, input.ordinal);
      const patch: Patch<LawArticle> = sentFields(input, ['number', 'ordinal', 'caption', 'summary', 'topics', 'evidence', 'source', 'note']);
      return updateRecord(tx, LawArticle, 'LawArticle', current, input.version, patch, { action: 'enforcement.law-article.update', ...recordEvent(lawEvents['enforcement.law-article.updated'], payloadOf) });
    });
  }

  /**
   * Later articles apply instead of this one from a day: its last day becomes the day before, and a
   * link is kept to each superseding article. Refused: an article superseding itself
   * (`selfSupersession`), a loop (`supersessionCycle`), a superseding article not in force on the day
   * (`supersessionGap`: the matter would be left without one), a day the article has not yet been in
   * force before or one after it ended (`range`), another day than an earlier supersession's (`state`),
   * links recorded already (`unique`).
   */
  supersede(ctx: RequestContext, input: SupersedeLawArticleInput): Promise<LawArticle> {
    return transaction(ctx, async (tx) => {
      const manage = records(tx, LawArticles, LawPermission.Manage);
      const current = await manage.lock(input.id);
      assertVersion('LawArticle', current, input.version);
      const field = (i: number) => `input.supersedingArticleIds.${i}`;
      const self = input.supersedingArticleIds.indexOf(current.id);
      if (self >= 0) throw lawRules.field(field(self), 'selfSupersession', 'an article cannot supersede itself.');
      const superseding = await manage.referenceAll(input.supersedingArticleIds, 'input.supersedingArticleIds');
      for (const [i, article] of superseding.entries()) {
        if (await manage.where(sql`t.id = ${article.id} AND ${supersededBySql('t', current.id)}`).count()) {
          throw lawRules.field(field(i), 'supersessionCycle', `the article ${article.number} is itself superseded, directly or down a chain, by the article being superseded.`);
        }
      }
      const lastDay = addDays(input.effectiveOn, -1);
      if (lastDay < current.effectiveFrom) throw lawRules.field('input.effectiveOn', 'range', `must be after the article's first day in force (${current.effectiveFrom}).`);
      if (current.supersededOn !== null && current.supersededOn !== input.effectiveOn) {
        throw lawRules.field('input.effectiveOn', 'state', `the article is superseded from ${current.supersededOn} already: further superseding articles take over on that day.`);
      }
      if (current.supersededOn === null && current.effectiveTo !== null && current.effectiveTo < lastDay) {
        throw lawRules.field('input.effectiveOn', 'range', `the article ended on ${current.effectiveTo}: it can be superseded from ${addDays(current.effectiveTo, 1)} at the latest.`);
      }
      for (const [i, article] of superseding.entries()) {
        if (!periodContains(article, input.effectiveOn)) {
          throw lawRules.field(field(i), 'supersessionGap', `the article ${article.number} is in force from ${article.effectiveFrom} to ${article.effectiveTo ?? 'open'}, not on ${input.effectiveOn}: the matter would be left without an article.`);
        }
      }
      const linked = await records(tx, LawArticles, LawPermission.Manage)
        .where(sql`t.id = ANY(CAST(${input.supersedingArticleIds} AS uuid[])) AND t.id IN (SELECT s.superseding_article_id FROM law_article_supersession s WHERE s.article_id = ${current.id})`)
        .list({ keys: LawArticleOrder.keys(null), limit: 5, properties: ['id'] });
      if (linked.length) {
        const i = input.supersedingArticleIds.indexOf(linked[0]!.id);
        throw lawRules.field(field(i), 'unique', 'the article is recorded as superseding this one already.');
      }
      const updated = await updateRecord(tx, LawArticle, 'LawArticle', current, input.version, { effectiveTo: lastDay, supersededOn: input.effectiveOn }, {
        action: 'enforcement.law-article.supersede',
        changes: { effectiveTo: lastDay, previousEffectiveTo: current.effectiveTo, supersededOn: input.effectiveOn, supersedingArticleIds: input.supersedingArticleIds, note: input.note },
        ...recordEvent(lawEvents['enforcement.law-article.superseded'], (a: LawArticle) => ({ ...payloadOf(a), supersededOn: input.effectiveOn, supersedingArticleIds: input.supersedingArticleIds })),
      });
      for (const article of superseding) {
        await createRecord(tx, LawArticleSupersession, 'LawArticleSupersession', { articleId: current.id, supersedingArticleId: article.id, effectiveOn: input.effectiveOn, note: input.note }, {
          action: 'enforcement.law-article-supersession.add',
          auditUnder: { entityType: 'LawArticle', entityId: current.id },
        });
      }
      return updated;
    });
  }

  /** An article (not superseded) ends on a day, earlier than any end it has. */
  repeal(ctx: RequestContext, input: RepealLawArticleInput): Promise<LawArticle> {
    return transaction(ctx, async (tx) => {
      const current = await records(tx, LawArticles, LawPermission.Manage).lock(input.id);
      assertVersion('LawArticle', current, input.version);
      if (current.supersededOn !== null) throw lawRules.field('input.id', 'state', `the article is superseded from ${current.supersededOn}: its last day follows the supersession.`);
      if (input.effectiveTo < current.effectiveFrom) throw lawRules.field('input.effectiveTo', 'notBeforeFrom', `must not be before the article's first day in force (${current.effectiveFrom}).`);
      if (current.effectiveTo !== null && input.effectiveTo >= current.effectiveTo) throw lawRules.field('input.effectiveTo', 'range', `must be earlier than the article's last day in force (${current.effectiveTo}).`);
      return updateRecord(tx, LawArticle, 'LawArticle', current, input.version, { effectiveTo: input.effectiveTo }, {
        action: 'enforcement.law-article.repeal',
        changes: { effectiveTo: input.effectiveTo, previousEffectiveTo: current.effectiveTo, note: input.note ?? null },
        ...recordEvent(lawEvents['enforcement.law-article.repealed'], payloadOf),
      });
    });
  }

  /** An ordinal is unique in its document (a concurrent duplicate is refused by the unique index). */
  private async checkOrdinal(tx: RequestContext, documentId: string, ordinal: number): Promise<void> {
    const taken = await records(tx, LawArticles, LawPermission.Manage).where(sql`t.document_id = ${documentId} AND t.ordinal = ${ordinal}`).count();
    if (taken) throw lawRules.field('input.ordinal', 'unique', `the document has an article numbered ${ordinal} already.`);
  }
}
