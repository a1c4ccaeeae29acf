import { NotFoundError, records, type ModuleHttpResponse, type ModuleHttpRoute } from '@platform/core';
import { EnforcementDocuments } from './documents.entities';
import { DocumentPermission } from './documents.permissions';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The two forms a document is downloaded in. */
const FORMS = {
  html: { contentType: 'text/html; charset=utf-8', extension: 'html' },
  text: { contentType: 'text/plain; charset=utf-8', extension: 'txt' },
} as const;

/** The path of a document's download in `form` (`html` or `text`). */
export const documentDownloadPath = (id: string, form: keyof typeof FORMS): string => `/enforcement/documents/${id}/${form}`;

/**
 * `GET /enforcement/documents/:id/html` and `…/text`: a document the caller may read
 * (`enforcement.document:read` within its scope, as `enforcementDocument(id:)`; anything else 404
 * NOT_FOUND, like a missing one) as issued, as an attachment named after its number. The HTML is
 * served sandboxed (no script, nothing fetched): it is a record to print or file, not a page of the app.
 */
export const documentDownloadRoute: ModuleHttpRoute = {
  path: '/enforcement/documents/:id/:form',
  permission: DocumentPermission.DocumentRead,
  handler: async (ctx, params): Promise<ModuleHttpResponse> => {
    const id = params['id'] ?? '';
    const name = params['form'];
    const form = name === 'html' || name === 'text' ? FORMS[name] : null;
    if (!UUID.test(id) || !form) throw new NotFoundError('EnforcementDocument', id);
    const document = await records(ctx, EnforcementDocuments).one(id, ['id', 'number', 'text', 'html', 'createdAt']);
    if (!document) throw new NotFoundError('EnforcementDocument', id);
    const fileName = `${document.number}.${form.extension}`;
    return {
      contentType: form.contentType,
      body: form === FORMS.html ? document.html : document.text,
      headers: {
        // RFC 6266: an ASCII fallback, then the Chinese number (RFC 5987).
        'Content-Disposition': `attachment; filename="document-${document.id}.${form.extension}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        'Content-Security-Policy': "sandbox; default-src 'none'; style-src 'unsafe-inline'",
        // Kept as issued: it never changes after this moment.
        'Last-Modified': new Date(document.createdAt).toUTCString(),
      },
    };
  },
};
