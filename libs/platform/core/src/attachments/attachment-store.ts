import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';

/** What `put` answers: the key to keep, and what is known only once the bytes have been read. */
export interface StoredAttachment {
  key: string;
  sizeBytes: number;
  sha256: string;
  /** The first 16 bytes (the content type is decided before the store, by `ContentTypeSniffer`). */
  head: Buffer;
}

/** Where attachment bytes live. The file-system store is the default; an object store can replace it. */
export interface AttachmentStore {
  /**
   * Stores the stream, stopping with `TooLargeError` past `maxBytes`. Rejects when the stream fails or
   * is destroyed, and then keeps nothing of what was written.
   */
  put(content: Readable, maxBytes: number): Promise<StoredAttachment>;
  /** The stored bytes, opened; null when there is no such file. */
  read(key: string): Promise<Readable | null>;
  remove(key: string): Promise<void>;
  /** Deletes writes that never finished (a crash mid-upload) last touched before `olderThan`; answers how many. */
  removeUnfinished?(olderThan: Date): Promise<number>;
}

export class TooLargeError extends Error {}

const PART = '.part';

/** Files under a root folder (DATA_DIR/attachments), two-level fan-out by key, written atomically. */
export class FileAttachmentStore implements AttachmentStore {
  constructor(private readonly root: string) {}

  async put(content: Readable, maxBytes: number): Promise<StoredAttachment> {
    const key = randomUUID();
    const final = this.pathOf(key);
    const temp = `${final}${PART}`;
    await mkdir(path.dirname(final), { recursive: true });
    // Failed while the folder was made: write nothing at all.
    if (content.destroyed) throw content.errored ?? new Error('the upload stream was closed');
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
    const out = createWriteStream(temp, { mode: 0o600 });
    try {
      await pipeline(content, meter, out);
      await rename(temp, final);
    } catch (error) {
      // pipeline() settles before a destroyed write stream has closed its fd (or even opened the file):
      // removing first could leave an empty `.part` behind.
      if (!out.closed) await new Promise<void>((resolve) => out.once('close', () => resolve()));
      await rm(temp, { force: true });
      throw error;
    }
    return { key, sizeBytes: size, sha256: hash.digest('hex'), head };
  }

  async read(key: string): Promise<Readable | null> {
    try {
      const file = await open(this.pathOf(key), 'r');
      return file.createReadStream();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async removeUnfinished(olderThan: Date): Promise<number> {
    let removed = 0;
    for (const folder of await this.list(this.root)) {
      if (!/^[0-9a-f]{2}$/.test(folder)) continue;
      for (const name of await this.list(path.join(this.root, folder))) {
        if (!name.endsWith(PART)) continue;
        const file = path.join(this.root, folder, name);
        // Another process may finish or remove it meanwhile: a vanished file is not an error.
        const info = await stat(file).catch(() => null);
        if (!info || info.mtime >= olderThan) continue;
        await rm(file, { force: true });
        removed += 1;
      }
    }
    return removed;
  }

  private async list(folder: string): Promise<string[]> {
    try {
      return await readdir(folder);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return [];
      throw error;
    }
  }

  private pathOf(key: string): string {
    if (!/^[0-9a-f-]{36}$/.test(key)) throw new Error('bad attachment key');
    return path.join(this.root, key.slice(0, 2), key);
  }
}

// Content types are decided from the leading bytes in ./content-type (re-exported: the package index lists this file).
export * from './content-type';
