import { Transform, type TransformCallback } from 'node:stream';
import { fromBuffer } from 'file-type';

/**
 * Content types of uploads come from the file's leading bytes, recognised by `file-type` (16.5.4, its
 * last CommonJS release: later ones are ESM-only, which neither the CommonJS build nor jest can load
 * here). The client's declared type and the file name are never trusted; a declared type that
 * disagrees with the bytes is refused.
 */

/** `file-type` needs at most this many leading bytes to recognise any type it knows. */
export const SNIFF_BYTES = 4100;

/** The accepted types, each with the other names clients declare it by. */
const ACCEPTED: Readonly<Record<string, readonly string[]>> = {
  'image/jpeg': ['image/jpg', 'image/pjpeg'],
  'image/png': ['image/x-png', 'image/apng'],
  'image/webp': [],
  'application/pdf': ['application/x-pdf'],
  'video/mp4': [],
};
export const ACCEPTED_CONTENT_TYPES: readonly string[] = Object.keys(ACCEPTED);

/**
 * Declarations that claim nothing: none at all, the generic binary type browsers send for unknown
 * files, and text/plain, which busboy reports for a part sent without a Content-Type (RFC 7578's
 * default), so it cannot be told apart from no declaration. None of the accepted types is text, so
 * no text type is ever accepted either way.
 */
const NO_CLAIM = new Set(['', 'application/octet-stream', 'text/plain']);

/**
 * `file-type` 16.5.4 loops forever on an ASF header whose object size is below 24 (CVE-2026-31808,
 * fixed from 21.3.1 on, ESM-only; the 16.x backport was never released). ASF is never accepted, so
 * its header GUID is answered here without calling the library.
 */
const ASF_HEADER = Buffer.from([0x30, 0x26, 0xb2, 0x75, 0x8e, 0x66, 0xcf, 0x11, 0xa6, 0xd9]);

const ACCEPTED_NAMES = 'JPEG, PNG, WebP, PDF and MP4';

/** An upload whose bytes are of no accepted type, or that was declared as another type than its bytes. */
export class ContentTypeRefusedError extends Error {
  constructor(
    message: string,
    /** `unaccepted`: the bytes are of no accepted type; `mismatch`: they are, but another type was declared. */
    readonly reason: 'unaccepted' | 'mismatch',
    /** What the bytes are, or null when `file-type` recognised nothing (text, HTML, random bytes). */
    readonly sniffed: string | null,
    /** What the client declared, normalised; null for no claim. */
    readonly declared: string | null,
  ) {
    super(message);
  }
}

/** The accepted type a name stands for (its aliases folded), lower-cased, without parameters. */
function canonical(type: string): string {
  const bare = (type.split(';')[0] ?? '').trim().toLowerCase();
  for (const [name, aliases] of Object.entries(ACCEPTED)) if (aliases.includes(bare)) return name;
  return bare;
}

/** The content type recognised from the leading bytes (at most `SNIFF_BYTES` are looked at); null when none. */
export async function sniffContentType(head: Buffer): Promise<string | null> {
  if (head.subarray(0, ASF_HEADER.length).equals(ASF_HEADER)) return 'video/x-ms-asf';
  try {
    const found = await fromBuffer(head.subarray(0, SNIFF_BYTES));
    return found ? canonical(found.mime) : null;
  } catch {
    // A structure that runs past the sample (the library then fails to read on): nothing recognised.
    return null;
  }
}

/**
 * The content type to store for an upload starting with `head`, declared by the client as `declared`
 * (busboy's part type). Throws `ContentTypeRefusedError` when the bytes are of no accepted type, or
 * when the declaration names another type than the bytes.
 */
export async function decideContentType(head: Buffer, declared: string | undefined): Promise<string> {
  const sniffed = await sniffContentType(head);
  const claim = canonical(declared ?? '');
  const claimed = NO_CLAIM.has(claim) ? null : claim;
  if (!sniffed || !ACCEPTED_CONTENT_TYPES.includes(sniffed)) {
    const what = sniffed ? ` This file is ${sniffed}.` : '';
    throw new ContentTypeRefusedError(`Only ${ACCEPTED_NAMES} files are accepted.${what}`, 'unaccepted', sniffed, claimed);
  }
  if (claimed && claimed !== sniffed) {
    throw new ContentTypeRefusedError(`The file was sent as ${claimed} but its content is ${sniffed}: send it as ${sniffed}, or send the right file.`, 'mismatch', sniffed, claimed);
  }
  return sniffed;
}

/**
 * Passes an upload through, holding back only its first `SNIFF_BYTES` until their type is decided
 * (`decideContentType`): then `contentType` is set and the bytes flow on; a refusal errors the
 * stream with `ContentTypeRefusedError` before any of it was passed on. A shorter file is decided
 * at its end.
 */
export class ContentTypeSniffer extends Transform {
  /** Set once the leading bytes were accepted. */
  contentType: string | undefined;
  private held: Buffer[] = [];
  private heldBytes = 0;

  constructor(private readonly declared: string | undefined) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (this.contentType) return done(null, chunk);
    this.held.push(chunk);
    this.heldBytes += chunk.length;
    if (this.heldBytes < SNIFF_BYTES) return done();
    this.decide(done);
  }

  override _flush(done: TransformCallback): void {
    if (this.contentType) return done();
    this.decide(done);
  }

  private decide(done: TransformCallback): void {
    const held = Buffer.concat(this.held);
    this.held = [];
    decideContentType(held, this.declared).then(
      (type) => {
        this.contentType = type;
        done(null, held);
      },
      (error: unknown) => done(error as Error),
    );
  }
}
