import {
  assertNotBefore,
  BadUserInputError,
  NotFoundError,
  SortDirection,
  assertNotFuture,
  createRecord,
  fromGlobalId,
  records,
  recordEvent,
  sql,
  transaction,
  unscoped,
  whereChanged,
  type ConnectionResult,
  type RequestContext,
} from '@platform/core';
import { Organizations, organizationIdWithinSubtree } from '@platform/directory';
import { EnforcementDocument } from './document.entity';
import type { EnforcementDocumentKind } from './document.enums';
import type { EnforcementDocumentForm, EnforcementDocumentIssuer } from './document-template.entity';
import { EnforcementDocumentOrder } from './document.orders';
import { fieldViolations, isDay, renderDocument, type DocumentFields } from './document-render';
import { nextDocumentSerial } from './document-numbering.sql';
import { EnforcementDocumentForms, EnforcementDocumentIssuers, EnforcementDocumentTemplates, EnforcementDocuments } from './documents.entities';
import { documentEvents } from './documents.events';
import { DocumentPermission } from './documents.permissions';
import { documentRules } from './documents.rules';
import type { CorrectEnforcementDocumentInput, EnforcementDocumentListArgs } from './document.inputs';

/** What issuing a document needs (see `issueEnforcementDocument`). */
export interface IssueEnforcementDocumentInput {
  readonly kind: EnforcementDocumentKind;
  /** The organization it is addressed to or concerns (the inspected enterprise): its scope. */
  readonly organizationId: string;
  /** The legal subject issuing it, whose sequence numbers it; it must have a short name (`EnforcementDocumentIssuer`). */
  readonly issuingOrganizationId: string;
  /** The global id of the record it concerns (an inspection's `nodeId`). */
  readonly subjectNodeId: string;
  /** YYYY-MM-DD; its year picks the sequence. */
  readonly issuedOn: string;
  /** The values of the kind's current template's fields, by name. */
  readonly fields: DocumentFields;
  /**
   * A fixed id (seeds): when a document with it exists already, it is returned as it is and nothing
   * is issued, so a seed that runs again issues nothing twice.
   */
  readonly id?: string;
}

/** The correction a new document is, when it is one. */
interface Correction {
  readonly supersedes: EnforcementDocument;
  readonly reason: string;
}

/** Properties the default keyset order reads (besides the id): a page must load them whatever is selected. */
export const DOCUMENT_KEY_PROPERTIES = ['issuedOn', 'createdAt'];

/** Why issuing reads the kind, template, issuer and names beyond the caller's scope. */
const ISSUING = 'issuing a document for the operation calling (an inspection step), which checked its own permission and scope';

const one = <T>(rows: readonly T[]): T | null => rows[0] ?? null;
const BY_ID = [{ column: 't.id', direction: SortDirection.ASC }];

const payloadOf = (d: EnforcementDocument) => ({ id: d.id, organizationId: d.organizationId, kind: d.kind, number: d.number, subjectNodeId: d.subjectNodeId, supersedesId: d.supersedesId });

/** The number a document carries: 南平镇应急〔2026〕现检12号. */
export const documentNumber = (issuerShortName: string, year: number, prefix: string, serial: number): string => `${issuerShortName}〔${year}〕${prefix}${serial}号`;

/**
 * Issues a document (内部接口, no permission of its own: the calling operation has checked its own)
 * inside the caller's transaction: the next number of the kind's sequence for the issuing body and
 * year (the counter row stays locked until the caller commits: gap-free, never twice), the kind's
 * current template rendered with `fields` (refused with BAD_USER_INPUT naming each missing or wrong
 * field, `input.fields.<name>`), stored with the template version, values, text and HTML, an audit
 * entry and the event `enforcement.document.issued`.
 */
export function issueEnforcementDocument(ctx: RequestContext, input: IssueEnforcementDocumentInput): Promise<EnforcementDocument> {
  return transaction(ctx, (tx) => issue(tx, input, null));
}

