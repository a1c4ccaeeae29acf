import type { GraphQLSchema } from 'graphql';
import {
  SortDirection,
  assertVersion,
  createRecord,
  isChangeFeed,
  records,
  sql,
  transaction,
  updateRecord,
  whereChanged,
  type ArchiveInput,
  type ConnectionResult,
  type PageRequest,
  type RequestContext,
  type SortKey,
} from '@platform/core';
import { TrustedDocument } from './trusted-document.entity';
import { ApiClient } from './api-client.entity';
import { checkDocuments } from './trusted-document-text';
import { TrustedDocumentOrder, type RegisterTrustedDocumentsInput, type SetApiClientTrustedDocumentsOnlyInput, type TrustedDocumentFilter, type TrustedDocumentListArgs } from './trusted-document.types';
import { ApiClients, TrustedDocuments } from '../access.entities';
import { accessChanged } from '../access-changed';
import { accessRules } from '../access.rules';
import { AccessPermission } from '../permissions';

/** Newest first: the order of both lists (and of the index on each client's documents). */
export const TRUSTED_DOCUMENT_ORDER: readonly SortKey[] = [
  { column: 't.created_at', direction: SortDirection.DESC },
  { column: 't.id', direction: SortDirection.DESC },
];

/**
 * Trusted documents of API clients: an administrator registers, revokes and locks them only for
 * clients within their reach (the `ApiClients` rule; beyond it a client answers NOT_FOUND, like a
 * missing one). Every change also empties the principal caches (this process's as it commits, the
 * others' through the table's NOTIFY trigger), where the gateway keeps the documents it looked up.
 */
export class TrustedDocumentService {
  /**
   * Registers documents for a client, idempotently: a text registered before gives its record again
   * (in force again if it was revoked). Every text is checked against `schema` first; one that does
   * not parse or validate refuses the whole call, naming each.
   */
  async register(ctx: RequestContext, schema: GraphQLSchema, input: RegisterTrustedDocumentsInput): Promise<TrustedDocument[]> {
    const checked = checkDocuments(schema, input.documents, 'input.documents');
    return transaction(ctx, async (tx) => {
      // Locked: registrations for one client run one after the other (the unique index never clashes).
      const client = await records(tx, ApiClients, AccessPermission.ApiClientWrite).reference(input.apiClientId, 'input.apiClientId', { lock: 'update' });
      const ids = [...new Set(checked.map((c) => c.documentId))];
      const known = await records(tx, TrustedDocuments, AccessPermission.ApiClientWrite)
        .where(sql`t.api_client_id = ${client.id} AND t.document_id = ANY(CAST(${ids} AS text[]))`)
        .list({ keys: TRUSTED_DOCUMENT_ORDER, limit: ids.length });
      const byId = new Map(known.map((d) => [d.documentId, d]));
      let changed = false;
      for (const c of checked) {
        const current = byId.get(c.documentId);
        if (!current) {
          const created = await createRecord(
            tx,
            TrustedDocument,
            'TrustedDocument',
            {
              apiClientId: client.id,
              documentId: c.documentId,
              document: c.document,
              operations: c.operations,
              registeredByKind: tx.principal.kind,
              registeredById: tx.principal.id,
              registeredByName: tx.principal.displayName,
              revokedAt: null,
            },
            { action: 'access.trusted-document.register', changes: { apiClientId: client.id, documentId: c.documentId, operations: c.operations } },
          );
          byId.set(c.documentId, created);
          changed = true;
        } else if (current.revokedAt) {
          const reinstated = await updateRecord(tx, TrustedDocument, 'TrustedDocument', current, current.version, { revokedAt: null }, {
            action: 'access.trusted-document.reinstate',
            changes: { apiClientId: client.id, documentId: c.documentId },
          });
          byId.set(c.documentId, reinstated);
          changed = true;
        }
      }
      if (changed) await accessChanged(tx, 'trusted-document');
      return checked.map((c) => byId.get(c.documentId)!);
    });
  }

  /** Revokes a document within the caller's reach: its client can no longer run it, from the next request on. */
  async revoke(ctx: RequestContext, input: ArchiveInput): Promise<TrustedDocument> {
    return transaction(ctx, async (tx) => {
      const current = await records(tx, TrustedDocuments, AccessPermission.ApiClientWrite).lock(input.id);
      // The version before the state, as workflow steps do: a client that read an older version reloads first.
      assertVersion('TrustedDocument', current, input.version);
      if (current.revokedAt) throw accessRules.field('input.id', 'state', `the document was revoked at ${current.revokedAt.toISOString()}; register its text again to reinstate it.`);
      const revoked = await updateRecord(tx, TrustedDocument, 'TrustedDocument', current, input.version, { revokedAt: tx.clock.now() }, {
        action: 'access.trusted-document.revoke',
        changes: { apiClientId: current.apiClientId, documentId: current.documentId },
      });
      await accessChanged(tx, 'trusted-document');
      return revoked;
    });
  }

  /** Locks a client within the caller's reach to its trusted documents, or unlocks it. */
  async setTrustedDocumentsOnly(ctx: RequestContext, input: SetApiClientTrustedDocumentsOnlyInput): Promise<ApiClient> {
    return transaction(ctx, async (tx) => {
      const current = await records(tx, ApiClients, AccessPermission.ApiClientWrite).lock(input.id);
      const client = await updateRecord(tx, ApiClient, 'ApiClient', current, input.version, { trustedDocumentsOnly: input.trustedDocumentsOnly }, {
        action: 'access.api-client.trusted-documents-only',
        changes: { trustedDocumentsOnly: input.trustedDocumentsOnly },
      });
      await accessChanged(tx, 'api-client');
      return client;
    });
  }

  /** The trusted documents of the clients within the caller's reach, newest first. */
  list(ctx: RequestContext, filter: TrustedDocumentFilter | undefined, page: PageRequest, orderBy?: TrustedDocumentListArgs['orderBy']): Promise<ConnectionResult<TrustedDocument>> {
    let documents = whereChanged(records(ctx, TrustedDocuments), filter);
    // Revoked ones only when asked, or as tombstones of a change feed (unless asked not to).
    if (!(filter?.includeRevoked ?? isChangeFeed(filter))) documents = documents.where(sql`t.revoked_at IS NULL`);
    if (filter?.apiClientIds) documents = documents.where(sql`t.api_client_id = ANY(CAST(${filter.apiClientIds} AS uuid[]))`);
    if (filter?.documentId) documents = documents.where(sql`t.document_id = ${filter.documentId}`);
    return documents.page({ keys: TrustedDocumentOrder.keys(orderBy), page, withCount: page.withCount ?? false });
  }
}
