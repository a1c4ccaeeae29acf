import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type DataLoader from 'dataloader';
import { ArchiveInput, Connection, ReadsColumns, ReadsRelation, RequirePermission, pageKey, pageRequest, records, sql, type ConnectionResult, type PageRequest, type RequestContext } from '@platform/core';
import { ApiClient } from './api-client.entity';
import { TrustedDocument } from './trusted-document.entity';
import { ApiClientTrustedDocumentArgs, RegisterTrustedDocumentsInput, RegisterTrustedDocumentsPayload, SetApiClientTrustedDocumentsOnlyInput, TrustedDocumentListArgs } from './trusted-document.types';
import { TRUSTED_DOCUMENT_ORDER, TrustedDocumentService } from './trusted-document.service';
import { TrustedDocuments } from '../access.entities';
import { Actor, ApiClientReference, actorOf, type ActorRecord } from '../actor';
import { AccessPermission } from '../permissions';

export const TrustedDocumentConnection = Connection(TrustedDocument, '可信文档');
const input = { description: '输入。The fields of the request.' };

/** The trusted documents of many API clients the caller may read, newest first: one statement per request level. */
function clientDocumentPages(ctx: RequestContext, page: PageRequest, includeRevoked: boolean): DataLoader<string, ConnectionResult<TrustedDocument>> {
  return ctx.loaders.get(`access.api-client.trustedDocuments${includeRevoked ? '.all' : ''}`, pageKey(page), async (ids: readonly string[]) => {
    const documents = records(ctx, TrustedDocuments);
    const pages = await (includeRevoked ? documents : documents.where(sql`t.revoked_at IS NULL`)).byParent('api_client_id', ids, { keys: TRUSTED_DOCUMENT_ORDER, page });
    return ids.map((id) => pages.get(id)!);
  });
}

@Resolver(() => TrustedDocument)
export class TrustedDocumentResolver {
  private readonly service = new TrustedDocumentService();

  @Query(() => TrustedDocumentConnection, { description: '可信文档列表。Trusted documents of the API clients within your reach, newest first; revoked ones only with includeRevoked.' })
  @RequirePermission(AccessPermission.ApiClientRead)
  trustedDocuments(@Ctx() ctx: RequestContext, @Args(() => TrustedDocumentListArgs) args: TrustedDocumentListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<TrustedDocument>> {
    return this.service.list(ctx, args.filter, pageRequest(args, info), args.orderBy);
  }

  @Mutation(() => RegisterTrustedDocumentsPayload, {
    description: '登记可信文档。Approves GraphQL documents for an API client, which may then send their documentId instead of the text; idempotent (the same text gives the same document, in force again if revoked). Each text must parse and validate against the schema.',
  })
  @RequirePermission(AccessPermission.ApiClientWrite)
  async registerTrustedDocuments(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RegisterTrustedDocumentsInput, input) data: RegisterTrustedDocumentsInput,
    @Info() info: GraphQLResolveInfo,
  ): Promise<RegisterTrustedDocumentsPayload> {
    return { documents: await this.service.register(ctx, info.schema, data) };
  }

  @Mutation(() => TrustedDocument, { description: '吊销可信文档。Revokes a trusted document: its client can no longer run it, from the next request on, on every gateway.' })
  @RequirePermission(AccessPermission.ApiClientWrite)
  revokeTrustedDocument(@Ctx() ctx: RequestContext, @Arg('input', () => ArchiveInput, input) data: ArchiveInput): Promise<TrustedDocument> {
    return this.service.revoke(ctx, data);
  }

  @Mutation(() => ApiClient, {
    description: '锁定可信文档。Locks an API client to its trusted documents (true: any other text is refused with PERSISTED_DOCUMENT_REQUIRED) or unlocks it (false).',
  })
  @RequirePermission(AccessPermission.ApiClientWrite)
  setApiClientTrustedDocumentsOnly(@Ctx() ctx: RequestContext, @Arg('input', () => SetApiClientTrustedDocumentsOnlyInput, input) data: SetApiClientTrustedDocumentsOnlyInput): Promise<ApiClient> {
    return this.service.setTrustedDocumentsOnly(ctx, data);
  }
}

@Resolver(() => ApiClient)
export class ApiClientTrustedDocumentsResolver {
  @FieldResolver(() => TrustedDocumentConnection, { description: '可信文档。The documents registered for this client, newest first; revoked ones only with includeRevoked.' })
  @RequirePermission(AccessPermission.ApiClientRead)
  @ReadsColumns('id')
  trustedDocuments(@Ctx() ctx: RequestContext, @Root() client: ApiClient, @Args(() => ApiClientTrustedDocumentArgs) args: ApiClientTrustedDocumentArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<TrustedDocument>> {
    return clientDocumentPages(ctx, pageRequest(args, info), args.includeRevoked ?? false).load(client.id);
  }
}

@Resolver(() => TrustedDocument)
export class TrustedDocumentRelationsResolver {
  @FieldResolver(() => ApiClient, { nullable: true, description: '接口客户端。The API client the document is registered for (by apiClientId); null only when you may no longer read it (a document is listed only with its client).' })
  @ReadsColumns('apiClientId')
  @ReadsRelation(ApiClientReference, 'apiClientId')
  apiClient(@Ctx() ctx: RequestContext, @Root() d: TrustedDocument): Promise<ApiClient | null> {
    return ApiClientReference.byId(ctx).load(d.apiClientId);
  }

  @FieldResolver(() => Actor, {
    nullable: true,
    description:
      '登记者。The user or API client that registered the document (by registeredByKind and registeredById); null for the system, and when you may not read that account (access.user:read) or client (access.api-client:read) within your administering reach (registeredByName still names it).',
  })
  @ReadsColumns('registeredByKind', 'registeredById')
  registeredBy(@Ctx() ctx: RequestContext, @Root() d: TrustedDocument): Promise<ActorRecord | null> | null {
    return actorOf(ctx, d.registeredByKind, d.registeredById);
  }
}
