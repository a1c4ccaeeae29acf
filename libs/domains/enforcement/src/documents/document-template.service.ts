import {
  BadUserInputError,
  createRecord,
  records,
  recordEvent,
  sql,
  transaction,
  unscoped,
  updateRecord,
  whereChanged,
  type ConnectionResult,
  type RequestContext,
} from '@platform/core';
import { Organizations } from '@platform/directory';
import { EnforcementDocumentForm, EnforcementDocumentIssuer, EnforcementDocumentTemplate } from './document-template.entity';
import { EnforcementDocumentFormOrder, EnforcementDocumentIssuerOrder } from './document.orders';
import { declarationViolations, templateViolations } from './document-render';
import { EnforcementDocumentForms, EnforcementDocumentIssuers } from './documents.entities';
import { documentEvents } from './documents.events';
import { DocumentPermission } from './documents.permissions';
import { documentRules } from './documents.rules';
import type {
  AddEnforcementDocumentTemplateInput,
  CreateEnforcementDocumentIssuerInput,
  EnforcementDocumentFormListArgs,
  EnforcementDocumentIssuerListArgs,
  UpdateEnforcementDocumentIssuerInput,
} from './document-template.inputs';

/** A short name as numbers carry it: no spaces, no 〔〕 (they frame the year). */
const SHORT_NAME = /^[^\s〔〕]{2,20}$/u;

const issuerPayload = (i: EnforcementDocumentIssuer) => ({ id: i.id, organizationId: i.organizationId, shortName: i.shortName });

function checkShortName(shortName: string): void {
  if (!SHORT_NAME.test(shortName)) throw documentRules.field('input.shortName', 'range', 'must be 2–20 characters without spaces or 〔〕.');
}

/** The document kinds with their templates, and the issuers' short names: read by everyone who reads documents, kept by the office. */
export class DocumentTemplateService {
  forms(ctx: RequestContext, args: EnforcementDocumentFormListArgs, withCount: boolean): Promise<ConnectionResult<EnforcementDocumentForm>> {
    return whereChanged(records(ctx, EnforcementDocumentForms), args.filter).page({ keys: EnforcementDocumentFormOrder.keys(args.orderBy), page: args, withCount });
  }

  issuers(ctx: RequestContext, args: EnforcementDocumentIssuerListArgs, withCount: boolean): Promise<ConnectionResult<EnforcementDocumentIssuer>> {
    return whereChanged(records(ctx, EnforcementDocumentIssuers), args.filter).page({ keys: EnforcementDocumentIssuerOrder.keys(args.orderBy), page: args, withCount });
  }

  /**
   * The next template version of a kind: the templates must parse, use only the fields they declare
   * (and the renderer's own values) and, in HTML, write every value escaped; all problems are
   * reported together. The kind is changed at the version read (else CONFLICT), so two offices adding
   * a version at once cannot both make version N.
   */
  addTemplate(ctx: RequestContext, input: AddEnforcementDocumentTemplateInput): Promise<EnforcementDocumentTemplate> {
    return transaction(ctx, async (tx) => {
      const form = await records(tx, EnforcementDocumentForms, DocumentPermission.TemplateManage).lock(input.id);
      const fields = input.fields.map((f) => ({ name: f.name, label: f.label, type: f.type, required: f.required }));
      const violations = [
        ...declarationViolations(fields, 'input.fields'),
        ...templateViolations(input.titleTemplate, false, fields, 'input.titleTemplate'),
        ...templateViolations(input.textTemplate, false, fields, 'input.textTemplate'),
        ...templateViolations(input.htmlTemplate, true, fields, 'input.htmlTemplate'),
      ];
      if (violations.length) throw BadUserInputError.fields(violations);
      const templateVersion = form.currentTemplateVersion + 1;
      const template = await createRecord(
        tx,
        EnforcementDocumentTemplate,
        'EnforcementDocumentTemplate',
        { kind: form.kind, templateVersion, titleTemplate: input.titleTemplate, textTemplate: input.textTemplate, htmlTemplate: input.htmlTemplate, fields, note: input.note ?? null },
        {
          action: 'enforcement.document-template.add',
          changes: { kind: form.kind, templateVersion, fields, note: input.note ?? null },
          ...recordEvent(documentEvents['enforcement.document-template.added'], (t: EnforcementDocumentTemplate) => ({ id: t.id, kind: t.kind, templateVersion: t.templateVersion })),
        },
      );
      await updateRecord(tx, EnforcementDocumentForm, 'EnforcementDocumentForm', form, input.version, { currentTemplateId: template.id, currentTemplateVersion: templateVersion }, { action: 'enforcement.document-form.update' });
      return template;
    });
  }

  /** A short name for an organization that has none (NOT_FOUND for one outside the directory scope of the office). */
  createIssuer(ctx: RequestContext, input: CreateEnforcementDocumentIssuerInput): Promise<EnforcementDocumentIssuer> {
    return transaction(ctx, async (tx) => {
      await records(tx, Organizations, DocumentPermission.TemplateManage).reference(input.organizationId, 'input.organizationId', { properties: ['id'] });
      checkShortName(input.shortName);
      const taken = await unscoped(tx, EnforcementDocumentIssuers, 'short names are unique across all issuers')
        .where(sql`t.organization_id = ${input.organizationId} OR t.short_name = ${input.shortName}`)
        .count();
      if (taken) throw documentRules.field('input.shortName', 'unique', 'the organization has a short name already (change it with updateEnforcementDocumentIssuer), or another one uses this one.');
      return createRecord(tx, EnforcementDocumentIssuer, 'EnforcementDocumentIssuer', { organizationId: input.organizationId, shortName: input.shortName }, {
        action: 'enforcement.document-issuer.create',
        ...recordEvent(documentEvents['enforcement.document-issuer.created'], issuerPayload),
      });
    });
  }

  /** A new short name, at the version read; numbers already given stay as they are. */
  updateIssuer(ctx: RequestContext, input: UpdateEnforcementDocumentIssuerInput): Promise<EnforcementDocumentIssuer> {
    return transaction(ctx, async (tx) => {
      const current = await records(tx, EnforcementDocumentIssuers, DocumentPermission.TemplateManage).lock(input.id);
      checkShortName(input.shortName);
      const taken = await unscoped(tx, EnforcementDocumentIssuers, 'short names are unique across all issuers').where(sql`t.short_name = ${input.shortName} AND t.id <> ${current.id}`).count();
      if (taken) throw documentRules.field('input.shortName', 'unique', 'another issuer uses this short name.');
      return updateRecord(tx, EnforcementDocumentIssuer, 'EnforcementDocumentIssuer', current, input.version, { shortName: input.shortName }, {
        action: 'enforcement.document-issuer.update',
        ...recordEvent(documentEvents['enforcement.document-issuer.updated'], issuerPayload),
      });
    });
  }
}
