import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GatewayMetrics } from './metrics';
import { sendJson } from './http-json';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** Digests compare in constant time whatever the lengths, so the comparison tells nothing about the token. */
const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/**
 * `GET /metrics` for Prometheus, guarded by configuration: with a token, only `Authorization: Bearer
 * <token>` (401 otherwise); without one, loopback callers only (by the socket's address: a forwarded
 * header is the client's to write), unless `public`; 403 otherwise.
 */
export function metricsEndpoint(metrics: GatewayMetrics, settings: { token?: string; public: boolean }) {
  const expected = settings.token === undefined ? null : digest(settings.token);
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (expected) {
      const header = req.headers['authorization'];
      const given = typeof header === 'string' && /^Bearer /i.test(header) ? header.slice(7).trim() : null;
      if (given === null || !timingSafeEqual(digest(given), expected)) {
        res.setHeader('WWW-Authenticate', 'Bearer');
        sendJson(res, 401, { errors: [{ message: 'Metrics need the metrics bearer token.', extensions: { code: 'UNAUTHENTICATED' } }] });
        return;
      }
    } else if (!settings.public && !LOOPBACK.has(req.socket.remoteAddress ?? '')) {
      sendJson(res, 403, { errors: [{ message: 'Metrics are served to this host only (set METRICS_TOKEN or METRICS_PUBLIC).', extensions: { code: 'FORBIDDEN' } }] });
      return;
    }
    const body = await metrics.registry.metrics();
    res.statusCode = 200;
    res.setHeader('content-type', metrics.registry.contentType);
    res.end(body);
  };
}
