import { Router, type Request, type Response } from 'express';
import { demand, type ModuleHttpRoute } from '@platform/core';
import type { RequestPipeline } from './pipeline';

/**
 * The GET endpoints modules declare (`StartedModule.httpRoutes`), as an adaptor of the request
 * pipeline: the caller is already admitted (credentials, rate limit); here the route's permission is
 * demanded and the handler runs with the pipeline's context. Errors are the pipeline's (typed code,
 * its HTTP status, the request id; anything else a masked 500), as is the end of the request (the
 * sensitive-read audit before the answer, metrics and the log line after).
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
        const out = await route.handler(ctx, req.params as Record<string, string>);
        await pipeline.complete(ctx, call);
        for (const [name, value] of Object.entries(out.headers ?? {})) res.setHeader(name, value);
        res.setHeader('X-Content-Type-Options', 'nosniff');
        // Answers depend on the caller's grants: never kept by shared caches.
        if (!res.getHeader('Cache-Control')) res.setHeader('Cache-Control', 'private, no-store');
        res.status(out.status ?? 200).type(out.contentType).send(out.body);
      } catch (error) {
        pipeline.sendError(res, error, call);
      }
    });
  }
  return router;
}
