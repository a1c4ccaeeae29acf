import { createUnionType } from 'type-graphql';
import { defineReference, records, type Principal, type RequestContext } from '@platform/core';
import type DataLoader from 'dataloader';
import { User } from './users/user.entity';
import { ApiClient } from './api-clients/api-client.entity';
import { ApiClients, Users } from './access.entities';

/**
 * Who acted (took a step, recorded a payment, wrote an audit entry) or holds a role: a user account or
 * an API client. The rows carry their `__typename`, which the kernel resolves the union by (graphql-jit
 * needs it synchronously).
 */
export const Actor = createUnionType({
  name: 'Actor',
  description: '操作者。A user account or an API client: who acted or holds a role. Select its fields with `... on User { displayName }` and `... on ApiClient { name }`.',
  types: () => [User, ApiClient] as const,
});

/** A user or an API client row tagged with its GraphQL type, as `Actor` fields answer it. */
export type ActorRecord = (User & { __typename: 'User' }) | (ApiClient & { __typename: 'ApiClient' });

/**
 * Accounts and API clients by id within the caller's reach for access.user:read and access.api-client:read
 * (see `Users`, `ApiClients`), else null: what `User` and `ApiClient` fields read (`@ReadsRelation`, so
 * the read compiler nests them in its one statement); one statement per request level.
 */
export const UserReference = defineReference(Users, 'access.user.byId');
export const ApiClientReference = defineReference(ApiClients, 'access.apiClient.byId');

/*
 * The same reads for `Actor` fields, with loaders of their own: they tag the rows with `__typename`
 * for the union, and a loader shared with the references would hand out untagged rows to whichever
 * asked second.
 */

/** Accounts by id within the caller's reach for access.user:read (see `Users`), else null, tagged for `Actor`: one statement per request level. */
export function userById(ctx: RequestContext): DataLoader<string, (User & { __typename: 'User' }) | null> {
  return ctx.loaders.get('access.user.actor', undefined, async (ids: readonly string[]) =>
    (await records(ctx, Users).many(ids)).map((u) => (u ? Object.assign(u, { __typename: 'User' as const }) : null)),
  );
}

/** API clients by id within the caller's reach for access.api-client:read (see `ApiClients`), else null, tagged for `Actor`: one statement per request level. */
export function apiClientById(ctx: RequestContext): DataLoader<string, (ApiClient & { __typename: 'ApiClient' }) | null> {
  return ctx.loaders.get('access.apiClient.actor', undefined, async (ids: readonly string[]) =>
    (await records(ctx, ApiClients).many(ids)).map((c) => (c ? Object.assign(c, { __typename: 'ApiClient' as const }) : null)),
  );
}

/**
 * The user or API client a stored actor (its kind and id) names, through the per-request loaders:
 * null for the system and anonymous callers, for a missing id, and for one beyond the caller's reach
 * (reading accounts needs access.user:read, clients access.api-client:read, each within the
 * administering reach), exactly as the admin lists answer.
 */
export function actorOf(ctx: RequestContext, kind: Principal['kind'], id: string | null): Promise<ActorRecord | null> | null {
  if (!id) return null;
  if (kind === 'user') return userById(ctx).load(id);
  if (kind === 'api-client') return apiClientById(ctx).load(id);
  return null;
}
