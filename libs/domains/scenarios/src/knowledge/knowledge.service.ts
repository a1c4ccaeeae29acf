import {
  PlanningRefused,
  assertVersion,
  createRecord,
  fromGlobalId,
  kernelRules,
  recordEvent,
  records,
  sql,
  transaction,
  updateRecord,
  whereChanged,
  type ConnectionResult,
  type Patch,
  type RequestContext,
} from '@platform/core';
import { EmergencyPlans } from '@domains/preparedness';
import { LawArticles } from '@domains/enforcement';
import { KnowledgeEntry } from './knowledge-entry.entity';
import { KnowledgeSynonym } from './knowledge-synonym.entity';
import { KnowledgeEntries, KnowledgeSynonyms } from './knowledge.entities';
import { KnowledgeEntryKind, KnowledgeSourceType, REQUIRED_SOURCE } from './knowledge.enums';
import { knowledgeEvents } from './knowledge.events';
import { knowledgeGuard } from './knowledge.guard';
import { KnowledgeEntryOrder, KnowledgeSearchHitOrder, KnowledgeSynonymOrder } from './knowledge.orders';
import { KnowledgePermission } from './knowledge.permissions';
import { knowledgeRules } from './knowledge.rules';
import { matcher, normalizeQuery, queryWords, snippetOf, titleHighlights } from './knowledge.search';
import { lockSynonyms, logSearch, searchPage, tsqueryOf, wordVariants } from './knowledge.sql';
import type { KnowledgeSearchHit } from './knowledge.types';
import type {
  CreateKnowledgeEntryInput,
  CreateKnowledgeSynonymInput,
  KnowledgeEntryListArgs,
  KnowledgeEntryStepInput,
  KnowledgeSearchArgs,
  KnowledgeSynonymListArgs,
  RemoveKnowledgeSynonymInput,
  UpdateKnowledgeEntryInput,
  UpdateKnowledgeSynonymInput,
} from './knowledge.inputs';

/** Properties the default keyset orders read (besides the id). */
export const ENTRY_KEY_PROPERTIES = ['title'];
export const SYNONYM_KEY_PROPERTIES = ['canonical', 'term'];

const SOURCE_TYPES: readonly string[] = Object.values(KnowledgeSourceType);
const payloadOf = (e: KnowledgeEntry) => ({ id: e.id, kind: e.kind, published: e.publishedAt !== null });

/** A global id of a plan or law article as its type and id, or BAD_USER_INPUT `globalId` on `field`. */
export function sourceOf(nodeId: string, field: string): { type: KnowledgeSourceType; id: string } {
  const decoded = fromGlobalId(nodeId);
  if (!decoded || !SOURCE_TYPES.includes(decoded.typeName)) throw kernelRules.field(field, 'globalId', 'is not the global id of an emergency plan or a law article.');
  return { type: decoded.typeName as KnowledgeSourceType, id: decoded.id };
}

/** The source an entry of `kind` may cite: checked against the kind, then read in the caller's scope (NOT_FOUND on the field when missing or out of reach). */
async function checkSource(tx: RequestContext, kind: KnowledgeEntryKind, source: { type: KnowledgeSourceType; id: string } | null, field: string): Promise<void> {
  const required = REQUIRED_SOURCE[kind];
  if (required && source?.type !== required) {
    throw knowledgeRules.field(field, source ? 'sourceType' : 'required', `a ${kind} entry cites ${required === KnowledgeSourceType.EMERGENCY_PLAN ? 'an emergency plan' : 'a law article'}.`);
  }
  if (!source) return;
  if (source.type === KnowledgeSourceType.EMERGENCY_PLAN) await records(tx, EmergencyPlans).reference(source.id, field, { properties: ['id'], archived: true });
  else await records(tx, LawArticles).reference(source.id, field, { properties: ['id'], archived: true });
}

