import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Connection, LocalDateScalar, ON_DAY_ARGUMENT, PageArgs, ReadsColumns, ReadsRelation, RequirePermission, UUIDScalar, selectedProperties, selectsField, type ConnectionResult, type RequestContext } from '@platform/core';
import { LawArticle, LawArticleSupersession, LawDocument } from './law.entity';
import { LawArticleStatus } from './law.enums';
import { AddLawArticleInput, ApplicableLawArticleArgs, LawArticleListArgs, RepealLawArticleInput, SupersedeLawArticleInput, UpdateLawArticleInput } from './law.inputs';
import { LAW_ARTICLE_KEY_PROPERTIES, LawArticleService } from './law-article.service';
import { LawArticleReference, LawDocumentReference, SupersededByPages, SupersedesPages } from './law.loaders';
import { LawArticleConnection } from './law-document.resolver';
import { articleStatus, periodContains } from './law-status';
import { LawPermission } from './laws.permissions';

export const LawArticleSupersessionConnection = Connection(LawArticleSupersession, '条文取代关系');
const input = { description: '输入。The fields of the request.' };
const NODE = ['edges', 'node'] as const;
const SELF = [] as const;

@Resolver(() => LawArticle)
export class LawArticleResolver {
  private readonly service = new LawArticleService();

  @Query(() => LawArticle, { nullable: true, description: '法律条文详情。One article by id; null when there is none.' })
  @RequirePermission(LawPermission.Read)
  lawArticle(@Ctx() ctx: RequestContext, @Arg('id', () => UUIDScalar, { description: '标识。Article id.' }) id: string, @Info() info: GraphQLResolveInfo): Promise<LawArticle | null> {
    return this.service.byId(ctx, id, selectedProperties(ctx.manager, LawArticle, info, SELF));
  }

