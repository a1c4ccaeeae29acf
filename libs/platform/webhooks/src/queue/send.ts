import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { WebhookAttemptError } from '../webhooks.enums';
import { DestinationRefusedError, destinationProblem, guardedLookup, hostOf, isPrivateAddress } from './destination';

/** The most of a receiver's answer that is read and logged. */
export const RESPONSE_CAP_BYTES = 2048;
const USER_AGENT = 'town-safety-webhooks/1 (Standard Webhooks)';

/** One message as Standard Webhooks sends it: its id (`webhook-id`, the delivery's), type, time and data. */
export interface WebhookMessage {
  readonly id: string;
  readonly type: string;
  readonly occurredAt: Date;
  readonly data: Record<string, unknown>;
}

/** The body POSTed: `{ "type", "timestamp", "data" }` (Standard Webhooks' payload structure). */
export function messageBody(message: WebhookMessage): string {
  return JSON.stringify({ type: message.type, timestamp: message.occurredAt.toISOString(), data: message.data });
}

/**
 * The headers that sign `body`: `webhook-id`, `webhook-timestamp` (Unix seconds, now: receivers refuse
 * stale ones against replay) and `webhook-signature` (`v1,` + base64 HMAC-SHA256 of
 * `<id>.<timestamp>.<body>` with the subscription's secret), by the Standard Webhooks library.
 */
export function signatureHeaders(secret: string, id: string, body: string, now: Date): Record<string, string> {
  return { 'webhook-id': id, 'webhook-timestamp': String(Math.floor(now.getTime() / 1000)), 'webhook-signature': new Webhook(secret).sign(id, now, body) };
}

/** What one attempt came to. */
export interface SendOutcome {
  readonly delivered: boolean;
  readonly startedAt: Date;
  readonly durationMs: number | null;
  readonly statusCode: number | null;
  readonly error: WebhookAttemptError | null;
  readonly errorMessage: string | null;
  readonly responseBody: string | null;
}

export interface SendOptions {
  readonly secret: string;
  readonly timeoutMs: number;
  readonly internalHosts: ReadonlySet<string>;
  /** Aborts the attempt (the gateway is stopping). */
  readonly signal: AbortSignal;
}

/** A failure before anything was sent. */
export function refused(error: WebhookAttemptError, message: string, startedAt = new Date()): SendOutcome {
  return { delivered: false, startedAt, durationMs: null, statusCode: null, error, errorMessage: message, responseBody: null };
}

class AttemptTimeout extends Error {}
class AttemptAborted extends Error {}

/** The failure class of a connection error. */
function classify(error: unknown): WebhookAttemptError {
  if (error instanceof AttemptTimeout) return WebhookAttemptError.TIMEOUT;
  if (error instanceof AttemptAborted) return WebhookAttemptError.SHUTDOWN;
  if (error instanceof DestinationRefusedError) return WebhookAttemptError.DESTINATION_REFUSED;
  const code = String((error as { code?: unknown }).code ?? '');
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NODATA') return WebhookAttemptError.DNS;
  if (/^(ERR_TLS|ERR_SSL|CERT_|DEPTH_ZERO|UNABLE_TO_|SELF_SIGNED|HOSTNAME_MISMATCH|ERR_OSSL)/.test(code)) return WebhookAttemptError.TLS;
  return WebhookAttemptError.CONNECTION;
}

/** Text PostgreSQL can store: the answer's start, without NUL characters. */
function storable(bytes: Buffer): string {
  return bytes.subarray(0, RESPONSE_CAP_BYTES).toString('utf8').replaceAll('\u0000', '');
}

/**
 * POSTs a signed message and reports what came of it: 2xx is delivered; 3xx (never followed), 4xx
 * and 5xx, a timeout over connecting and reading the answer (`timeoutMs`), and connection, DNS and
 * TLS failures are not. At most RESPONSE_CAP_BYTES of the answer are read.
 */
export function sendMessage(url: string, message: WebhookMessage, options: SendOptions): Promise<SendOutcome> {
  const startedAt = new Date();
  const problem = destinationProblem(url, options.internalHosts);
  if (problem) return Promise.resolve(refused(WebhookAttemptError.DESTINATION_REFUSED, `${url} ${problem}`, startedAt));
  const target = new URL(url);
  // An IP address is connected to without a lookup: checked here (destinationProblem did, unless the host is internal).
  const host = hostOf(target);
  if (isIP(host) && isPrivateAddress(host) && !options.internalHosts.has(host)) return Promise.resolve(refused(WebhookAttemptError.DESTINATION_REFUSED, `${host} is on a private network`, startedAt));
  const body = messageBody(message);
  const headers = { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'user-agent': USER_AGENT, ...signatureHeaders(options.secret, message.id, body, startedAt) };

  return new Promise<SendOutcome>((resolve) => {
    let settled = false;
    let statusCode: number | null = null;
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (error: unknown | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal.removeEventListener('abort', onAbort);
      const durationMs = Date.now() - startedAt.getTime();
      const responseBody = chunks.length ? storable(Buffer.concat(chunks)) : null;
      // An answer whose status came in decides, even if its body then stalled or broke off.
      if (statusCode !== null) {
        const delivered = statusCode >= 200 && statusCode < 300;
        const failure = delivered ? null : statusCode >= 300 && statusCode < 400 ? WebhookAttemptError.REDIRECT : WebhookAttemptError.HTTP_STATUS;
        resolve({ delivered, startedAt, durationMs, statusCode, error: failure, errorMessage: failure ? `the receiver answered ${statusCode}` : null, responseBody });
        return;
      }
      const failure = classify(error);
      const text = error instanceof Error ? error.message : String(error);
      resolve({ delivered: false, startedAt, durationMs, statusCode: null, error: failure, errorMessage: text.slice(0, 500) || failure, responseBody: null });
    };
    const request = (target.protocol === 'https:' ? https : http).request(target, { method: 'POST', headers, agent: false, lookup: guardedLookup(options.internalHosts) as never }, (response) => {
      statusCode = response.statusCode ?? null;
      response.on('data', (chunk: Buffer) => {
        if (size < RESPONSE_CAP_BYTES) chunks.push(chunk);
        size += chunk.length;
        // Enough read: the rest is not waited for.
        if (size >= RESPONSE_CAP_BYTES) {
          finish(null);
          response.destroy();
        }
      });
      response.on('end', () => finish(null));
      response.on('error', (error) => finish(error));
      response.on('close', () => finish(null));
    });
    const timer = setTimeout(() => request.destroy(new AttemptTimeout(`no complete answer within ${options.timeoutMs} ms`)), options.timeoutMs);
    const onAbort = () => request.destroy(new AttemptAborted('the gateway is stopping'));
    if (options.signal.aborted) onAbort();
    else options.signal.addEventListener('abort', onAbort, { once: true });
    request.on('error', (error) => finish(error));
    request.end(body);
  });
}