/** A synonym term as stored: NFKC, lower-case; BAD_USER_INPUT `searchable` when it holds anything the search does not index. */
function termOf(text: string, field: string): string {
  const term = text.normalize('NFKC').toLowerCase().trim();
  const words = queryWords(term);
  if (words.length !== 1 || words[0] !== term) throw knowledgeRules.field(field, 'searchable', 'use letters, digits or CJK characters only (no spaces or punctuation).');
  return term;
}

/** Tags as stored: trimmed, each once, in the order given. */
const tagsOf = (tags: readonly string[] | undefined): string[] => [...new Set((tags ?? []).map((t) => t.trim()).filter(Boolean))];

/** The emergency knowledge base: search, entries and synonyms. */
export class KnowledgeService {
  /**
   * 检索: the entries the caller may read matching every word of the query (each as a contiguous
   * phrase, or a one-character prefix; synonyms applied), title matches first, then by rank, with
   * highlighted snippets. Anonymous callers are rate-limited per address; the first page of each
   * search is logged (normalized query, total found, principal kind).
   */
  async search(ctx: RequestContext, args: KnowledgeSearchArgs): Promise<ConnectionResult<KnowledgeSearchHit>> {
    // Side effects (the limiter, the log) must not run while a request is planned.
    if (ctx.planning) throw new PlanningRefused('knowledgeSearch (rate limit and query log)');
    await knowledgeGuard(ctx).admit(ctx);
    // eslint-disable-next-line no-restricted-properties -- the search's query text, not a database query
    const normalized = normalizeQuery(args.query);
    const words = queryWords(normalized);
    if (!words.length) throw knowledgeRules.field('query', 'searchable', 'has no letters, digits or CJK characters to search for.');
    const variants = await wordVariants(ctx, words);
    const page = await searchPage(ctx, tsqueryOf(variants), args.filter?.kinds ?? null, args, KnowledgeSearchHitOrder.keys(args.orderBy));
    if (!args.after && !args.before) await logSearch(ctx, normalized, page.totalCount);
    const re = matcher(variants.flatMap((v) => v.variants));
    return {
      totalCount: page.totalCount,
      pageInfo: page.pageInfo,
      edges: page.edges.map((e) => ({
        get cursor() {
          return e.cursor;
        },
        node: { entry: e.node.entry, rank: e.node.rank, titleMatched: e.node.titleMatched, titleHighlights: titleHighlights(e.node.entry.title, re), snippet: snippetOf(e.node.entry.body, re) },
      })),
    };
  }

  entryById(ctx: RequestContext, id: string, properties: readonly string[] | null = null): Promise<KnowledgeEntry | null> {
    return records(ctx, KnowledgeEntries).one(id, properties);
  }

  entries(ctx: RequestContext, args: KnowledgeEntryListArgs, withCount: boolean, properties: readonly string[] | null = null): Promise<ConnectionResult<KnowledgeEntry>> {
    const f = args.filter ?? {};
    let rows = records(ctx, KnowledgeEntries);
    if (f.kinds?.length) rows = rows.where(sql`t.kind = ANY(${f.kinds})`);
    if (f.published != null) rows = rows.where(f.published ? sql`t.published_at IS NOT NULL` : sql`t.published_at IS NULL`);
    if (f.tag) rows = rows.where(sql`t.tags @> ARRAY[${f.tag}]::text[]`);
    if (f.sourceNodeId) {
      const source = sourceOf(f.sourceNodeId, 'filter.sourceNodeId');
      rows = rows.where(sql`t.source_type = ${source.type} AND t.source_id = ${source.id}`);
    }
    return whereChanged(rows, f).page({ keys: KnowledgeEntryOrder.keys(args.orderBy), page: args, withCount, properties });
  }

  /** 新建: its source checked against its kind and read in the caller's scope; published at once when asked. */
  createEntry(ctx: RequestContext, input: CreateKnowledgeEntryInput): Promise<KnowledgeEntry> {
    return transaction(ctx, async (tx) => {
      const source = input.sourceNodeId ? sourceOf(input.sourceNodeId, 'input.sourceNodeId') : null;
      await checkSource(tx, input.kind, source, 'input.sourceNodeId');
      return createRecord(
        tx,
        KnowledgeEntry,
        'KnowledgeEntry',
        { kind: input.kind, title: input.title, body: input.body, sourceType: source?.type ?? null, sourceId: source?.id ?? null, tags: tagsOf(input.tags), publishedAt: input.publish ? tx.clock.now() : null },
        { action: 'scenarios.knowledge-entry.create', ...recordEvent(knowledgeEvents['scenarios.knowledge-entry.created'], payloadOf) },
      );
    });
  }

