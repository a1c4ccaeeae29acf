import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ExecutionResult, GraphQLError, GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { formatError, isClientError, statementTally, type RequestContext } from '@platform/core';
import { withGraphQLErrors } from './jit-executor';
import type { OperationCache } from './operations';
import type { RequestGuard } from './request-guard';
import { sendJson } from './http-json';
import { sendRefusal } from './credentials';

/** What the gateway does for every GraphQL request, on either path. */
export interface GraphQLRequestHooks {
  /** Request id, credentials (401) and rate limit (429); the context, or null when a response has been sent. */
  admit(req: IncomingMessage, res: ServerResponse): Promise<RequestContext | null>;
  /** Metrics, the request log line and the audit of sensitive reads, once the result is known. */
  finish(ctx: RequestContext, operationName: string | null, failed: boolean, res: ServerResponse): Promise<void>;
  /** The express app: Apollo's full pipeline for everything the fast path leaves to it. */
  fallback(req: IncomingMessage, res: ServerResponse): void;
}

interface GraphQLRequestBody {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

const TOO_LARGE = Symbol('too large');
const GONE = Symbol('client gone');

/** The request body as text, TOO_LARGE past `limit` bytes, or GONE when the client left before sending it all. */
function readBody(req: IncomingMessage, limit: number): Promise<string | typeof TOO_LARGE | typeof GONE> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (declared > limit) {
      req.resume();
      resolve(TOO_LARGE);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        resolve(TOO_LARGE);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
    // A client that goes away mid-body: settle, so nothing waits forever (no response can be sent anyway).
    req.on('close', () => resolve(GONE));
  });
}

/** A JSON POST to /graphql whose response Apollo would send as plain `application/json`. */
function eligible(req: IncomingMessage): boolean {
  if (req.method !== 'POST') return false;
  const url = req.url ?? '';
  if (url !== '/graphql' && !url.startsWith('/graphql?')) return false;
  const type = req.headers['content-type'];
  if (!type || !/^application\/json\s*(;|$)/i.test(type)) return false;
  const accept = req.headers['accept'];
  return !accept || !/graphql-response|multipart/i.test(accept);
}

function isGraphQLRequestBody(body: unknown): body is GraphQLRequestBody {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return false;
  const b = body as Record<string, unknown>;
  if (typeof b['query'] !== 'string' || b['extensions'] !== undefined) return false;
  if (b['operationName'] != null && typeof b['operationName'] !== 'string') return false;
  return b['variables'] == null || (typeof b['variables'] === 'object' && !Array.isArray(b['variables']));
}

/**
 * Errors as Apollo formats them: a code on every error (INTERNAL_SERVER_ERROR when none), an
 * `extensions.http` status taken out and applied to the response, then the platform's `formatError`.
 */
function formatErrors(errors: readonly GraphQLError[], guard: RequestGuard): { errors: GraphQLFormattedError[]; status: number; headers: ReadonlyMap<string, string> } {
  let status = 200;
  const headers = new Map<string, string>();
  const formatted = errors.map((error) => {
    const { http, ...extensions } = { ...error.extensions, code: error.extensions['code'] ?? 'INTERNAL_SERVER_ERROR' } as Record<string, unknown> & { http?: { status?: number; headers?: ReadonlyMap<string, string> } };
    if (http?.status) status = http.status;
    for (const [name, value] of http?.headers ?? []) headers.set(name, value);
    return formatError({ ...error.toJSON(), message: guard.message(error.message), extensions }, error);
  });
  return { errors: formatted, status, headers };
}

/**
 * The gateway's fast path for the common request, a single query or mutation POSTed as JSON:
 * node's HTTP server straight to a cached, validated, compiled operation, with the same request id,
 * authentication, rate limit, context, error formatting, metrics, log line and audit as the Apollo
 * route, and none of express's or Apollo's per-request machinery. Anything else (GET, batches,
 * persisted queries, subscriptions, documents that do not validate, requests the guard refuses
 * (cost, unstorable text), variables that do not coerce, other media types) goes to express and
 * Apollo, which answer exactly as before; the body read here is handed on as `req.body`.
 */
export function graphqlFastPath(options: {
  operations: OperationCache;
  guard: RequestGuard;
  countStatements: boolean;
  bodyLimit: { bytes: number; text: string };
  hooks: GraphQLRequestHooks;
  log: Logger;
}) {
  const { operations, guard, hooks, log } = options;
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const raw = await readBody(req, options.bodyLimit.bytes);
    if (raw === GONE) return;
    if (raw === TOO_LARGE) {
      sendJson(res, 413, { errors: [{ message: `Request body is larger than ${options.bodyLimit.text}.`, extensions: { code: 'BAD_REQUEST' } }] });
      return;
    }
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      sendJson(res, 400, { errors: [{ message: 'Malformed request body.', extensions: { code: 'BAD_REQUEST' } }] });
      return;
    }
    (req as IncomingMessage & { body?: unknown }).body = body;
    const operation = isGraphQLRequestBody(body) ? operations.prepare(body.query, body.operationName ?? undefined) : null;
    if (!operation || operation.type === 'subscription') return hooks.fallback(req, res);
    const variables = (body as GraphQLRequestBody).variables ?? {};
    // Refused by the cost limit or for text PostgreSQL cannot store: Apollo's plugin runs the same
    // check and answers, so both routes send the same 400.
    if (guard.check(operation.document, operation.operation, variables)) return hooks.fallback(req, res);
    const ctx = await hooks.admit(req, res);
    if (!ctx) return;
    const tally = options.countStatements ? { count: 0 } : null;
    const run = () => operation.compiled.query(undefined, ctx, variables);
    const result = (await (tally ? statementTally.run(tally, run) : run())) as ExecutionResult;
    // Variables that do not coerce: nothing ran, Apollo answers with its standard 400.
    if (!('data' in result)) return hooks.fallback(req, res);
    const { errors, ...rest } = withGraphQLErrors(result);
    let status = 200;
    let json: string;
    if (errors?.length) {
      for (const err of errors) if (!isClientError(err)) ctx.log.error({ err: err.originalError ?? err, path: err.path }, 'internal error');
      const formatted = formatErrors(errors, guard);
      status = formatted.status;
      // As Apollo does: `extensions.http.headers` of an error (e.g. Retry-After of RATE_LIMITED) become response headers.
      for (const [name, value] of formatted.headers) res.setHeader(name, value);
      json = JSON.stringify({ errors: formatted.errors, ...rest });
    } else {
      json = JSON.stringify(rest);
    }
    const finish = () => hooks.finish(ctx, operation.name ?? (body as GraphQLRequestBody).operationName ?? null, Boolean(errors?.length), res);
    await (tally ? statementTally.run(tally, finish) : finish());
    sendJson(res, status, undefined, json);
  };
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (!eligible(req)) return hooks.fallback(req, res);
    handle(req, res).catch((err: unknown) => {
      log.error({ err }, 'unhandled error on the GraphQL fast path');
      if (!res.headersSent && !sendRefusal(res, err)) sendJson(res, 500, { errors: [{ message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      else res.destroy();
    });
  };
}
