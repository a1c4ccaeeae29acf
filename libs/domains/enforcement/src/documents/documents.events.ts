import { defineEvents, payload } from '@platform/core';
import { EnforcementDocumentIssuers, EnforcementDocumentTemplates, EnforcementDocuments } from './documents.entities';

/** What a document's event carries: the document, whom it is addressed to, its kind and number, what it concerns and, for a correction, what it replaces. */
type DocumentPayload = { id: string; organizationId: string; kind: string; number: string; subjectNodeId: string; supersedesId: string | null };

/** Every event of enforcement documents (ids and numbers only). A correction is `enforcement.document.issued` with `supersedesId`. */
export const documentEvents = defineEvents({
  'enforcement.document.issued': payload<DocumentPayload>(EnforcementDocuments),
  'enforcement.document-template.added': payload<{ id: string; kind: string; templateVersion: number }>(EnforcementDocumentTemplates),
  'enforcement.document-issuer.created': payload<{ id: string; organizationId: string; shortName: string }>(EnforcementDocumentIssuers),
  'enforcement.document-issuer.updated': payload<{ id: string; organizationId: string; shortName: string }>(EnforcementDocumentIssuers),
});

export type DocumentEvents = typeof documentEvents;
