import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { ANONYMOUS, type Principal, type TrustedDocumentStore } from '@platform/core';
import { TrustedDocumentGate } from './trusted-documents';

const TEXT = 'query Viewer { viewer { kind } }';
const OTHER = '{ __typename }';
const hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const idOf = (text: string) => `sha256:${hex(text)}`;

const client = (locked: boolean): Principal => ({ kind: 'api-client', id: 'c1', displayName: 'c1', roles: [], grants: new Map(), ...(locked ? { trustedDocumentsOnly: true } : {}) });
const user: Principal = { kind: 'user', id: 'u1', displayName: 'u1', roles: [], grants: new Map() };

/** A store holding TEXT for client c1, counting lookups. */
function store(): TrustedDocumentStore & { lookups: string[] } {
  const lookups: string[] = [];
  return {
    lookups,
    find: async (principal, documentId) => {
      lookups.push(documentId);
      return principal.id === 'c1' && documentId === idOf(TEXT) ? TEXT : null;
    },
  };
}

const refusal = async (promise: Promise<unknown>) => {
  const error = (await promise.then(() => null, (e: unknown) => e)) as { extensions: Record<string, any>; message: string } | null;
  if (!error) throw new Error('expected a refusal');
  return { code: error.extensions['code'], status: error.extensions['http']?.status, documentId: error.extensions['documentId'] };
};

describe('TrustedDocumentGate.resolve', () => {
  it('resolves a documentId registered for the caller to its text, for any client', async () => {
    const s = store();
    const gate = new TrustedDocumentGate(s);
    await expect(gate.resolve(client(false), { documentId: idOf(TEXT) })).resolves.toBe(TEXT);
    await expect(gate.resolve(client(true), { documentId: idOf(TEXT), query: '' })).resolves.toBe(TEXT);
    expect(s.lookups).toEqual([idOf(TEXT), idOf(TEXT)]);
  });

  it('answers an unknown id, or any id for a user or without a store, with PERSISTED_DOCUMENT_NOT_FOUND (404)', async () => {
    const gate = new TrustedDocumentGate(store());
    for (const [principal, id] of [
      [client(false), idOf(OTHER)],
      [user, idOf(TEXT)],
      [ANONYMOUS, idOf(TEXT)],
    ] as const) {
      expect(await refusal(gate.resolve(principal, { documentId: id }))).toEqual({ code: 'PERSISTED_DOCUMENT_NOT_FOUND', status: 404, documentId: id });
    }
    expect(await refusal(new TrustedDocumentGate(undefined).resolve(client(false), { documentId: idOf(TEXT) }))).toMatchObject({ code: 'PERSISTED_DOCUMENT_NOT_FOUND' });
  });

  it('refuses a malformed id, or an id with a text, as BAD_REQUEST (400) before any lookup', async () => {
    const s = store();
    const gate = new TrustedDocumentGate(s);
    for (const documentId of [`sha256:${hex(TEXT).toUpperCase()}`, `sha256:${hex(TEXT)}0`, hex(TEXT), `sha1:${'a'.repeat(40)}`, 7, {}]) {
      expect(await refusal(gate.resolve(client(false), { documentId }))).toEqual({ code: 'BAD_REQUEST', status: 400, documentId: undefined });
    }
    expect(await refusal(gate.resolve(client(false), { documentId: idOf(TEXT), query: TEXT }))).toEqual({ code: 'BAD_REQUEST', status: 400, documentId: undefined });
    expect(s.lookups).toEqual([]);
  });

  it('leaves an unlocked client and a user sending text alone, without a lookup', async () => {
    const s = store();
    const gate = new TrustedDocumentGate(s);
    await expect(gate.resolve(client(false), { query: OTHER })).resolves.toBeUndefined();
    await expect(gate.resolve(user, { query: OTHER, extensions: { persistedQuery: { version: 1, sha256Hash: hex(OTHER) } } })).resolves.toBeUndefined();
    expect(s.lookups).toEqual([]);
  });

  it('holds a locked client to registered texts: its text, or an APQ hash, must hash to one of them', async () => {
    const gate = new TrustedDocumentGate(store());
    const locked = client(true);
    // The registered text runs as sent; its hash alone (APQ) runs the registered text.
    await expect(gate.resolve(locked, { query: TEXT })).resolves.toBeUndefined();
    await expect(gate.resolve(locked, { extensions: { persistedQuery: { version: 1, sha256Hash: hex(TEXT) } } })).resolves.toBe(TEXT);
    // Anything else: PERSISTED_DOCUMENT_REQUIRED (403) naming the id of what was sent.
    expect(await refusal(gate.resolve(locked, { query: OTHER }))).toEqual({ code: 'PERSISTED_DOCUMENT_REQUIRED', status: 403, documentId: idOf(OTHER) });
    expect(await refusal(gate.resolve(locked, { query: `${TEXT}\n` }))).toMatchObject({ code: 'PERSISTED_DOCUMENT_REQUIRED', documentId: idOf(`${TEXT}\n`) });
    expect(await refusal(gate.resolve(locked, { extensions: { persistedQuery: { version: 1, sha256Hash: hex(OTHER) } } }))).toMatchObject({ code: 'PERSISTED_DOCUMENT_REQUIRED', documentId: idOf(OTHER) });
    // The text sent is what counts, not the hash beside it (Apollo then refuses the mismatch).
    expect(await refusal(gate.resolve(locked, { query: OTHER, extensions: { persistedQuery: { version: 1, sha256Hash: hex(TEXT) } } }))).toMatchObject({ code: 'PERSISTED_DOCUMENT_REQUIRED', documentId: idOf(OTHER) });
    // Nothing named at all: left to the route's own 400.
    await expect(gate.resolve(locked, {})).resolves.toBeUndefined();
  });
});

