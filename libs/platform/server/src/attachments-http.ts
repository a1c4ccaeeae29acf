import { randomUUID } from 'node:crypto';
import busboy from 'busboy';
import express, { type Request, type Response, type Router } from 'express';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import {
  Attachment,
  InProcessEventBus,
  RequestContext,
  TooLargeError,
  audit,
  denial,
  mayDownload,
  sniffContentType,
  transaction,
  type AttachmentStore,
  type Principal,
} from '@platform/core';

const UPLOAD_PERMISSION = 'kernel.attachment:upload';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type AuthedRequest = Request & { principal: Principal; requestId: string };

const fail = (res: Response, status: number, code: string, message: string) => res.status(status).json({ errors: [{ message, extensions: { code } }] });

/**
 * `POST /attachments` (multipart/form-data, one part named `file`) stores an upload and answers its
 * id; `GET /attachments/:id` streams it to whoever may read the record it belongs to. Credentials
 * as for the API; uploads also need the CSRF header (`apollo-require-preflight: true`) because a
 * browser form could otherwise post one cross-site. Content types come from the file's bytes.
 */
export function attachmentRoutes(options: { store: AttachmentStore; maxBytes: number; dataSource: DataSource; log: Logger }): Router {
  const router = express.Router();
  const { store, maxBytes, dataSource, log } = options;

  router.post('/', (req, res) => {
    const { principal, requestId } = req as AuthedRequest;
    const refused = denial(principal, UPLOAD_PERMISSION);
    if (refused) return fail(res, principal.kind === 'anonymous' ? 401 : 403, String(refused.extensions['code']), refused.message);
    if (!req.headers['apollo-require-preflight'] && !req.headers['x-apollo-operation-name']) {
      return fail(res, 400, 'BAD_REQUEST', 'Uploads need the header apollo-require-preflight: true (CSRF protection).');
    }
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { files: 1, fields: 0, fileSize: maxBytes + 1 } });
    } catch {
      return fail(res, 400, 'BAD_REQUEST', 'Send multipart/form-data with one part named "file".');
    }
    let handled = false;
    parser.on('file', (name, stream, info) => {
      if (name !== 'file' || handled) return stream.resume();
      handled = true;
      store.put(stream, maxBytes).then(
        async (stored) => {
          const contentType = sniffContentType(stored.head);
          if (!contentType) {
            await store.remove(stored.key);
            return fail(res, 415, 'BAD_USER_INPUT', 'Only JPEG, PNG, WebP, PDF and MP4 files are accepted.');
          }
          const ctx = new RequestContext({ requestId, principal, ip: req.ip ?? null, dataSource, events: new InProcessEventBus(), log });
          const saved = await transaction(ctx, async (tx) => {
            const row = await tx.manager.save(
              tx.manager.create(Attachment, {
                fileName: (info.filename || 'upload').slice(0, 200),
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
          res.status(201).json({ id: saved.id, fileName: saved.fileName, contentType, sizeBytes: saved.sizeBytes, sha256: saved.sha256, url: saved.url });
        },
        (error: unknown) => {
          if (error instanceof TooLargeError) return fail(res, 413, 'BAD_USER_INPUT', `The file is larger than ${maxBytes} bytes.`);
          log.error({ err: error }, 'upload failed');
          fail(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error.');
        },
      );
    });
    parser.on('close', () => {
      if (!handled) fail(res, 400, 'BAD_USER_INPUT', 'No part named "file" in the upload.');
    });
    parser.on('error', () => {
      if (!res.headersSent) fail(res, 400, 'BAD_REQUEST', 'Malformed multipart body.');
    });
    req.pipe(parser);
  });

  router.get('/:id', async (req, res, next) => {
    try {
      const { principal } = req as unknown as AuthedRequest;
      const id = String(req.params['id']);
      const row = UUID.test(id) ? await dataSource.manager.findOneBy(Attachment, { id }) : null;
      // Out of scope answers like a missing file: no existence leak.
      if (!row || !mayDownload(principal, row)) return fail(res, 404, 'NOT_FOUND', `Attachment ${id} was not found.`);
      res.setHeader('Content-Type', row.contentType);
      res.setHeader('Content-Length', String(row.sizeBytes));
      res.setHeader('Content-Disposition', `attachment; filename="${randomUUID()}"; filename*=UTF-8''${encodeURIComponent(row.fileName)}`);
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Cache-Control', 'private, no-store');
      const stream = store.read(row.storageKey);
      stream.on('error', (err) => next(err));
      stream.pipe(res);
    } catch (error) {
      next(error);
    }
  });
  return router;
}
