import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { ErrorCode, type Principal, type TrustedDocumentStore } from '@platform/core';
import { HttpError } from './pipeline';

/** A SHA256 hex document identifier (GraphQL over HTTP, Appendix "Persisted Documents"): `sha256:` and 64 lower-case hex digits. */
export const DOCUMENT_ID = /^sha256:[0-9a-f]{64}$/;
const APQ_HASH = /^[0-9a-f]{64}$/;

/** What a GraphQL request names its document by: the text (`query`), a trusted document's id, or an automatic persisted query's hash (`extensions`). */
export interface NamedDocument {
  readonly query?: unknown;
  readonly documentId?: unknown;
  readonly extensions?: unknown;
}

/** A request body or URL that names its document (a JSON object; anything else is left to the route's own 400). */
type Body = Record<string, unknown>;

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** The hash of an automatic persisted query (`extensions.persistedQuery.sha256Hash`), if well-formed. */
function apqHash(extensions: unknown): string | null {
  const persisted = extensions && typeof extensions === 'object' ? (extensions as { persistedQuery?: { sha256Hash?: unknown } }).persistedQuery : undefined;
  const hash = persisted && typeof persisted === 'object' ? persisted.sha256Hash : undefined;
  return typeof hash === 'string' && APQ_HASH.test(hash) ? hash : null;
}

/**
 * Trusted documents on every way in (the fast path, Apollo's route, graphql-ws), one rule for all:
 * a request may name a document registered for its API client by `documentId` instead of sending
 * the text (the GraphQL-over-HTTP persisted documents request: `{"documentId": "sha256:…"}`, GET
 * `?documentId=`); the gateway runs that text as if it had been sent. A client locked to its trusted
 * documents (`Principal.trustedDocumentsOnly`) may run only those: a text it sends, or the text an
 * automatic persisted query's hash stands for, must hash to one of them. Refusals are typed:
 * PERSISTED_DOCUMENT_NOT_FOUND (404) for an id that is unknown, revoked or another client's,
 * PERSISTED_DOCUMENT_REQUIRED (403) for an unapproved text, BAD_REQUEST (400) for a malformed id or
 * an id sent with a text. Lookups go through the store (the access module keeps them with its
 * principals: at most one indexed statement, none once kept). Users and anonymous callers are not
 * locked; they have no trusted documents.
 */
export class TrustedDocumentGate {
  /** Requests the fast path has settled before handing them to Apollo's route (which then leaves them as they are). */
  private readonly settled = new WeakSet<IncomingMessage>();

  constructor(private readonly store: TrustedDocumentStore | undefined) {}

  /**
   * The text to run instead of what the request names (its `documentId`, or for a locked client an
   * automatic persisted query's hash alone), or undefined to run the request as sent. Throws the refusal.
   */
  async resolve(principal: Principal, request: NamedDocument): Promise<string | undefined> {
    const query = request.query === '' || request.query === null ? undefined : request.query;
    if (request.documentId !== undefined && request.documentId !== null) {
      const id = request.documentId;
      if (typeof id !== 'string' || !DOCUMENT_ID.test(id)) {
        throw new HttpError(400, ErrorCode.BAD_REQUEST, '`documentId` must be "sha256:" and the 64 lower-case hex digits of the SHA-256 of the document\'s UTF-8 text.');
      }
      if (query !== undefined) throw new HttpError(400, ErrorCode.BAD_REQUEST, 'Send either `query` or `documentId`, not both.');
      const text = await this.find(principal, id);
      if (text === null) throw new HttpError(404, ErrorCode.PERSISTED_DOCUMENT_NOT_FOUND, `No trusted document ${id} is registered for you (unknown or revoked).`, { documentId: id });
      return text;
    }
    if (!principal.trustedDocumentsOnly) return undefined;
    const hash = typeof query === 'string' ? sha256(query) : apqHash(request.extensions);
    // Neither a text nor a hash: nothing to run, the route answers its own 400.
    if (hash === null) return undefined;
    const id = `sha256:${hash}`;
    const text = await this.find(principal, id);
    if (text === null) {
      throw new HttpError(403, ErrorCode.PERSISTED_DOCUMENT_REQUIRED, `This API client may run only its trusted documents, and ${id} is not one of them: send the documentId of a registered document, or ask an administrator to register this one.`, {
        documentId: id,
      });
    }
    // The text was sent: it runs as it is. Only a hash: the registered text stands in for the automatic persisted query's.
    return typeof query === 'string' ? undefined : text;
  }

  /** Whether a request body concerns the gate (a document named by id, or a locked client): when not, the fast path skips `settle`. */
  concerns(principal: Principal, body: unknown): boolean {
    return principal.trustedDocumentsOnly === true || (isBody(body) && body['documentId'] !== undefined);
  }

  /**
   * The fast path's step, on the JSON body it read (one that `concerns` the gate): the body then
   * carries the text to run (`query`, without `documentId`), and Apollo's route, should the request
   * go on there, takes it as it is.
   */
  async settle(req: IncomingMessage, principal: Principal, body: unknown): Promise<void> {
    this.settled.add(req);
    if (!isBody(body)) return;
    const text = await this.resolve(principal, body);
    if (text !== undefined) named(body, text);
  }

  /**
   * Apollo's route's step (express, before Apollo's middleware): the parameters of a GET (in the
   * URL) or the JSON body of a POST, rewritten to the text to run when the request named it otherwise.
   */
  async settleRoute(req: IncomingMessage & { body?: unknown }, principal: Principal): Promise<void> {
    if (this.settled.has(req)) return;
    if (req.method === 'GET' || req.method === 'HEAD') {
      const url = req.url ?? '/';
      const at = url.indexOf('?');
      const params = new URLSearchParams(at < 0 ? '' : url.slice(at + 1));
      if (!principal.trustedDocumentsOnly && !params.has('documentId')) return;
      const text = await this.resolve(principal, { query: params.get('query') ?? undefined, documentId: params.get('documentId') ?? undefined, extensions: json(params.get('extensions')) });
      if (text === undefined) return;
      params.delete('documentId');
      params.set('query', text);
      req.url = `${at < 0 ? url : url.slice(0, at)}?${params}`;
      return;
    }
    if (!isBody(req.body) || !this.concerns(principal, req.body)) return;
    const text = await this.resolve(principal, req.body);
    if (text !== undefined) named(req.body, text);
  }

  private find(principal: Principal, documentId: string): Promise<string | null> {
    return this.store ? this.store.find(principal, documentId) : Promise.resolve(null);
  }
}

function isBody(body: unknown): body is Body {
  return body !== null && typeof body === 'object' && !Array.isArray(body);
}

/** The body now names its document by its text. */
function named(body: Body, text: string): void {
  body['query'] = text;
  delete body['documentId'];
}

/** A JSON parameter of a GET, or undefined when it is missing or malformed (Apollo answers a malformed one). */
function json(value: string | null): unknown {
  if (value === null) return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}
