/*
 * The entities of enforcement documents with their row scope and permissions, declared once: every
 * read and write of the part goes through `records(ctx, <declaration>)`, which applies the scope.
 */
import { ALL_ROWS, defineScopedEntity } from '@platform/core';
import { EnforcementDocument } from './document.entity';
import { EnforcementDocumentForm, EnforcementDocumentIssuer, EnforcementDocumentTemplate } from './document-template.entity';
import { DocumentPermission } from './documents.permissions';

/** A document belongs to the organization it is addressed to (the inspected enterprise). */
export const EnforcementDocuments = defineScopedEntity(EnforcementDocument, {
  table: 'enforcement_document',
  scope: { organizationColumn: 'organization_id' },
  read: DocumentPermission.DocumentRead,
  write: DocumentPermission.DocumentManage,
});

/** The kinds are the same for everyone who reads documents. */
export const EnforcementDocumentForms = defineScopedEntity(EnforcementDocumentForm, {
  table: 'enforcement_document_kind',
  scope: { custom: () => ALL_ROWS },
  read: DocumentPermission.DocumentRead,
  write: DocumentPermission.TemplateManage,
});

/** So are the templates. */
export const EnforcementDocumentTemplates = defineScopedEntity(EnforcementDocumentTemplate, {
  table: 'enforcement_document_template',
  scope: { custom: () => ALL_ROWS },
  read: DocumentPermission.DocumentRead,
  write: DocumentPermission.TemplateManage,
});

/** And the issuers' short names (they are printed on every document anyway). */
export const EnforcementDocumentIssuers = defineScopedEntity(EnforcementDocumentIssuer, {
  table: 'enforcement_document_issuer',
  scope: { custom: () => ALL_ROWS },
  read: DocumentPermission.DocumentRead,
  write: DocumentPermission.TemplateManage,
});

/** The declarations reachable by `node(nodeId:)` (their GraphQL types implement `Node`). */
export const documentNodeEntities = [EnforcementDocuments, EnforcementDocumentForms, EnforcementDocumentTemplates, EnforcementDocumentIssuers];
