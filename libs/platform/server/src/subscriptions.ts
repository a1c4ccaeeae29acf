import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { GraphQLError, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { ANONYMOUS, RequestContext, formatError, type Authenticator, type EventBus, type Principal, type Clock } from '@platform/core';
import type { RequestLimit } from './rate-limit';
import type { CredentialCheck } from './credentials';
import type { OperationCache } from './operations';
import type { RequestGuard } from './request-guard';

interface ConnectionState {
  principal?: Principal;
  headers?: Record<string, string>;
  ip?: string | null;
}

/** Credentials a client sends in graphql-ws `connectionParams`, as request headers. */
function credentialHeaders(params: Readonly<Record<string, unknown>> | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(params ?? {})) {
    const name = key.toLowerCase();
    if ((name === 'authorization' || name === 'x-api-key') && typeof value === 'string') headers[name] = value;
  }
  return headers;
}

/**
 * GraphQL subscriptions over WebSocket (graphql-ws) on the HTTP server's `/graphql` path. The
 * connection is authenticated once at connect (`connectionParams.authorization` or `x-api-key`; bad
 * credentials close it with 4403), and each operation gets a RequestContext whose principal is
 * re-loaded for every event, so revoked grants stop deliveries at once. Each subscribe counts against
 * the same per-client rate limit as an HTTP request. Errors are formatted as for HTTP (typed codes,
 * internal errors masked).
 */
export function startSubscriptions(options: {
  httpServer: Server;
  schema: GraphQLSchema;
  authenticator?: Authenticator;
  /** Checks the credentials of a new connection, counting wrong ones per address like HTTP requests do. */
  credentials?: CredentialCheck;
  dataSource: DataSource;
  events: EventBus;
  services: ReadonlyMap<string, unknown>;
  log: Logger;
  /** The HTTP endpoint's per-client limit: every subscribe counts as one request. */
  limit?: RequestLimit;
  /** The HTTP routes' validation (token limit, rules) and request checks (cost, text), applied to every subscribe. */
  operations?: OperationCache;
  guard?: RequestGuard;
  /** Where "now" comes from in subscription contexts. */
  clock?: Clock;
}): { close(): Promise<void> } {
  const wsServer = new WebSocketServer({ server: options.httpServer, path: '/graphql' });
  const state = new WeakMap<object, ConnectionState>();
  const format = (errors: readonly GraphQLError[]) =>
    errors.map((e) => formatError({ message: e.message, locations: e.locations, path: e.path, extensions: e.extensions }, e)) as unknown as GraphQLError[];

  // graphql-ws sends what onSubscribe returns only when they are GraphQLError instances.
  const refusals = (errors: readonly GraphQLError[]) => format(errors).map((e) => new GraphQLError(e.message, { extensions: e.extensions }));

  const cleanup = useServer(
    {
      schema: options.schema,
      onConnect: async (ctx) => {
        const headers = credentialHeaders(ctx.connectionParams);
        const ip = ctx.extra.request.socket.remoteAddress ?? null;
        try {
          const principal = options.credentials ? await options.credentials.principal({ headers, ip }) : options.authenticator ? await options.authenticator.authenticate({ headers, ip }) : ANONYMOUS;
          state.set(ctx.extra, { principal, headers, ip });
          return true;
        } catch {
          return false;
        }
      },
      onSubscribe: async (ctx, _id, payload) => {
        if (options.limit) {
          const s = state.get(ctx.extra) ?? {};
          const wait = await options.limit.consume(s.principal ?? ANONYMOUS, s.ip ?? null);
          if (wait) {
            const refusal = options.limit.refusal(wait);
            return [new GraphQLError(refusal.message, { extensions: refusal.extensions })];
          }
        }
        if (!options.operations) return undefined;
        // The limits of the HTTP routes: tokens, depth, aliases, directives, introspection, cost and text with the variables.
        const checked = options.operations.validated(payload.query, payload.operationName ?? undefined);
        if (Array.isArray(checked)) return refusals(checked as GraphQLError[]);
        const { document, operation } = checked as Exclude<typeof checked, readonly GraphQLError[]>;
        const refused = options.guard?.check(document, operation, payload.variables ?? {});
        if (refused) return refusals([refused]);
        return { schema: options.schema, document, operationName: payload.operationName, variableValues: payload.variables };
      },
      context: (ctx) => {
        const s = state.get(ctx.extra) ?? {};
        const requestId = randomUUID();
        return new RequestContext({
          requestId,
          principal: s.principal ?? ANONYMOUS,
          ip: s.ip ?? null,
          dataSource: options.dataSource,
          events: options.events,
          services: options.services,
          log: options.log.child({ requestId, transport: 'ws' }),
          reauthenticate: options.authenticator ? () => options.authenticator!.authenticate({ headers: s.headers ?? {}, ip: s.ip ?? null }) : undefined,
          clock: options.clock,
        });
      },
      onNext: (_ctx, _id, _payload, _args, result) => {
        const r = result as ExecutionResult;
        return r.errors?.length ? { ...r, errors: format(r.errors) } : r;
      },
      onError: (_ctx, _id, _payload, errors) => format(errors),
    },
    wsServer,
  );
  return {
    close: async () => {
      await cleanup.dispose();
      await new Promise<void>((resolve) => wsServer.close(() => resolve()));
    },
  };
}
