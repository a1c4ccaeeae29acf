import express, { Router, type Request, type Response } from 'express';
import { ErrorCode, demand, type ModuleHttpRoute } from '@platform/core';
import { HttpError, type RequestPipeline } from './pipeline';
import { entityTag, notModified } from './conditional-get';

/**
 * The GET and POST endpoints modules declare (`StartedModule.httpRoutes`), as an adaptor of the request
 * pipeline: the caller is already admitted (credentials, rate limit); here the route's permission is
 * demanded and the handler runs with the pipeline's context. Errors are the pipeline's (typed code,
 * its HTTP status, the request id; anything else a masked 500), as is the end of the request (the
 * sensitive-read audit before the answer, metrics and the log line after). The handler learns the
 * origin the client addressed (under TRUST_PROXY, see `RequestPipeline.origin`). A 200 answer gets
 * an ETag (the body's SHA-256), and a conditional GET it satisfies (`If-None-Match`, else
 * `If-Modified-Since` against the route's `Last-Modified`: `notModified`) is answered 304, no body.
 * A POST route's body is parsed here (form or JSON, at most `bodyLimit`: larger is the gateway's 413,
 * malformed its 400, another content type 415) and, when the route names a `bodyApiKey` field and the
 * request came without credentials, that key is authenticated as an `X-Api-Key` header would be.
 */
export function moduleRoutes(routes: readonly ModuleHttpRoute[], pipeline: RequestPipeline, bodyLimit: string): Router {
  const router = Router();
  const parsers = [express.urlencoded({ extended: false, limit: bodyLimit, parameterLimit: 100 }), express.json({ limit: bodyLimit })];
  for (const route of routes) {
    const serve = async (req: Request, res: Response) => {
      const call = pipeline.callOf(req);
      call.transport = 'route';
      call.operation = route.method === 'POST' ? `POST ${route.path}` : route.path;
      try {
        const body = route.method === 'POST' ? bodyOf(req) : new URLSearchParams();
        const key = route.bodyApiKey ? body.get(route.bodyApiKey) : null;
        if (route.bodyApiKey) body.delete(route.bodyApiKey);
        if (key && call.principal?.kind === 'anonymous') await pipeline.authenticate(call, { 'x-api-key': key });
        const ctx = pipeline.context(call);
        demand(ctx.principal, route.permission);
        const out = await route.handler(ctx, req.params as Record<string, string>, { origin: pipeline.origin(req), query: new URL(req.originalUrl, 'http://route.invalid').searchParams, body });
        // With SQL_COUNT_HEADER, `x-sql-statements` tells how many statements the route ran (as on /graphql).
        await pipeline.complete(ctx, call, (name, value) => res.setHeader(name, value));
        for (const [name, value] of Object.entries(out.headers ?? {})) res.setHeader(name, value);
        res.setHeader('X-Content-Type-Options', 'nosniff');
        // Answers depend on the caller's grants: never kept by shared caches.
        if (!res.getHeader('Cache-Control')) res.setHeader('Cache-Control', 'private, no-store');
        const status = out.status ?? 200;
        if (status === 200 && route.method !== 'POST') {
          const etag = entityTag(out.body);
          res.setHeader('ETag', etag);
          if (notModified(req.headers, etag, res.getHeader('Last-Modified') as string | undefined)) {
            res.status(304).end();
            return;
          }
        }
        res.status(status).type(out.contentType).send(out.body);
      } catch (error) {
        pipeline.sendError(res, error, call);
      }
    };
    if (route.method === 'POST') router.post(route.path, ...parsers, serve);
    else router.get(route.path, serve);
  }
  return router;
}

/** A POST's parsed body as parameters: a form's fields, or a JSON object's scalar members as strings; 415 for any other content type. */
function bodyOf(req: Request): URLSearchParams {
  const out = new URLSearchParams();
  const body: unknown = req.body;
  if (req.is('application/x-www-form-urlencoded') || req.is('application/json')) {
    if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new HttpError(400, ErrorCode.BAD_REQUEST, 'The request body must be a form or a JSON object.');
    for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
      for (const one of Array.isArray(value) ? value : [value]) if (['string', 'number', 'boolean'].includes(typeof one)) out.append(name, String(one));
    }
    return out;
  }
  if (req.headers['content-length'] === '0' || (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined)) return out;
  throw new HttpError(415, ErrorCode.BAD_REQUEST, 'The request body must be application/x-www-form-urlencoded or application/json.');
}
