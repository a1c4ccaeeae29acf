import { defineChildPages, defineReference, records, sql, type ChildPages, type RequestContext } from '@platform/core';
import type DataLoader from 'dataloader';
import type { EnforcementDocument } from './document.entity';
import { SUBJECT_DOCUMENT_KEYS, TEMPLATE_VERSION_KEYS } from './document.orders';
import { EnforcementDocumentTemplates, EnforcementDocuments } from './documents.entities';

/** Documents by id, within the caller's read scope (others load as null): one statement per request level. */
export const EnforcementDocumentReference = defineReference(EnforcementDocuments, 'enforcement.document.byId');

/** Template versions by id (everyone who reads documents reads them). */
export const EnforcementDocumentTemplateReference = defineReference(EnforcementDocumentTemplates, 'enforcement.documentTemplate.byId');

/** A kind's template versions, the newest first (children of the kind row by its `kind` code). */
export const DocumentTemplatePages = defineChildPages(EnforcementDocumentTemplates, { name: 'enforcement.documentForm.templates', parentColumn: 'kind', keys: TEMPLATE_VERSION_KEYS });

const subjectPages = new Map<string, ChildPages<EnforcementDocument>>();

/**
 * The documents of the records of one type (e.g. `Inspection`), by the subject's own id, in the
 * order they were issued: the declaration a subject's `documents` field loads through (with
 * `@ReadsRelation(documentPagesOf('Inspection'))`), one statement per request level, within the
 * caller's read scope of documents. Made once per type name.
 */
export function documentPagesOf(subjectType: string): ChildPages<EnforcementDocument> {
  let pages = subjectPages.get(subjectType);
  if (!pages) {
    pages = defineChildPages(EnforcementDocuments, {
      name: `enforcement.document.bySubject.${subjectType}`,
      parentColumn: 'subject_id',
      keys: SUBJECT_DOCUMENT_KEYS,
      where: () => [sql`t.subject_type = ${subjectType}`],
    });
    subjectPages.set(subjectType, pages);
  }
  return pages;
}

/** The correction that replaced each document (null for none), within the caller's read scope: one statement per request level. */
export function supersededBy(ctx: RequestContext): DataLoader<string, EnforcementDocument | null> {
  return ctx.loaders.get('enforcement.document.supersededBy', undefined, async (ids: readonly string[]) => {
    const rows = await records(ctx, EnforcementDocuments)
      .where(sql`t.supersedes_id = ANY(CAST(${[...ids]} AS uuid[]))`)
      .list({ keys: SUBJECT_DOCUMENT_KEYS, limit: ids.length });
    const byOld = new Map(rows.map((d) => [d.supersedesId!, d]));
    return ids.map((id) => byOld.get(id) ?? null);
  });
}

/** Upper bound of `enforcementDocumentsOf` per call: a subject has a handful of documents. */
const MAX_SUBJECT_DOCUMENTS = 1000;

/**
 * The documents the caller may read about each of the subjects (by global id), in the order they were
 * issued: one statement. For a check or a computation over a subject's file; a GraphQL field pages
 * through `documentPagesOf` instead.
 */
export async function enforcementDocumentsOf(ctx: RequestContext, subjectNodeIds: readonly string[]): Promise<Map<string, EnforcementDocument[]>> {
  const out = new Map<string, EnforcementDocument[]>(subjectNodeIds.map((id) => [id, []]));
  if (!subjectNodeIds.length) return out;
  const rows = await records(ctx, EnforcementDocuments)
    .where(sql`t.subject_node_id = ANY(CAST(${[...new Set(subjectNodeIds)]} AS text[]))`)
    .list({ keys: SUBJECT_DOCUMENT_KEYS, limit: MAX_SUBJECT_DOCUMENTS });
  for (const d of rows) out.get(d.subjectNodeId)?.push(d);
  return out;
}
