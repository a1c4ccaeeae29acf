import { Router, type Request, type Response } from 'express';
import { ErrorCode, PlatformError, flushSensitiveReads, demand, type ModuleHttpRoute, type Principal, type RequestContext } from '@platform/core';

/** HTTP status of a platform error's code, for answers outside GraphQL. */
const STATUS: Partial<Record<string, number>> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
};

/**
 * The GET endpoints modules declare (`StartedModule.httpRoutes`). The caller is already
 * authenticated and rate-limited by the gateway's middleware (the principal is on the request); here
 * the route's permission is demanded, the request context is built, and platform errors are answered
 * as `{ errors: [{ message, extensions }] }` with their HTTP status, anything else as a masked 500.
 */
export function moduleRoutes(routes: readonly ModuleHttpRoute[], contextFor: (req: Request) => RequestContext): Router {
  const router = Router();
  for (const route of routes) {
    router.get(route.path, async (req: Request, res: Response) => {
      const ctx = contextFor(req);
      try {
        demand((req as unknown as { principal: Principal }).principal, route.permission);
        const out = await route.handler(ctx, req.params as Record<string, string>);
        if (ctx.sensitiveReads.length) await flushSensitiveReads(ctx);
        for (const [name, value] of Object.entries(out.headers ?? {})) res.setHeader(name, value);
        res.setHeader('X-Content-Type-Options', 'nosniff');
        // Answers depend on the caller's grants: never kept by shared caches.
        if (!res.getHeader('Cache-Control')) res.setHeader('Cache-Control', 'private, no-store');
        res.status(out.status ?? 200).type(out.contentType).send(out.body);
      } catch (error) {
        if (error instanceof PlatformError) {
          const code = String(error.extensions['code']);
          const { http: _http, ...extensions } = error.extensions as Record<string, unknown>;
          res.status(STATUS[code] ?? 400).json({ errors: [{ message: error.message, extensions }] });
        } else {
          ctx.log.error({ err: error, path: req.path }, 'module route failed');
          res.status(500).json({ errors: [{ message: 'Internal server error.', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }] });
        }
      }
    });
  }
  return router;
}