  /** 更正: kind and source checked together. */
  updateEntry(ctx: RequestContext, input: UpdateKnowledgeEntryInput): Promise<KnowledgeEntry> {
    return transaction(ctx, async (tx) => {
      const current = await records(tx, KnowledgeEntries, KnowledgePermission.Manage).lock(input.id);
      assertVersion('KnowledgeEntry', current, input.version);
      const kind = input.kind ?? current.kind;
      const source =
        input.sourceNodeId === undefined ? (current.sourceType && current.sourceId ? { type: current.sourceType, id: current.sourceId } : null) : input.sourceNodeId === null ? null : sourceOf(input.sourceNodeId, 'input.sourceNodeId');
      if (input.kind !== undefined || input.sourceNodeId !== undefined) await checkSource(tx, kind, source, 'input.sourceNodeId');
      const patch: Patch<KnowledgeEntry> = { kind, sourceType: source?.type ?? null, sourceId: source?.id ?? null };
      if (input.title !== undefined) patch.title = input.title;
      if (input.body !== undefined) patch.body = input.body;
      if (input.tags !== undefined) patch.tags = tagsOf(input.tags);
      return updateRecord(tx, KnowledgeEntry, 'KnowledgeEntry', current, input.version, patch, {
        action: 'scenarios.knowledge-entry.update',
        ...recordEvent(knowledgeEvents['scenarios.knowledge-entry.updated'], payloadOf),
      });
    });
  }

  /** 发布 (the public sees it from now on) or 撤回 (it answers like a missing entry again). */
  setPublished(ctx: RequestContext, input: KnowledgeEntryStepInput, publish: boolean): Promise<KnowledgeEntry> {
    return transaction(ctx, async (tx) => {
      const current = await records(tx, KnowledgeEntries, KnowledgePermission.Manage).lock(input.id);
      assertVersion('KnowledgeEntry', current, input.version);
      if ((current.publishedAt !== null) === publish) throw knowledgeRules.field('input.id', 'state', publish ? 'the entry is published already.' : 'the entry is not published.');
      const event = publish ? knowledgeEvents['scenarios.knowledge-entry.published'] : knowledgeEvents['scenarios.knowledge-entry.unpublished'];
      return updateRecord(tx, KnowledgeEntry, 'KnowledgeEntry', current, input.version, { publishedAt: publish ? tx.clock.now() : null }, {
        action: publish ? 'scenarios.knowledge-entry.publish' : 'scenarios.knowledge-entry.unpublish',
        ...recordEvent(event, payloadOf),
        changes: { publishedAt: [current.publishedAt, publish ? 'now' : null], note: input.note ?? null },
      });
    });
  }

  synonyms(ctx: RequestContext, args: KnowledgeSynonymListArgs, withCount: boolean, properties: readonly string[] | null = null): Promise<ConnectionResult<KnowledgeSynonym>> {
    const f = args.filter ?? {};
    let rows = records(ctx, KnowledgeSynonyms);
    if (!f.updatedSince) rows = rows.where(sql`t.archived_at IS NULL`);
    if (f.term) {
      const term = f.term.normalize('NFKC').toLowerCase();
      rows = rows.where(sql`(t.term = ${term} OR t.canonical = ${term})`);
    }
    return whereChanged(rows, f).page({ keys: KnowledgeSynonymOrder.keys(args.orderBy), page: args, withCount, properties });
  }

