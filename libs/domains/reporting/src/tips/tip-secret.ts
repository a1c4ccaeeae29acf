import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { NotFoundError, SortDirection, sql, unscoped, type RequestContext } from '@platform/core';
import type { Tip } from './tip.entity';
import { Tips } from './tips.entities';

/** Crockford's base 32 (no I, L, O, U): easy to read out over the phone. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 16 characters of 5 bits: 80 bits, above GlobaLeaks' 16-digit receipt (~53 bits). */
const SECRET_LENGTH = 16;

/** A new secret (提取码): 16 characters of Crockford base 32 (80 bits), shown to the reporter once. */
export function newTipSecret(): string {
  const bytes = randomBytes(SECRET_LENGTH);
  let out = '';
  for (const b of bytes) out += ALPHABET[b & 31];
  return out;
}

/**
 * The secret as typed by a person: upper case, without spaces or dashes, and Crockford's look-alikes
 * read as the digits they stand for (I, L → 1; O → 0).
 */
export function normalizeTipSecret(secret: string): string {
  return secret.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
}

/** What is stored of a secret: SHA-256 (hex) of its normal form; 80 random bits need no slow hash (like API keys). */
export function hashTipSecret(secret: string): string {
  return createHash('sha256').update(normalizeTipSecret(secret), 'utf8').digest('hex');
}

/** The one answer for a missing code, a wrong secret and expired reporter access: the caller cannot tell them apart. */
export const tipNotFound = (code: string): NotFoundError => new NotFoundError('Tip', code.slice(0, 40), 'code');

/**
 * The tip a reporter follows with its tracking code and secret (no account: unscoped by design, the
 * secret is the credential). A missing code, a wrong secret and access past `reporterAccessExpiresAt`
 * all throw the same NOT_FOUND; the hash is compared in constant time. Rate limiting guesses per
 * code is the caller's (the intake part's tracking limiter).
 */
export async function authenticateTipReporter(ctx: RequestContext, code: string, secret: string): Promise<Tip> {
  const [tip] = await unscoped(ctx, Tips, 'a reporter follows a tip with its code and secret, without an account')
    .where(sql`t.code = ${code.trim().toUpperCase()}`)
    .list({ keys: [{ column: 't.id', direction: SortDirection.ASC }], limit: 1 });
  const given = Buffer.from(hashTipSecret(secret), 'hex');
  const stored = Buffer.from(tip?.secretHash ?? '0'.repeat(64), 'hex');
  const matches = given.length === stored.length && timingSafeEqual(given, stored);
  if (!tip || !matches || tip.reporterAccessExpiresAt.getTime() <= ctx.clock.now().getTime()) throw tipNotFound(code);
  return tip;
}