async function issue(tx: RequestContext, input: IssueEnforcementDocumentInput, correction: Correction | null): Promise<EnforcementDocument> {
  if (input.id) {
    const existing = await unscoped(tx, EnforcementDocuments, 'a seed issuing a document it may have issued before').one(input.id);
    if (existing) return existing;
  }
  if (!isDay(input.issuedOn)) throw documentRules.field('input.issuedOn', 'fieldType', 'must be a day as YYYY-MM-DD.');
  const subject = fromGlobalId(input.subjectNodeId);
  if (!subject) throw documentRules.field('input.subjectNodeId', 'globalId', 'is not a global id (nodeId) handed out by this API.');
  const form: EnforcementDocumentForm | null = one(await unscoped(tx, EnforcementDocumentForms, ISSUING).where(sql`t.kind = ${input.kind}`).list({ keys: BY_ID, limit: 1 }));
  if (!form?.currentTemplateId) throw documentRules.field('input.kind', 'exists', `no template is kept for ${input.kind}.`);
  const issuer: EnforcementDocumentIssuer | null = one(await unscoped(tx, EnforcementDocumentIssuers, ISSUING).where(sql`t.organization_id = ${input.issuingOrganizationId}`).list({ keys: BY_ID, limit: 1 }));
  if (!issuer) throw documentRules.field('input.issuingOrganizationId', 'issuer', 'has no document short name (机关代字) to number documents with: set one first (createEnforcementDocumentIssuer).');
  const [addressee, issuing] = await unscoped(tx, Organizations, ISSUING).many([input.organizationId, input.issuingOrganizationId], ['id', 'name']);
  if (!addressee) throw new NotFoundError('Organization', input.organizationId, 'input.organizationId');
  const template = (await unscoped(tx, EnforcementDocumentTemplates, ISSUING).one(form.currentTemplateId))!;
  const fields = input.fields ?? {};
  const violations = fieldViolations(template.fields, fields, 'input.fields');
  if (violations.length) throw BadUserInputError.fields(violations);

  const year = Number(input.issuedOn.slice(0, 4));
  const serial = await nextDocumentSerial(tx, input.issuingOrganizationId, input.kind, year);
  const number = documentNumber(issuer.shortName, year, form.numberPrefix, serial);
  const rendered = renderDocument(template, {
    number,
    year,
    serial,
    issuedOn: input.issuedOn,
    kindName: form.nameZh,
    organization: { name: addressee.name },
    issuer: { name: issuing!.name, shortName: issuer.shortName },
    correction: correction ? { supersedesNumber: correction.supersedes.number, supersedesIssuedOn: correction.supersedes.issuedOn, reason: correction.reason } : null,
  }, fields);
  const values = {
    ...(input.id ? { id: input.id } : {}),
    kind: input.kind,
    organizationId: input.organizationId,
    issuingOrganizationId: input.issuingOrganizationId,
    subjectNodeId: input.subjectNodeId,
    subjectType: subject.typeName,
    subjectId: subject.id,
    issuedOn: input.issuedOn,
    year,
    serial,
    number,
    title: rendered.title,
    templateId: template.id,
    templateVersion: template.templateVersion,
    fields,
    text: rendered.text,
    html: rendered.html,
    supersedesId: correction?.supersedes.id ?? null,
    correctionReason: correction?.reason ?? null,
  };
  // The audit entry keeps what identifies the document and the values; the rendered text and HTML are the document itself.
  const { text: _text, html: _html, ...audited } = values;
  return createRecord(tx, EnforcementDocument, 'EnforcementDocument', values, {
    action: correction ? 'enforcement.document.correct' : 'enforcement.document.issue',
    changes: audited,
    ...recordEvent(documentEvents['enforcement.document.issued'], payloadOf),
  });
}

export class DocumentService {
  byId(ctx: RequestContext, id: string, properties: readonly string[] | null = null): Promise<EnforcementDocument | null> {
    return records(ctx, EnforcementDocuments).one(id, properties);
  }

  list(ctx: RequestContext, args: EnforcementDocumentListArgs, withCount: boolean, properties: readonly string[] | null = null): Promise<ConnectionResult<EnforcementDocument>> {
    const f = args.filter ?? {};
    assertNotBefore(f.issuedFrom, f.issuedTo, 'filter.issuedTo', 'issuedFrom');
    let documents = records(ctx, EnforcementDocuments);
    if (f.organizationId) documents = documents.where(sql`t.organization_id = ${f.organizationId}`);
    if (f.withinSubtreeOf) documents = documents.where(organizationIdWithinSubtree('t.organization_id', f.withinSubtreeOf));
    if (f.issuingOrganizationId) documents = documents.where(sql`t.issuing_organization_id = ${f.issuingOrganizationId}`);
    if (f.kinds?.length) documents = documents.where(sql`t.kind = ANY(${f.kinds})`);
    if (f.subjectNodeId) documents = documents.where(sql`t.subject_node_id = ${f.subjectNodeId}`);
    if (f.issuedFrom) documents = documents.where(sql`t.issued_on >= CAST(${f.issuedFrom} AS date)`);
    if (f.issuedTo) documents = documents.where(sql`t.issued_on <= CAST(${f.issuedTo} AS date)`);
    if (f.number) documents = documents.where(sql`t.number = ${f.number}`);
    if (f.superseded !== undefined && f.superseded !== null) {
      // A correction is addressed to the same organization as the document it replaces: in scope together.
      const replaced = sql`EXISTS ${records(ctx, EnforcementDocuments).as('c').where(sql`c.supersedes_id = t.id`).subquery(sql`1`)}`;
      documents = documents.where(f.superseded ? replaced : sql`NOT ${replaced}`);
    }
    return whereChanged(documents, f).page({ keys: EnforcementDocumentOrder.keys(args.orderBy), page: args, withCount, properties });
  }

  /**
   * A correction: the document locked within the caller's manage scope (else NOT_FOUND), not corrected
   * already (`state`), then a new document of the same kind, addressee, issuer and subject, numbered
   * anew and rendered with the current template from the old values changed by `fields`.
   */
  correct(ctx: RequestContext, input: CorrectEnforcementDocumentInput): Promise<EnforcementDocument> {
    return transaction(ctx, async (tx) => {
      const old = await records(tx, EnforcementDocuments, DocumentPermission.DocumentManage).lock(input.id);
      const [newer] = await records(tx, EnforcementDocuments, DocumentPermission.DocumentManage)
        .where(sql`t.supersedes_id = ${old.id}`)
        .list({ keys: BY_ID, limit: 1, properties: ['id', 'number'] });
      if (newer) throw documentRules.field('input.id', 'state', `was corrected already by ${newer.number}: correct that one instead.`);
      const issuedOn = input.issuedOn ?? tx.clock.today();
      assertNotFuture(issuedOn, 'input.issuedOn', tx.clock.today());
      if (issuedOn < old.issuedOn) throw documentRules.field('input.issuedOn', 'range', `must not be before the corrected document's day (${old.issuedOn}).`);
      const fields: Record<string, unknown> = { ...old.fields, ...(input.fields ?? {}) };
      for (const [name, value] of Object.entries(fields)) if (value === null) delete fields[name];
      return issue(
        tx,
        { kind: old.kind, organizationId: old.organizationId, issuingOrganizationId: old.issuingOrganizationId, subjectNodeId: old.subjectNodeId, issuedOn, fields: fields as DocumentFields },
        { supersedes: old, reason: input.reason },
      );
    });
  }
}
