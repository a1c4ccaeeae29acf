import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Connection, LocalDateScalar, ON_DAY_ARGUMENT, PageArgs, ReadsColumns, ReadsRelation, RequirePermission, UUIDScalar, selectedProperties, selectsField, type ConnectionResult, type RequestContext } from '@platform/core';
import { LawArticle, LawDocument } from './law.entity';
import { LawDocumentStatus } from './law.enums';
import { AddLawDocumentInput, LawDocumentListArgs, RepealLawDocumentInput } from './law.inputs';
import { LAW_DOCUMENT_KEY_PROPERTIES, LawDocumentService } from './law-document.service';
import { LAW_ARTICLE_KEY_PROPERTIES } from './law-article.service';
import { DocumentArticlePages } from './law.loaders';
import { documentStatus } from './law-status';
import { LawPermission } from './laws.permissions';

export const LawDocumentConnection = Connection(LawDocument, '法律法规文件');
export const LawArticleConnection = Connection(LawArticle, '法律条文');
const input = { description: '输入。The fields of the request.' };
const NODE = ['edges', 'node'] as const;
const SELF = [] as const;

@Resolver(() => LawDocument)
export class LawDocumentResolver {
  private readonly service = new LawDocumentService();

  @Query(() => LawDocument, { nullable: true, description: '法律法规文件详情。One catalog document by id; null when there is none.' })
  @RequirePermission(LawPermission.Read)
  lawDocument(@Ctx() ctx: RequestContext, @Arg('id', () => UUIDScalar, { description: '标识。Document id.' }) id: string, @Info() info: GraphQLResolveInfo): Promise<LawDocument | null> {
    return this.service.byId(ctx, id, selectedProperties(ctx.manager, LawDocument, info, SELF));
  }

  @Query(() => LawDocumentConnection, { description: '法律法规文件。The catalog\'s laws, regulations, rules, standards and normative documents, the most recently in force first; filter by kind, day in force, code and text.' })
  @RequirePermission(LawPermission.Read)
  lawDocuments(@Ctx() ctx: RequestContext, @Args(() => LawDocumentListArgs) args: LawDocumentListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<LawDocument>> {
    return this.service.list(ctx, args, selectsField(info, 'totalCount'), selectedProperties(ctx.manager, LawDocument, info, NODE, LAW_DOCUMENT_KEY_PROPERTIES));
  }

  @FieldResolver(() => LawDocumentStatus, { description: '效力状态。Where the document stands on the day: not yet in force, in force, or repealed.' })
  @ReadsColumns('effectiveFrom', 'effectiveTo')
  status(@Ctx() ctx: RequestContext, @Root() d: LawDocument, @Arg('on', () => LocalDateScalar, ON_DAY_ARGUMENT) on?: string): LawDocumentStatus {
    return documentStatus(d, on ?? ctx.clock.today());
  }

  @FieldResolver(() => LawArticleConnection, { description: '条文。Its articles in the catalog, by article number.' })
  @ReadsColumns('id')
  @ReadsRelation(DocumentArticlePages)
  articles(@Ctx() ctx: RequestContext, @Root() d: LawDocument, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<LawArticle>> {
    return DocumentArticlePages.load(ctx, d.id, page, info, selectedProperties(ctx.manager, LawArticle, info, NODE, LAW_ARTICLE_KEY_PROPERTIES));
  }

  @Mutation(() => LawDocument, { description: '新增法律法规文件。Adds a document to the catalog (its code unique); its articles are added with addLawArticle.' })
  @RequirePermission(LawPermission.Manage)
  addLawDocument(@Ctx() ctx: RequestContext, @Arg('input', () => AddLawDocumentInput, input) data: AddLawDocumentInput): Promise<LawDocument> {
    return this.service.add(ctx, data);
  }

  @Mutation(() => LawDocument, { description: '废止文件。Ends a document on a day, and its articles still in force after it; refused while an article starts after that day or is superseded only later.' })
  @RequirePermission(LawPermission.Manage)
  repealLawDocument(@Ctx() ctx: RequestContext, @Arg('input', () => RepealLawDocumentInput, input) data: RepealLawDocumentInput): Promise<LawDocument> {
    return this.service.repeal(ctx, data);
  }
}