  @Query(() => LawArticleConnection, { description: '法律条文。Articles of the catalog, document by document by article number; filter by document, topic, day in force, checking state and text.' })
  @RequirePermission(LawPermission.Read)
  lawArticles(@Ctx() ctx: RequestContext, @Args(() => LawArticleListArgs) args: LawArticleListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<LawArticle>> {
    return this.service.list(ctx, args, selectsField(info, 'totalCount'), selectedProperties(ctx.manager, LawArticle, info, NODE, LAW_ARTICLE_KEY_PROPERTIES));
  }

  @Query(() => LawArticleConnection, {
    description:
      '适用条文。The articles that apply to a matter (a topic) on a day: in force on that day and either listing the topic or superseding, by supersessions in effect by then, an article that lists it. A superseded article is left out from its supersession day on; the one that took over is in.',
  })
  @RequirePermission(LawPermission.Read)
  applicableLawArticles(@Ctx() ctx: RequestContext, @Args(() => ApplicableLawArticleArgs) args: ApplicableLawArticleArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<LawArticle>> {
    return this.service.applicable(ctx, args, selectsField(info, 'totalCount'), selectedProperties(ctx.manager, LawArticle, info, NODE, LAW_ARTICLE_KEY_PROPERTIES));
  }

  @FieldResolver(() => LawDocument, { nullable: true, description: '所属文件。The document (read with the article, so null only for one that no longer exists).' })
  @ReadsColumns('documentId')
  @ReadsRelation(LawDocumentReference, 'documentId')
  document(@Ctx() ctx: RequestContext, @Root() a: LawArticle): Promise<LawDocument | null> {
    return LawDocumentReference.byId(ctx).load(a.documentId);
  }

  @FieldResolver(() => LawArticleStatus, { description: '效力状态。Where the article stands on the day: not yet in force, in force, superseded or repealed.' })
  @ReadsColumns('effectiveFrom', 'effectiveTo', 'supersededOn')
  status(@Ctx() ctx: RequestContext, @Root() a: LawArticle, @Arg('on', () => LocalDateScalar, ON_DAY_ARGUMENT) on?: string): LawArticleStatus {
    return articleStatus(a, on ?? ctx.clock.today());
  }

  @FieldResolver(() => Boolean, { description: '是否有效。Whether the article is in force on the day (its period contains it).' })
  @ReadsColumns('effectiveFrom', 'effectiveTo')
  inForce(@Ctx() ctx: RequestContext, @Root() a: LawArticle, @Arg('on', () => LocalDateScalar, ON_DAY_ARGUMENT) on?: string): boolean {
    return periodContains(a, on ?? ctx.clock.today());
  }

  @FieldResolver(() => LawArticleSupersessionConnection, { description: '被取代情况。The supersessions ending this article: the articles that apply instead, from which day, and why.' })
  @ReadsColumns('id')
  @ReadsRelation(SupersededByPages)
  supersededBy(@Ctx() ctx: RequestContext, @Root() a: LawArticle, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<LawArticleSupersession>> {
    return SupersededByPages.load(ctx, a.id, page, info);
  }

  @FieldResolver(() => LawArticleSupersessionConnection, { description: '取代情况。The supersessions by this article: the earlier articles it applies instead of, from which day, and why.' })
  @ReadsColumns('id')
  @ReadsRelation(SupersedesPages)
  supersedes(@Ctx() ctx: RequestContext, @Root() a: LawArticle, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<LawArticleSupersession>> {
    return SupersedesPages.load(ctx, a.id, page, info);
  }

  @Mutation(() => LawArticle, { description: '新增法律条文。Adds an article to a document, within the document\'s period (from its first day when no day is given), with its summary and topics.' })
  @RequirePermission(LawPermission.Manage)
  addLawArticle(@Ctx() ctx: RequestContext, @Arg('input', () => AddLawArticleInput, input) data: AddLawArticleInput): Promise<LawArticle> {
    return this.service.add(ctx, data);
  }

  @Mutation(() => LawArticle, { description: '修改法律条文。Corrects an article\'s number, heading, summary, topics, checking state, source or note (e.g. once an [U] article has been read).' })
  @RequirePermission(LawPermission.Manage)
  updateLawArticle(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateLawArticleInput, input) data: UpdateLawArticleInput): Promise<LawArticle> {
    return this.service.update(ctx, data);
  }

  @Mutation(() => LawArticle, {
    description: '条文被取代。Records that later articles apply instead of this one from a day: its last day in force becomes the day before. Each superseding article must be in force on that day; no article supersedes itself or closes a loop.',
  })
  @RequirePermission(LawPermission.Manage)
  supersedeLawArticle(@Ctx() ctx: RequestContext, @Arg('input', () => SupersedeLawArticleInput, input) data: SupersedeLawArticleInput): Promise<LawArticle> {
    return this.service.supersede(ctx, data);
  }

  @Mutation(() => LawArticle, { description: '废止条文。Ends an article that is not superseded on a day, earlier than any end it has.' })
  @RequirePermission(LawPermission.Manage)
  repealLawArticle(@Ctx() ctx: RequestContext, @Arg('input', () => RepealLawArticleInput, input) data: RepealLawArticleInput): Promise<LawArticle> {
    return this.service.repeal(ctx, data);
  }
}

@Resolver(() => LawArticleSupersession)
export class LawArticleSupersessionResolver {
  @FieldResolver(() => LawArticle, { nullable: true, description: '被取代条文。The article superseded (read with the link, so null only for one that no longer exists).' })
  @ReadsColumns('articleId')
  @ReadsRelation(LawArticleReference, 'articleId')
  article(@Ctx() ctx: RequestContext, @Root() s: LawArticleSupersession): Promise<LawArticle | null> {
    return LawArticleReference.byId(ctx).load(s.articleId);
  }

  @FieldResolver(() => LawArticle, { nullable: true, description: '取代条文。The article that applies instead, with its document (read with the link, so null only for one that no longer exists).' })
  @ReadsColumns('supersedingArticleId')
  @ReadsRelation(LawArticleReference, 'supersedingArticleId')
  supersedingArticle(@Ctx() ctx: RequestContext, @Root() s: LawArticleSupersession): Promise<LawArticle | null> {
    return LawArticleReference.byId(ctx).load(s.supersedingArticleId);
  }
}
