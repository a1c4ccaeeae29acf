import { randomUUID } from 'node:crypto';
import { pipeline as pipelineCallback } from 'node:stream';
import { pipeline as streamPipeline } from 'node:stream/promises';
import busboy from 'busboy';
import express, { type Request, type Response, type Router } from 'express';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import {
  Attachment,
  ContentTypeRefusedError,
  ContentTypeSniffer,
  ErrorCode,
  TooLargeError,
  audit,
  denial,
  mayDownload,
  transaction,
  unclaimedBytes,
  type AttachmentStore,
  type StoredAttachment,
} from '@platform/core';
import { HttpError, type RequestPipeline } from './pipeline';

const UPLOAD_PERMISSION = 'kernel.attachment:upload';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Control characters (NUL included, which PostgreSQL text refuses) are dropped from file names.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/g;


class QuotaExceededError extends Error {
  constructor(readonly held: number) {
    super('quota exceeded');
  }
}

/** How reading a multipart body ended: one stored file, or why not (and then nothing is kept). */
type Received =
  | { ok: true; stored: StoredAttachment; fileName: string; contentType: string }
  | { ok: false; reason: 'malformed' | 'aborted' | 'tooLarge' | 'refusedType' | 'noFile' | 'storeFailed'; error?: unknown };

/**
 * Feeds the request to the parser and the first part named `file`, through the content-type sniffer
 * (which holds back only its first bytes until their type is decided), to the store. Settles once either
 * both finished, or anything failed (the parser, the file stream, the store, or the client went away);
 * in that case every stream is destroyed and whatever was written removed before it settles.
 */
function receive(req: Request, parser: busboy.Busboy, store: AttachmentStore, limit: number): Promise<Received> {
  return new Promise((resolve) => {
    let put: Promise<StoredAttachment> | undefined;
    let sniffer: ContentTypeSniffer | undefined;
    let fileName = 'upload';
    let parsed = false;
    let failed: Received | undefined;

    const stop = (reason: Extract<Received, { ok: false }>['reason'], error?: unknown) => {
      if (failed) return;
      failed = { ok: false, reason, error };
      req.unpipe(parser);
      // Destroying the parser destroys the file stream it feeds, so the store's pipeline rejects,
      // closes its fd and deletes the temporary file.
      parser.destroy();
      const outcome = failed;
      void (put ?? Promise.resolve(undefined))
        .then((stored) => stored && store.remove(stored.key))
        .catch(() => undefined)
        .then(() => resolve(outcome));
    };
    const settle = () => {
      if (failed || !parsed) return;
      if (!put) return stop('noFile');
      put.then((stored) => failed || resolve({ ok: true, stored, fileName, contentType: sniffer!.contentType! }), () => undefined);
    };

    parser.on('file', (name, stream, info) => {
      // Errors of the file stream reach us through the parser and the store; this listener only keeps
      // one that arrives before the store attached its own from being unhandled (a process crash).
      stream.on('error', () => undefined);
      if (name !== 'file' || put) return stream.resume();
      fileName = Array.from((info.filename ?? '').replace(CONTROL, '')).slice(0, 200).join('') || 'upload';
      // The sniffer refuses (errors) from the first bytes, before the store wrote any; either stream
      // failing or closing early destroys the other, so the store's pipeline rejects as before.
      sniffer = new ContentTypeSniffer(info.mimeType);
      pipelineCallback(stream, sniffer, () => undefined);
      put = store.put(sniffer, limit);
      put.then(settle, (error: unknown) => {
        // Errors of the file system carry a syscall; anything else came from the upload stream itself.
        const storage = error instanceof Error && 'syscall' in error;
        stop(error instanceof TooLargeError ? 'tooLarge' : error instanceof ContentTypeRefusedError ? 'refusedType' : storage ? 'storeFailed' : 'malformed', error);
      });
    });
    parser.on('finish', () => {
      parsed = true;
      settle();
    });
    parser.on('error', (error) => stop('malformed', error));
    req.on('error', (error) => stop('aborted', error));
    // 'close' before the parser has read the whole body: the client went away (the rest of the body,
    // even if it arrived, is dropped), so the parser would never finish.
    req.on('close', () => req.readableEnded || stop('aborted'));
    // It may have gone already, while the quota was looked up.
    if (req.destroyed) return stop('aborted');
    req.pipe(parser);
  });
}

/**
 * `POST /attachments` (multipart/form-data, one part named `file`) stores an upload and answers its
 * id; `GET /attachments/:id` streams it to whoever may read the record it belongs to. Credentials
 * as for the API; uploads also need the CSRF header (`apollo-require-preflight: true`) because a
 * browser form could otherwise post one cross-site. Content types come from the file's first bytes
 * (`file-type`), never from the client's declaration, which must not contradict them. One
 * principal's unclaimed uploads may hold at most `quotaBytes`.
 */
