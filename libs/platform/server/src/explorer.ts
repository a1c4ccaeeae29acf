import path from 'node:path';
import type { IncomingMessage } from 'node:http';
import express, { type Express } from 'express';
import { ruruHTML } from 'ruru/server';

const STATIC_PATH = '/explorer/static/';

/** True for a browser navigating to the endpoint (not a GraphQL GET request). */
export function wantsExplorer(req: IncomingMessage): boolean {
  if (req.method !== 'GET' || !(req.headers.accept ?? '').includes('text/html')) return false;
  return !new URLSearchParams((req.url ?? '').split('?')[1] ?? '').has('query');
}

/**
 * The GraphiQL-based explorer (Ruru) at `/explorer` and at `/graphql` for browsers, with every
 * asset served from the installed npm package: no CDN, so it works on offline networks.
 */
export function mountExplorer(app: Express, endpoint: string): void {
  const html = ruruHTML({ endpoint, staticPath: STATIC_PATH });
  // The package's own assets folder (next to its dist/), served with caching by express.static.
  const assets = path.join(path.dirname(require.resolve('ruru/server')), '..', 'static');
  app.use(STATIC_PATH, express.static(assets, { immutable: true, maxAge: '7d', index: false }));
  app.get('/explorer', (_req, res) => {
    res.type('html').send(html);
  });
  app.get(endpoint, (req, res, next) => (wantsExplorer(req) ? res.type('html').send(html) : next()));
}
