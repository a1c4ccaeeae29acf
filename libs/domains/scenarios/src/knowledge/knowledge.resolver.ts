import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { ObjectLiteral } from 'typeorm';
import { Connection, Node, ReadsColumns, RequirePermission, SqlForm, UUIDScalar, base64UrlSql, nodeById, raw, selectedProperties, selectsField, toGlobalId, type ConnectionResult, type RequestContext } from '@platform/core';
import { KnowledgeEntry } from './knowledge-entry.entity';
import { KnowledgeSynonym } from './knowledge-synonym.entity';
import { KnowledgePermission } from './knowledge.permissions';
import { KnowledgeQueryStat, KnowledgeSearchHit } from './knowledge.types';
import {
  CreateKnowledgeEntryInput,
  CreateKnowledgeSynonymInput,
  KnowledgeEntryListArgs,
  KnowledgeEntryStepInput,
  KnowledgeSearchArgs,
  KnowledgeSynonymListArgs,
  KnowledgeZeroResultArgs,
  RemoveKnowledgeSynonymInput,
  UpdateKnowledgeEntryInput,
  UpdateKnowledgeSynonymInput,
} from './knowledge.inputs';
import { ENTRY_KEY_PROPERTIES, KnowledgeService, SYNONYM_KEY_PROPERTIES } from './knowledge.service';
import { zeroResultPage } from './knowledge.sql';
import { KnowledgeQueryStatOrder } from './knowledge.orders';

export const KnowledgeSearchHitConnection = Connection(KnowledgeSearchHit, '应急百事通检索结果');
export const KnowledgeEntryConnection = Connection(KnowledgeEntry, '应急百事通条目');
export const KnowledgeSynonymConnection = Connection(KnowledgeSynonym, '检索同义词');
export const KnowledgeQueryStatConnection = Connection(KnowledgeQueryStat, '无结果检索统计');
const input = { description: '输入。The fields of the request.' };
const NODE = ['edges', 'node'] as const;
const SELF = [] as const;

@Resolver(() => KnowledgeEntry)
export class KnowledgeEntryResolver {
  private readonly service = new KnowledgeService();

  @Query(() => KnowledgeSearchHitConnection, {
    description: '应急百事通检索。Searches the knowledge entries you may read (the public: published ones): every word of the query must match as a contiguous phrase (one character: any text containing it), synonyms applied; entries whose title matches first, then by rank, then by id; each with a highlighted snippet. Anonymous callers are rate-limited per address; each search is logged (normalized query, count, principal kind).',
  })
  @RequirePermission(KnowledgePermission.Search)
  knowledgeSearch(@Ctx() ctx: RequestContext, @Args(() => KnowledgeSearchArgs) args: KnowledgeSearchArgs): Promise<ConnectionResult<KnowledgeSearchHit>> {
    return this.service.search(ctx, args);
  }

  @Query(() => KnowledgeEntry, { nullable: true, description: '应急百事通条目详情。One entry by id; null when there is none you may read (an unpublished one, for the public).' })
  @RequirePermission(KnowledgePermission.Search)
  knowledgeEntry(@Ctx() ctx: RequestContext, @Arg('id', () => UUIDScalar, { description: '标识。Entry id.' }) id: string, @Info() info: GraphQLResolveInfo): Promise<KnowledgeEntry | null> {
    return this.service.entryById(ctx, id, selectedProperties(ctx.manager, KnowledgeEntry, info, SELF));
  }

  @Query(() => KnowledgeEntryConnection, { description: '应急百事通条目。The entries you may read (the public: published ones; managers: all), by title; filter by kind, published, tag and source.' })
  @RequirePermission(KnowledgePermission.Search)
  knowledgeEntries(@Ctx() ctx: RequestContext, @Args(() => KnowledgeEntryListArgs) args: KnowledgeEntryListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<KnowledgeEntry>> {
    return this.service.entries(ctx, args, selectsField(info, 'totalCount'), selectedProperties(ctx.manager, KnowledgeEntry, info, NODE, ENTRY_KEY_PROPERTIES));
  }

  @FieldResolver(() => ID, { nullable: true, description: '来源全局标识。The global id (`nodeId`) of the emergency plan or law article it was taken from, for `node(nodeId:)`; null when none.' })
  @ReadsColumns('sourceType', 'sourceId')
  @SqlForm((row) => raw(`CASE WHEN ${row}.source_id IS NULL THEN NULL ELSE ${base64UrlSql(`${row}.source_type || ':' || ${row}.source_id::text`)} END`))
  sourceNodeId(@Root() e: KnowledgeEntry): string | null {
    return e.sourceType && e.sourceId ? toGlobalId(e.sourceType, e.sourceId) : null;
  }

  @FieldResolver(() => Node, { nullable: true, description: '来源记录。The emergency plan or law article it was taken from (`... on EmergencyPlan { title }`), read with its own type\'s read permission and scope; null when none, when it no longer exists, or when you may not read it (the public may not read plans).' })
  @ReadsColumns('sourceType', 'sourceId')
  source(@Ctx() ctx: RequestContext, @Root() e: KnowledgeEntry): Promise<ObjectLiteral | null> {
    return e.sourceType && e.sourceId ? nodeById(ctx).load(toGlobalId(e.sourceType, e.sourceId)) : Promise.resolve(null);
  }

  @Mutation(() => KnowledgeEntry, { description: '新建应急百事通条目。Writes an entry (unpublished unless asked); a plan excerpt cites an emergency plan and a law article an article of the catalog (rule sourceType), one you may read.' })
  @RequirePermission(KnowledgePermission.Manage)
  createKnowledgeEntry(@Ctx() ctx: RequestContext, @Arg('input', () => CreateKnowledgeEntryInput, input) data: CreateKnowledgeEntryInput): Promise<KnowledgeEntry> {
    return this.service.createEntry(ctx, data);
  }

  @Mutation(() => KnowledgeEntry, { description: '更正应急百事通条目。Corrects an entry (published or not); the search index follows at once.' })
  @RequirePermission(KnowledgePermission.Manage)
  updateKnowledgeEntry(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateKnowledgeEntryInput, input) data: UpdateKnowledgeEntryInput): Promise<KnowledgeEntry> {
    return this.service.updateEntry(ctx, data);
  }

