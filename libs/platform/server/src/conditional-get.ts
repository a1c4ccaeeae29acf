import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** A strong entity tag of a body (RFC 9110 §8.8.3): its SHA-256, base64url, quoted. */
export function entityTag(body: string | Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url')}"`;
}

/** One entity tag of an If-None-Match list, weak or not; its opaque value is group 1. */
const ENTITY_TAG = /(?:W\/)?"([^"]*)"/g;

/**
 * Whether a GET may be answered 304 Not Modified (RFC 9110 §13.2.2): If-None-Match, when sent,
 * decides alone (`*`, or a tag of the same opaque value: weak comparison); else If-Modified-Since,
 * a date not before `lastModified`. The request's Cache-Control is not consulted: it speaks to
 * caches (RFC 9111 §5.2.1), and fetch (the Fetch standard: browsers, Node's undici) adds `no-cache`
 * to every conditional request a program sends itself, which express's `fresh` takes for a reload.
 */
export function notModified(headers: IncomingHttpHeaders, etag: string, lastModified: string | undefined): boolean {
  const noneMatch = headers['if-none-match'];
  if (noneMatch !== undefined) {
    if (noneMatch.trim() === '*') return true;
    const opaque = etag.replace(/^W\//, '');
    return [...noneMatch.matchAll(ENTITY_TAG)].some((m) => `"${m[1]}"` === opaque);
  }
  const since = Date.parse(headers['if-modified-since'] ?? '');
  const last = Date.parse(lastModified ?? '');
  return Number.isFinite(since) && Number.isFinite(last) && last <= since;
}
