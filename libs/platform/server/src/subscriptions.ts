import type { Server } from 'node:http';
import { GraphQLError, execute, getOperationAST, subscribe, type ExecutionArgs, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Logger } from 'pino';
import { UnauthenticatedError, withUnavailable, type Principal, type RequestContext } from '@platform/core';
import type { OperationCache } from './operations';
import type { RequestGuard } from './request-guard';
import type { GatewayMetrics } from './metrics';
import type { Call, RequestPipeline } from './pipeline';
import type { TrustedDocumentGate } from './trusted-documents';

/**
 * The close code and reason a subscriber's socket gets when its credentials stop being valid
 * (the access token expired, the session was signed out, the account or API client was locked,
 * revoked or deleted). 4403 is graphql-ws's Forbidden, the code a connection refused at connect
 * gets too; graphql-ws clients retry on it, calling `connectionParams` again (give it a function that
 * returns a fresh token) and subscribing their active subscriptions anew.
 */
export const CREDENTIALS_ENDED = { code: CloseCode.Forbidden, reason: 'Credentials expired or revoked: reconnect with fresh ones' } as const;

interface Connection {
  readonly principal: Principal;
  readonly headers: Record<string, string>;
  /** The connect's call: its address and request id stand for the connection. */
  readonly call: Call;
  readonly socket: WebSocket;
  timer?: NodeJS.Timeout;
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
 * GraphQL subscriptions over WebSocket (graphql-ws) on the HTTP server's `/graphql` path: the
 * request pipeline's WebSocket adaptor. A connection is admitted once at connect
 * (`connectionParams.authorization` or `x-api-key`, wrong ones closing it with 4403 and counted per
 * address like HTTP requests); each subscribe is a call of its own (rate limit, the HTTP routes'
 * validation and request checks, the pipeline's context, error formatting, metrics and log line).
 * The principal is loaded again for every event and every `recheckMs`: once it can no longer be
 * loaded the socket closes with `CREDENTIALS_ENDED`, so a subscriber never waits on events that will
 * not come. Sensitive fields an event returned unmasked are audited as each event is sent.
 */
export function startSubscriptions(options: {
  httpServer: Server;
  schema: GraphQLSchema;
  pipeline: RequestPipeline;
  operations: OperationCache;
  guard: RequestGuard;
  /** Trusted documents: a `documentId` in the subscribe payload resolved to its text, a locked client's text checked. */
  documents: TrustedDocumentGate;
  metrics: GatewayMetrics;
  log: Logger;
  /** How often a connection's credentials are checked between events (ms). */
  recheckMs: number;
}): { close(): Promise<void> } {
  const { pipeline, metrics } = options;
  const wsServer = new WebSocketServer({ server: options.httpServer, path: '/graphql' });
  const connections = new WeakMap<object, Connection>();

  // graphql-ws sends what onSubscribe returns only when they are GraphQLError instances.
  // They come back through onError, which must not format them again (that would keep only the code).
  const refused = new WeakSet<GraphQLError>();
  const refusals = (errors: readonly GraphQLError[], call: Call) =>
    pipeline.formatErrors(errors, call).errors.map((e) => {
      const error = new GraphQLError(e.message, { extensions: e.extensions });
      refused.add(error);
      return error;
    });

  /** Closes the socket once the connection's principal can no longer be loaded; true when it did. */
  const ended = (connection: Connection, error: unknown): boolean => {
    if (!(error instanceof UnauthenticatedError)) return false;
    if (connection.socket.readyState === connection.socket.OPEN) connection.socket.close(CREDENTIALS_ENDED.code, CREDENTIALS_ENDED.reason);
    return true;
  };
  const reauthenticate = (connection: Connection) => async (): Promise<Principal> => {
    try {
      return await pipeline.reauthenticate(connection.headers, connection.call);
    } catch (error) {
      ended(connection, error);
      throw error;
    }
  };

  /** Tracing on: each subscribe's execution (or setting up its event stream) in a span under the upgrade request's `traceparent`. */
  const traced = <R>(run: (args: ExecutionArgs) => R) => (args: ExecutionArgs): R => {
    const operation = getOperationAST(args.document, args.operationName);
    return pipeline.traceExecution(pipeline.callOfContext(args.contextValue as RequestContext), { name: operation?.name?.value, type: operation?.operation ?? 'query' }, () => run(args));
  };

  const cleanup = useServer(
    {
      schema: options.schema,
      ...(pipeline.tracing ? { execute: traced(execute), subscribe: traced(subscribe) } : {}),
      onConnect: async (ctx) => {
        const call = pipeline.begin(ctx.extra.request, 'ws');
        const headers = credentialHeaders(ctx.connectionParams);
        try {
          const principal = await pipeline.authenticate(call, headers);
          const connection: Connection = { principal, headers, call, socket: ctx.extra.socket };
          connections.set(ctx.extra, connection);
          const recheck = () => {
            connection.timer = setTimeout(() => {
              reauthenticate(connection)().then(recheck, () => undefined);
            }, options.recheckMs);
            connection.timer.unref();
          };
          if (principal.kind !== 'anonymous') recheck();
          ctx.extra.socket.once('close', () => clearTimeout(connection.timer));
          return true;
        } catch (error) {
          call.codes.push(String((error as GraphQLError).extensions?.['code'] ?? 'INTERNAL_SERVER_ERROR'));
          pipeline.end(call, 401);
          return false;
        }
      },
      onSubscribe: async (ctx, _id, payload) => {
        const connection = connections.get(ctx.extra)!;
        const call = pipeline.begin(ctx.extra.request, 'ws');
        call.operation = payload.operationName ?? null;
        call.principal = connection.principal;
        try {
          await pipeline.limit(call);
        } catch (error) {
          pipeline.end(call, 429);
          return refusals([error as GraphQLError], call);
        }
        // Trusted documents, as over HTTP: `{ query: "", documentId }` runs the registered text; an API
        // client is checked as it is now (locked since it connected?), from the principal cache.
        let source = payload.query;
        const named = payload as typeof payload & { documentId?: unknown };
        if (connection.principal.kind === 'api-client' || named.documentId !== undefined) {
          try {
            const principal = connection.principal.kind === 'api-client' ? await reauthenticate(connection)() : connection.principal;
            source = (await options.documents.resolve(principal, named)) ?? payload.query;
          } catch (error) {
            // A refusal as it is; a failed lookup as over HTTP (UNAVAILABLE when the database is, else masked).
            const refusal = withUnavailable(error instanceof GraphQLError ? error : new GraphQLError('internal', { originalError: error as Error }));
            const answer = refusals([refusal], call);
            pipeline.end(call, (refusal.extensions['http'] as { status?: number } | undefined)?.status ?? 500);
            return answer;
          }
        }
        // The limits of the HTTP routes: tokens, depth, aliases, directives, introspection, cost and text with the variables.
        const checked = options.operations.validated(source, payload.operationName ?? undefined);
        const refused = Array.isArray(checked) ? (checked as GraphQLError[]) : null;
        const { document, operation } = refused ? ({} as never) : (checked as Exclude<typeof checked, readonly GraphQLError[]>);
        const guarded = refused ?? [options.guard.check(document, operation, payload.variables ?? {})].filter((e): e is GraphQLError => e !== null);
        if (guarded.length) {
          const answer = refusals(guarded, call);
          pipeline.end(call, 400);
          return answer;
        }
        subscribeCalls.set(ctx.extra, _id, call);
        metrics.subscriptions.inc();
        return { schema: options.schema, document, operationName: payload.operationName, variableValues: payload.variables };
      },
      context: (ctx, id) => {
        const connection = connections.get(ctx.extra)!;
        return pipeline.context(subscribeCalls.get(ctx.extra, id)!, { reauthenticate: reauthenticate(connection) });
      },
      onNext: async (ctx, id, _payload, args, result) => {
        const call = subscribeCalls.get(ctx.extra, id)!;
        const r = result as ExecutionResult;
        await pipeline.complete(args.contextValue as RequestContext, call);
        return r.errors?.length ? { ...r, errors: pipeline.formatErrors(r.errors, call).errors as unknown as GraphQLError[] } : r;
      },
      onError: (ctx, id, _payload, errors) => {
        if (errors.every((e) => refused.has(e))) return errors;
        const call = subscribeCalls.get(ctx.extra, id);
        return pipeline.formatErrors(errors, call).errors as unknown as GraphQLError[];
      },
      onComplete: (ctx, id) => {
        const call = subscribeCalls.take(ctx.extra, id);
        if (!call) return;
        metrics.subscriptions.dec();
        pipeline.end(call, 200);
      },
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

/** The call of each subscription, by connection and operation id. */
const subscribeCalls = {
  byConnection: new WeakMap<object, Map<string, Call>>(),
  set(connection: object, id: string, call: Call): void {
    let calls = this.byConnection.get(connection);
    if (!calls) this.byConnection.set(connection, (calls = new Map()));
    calls.set(id, call);
  },
  get(connection: object, id: string): Call | undefined {
    return this.byConnection.get(connection)?.get(id);
  },
  take(connection: object, id: string): Call | undefined {
    const calls = this.byConnection.get(connection);
    const call = calls?.get(id);
    calls?.delete(id);
    return call;
  },
};