export function attachmentRoutes(options: { store: AttachmentStore; maxBytes: number; quotaBytes: number; dataSource: DataSource; log: Logger; pipeline: RequestPipeline }): Router {
  const router = express.Router();
  const { store, maxBytes, quotaBytes, dataSource, log, pipeline } = options;
  /** The pipeline's error answer (request id, metrics, log line), unless the client has gone (an aborted upload or download). */
  const fail = (res: Response, status: number, code: ErrorCode, message: string, extra: Record<string, unknown> = {}) => {
    if (res.headersSent || !res.socket || res.socket.destroyed) return;
    // The body may be partly unread: close the connection rather than parse the rest as a next request.
    if (status !== 404) res.setHeader('Connection', 'close');
    pipeline.sendError(res, new HttpError(status, code, message, extra), pipeline.callOf(res.req));
  };

  const overQuota = (res: Response, held: number) => {
    const message = `Your unclaimed uploads already hold ${held} bytes and the quota is ${quotaBytes} bytes: attach them to a record first, or wait until they expire.`;
    fail(res, 413, ErrorCode.BAD_USER_INPUT, message, { fields: [{ field: 'file', rule: 'quota', message }] });
  };

  const upload = async (req: Request, res: Response) => {
    const call = pipeline.callOf(req);
    const principal = call.principal!;
    const refused = denial(principal, UPLOAD_PERMISSION);
    if (refused) {
      res.setHeader('Connection', 'close');
      return pipeline.sendError(res, refused, call);
    }
    if (!req.headers['apollo-require-preflight'] && !req.headers['x-apollo-operation-name']) {
      return fail(res, 400, ErrorCode.BAD_REQUEST, 'Uploads need the header apollo-require-preflight: true (CSRF protection).');
    }
    const held = await unclaimedBytes(dataSource.manager, principal);
    if (held >= quotaBytes) return overQuota(res, held);
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { files: 1, fields: 0, fileSize: maxBytes + 1 } });
    } catch {
      return fail(res, 400, ErrorCode.BAD_REQUEST, 'Send multipart/form-data with one part named "file".');
    }
    // The store stops at whichever comes first, the size limit or the quota left, so an upload over
    // quota is cut off instead of written in full.
    const room = quotaBytes - held;
    const received = await receive(req, parser, store, Math.min(maxBytes, room));
    if (!received.ok) {
      switch (received.reason) {
        case 'aborted':
          return fail(res, 400, ErrorCode.BAD_REQUEST, 'The upload was interrupted.');
        case 'tooLarge':
          return room < maxBytes ? overQuota(res, held) : fail(res, 413, ErrorCode.BAD_USER_INPUT, `The file is larger than ${maxBytes} bytes.`);
        case 'refusedType': {
          const { message, reason } = received.error as ContentTypeRefusedError;
          // A declared type that contradicts the bytes names the field like other input errors.
          const extra = reason === 'mismatch' ? { fields: [{ field: 'file', rule: 'contentType', message }] } : {};
          return fail(res, 415, ErrorCode.BAD_USER_INPUT, message, extra);
        }
        case 'noFile':
          return fail(res, 400, ErrorCode.BAD_USER_INPUT, 'No part named "file" in the upload.');
        case 'malformed':
          return fail(res, 400, ErrorCode.BAD_REQUEST, 'Malformed multipart body.');
        default:
          throw received.error;
      }
    }
    const { stored, fileName, contentType } = received;
    const ctx = pipeline.context(call);
    let saved: Attachment;
    try {
      saved = await transaction(ctx, async (tx) => {
        // Checked again, serialised per principal: concurrent uploads all passed the check above.
        const now = await unclaimedBytes(tx.manager, principal, { lock: true });
        if (now + stored.sizeBytes > quotaBytes) throw new QuotaExceededError(now);
        const row = await tx.manager.save(
          tx.manager.create(Attachment, {
            fileName,
            contentType,
            sizeBytes: stored.sizeBytes,
            sha256: stored.sha256,
            storageKey: stored.key,
            uploadedByKind: principal.kind,
            uploadedById: principal.id,
          }),
        );
        await audit(tx, { action: 'kernel.attachment.upload', entityType: 'Attachment', entityId: row.id, changes: { fileName: row.fileName, contentType, sizeBytes: row.sizeBytes } });
        return row;
      });
    } catch (error) {
      await store.remove(stored.key);
      if (error instanceof QuotaExceededError) return overQuota(res, error.held);
      throw error;
    }
    res.status(201).json({ id: saved.id, fileName: saved.fileName, contentType, sizeBytes: saved.sizeBytes, sha256: saved.sha256, url: saved.url });
  };

  router.post('/', (req, res) => {
    upload(req, res).catch((error: unknown) => {
      res.setHeader('Connection', 'close');
      pipeline.sendError(res, error, pipeline.callOf(req));
    });
  });

  router.get('/:id', async (req, res) => {
    const principal = pipeline.callOf(req).principal!;
    const id = String(req.params['id']);
    try {
      const row = UUID.test(id) ? await dataSource.manager.findOneBy(Attachment, { id }) : null;
      // Out of scope answers like a missing file: no existence leak.
      if (!row || !mayDownload(principal, row)) return fail(res, 404, ErrorCode.NOT_FOUND, `Attachment ${id} was not found.`);
      const stream = await store.read(row.storageKey);
      if (!stream) {
        log.warn({ attachment: id }, 'attachment file missing from the store');
        return fail(res, 404, ErrorCode.NOT_FOUND, `Attachment ${id} was not found.`);
      }
      res.setHeader('Content-Type', row.contentType);
      res.setHeader('Content-Length', String(row.sizeBytes));
      res.setHeader('Content-Disposition', `attachment; filename="${randomUUID()}"; filename*=UTF-8''${encodeURIComponent(row.fileName)}`);
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Cache-Control', 'private, no-store');
      // The stream pipeline destroys the file stream (closing its fd) when the client goes away mid-download.
      await streamPipeline(stream, res);
    } catch (error) {
      if (res.destroyed || (error as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE') return;
      pipeline.sendError(res, error, pipeline.callOf(req));
    }
  });
  return router;
}