  @Mutation(() => KnowledgeEntry, { description: '发布条目。Publishes an unpublished entry: the public search finds it from now on (rule state when it is published already).' })
  @RequirePermission(KnowledgePermission.Manage)
  publishKnowledgeEntry(@Ctx() ctx: RequestContext, @Arg('input', () => KnowledgeEntryStepInput, input) data: KnowledgeEntryStepInput): Promise<KnowledgeEntry> {
    return this.service.setPublished(ctx, data, true);
  }

  @Mutation(() => KnowledgeEntry, { description: '撤回条目。Unpublishes an entry: the public no longer finds or reads it (rule state when it is not published).' })
  @RequirePermission(KnowledgePermission.Manage)
  unpublishKnowledgeEntry(@Ctx() ctx: RequestContext, @Arg('input', () => KnowledgeEntryStepInput, input) data: KnowledgeEntryStepInput): Promise<KnowledgeEntry> {
    return this.service.setPublished(ctx, data, false);
  }
}

@Resolver(() => KnowledgeSynonym)
export class KnowledgeSynonymResolver {
  private readonly service = new KnowledgeService();

  @Query(() => KnowledgeSynonymConnection, { description: '检索同义词。The active search synonyms (removed ones only in a change feed), by canonical term; filter by a term.' })
  @RequirePermission(KnowledgePermission.Manage)
  knowledgeSynonyms(@Ctx() ctx: RequestContext, @Args(() => KnowledgeSynonymListArgs) args: KnowledgeSynonymListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<KnowledgeSynonym>> {
    return this.service.synonyms(ctx, args, selectsField(info, 'totalCount'), selectedProperties(ctx.manager, KnowledgeSynonym, info, NODE, SYNONYM_KEY_PROPERTIES));
  }

  @Query(() => KnowledgeQueryStatConnection, { description: '无结果检索报告。The searches that found nothing, grouped by normalized query, the most searched first (then by query); optionally within a period (filter from/to). Content to write.' })
  @RequirePermission(KnowledgePermission.ReadLog)
  knowledgeZeroResultQueries(@Ctx() ctx: RequestContext, @Args(() => KnowledgeZeroResultArgs) args: KnowledgeZeroResultArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<KnowledgeQueryStat>> {
    return zeroResultPage(ctx, args.filter?.from ?? null, args.filter?.to ?? null, args, selectsField(info, 'totalCount'), KnowledgeQueryStatOrder.keys(args.orderBy));
  }

  @Mutation(() => KnowledgeSynonym, { description: '新建同义词。Adds a synonym: queries containing the term also find its canonical term and the canonical\'s other terms, and the other way round (rules unique, synonymChain, searchable).' })
  @RequirePermission(KnowledgePermission.Manage)
  createKnowledgeSynonym(@Ctx() ctx: RequestContext, @Arg('input', () => CreateKnowledgeSynonymInput, input) data: CreateKnowledgeSynonymInput): Promise<KnowledgeSynonym> {
    return this.service.createSynonym(ctx, data);
  }

  @Mutation(() => KnowledgeSynonym, { description: '更正同义词。Corrects a synonym that is not removed.' })
  @RequirePermission(KnowledgePermission.Manage)
  updateKnowledgeSynonym(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateKnowledgeSynonymInput, input) data: UpdateKnowledgeSynonymInput): Promise<KnowledgeSynonym> {
    return this.service.updateSynonym(ctx, data);
  }

  @Mutation(() => KnowledgeSynonym, { description: '删除同义词。Removes a synonym: it no longer applies (kept for the audit).' })
  @RequirePermission(KnowledgePermission.Manage)
  removeKnowledgeSynonym(@Ctx() ctx: RequestContext, @Arg('input', () => RemoveKnowledgeSynonymInput, input) data: RemoveKnowledgeSynonymInput): Promise<KnowledgeSynonym> {
    return this.service.removeSynonym(ctx, data);
  }
}
