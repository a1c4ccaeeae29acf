import type { RequestContext } from '@platform/core';

/*
 * The document counter (`enforcement_document_sequence`). Hand-written: one upsert that takes the next
 * serial and keeps the counter row locked until the caller's transaction ends, which the write
 * helpers do not express. Concurrent issues for the same issuer, kind and year wait for each other
 * (no two get a number); a transaction that rolls back gives its number back (no gap). MAX()+1 would
 * give two concurrent issues the same number.
 */

/** The next serial of `kind` for the issuer in `year` (1 for the first), inside the caller's transaction. */
export async function nextDocumentSerial(tx: RequestContext, issuingOrganizationId: string, kind: string, year: number): Promise<number> {
  if (!tx.inTransaction) throw new Error('nextDocumentSerial needs a transaction: the counter row stays locked until it commits.');
  const [row] = (await tx.manager.query(
    `INSERT INTO enforcement_document_sequence AS s (issuing_organization_id, kind, year, last_serial) VALUES ($1, $2, $3, 1)
     ON CONFLICT (issuing_organization_id, kind, year) DO UPDATE SET last_serial = s.last_serial + 1
     RETURNING s.last_serial AS serial`,
    [issuingOrganizationId, kind, year],
  )) as Array<{ serial: number }>;
  return row!.serial;
}
