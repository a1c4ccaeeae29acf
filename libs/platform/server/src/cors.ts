import type { IncomingMessage, ServerResponse } from 'node:http';
import cors, { type CorsOptions } from 'cors';

/**
 * CORS for browser front ends on other origins (`CORS_ORIGINS`).
 *
 * - Only origins on the allow-list, compared exactly (scheme://host[:port], as browsers send `Origin`);
 *   none by default, and then no CORS header at all: browsers refuse every cross-origin read.
 * - No credentials mode (no `Access-Control-Allow-Credentials`): the gateway authenticates with
 *   `Authorization: Bearer …` or `x-api-key`, never cookies, so a page has nothing ambient to send,
 *   and a listed origin cannot make a browser send another site's cookies or HTTP auth with it.
 * - Preflights (OPTIONS with `Origin` and `Access-Control-Request-Method`) are answered here with 204
 *   before anything else runs (no rate limit, no sign-in): with the allowed methods, request headers and
 *   `Access-Control-Max-Age` for a listed origin, with none of them for any other origin.
 * - `Vary: Origin` on every response, listed origin or not, so a cache never hands one origin's answer to another.
 */
export const CORS_ALLOWED_METHODS: readonly string[] = ['GET', 'POST', 'OPTIONS'];

/** Request headers a page may send (compared case-insensitively by browsers). */
export const CORS_ALLOWED_HEADERS: readonly string[] = [
  'content-type',
  'authorization',
  'x-api-key',
  'x-request-id',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'idempotency-key',
  'traceparent',
];

/** Response headers a page may read besides the CORS-safelisted ones (some are not sent yet). */
export const CORS_EXPOSED_HEADERS: readonly string[] = ['x-request-id', 'Retry-After', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset', 'RateLimit-Policy'];

/** How long browsers may cache a preflight answer, in seconds (Chromium caps it at 7200). */
export const CORS_MAX_AGE_SECONDS = 600;

/** Why `value` is not an exact origin (`scheme://host[:port]`, http or https, as the browser writes it), or null when it is one. */
export function originProblem(value: string): string | null {
  const expected = 'must be an origin: scheme://host[:port] with no path, e.g. https://app.example.gov.cn';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `"${value}" ${expected}`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `"${value}" ${expected} (http or https)`;
  // The serialized origin is what browsers send: lower-case host, no default port, no trailing slash.
  if (url.origin !== value) return `"${value}" ${expected}${url.username || url.password ? '' : ` (did you mean ${url.origin}?)`}`;
  return null;
}

/** `CORS_ORIGINS`: a comma list of origins, blanks ignored. */
export function splitOrigins(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * The CORS check to run first on every HTTP request, or null when no origin is allowed (then nothing
 * is added to any response). It returns true when it has answered the request (a preflight), false
 * when the caller should go on (with the CORS response headers set when the origin is listed).
 * Throws on an entry that is not an exact origin.
 */
export function corsHandler(origins: readonly string[]): ((req: IncomingMessage, res: ServerResponse) => boolean) | null {
  const problems = origins.map(originProblem).filter((p): p is string => p !== null);
  if (problems.length) throw new Error(`CORS_ORIGINS: ${problems.join('; ')}`);
  if (origins.length === 0) return null;
  const allowed = new Set(origins);
  const options: CorsOptions = {
    // A listed origin is echoed back (fixed-origin mode, which also adds `Vary: Origin`); any other gets no CORS header.
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin) ? origin : false),
    methods: [...CORS_ALLOWED_METHODS],
    allowedHeaders: [...CORS_ALLOWED_HEADERS],
    exposedHeaders: [...CORS_EXPOSED_HEADERS],
    credentials: false,
    maxAge: CORS_MAX_AGE_SECONDS,
    preflightContinue: false,
    optionsSuccessStatus: 204,
  };
  const middleware = cors(options);
  return (req, res) => {
    // With static options the middleware is synchronous: it either ends a listed origin's preflight or calls next().
    let next = false;
    middleware(req, res, () => {
      next = true;
    });
    if (!next) return true;
    appendVaryOrigin(res);
    const preflight = req.method === 'OPTIONS' && req.headers.origin !== undefined && req.headers['access-control-request-method'] !== undefined;
    if (!preflight) return false;
    // An origin not on the list: answered here too (nothing behind runs for it), without any Access-Control-* header.
    res.statusCode = 204;
    res.setHeader('Content-Length', '0');
    res.end();
    return true;
  };
}

function appendVaryOrigin(res: ServerResponse): void {
  const current = res.getHeader('Vary');
  const list = (Array.isArray(current) ? current.join(',') : String(current ?? '')).split(',').map((s) => s.trim().toLowerCase());
  if (list.includes('origin') || list.includes('*')) return;
  res.setHeader('Vary', current ? `${Array.isArray(current) ? current.join(', ') : String(current)}, Origin` : 'Origin');
}
