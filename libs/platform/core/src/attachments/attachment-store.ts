import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';

/** Where attachment bytes live. The file-system store is the default; an object store can replace it. */
export interface AttachmentStore {
  /** Stores the stream, stopping with `TooLargeError` past `maxBytes`; returns the key, size, digest and first bytes. */
  put(content: Readable, maxBytes: number): Promise<{ key: string; sizeBytes: number; sha256: string; head: Buffer }>;
  read(key: string): Readable;
  remove(key: string): Promise<void>;
}

export class TooLargeError extends Error {}

/** Files under a root folder (DATA_DIR/attachments), two-level fan-out by key, written atomically. */
export class FileAttachmentStore implements AttachmentStore {
  constructor(private readonly root: string) {}

  async put(content: Readable, maxBytes: number) {
    const key = randomUUID();
    const final = this.pathOf(key);
    const temp = `${final}.part`;
    await mkdir(path.dirname(final), { recursive: true });
    const hash = createHash('sha256');
    let size = 0;
    let head = Buffer.alloc(0);
    const meter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        if (size > maxBytes) return done(new TooLargeError(`larger than ${maxBytes} bytes`));
        if (head.length < 16) head = Buffer.concat([head, chunk.subarray(0, 16 - head.length)]);
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(content, meter, createWriteStream(temp, { mode: 0o600 }));
      await rename(temp, final);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    return { key, sizeBytes: size, sha256: hash.digest('hex'), head };
  }

  read(key: string): Readable {
    return createReadStream(this.pathOf(key));
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    if (!/^[0-9a-f-]{36}$/.test(key)) throw new Error('bad attachment key');
    return path.join(this.root, key.slice(0, 2), key);
  }
}

/** Content types accepted, recognised from the file's first bytes (the client's claim is not trusted). */
export function sniffContentType(head: Buffer): string | null {
  if (head.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))) return 'image/jpeg';
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (head.subarray(0, 4).toString('latin1') === 'RIFF' && head.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (head.subarray(4, 8).toString('latin1') === 'ftyp') return 'video/mp4';
  return null;
}
