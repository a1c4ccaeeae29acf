import {
  assertNotBefore,
  addDays,
  containsPattern,
  createRecord,
  recordEvent,
  records,
  sql,
  transaction,
  updateRecord,
  whereChanged,
  audit,
  type ConnectionResult,
  type RequestContext,
} from '@platform/core';
import { LawDocument } from './law.entity';
import { LawArticleOrder, LawDocumentOrder } from './law.orders';
import { LawArticles, LawDocuments } from './laws.entities';
import { lawEvents } from './laws.events';
import { LawPermission } from './laws.permissions';
import { lawRules } from './laws.rules';
import { endDocumentArticles, inForceSql } from './law.sql';
import type { AddLawDocumentInput, LawDocumentListArgs, RepealLawDocumentInput } from './law.inputs';

/** Properties the default keyset order reads (besides the id). */
export const LAW_DOCUMENT_KEY_PROPERTIES = ['effectiveFrom'];

const payloadOf = (d: LawDocument) => ({ id: d.id, code: d.code, effectiveFrom: d.effectiveFrom, effectiveTo: d.effectiveTo });

/** The catalog's documents: listed, added, repealed. */
export class LawDocumentService {
  byId(ctx: RequestContext, id: string, properties: readonly string[] | null = null): Promise<LawDocument | null> {
    return records(ctx, LawDocuments).one(id, properties);
  }

  list(ctx: RequestContext, args: LawDocumentListArgs, withCount: boolean, properties: readonly string[] | null = null): Promise<ConnectionResult<LawDocument>> {
    const f = args.filter ?? {};
    let documents = records(ctx, LawDocuments);
    if (f.kinds?.length) documents = documents.where(sql`t.kind = ANY(${f.kinds})`);
    if (f.inForceOn) documents = documents.where(inForceSql('t', f.inForceOn));
    if (f.code) documents = documents.where(sql`t.code = ${f.code}`);
    if (f.search) {
      const pattern = containsPattern(f.search);
      documents = documents.where(sql`(t.title ILIKE ${pattern} OR t.document_number ILIKE ${pattern} OR t.issuing_body ILIKE ${pattern})`);
    }
    return whereChanged(documents, f).page({ keys: LawDocumentOrder.keys(args.orderBy), page: args, withCount, properties });
  }

  add(ctx: RequestContext, input: AddLawDocumentInput): Promise<LawDocument> {
    assertNotBefore(input.adoptedOn, input.promulgatedOn, 'input.promulgatedOn', 'adoptedOn');
    assertNotBefore(input.effectiveFrom, input.effectiveTo, 'input.effectiveTo', 'effectiveFrom');
    return transaction(ctx, async (tx) => {
      const taken = await records(tx, LawDocuments, LawPermission.Manage).where(sql`t.code = ${input.code}`).count();
      if (taken) throw lawRules.field('input.code', 'unique', `the catalog has a document ${input.code} already.`);
      return createRecord(
        tx,
        LawDocument,
        'LawDocument',
        {
          code: input.code,
          kind: input.kind,
          title: input.title,
          documentNumber: input.documentNumber ?? null,
          issuingBody: input.issuingBody,
          adoptedOn: input.adoptedOn ?? null,
          promulgatedOn: input.promulgatedOn ?? null,
          effectiveFrom: input.effectiveFrom,
          effectiveTo: input.effectiveTo ?? null,
          source: input.source ?? null,
          note: input.note ?? null,
        },
        { action: 'enforcement.law-document.add', ...recordEvent(lawEvents['enforcement.law-document.added'], payloadOf) },
      );
    });
  }

  /**
   * Ends a document on a day and, with it, its articles still in force after that day. Refused when
   * an article starts after the day (`range`) or is superseded only after it (`state`): those are
   * corrected first (a supersession keeps the day it was recorded with).
   */
  repeal(ctx: RequestContext, input: RepealLawDocumentInput): Promise<LawDocument> {
    return transaction(ctx, async (tx) => {
      const current = await records(tx, LawDocuments, LawPermission.Manage).lock(input.id);
      if (input.effectiveTo < current.effectiveFrom) throw lawRules.field('input.effectiveTo', 'notBeforeFrom', `must not be before the document's first day in force (${current.effectiveFrom}).`);
      if (current.effectiveTo !== null && input.effectiveTo >= current.effectiveTo) throw lawRules.field('input.effectiveTo', 'range', `must be earlier than the document's last day in force (${current.effectiveTo}).`);
      const articles = records(tx, LawArticles, LawPermission.Manage).where(sql`t.document_id = ${current.id}`);
      const [late] = await articles.where(sql`t.effective_from > CAST(${input.effectiveTo} AS date)`).list({ keys: LawArticleOrder.keys(null), limit: 1, properties: ['id', 'number'] });
      if (late) throw lawRules.field('input.effectiveTo', 'range', `its article ${late.number} comes into force only after that day: repeal or correct it first.`);
      const [superseded] = await articles.where(sql`t.superseded_on > CAST(${addDays(input.effectiveTo, 1)} AS date)`).list({ keys: LawArticleOrder.keys(null), limit: 1, properties: ['id', 'number', 'supersededOn'] });
      if (superseded) throw lawRules.field('input.effectiveTo', 'state', `its article ${superseded.number} is superseded only from ${superseded.supersededOn}, after that day.`);
      const repealed = await updateRecord(tx, LawDocument, 'LawDocument', current, input.version, { effectiveTo: input.effectiveTo }, {
        action: 'enforcement.law-document.repeal',
        changes: { effectiveTo: input.effectiveTo, previousEffectiveTo: current.effectiveTo, note: input.note ?? null },
        ...recordEvent(lawEvents['enforcement.law-document.repealed'], payloadOf),
      });
      const ended = await endDocumentArticles(tx, current.id, input.effectiveTo);
      if (ended.length) {
        await audit(tx, { action: 'enforcement.law-article.repeal', entityType: 'LawDocument', entityId: current.id, changes: { articleIds: ended.map((a) => a.id), effectiveTo: input.effectiveTo } });
        for (const a of ended) await tx.emit(lawEvents['enforcement.law-article.repealed'], { id: a.id, documentId: current.id, effectiveFrom: a.effectiveFrom, effectiveTo: input.effectiveTo });
      }
      return repealed;
    });
  }
}