describe('TrustedDocumentGate on the routes', () => {
  const request = (method: string, url: string, body?: unknown) => ({ method, url, body }) as IncomingMessage & { body?: unknown };

  it("rewrites a GET's documentId into the registered text, keeping the other parameters", async () => {
    const gate = new TrustedDocumentGate(store());
    const req = request('GET', `/?documentId=${encodeURIComponent(idOf(TEXT))}&variables=%7B%7D`);
    await gate.settleRoute(req, client(false));
    const params = new URLSearchParams(req.url!.split('?')[1]);
    expect([...params.keys()].sort()).toEqual(['query', 'variables']);
    expect(params.get('query')).toBe(TEXT);
  });

  it('rewrites a POST body, and leaves a body the fast path settled to Apollo as it is', async () => {
    const gate = new TrustedDocumentGate(store());
    const body: Record<string, unknown> = { documentId: idOf(TEXT), operationName: 'Viewer' };
    const req = request('POST', '/', body);
    expect(gate.concerns(client(false), body)).toBe(true);
    await gate.settle(req, client(false), body);
    expect(body).toEqual({ query: TEXT, operationName: 'Viewer' });
    // A locked client's text, already checked by the fast path: not looked up again on Apollo's route.
    const s = store();
    const again = new TrustedDocumentGate(s);
    const checked = request('POST', '/', { query: TEXT });
    await again.settle(checked, client(true), checked.body);
    await again.settleRoute(checked, client(true));
    expect(s.lookups).toEqual([idOf(TEXT)]);
  });

  it('does nothing for a request that names no document by id from an unlocked caller', async () => {
    const s = store();
    const gate = new TrustedDocumentGate(s);
    expect(gate.concerns(user, { query: OTHER })).toBe(false);
    expect(gate.concerns(client(false), [{ documentId: idOf(TEXT) }])).toBe(false);
    const req = request('GET', `/?query=${encodeURIComponent(OTHER)}`);
    await gate.settleRoute(req, user);
    expect(req.url).toBe(`/?query=${encodeURIComponent(OTHER)}`);
    expect(s.lookups).toEqual([]);
  });
});
