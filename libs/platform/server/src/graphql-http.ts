import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ExecutionResult } from 'graphql';
import { ErrorCode, statementTally } from '@platform/core';
import { COMPILED_HEADER, COMPILER_SWITCH, compiledData, compilerFor, withGraphQLErrors, type ReadCompilation } from './jit-executor';
import type { OperationCache } from './operations';
import type { RequestGuard } from './request-guard';
import { sendJson } from './http-json';
import { HttpError, type Call, type RequestPipeline } from './pipeline';
import type { TrustedDocumentGate } from './trusted-documents';
import { IDEMPOTENCY_HEADER, REPLAYED_HEADER, claimIdempotency, producedData, type IdempotencyClaim, type IdempotencyKeys } from './idempotency';

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
export function fastPathEligible(req: IncomingMessage): boolean {
  if (req.method !== 'POST') return false;
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
 * The GraphQL adaptor for the common request, a single query or mutation POSTed as JSON to /graphql
 * (`fastPathEligible`), already admitted by the pipeline: node's HTTP server straight to a cached,
 * validated, compiled operation, with none of express's or Apollo's per-request machinery. Context,
 * error formatting and the end of the request are the pipeline's, as on every other way in. Anything
 * else (documents that do not validate, subscriptions, requests the guard refuses (cost, unstorable
 * text), variables that do not coerce) goes to Apollo's route (`fallback`), which answers with its
 * standard errors; the body read here is handed on as `req.body`.
 */
export function graphqlFastPath(options: {
  pipeline: RequestPipeline;
  operations: OperationCache;
  guard: RequestGuard;
  /** Trusted documents: a `documentId` resolved to its text, a locked client's text checked. */
  documents: TrustedDocumentGate;
  /** Idempotency keys of mutations (`Idempotency-Key`). */
  idempotency: IdempotencyKeys;
  bodyLimit: { bytes: number; text: string };
  /** Compiles queries into one statement whose JSON text is the response's data (READ_COMPILER); null when off. */
  compilation: ReadCompilation | null;
  /** Apollo's route (express) for everything the fast path leaves to it. */
  fallback: (req: IncomingMessage, res: ServerResponse) => void;
}) {
  const { pipeline, operations, guard, documents, idempotency, fallback, compilation } = options;
  return async (req: IncomingMessage, res: ServerResponse, call: Call): Promise<void> => {
    const raw = await readBody(req, options.bodyLimit.bytes);
    if (raw === GONE) return;
    if (raw === TOO_LARGE) return pipeline.sendError(res, new HttpError(413, ErrorCode.BAD_REQUEST, `Request body is larger than ${options.bodyLimit.text}.`), call);
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      return pipeline.sendError(res, new HttpError(400, ErrorCode.BAD_REQUEST, 'Malformed request body.'), call);
    }
    (req as IncomingMessage & { body?: unknown }).body = body;
    if (documents.concerns(call.principal!, body)) {
      try {
        await documents.settle(req, call.principal!, body);
      } catch (error) {
        return pipeline.sendError(res, error, call);
      }
    }
    const operation = isGraphQLRequestBody(body) ? operations.prepare(body.query, body.operationName ?? undefined) : null;
    if (!operation || operation.type === 'subscription') return toApollo(req, res, call, fallback);
    const variables = (body as GraphQLRequestBody).variables ?? {};
    // Refused by the cost limit or for text PostgreSQL cannot store: Apollo's plugin runs the same
    // check and answers, so both routes send the same 400.
    if (guard.check(operation.document, operation.operation, variables)) return toApollo(req, res, call, fallback);
    const ctx = pipeline.context(call);
    let claim: IdempotencyClaim | null = null;
    if (operation.type === 'mutation' && req.headers[IDEMPOTENCY_HEADER] !== undefined) {
      const request = body as GraphQLRequestBody;
      let outcome;
      try {
        outcome = await claimIdempotency(idempotency, ctx, req.headers, { source: request.query, operationName: request.operationName, variables });
      } catch (error) {
        return pipeline.sendError(res, error, call);
      }
      if (outcome?.kind === 'replay') {
        call.operation = operation.name ?? request.operationName ?? null;
        res.setHeader(REPLAYED_HEADER, 'true');
        await pipeline.complete(undefined, call, (name, value) => res.setHeader(name, value));
        return sendJson(res, outcome.status, undefined, outcome.body);
      }
      claim = outcome?.claim ?? null;
    }
    const compile = compilerFor(compilation, operation.type, req.headers[COMPILER_SWITCH]);
    // A compiled query's data comes back as JSON text from one statement; null: it runs its resolvers.
    const execute: () => Promise<ExecutionResult | string> | ExecutionResult | string = compile
      ? async () =>
          (await compiledData(compilation!, compile, ctx, { document: operation.document, operation: operation.operation, variables }, (c) => operation.compiled.query(undefined, c, variables) as Promise<ExecutionResult> | ExecutionResult)) ??
          (operation.compiled.query(undefined, ctx, variables) as Promise<ExecutionResult> | ExecutionResult)
      : () => operation.compiled.query(undefined, ctx, variables) as Promise<ExecutionResult> | ExecutionResult;
    // Traced: the execution in a span of its own (no closure, no context work when tracing is off).
    const run = pipeline.tracing ? () => pipeline.traceExecution(call, operation, execute) : execute;
    let result: ExecutionResult | string;
    try {
      result = (await (call.tally ? statementTally.run(call.tally, async () => run()) : run())) as ExecutionResult | string;
    } catch (error) {
      await claim?.abandon();
      throw error;
    }
    if (compilation?.compiledHeader && compile) res.setHeader(COMPILED_HEADER, typeof result === 'string' ? 'true' : 'false');
    if (typeof result === 'string') {
      call.operation = operation.name ?? (body as GraphQLRequestBody).operationName ?? null;
      await pipeline.complete(ctx, call, (name, value) => res.setHeader(name, value));
      // The statement wrote the data as the resolvers' path would: passed through, never parsed.
      return sendJson(res, 200, undefined, `{"data":${result}}`);
    }
    // Variables that do not coerce: nothing ran, Apollo answers with its standard 400 (and claims the key itself).
    if (!('data' in result)) {
      await claim?.abandon();
      return toApollo(req, res, call, fallback);
    }
    call.operation = operation.name ?? (body as GraphQLRequestBody).operationName ?? null;
    const { errors, ...rest } = withGraphQLErrors(result);
    let status = 200;
    let json: string;
    if (errors?.length) {
      const formatted = pipeline.formatErrors(errors, call);
      status = formatted.status;
      // As Apollo does: `extensions.http.headers` of an error (e.g. Retry-After of RATE_LIMITED) become response headers.
      for (const [name, value] of formatted.headers) res.setHeader(name, value);
      json = JSON.stringify({ errors: formatted.errors, ...rest });
    } else {
      json = JSON.stringify(rest);
    }
    await claim?.settle(status, json, producedData(rest));
    await pipeline.complete(ctx, call, (name, value) => res.setHeader(name, value));
    sendJson(res, status, undefined, json);
  };
}

/** Hands the request to Apollo's route, which from then on is the call's way in. */
function toApollo(req: IncomingMessage, res: ServerResponse, call: Call, fallback: (req: IncomingMessage, res: ServerResponse) => void): void {
  call.transport = 'apollo';
  fallback(req, res);
}