  /** The term unique among active synonyms, and no chains: the term is no one's canonical, the canonical no one's term. */
  private async checkSynonym(tx: RequestContext, term: string, canonical: string, except: string | null): Promise<void> {
    if (term === canonical) throw knowledgeRules.field('input.canonical', 'synonymChain', 'differs from the term.');
    const others = records(tx, KnowledgeSynonyms, KnowledgePermission.Manage).where(sql`t.archived_at IS NULL AND t.id IS DISTINCT FROM CAST(${except} AS uuid)`);
    const [clash] = await others
      .where(sql`(t.term = ${term} OR t.canonical = ${term} OR t.term = ${canonical})`)
      .aggregate<{ term: string; canonical: string }>(sql`t.term, t.canonical`);
    if (!clash) return;
    if (clash.term === term) throw knowledgeRules.field('input.term', 'unique', `${term} is already a synonym of ${clash.canonical}.`);
    if (clash.canonical === term) throw knowledgeRules.field('input.term', 'synonymChain', `${term} is the canonical term of other synonyms: add this one to ${term} instead.`);
    throw knowledgeRules.field('input.canonical', 'synonymChain', `${canonical} is itself a synonym of ${clash.canonical}: use ${clash.canonical}.`);
  }

  createSynonym(ctx: RequestContext, input: CreateKnowledgeSynonymInput): Promise<KnowledgeSynonym> {
    return transaction(ctx, async (tx) => {
      const term = termOf(input.term, 'input.term');
      const canonical = termOf(input.canonical, 'input.canonical');
      await lockSynonyms(tx);
      await this.checkSynonym(tx, term, canonical, null);
      return createRecord(tx, KnowledgeSynonym, 'KnowledgeSynonym', { term, canonical, note: input.note ?? null, archivedAt: null }, {
        action: 'scenarios.knowledge-synonym.create',
        ...recordEvent(knowledgeEvents['scenarios.knowledge-synonym.changed'], (s: KnowledgeSynonym) => ({ id: s.id, term: s.term, canonical: s.canonical })),
      });
    });
  }

  updateSynonym(ctx: RequestContext, input: UpdateKnowledgeSynonymInput): Promise<KnowledgeSynonym> {
    return transaction(ctx, async (tx) => {
      await lockSynonyms(tx);
      const current = await records(tx, KnowledgeSynonyms, KnowledgePermission.Manage).lock(input.id);
      assertVersion('KnowledgeSynonym', current, input.version);
      if (current.archivedAt) throw knowledgeRules.field('input.id', 'notArchived', 'the synonym was removed.');
      const term = input.term === undefined ? current.term : termOf(input.term, 'input.term');
      const canonical = input.canonical === undefined ? current.canonical : termOf(input.canonical, 'input.canonical');
      await this.checkSynonym(tx, term, canonical, current.id);
      const patch: Patch<KnowledgeSynonym> = { term, canonical };
      if (input.note !== undefined) patch.note = input.note;
      return updateRecord(tx, KnowledgeSynonym, 'KnowledgeSynonym', current, input.version, patch, {
        action: 'scenarios.knowledge-synonym.update',
        ...recordEvent(knowledgeEvents['scenarios.knowledge-synonym.changed'], (s: KnowledgeSynonym) => ({ id: s.id, term: s.term, canonical: s.canonical })),
      });
    });
  }

  removeSynonym(ctx: RequestContext, input: RemoveKnowledgeSynonymInput): Promise<KnowledgeSynonym> {
    return transaction(ctx, async (tx) => {
      const current = await records(tx, KnowledgeSynonyms, KnowledgePermission.Manage).lock(input.id);
      assertVersion('KnowledgeSynonym', current, input.version);
      if (current.archivedAt) throw knowledgeRules.field('input.id', 'notArchived', 'the synonym was removed already.');
      return updateRecord(tx, KnowledgeSynonym, 'KnowledgeSynonym', current, input.version, { archivedAt: tx.clock.now() }, {
        action: 'scenarios.knowledge-synonym.remove',
        ...recordEvent(knowledgeEvents['scenarios.knowledge-synonym.changed'], (s: KnowledgeSynonym) => ({ id: s.id, term: s.term, canonical: s.canonical })),
        changes: { note: input.note ?? null },
      });
    });
  }
}
