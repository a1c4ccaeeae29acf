import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';

/**
 * The admin console (管理控制台, apps/console) at /console: its hashed assets with long caching, and its
 * index page for every console path (the app routes in the browser). Served by the gateway itself, so
 * it works without a CDN on an offline network. When the console has not been built, /console says so
 * in the API's typed 404 (the caller's fall-through).
 */
export function mountConsole(app: Express, dir: string): boolean {
  const root = path.resolve(dir);
  const index = path.join(root, 'index.html');
  if (!existsSync(index)) return false;
  app.use('/console/assets', express.static(path.join(root, 'assets'), { immutable: true, maxAge: '365d', index: false, fallthrough: false }));
  // The index page is never cached: it names the current build's assets.
  const page = (_req: express.Request, res: express.Response) => {
    res.setHeader('cache-control', 'no-cache');
    // Only the gateway's own scripts, styles and API; never framed (the console administers who may do what).
    res.setHeader('content-security-policy', "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'");
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    res.sendFile(index);
  };
  app.get('/console', page);
  app.get('/console/{*rest}', page);
  return true;
}
