import { createHash, randomBytes } from 'node:crypto';

/** Crockford base 32: no I, L, O, U (read aloud and typed without confusion). */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** The length of a code: 12 characters = 60 random bits. */
export const QR_CODE_LENGTH = 12;
/** A stored code. */
export const QR_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{12}$/;

const encode = (bytes: Uint8Array): string => Array.from(bytes.subarray(0, QR_CODE_LENGTH), (b) => ALPHABET[b & 31]).join('');

/** A new unguessable code (60 bits from the system's random source; 256 is a multiple of 32, so no bias). */
export const newQrCode = (): string => encode(randomBytes(QR_CODE_LENGTH));

/** The demo code of a seeded code, derived from its key (the README and tests scan it). */
export const qrCodeSeedCode = (key: string): string => encode(createHash('sha256').update(`scenarios.qr-code.seed:${key}`).digest());

/** A code as a person types it, the way it is stored: upper case, dashes and spaces dropped, O read as 0 and I, L as 1. */
export const normalizeQrCode = (typed: string): string =>
  typed
    .trim()
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1')
    .slice(0, 64);

/** The first day of the month of a day (`2026-11-29` → `2026-11-01`). */
export const monthOf = (day: string): string => `${day.slice(0, 7)}-01`;
