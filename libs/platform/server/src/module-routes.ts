import { Router, type Request, type Response } from 'express';
import { demand, type ModuleHttpRoute } from '@platform/core';
import type { RequestPipeline } from './pipeline';
import { entityTag, notModified } from './conditional-get';

/**
 * The GET endpoints modules declare (`StartedModule.httpRoutes`), as an adaptor of the request
 * pipeline: the caller is already admitted (credentials, rate limit); here the route's permission is
 * demanded and the handler runs with the pipeline's context. Errors are the pipeline's (typed code,
 * its HTTP status, the request id; anything else a masked 500), as is the end of the request (the
 * sensitive-read audit before the answer, metrics and the log line after). The handler learns the
 * origin the client addressed (under TRUST_PROXY, see `RequestPipeline.origin`). A 200 answer gets
 * an ETag (the body's SHA-256), and a conditional GET it satisfies (`If-None-Match`, else
 * `If-Modified-Since` against the route's `Last-Modified`: `notModified`) is answered 304, no body.
 */
export function moduleRoutes(routes: readonly ModuleHttpRoute[], pipeline: RequestPipeline): Router {
  const router = Router();
  for (const route of routes) {
    router.get(route.path, async (req: Request, res: Response) => {
      const call = pipeline.callOf(req);
      call.transport = 'route';
      call.operation = route.path;
      const ctx = pipeline.context(call);
      try {
        demand(ctx.principal, route.permission);
        const out = await route.handler(ctx, req.params as Record<string, string>, { origin: pipeline.origin(req), query: new URL(req.originalUrl, 'http://route.invalid').searchParams });
        // With SQL_COUNT_HEADER, `x-sql-statements` tells how many statements the route ran (as on /graphql).
        await pipeline.complete(ctx, call, (name, value) => res.setHeader(name, value));
        for (const [name, value] of Object.entries(out.headers ?? {})) res.setHeader(name, value);
        res.setHeader('X-Content-Type-Options', 'nosniff');
        // Answers depend on the caller's grants: never kept by shared caches.
        if (!res.getHeader('Cache-Control')) res.setHeader('Cache-Control', 'private, no-store');
        const status = out.status ?? 200;
        if (status === 200) {
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
    });
  }
  return router;
}
