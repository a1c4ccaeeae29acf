import type { DataSource } from 'typeorm';

/*
 * The gateway's lookup of a trusted document, made while a request is admitted (before there is a
 * request context: the caller is the API client itself, so no administrator's scope applies).
 * Hand-written so that it stays one statement on the unique index (api_client_id, document_id).
 */

/** The text of the trusted document registered for the API client under this id, unless revoked. */
export async function trustedDocumentText(dataSource: DataSource, apiClientId: string, documentId: string): Promise<string | null> {
  const rows: Array<{ document: string }> = await dataSource.query(
    `SELECT document FROM trusted_document WHERE api_client_id = $1 AND document_id = $2 AND revoked_at IS NULL`,
    [apiClientId, documentId],
  );
  return rows[0]?.document ?? null;
}
