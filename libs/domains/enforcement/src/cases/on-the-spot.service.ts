import { randomUUID } from 'node:crypto';
import {
  assertNotBefore,
  addDays,
  assertNotFuture,
  assertVersion,
  businessRules,
  compareDecimals,
  createRecord,
  globalIdOf,
  recordEvent,
  records,
  sql,
  transaction,
  unscoped,
  updateRecord,
  whereChanged,
  type ConnectionResult,
  type RequestContext,
} from '@platform/core';
import { Organizations, Persons } from '@platform/directory';
import { EnforcementDocumentKind, issueEnforcementDocument, type OnTheSpotDecisionFields } from '../documents/public';
import { EnforcementItemCategory, enforcementItemOn } from '../items/public';
import { LawArticles, checkArticlesInForce } from '../laws/public';
import { validEnforcementCertificates } from '../certificates/public';
import { ON_THE_SPOT_LIMITS_RULE } from '../business-rules/penalties';
import { OnTheSpotPenalty } from './on-the-spot-penalty.entity';
import { OnTheSpotPartyKind, OnTheSpotPenaltyKind } from './penalty.enums';
import { OnTheSpotPenalties } from './penalties.entities';
import { PenaltyPermission } from './penalties.permissions';
import { penaltyEvents, type OnTheSpotPenaltyPayload } from './penalties.events';
import { penaltyRules } from './penalties.rules';
import { OnTheSpotPenaltyOrder } from './penalty.orders';
import type { FileOnTheSpotPenaltyInput, ImposeOnTheSpotPenaltyInput, OnTheSpotPenaltyListArgs } from './penalty.inputs';

const E = penaltyEvents;
const payloadOf = (p: OnTheSpotPenalty): OnTheSpotPenaltyPayload => ({ id: p.id, number: p.number, enterpriseId: p.enterpriseId, kind: p.kind });

/** Properties the keyset orders read (besides the id). */
export const ON_THE_SPOT_KEY_PROPERTIES = ['decidedOn', 'number', 'createdAt', 'updatedAt'];

/** Why the decision form prints names beyond the caller's scope. */
const PRINTED = 'an on-the-spot decision form prints the enforcers\' names and certificate numbers and the articles applied';

/** SQL over alias `t`: filed after the due day, or not filed and the due day is before `today`. */
export const filedLateSql = (today: string) => sql`(coalesce(t.filed_on, CAST(${today} AS date)) > t.filing_due_on)`;

/** The same rule for a loaded penalty. */
export const filedLate = (p: Pick<OnTheSpotPenalty, 'filedOn' | 'filingDueOn'>, today: string): boolean => (p.filedOn ?? today) > p.filingDueOn;

/** A fine as the decision prints it: 罚款人民币200.00元. */
const penaltyText = (kind: OnTheSpotPenaltyKind, fine: string | null): string => (kind === OnTheSpotPenaltyKind.WARNING ? '警告' : `罚款人民币${fine}元`);

/** On-the-spot (简易程序) penalties: the list, deciding one with its decision form, filing it with the agency. */
export class OnTheSpotPenaltyService {
  byId(ctx: RequestContext, id: string, properties: readonly string[] | null = null): Promise<OnTheSpotPenalty | null> {
    return records(ctx, OnTheSpotPenalties).one(id, properties);
  }

  list(ctx: RequestContext, args: OnTheSpotPenaltyListArgs, withCount: boolean, properties: readonly string[] | null = null): Promise<ConnectionResult<OnTheSpotPenalty>> {
    const f = args.filter ?? {};
    assertNotBefore(f.decidedFrom, f.decidedTo, 'filter.decidedTo', 'decidedFrom');
    let list = records(ctx, OnTheSpotPenalties);
    if (f.enterpriseId) list = list.where(sql`t.enterprise_id = ${f.enterpriseId}`);
    if (f.kinds?.length) list = list.where(sql`t.kind = ANY(${f.kinds})`);
    if (f.decidedFrom) list = list.where(sql`t.decided_on >= CAST(${f.decidedFrom} AS date)`);
    if (f.decidedTo) list = list.where(sql`t.decided_on <= CAST(${f.decidedTo} AS date)`);
    if (f.filedLate !== undefined && f.filedLate !== null) {
      const late = filedLateSql(ctx.clock.today());
      list = list.where(f.filedLate ? late : sql`NOT ${late}`);
    }
    return whereChanged(list, f).page({ keys: OnTheSpotPenaltyOrder.keys(args.orderBy), page: args, withCount, properties });
  }

  /**
   * 当场处罚 (行政处罚法 第五十一、五十二条): a warning, or a fine not above the limit for the party kind
   * (rule `onTheSpotLimit`), under a PENALTY item in force on the day, by at least the rule's number of
   * enforcers each certified for the legal subject that day (rule `enforcers`), at an organization in
   * your scope; issues the numbered 当场行政处罚决定书 and sets the filing due day. One transaction.
   */
  impose(ctx: RequestContext, input: ImposeOnTheSpotPenaltyInput): Promise<OnTheSpotPenalty> {
    const today = ctx.clock.today();
    const day = input.decidedOn ?? today;
    assertNotFuture(day, 'input.decidedOn', today);
    return transaction(ctx, async (tx) => {
      const limits = await businessRules.inForce(tx, ON_THE_SPOT_LIMITS_RULE, day, 'input.decidedOn');
      if (input.kind === OnTheSpotPenaltyKind.FINE) {
        if (!input.fineYuan) throw penaltyRules.field('input.fineYuan', 'required', 'a fine names its amount.');
        const limit = input.partyKind === OnTheSpotPartyKind.CITIZEN ? limits.value.citizenFineYuan : limits.value.organizationFineYuan;
        if (compareDecimals(input.fineYuan, `${limit}.00`) > 0) {
          throw penaltyRules.field('input.fineYuan', 'onTheSpotLimit', `an on-the-spot fine on ${input.partyKind === OnTheSpotPartyKind.CITIZEN ? 'a citizen' : 'an organization'} is at most ${limit} yuan (行政处罚法 第五十一条); above it, file a case.`);
        }
      } else if (input.fineYuan) {
        throw penaltyRules.field('input.fineYuan', 'onTheSpotLimit', 'a warning carries no fine.');
      }
      if (input.partyKind === OnTheSpotPartyKind.ORGANIZATION && input.partyPersonId) throw penaltyRules.field('input.partyPersonId', 'party', 'an organization is the party: name no person.');
      const found = await enforcementItemOn(tx, input.enforcementItemId, day);
      if (!found) throw penaltyRules.field('input.enforcementItemId', 'exists', 'there is no enforcement item with this id in your scope.');
      if (found.item.category !== EnforcementItemCategory.PENALTY) throw penaltyRules.field('input.enforcementItemId', 'exists', `the item is a ${found.item.category} item, not a PENALTY item.`);
      if (!found.inForce) throw penaltyRules.field('input.enforcementItemId', 'inForce', `the item's list is not in force on ${day}.`);
      const enterprise = await records(tx, Organizations, PenaltyPermission.OnTheSpotManage).reference(input.enterpriseId, 'input.enterpriseId', { properties: ['id', 'name'] });
      if (input.partyPersonId) await records(tx, Persons).reference(input.partyPersonId, 'input.partyPersonId', { properties: ['id'] });
      const enforcers = await this.checkEnforcers(tx, input.enforcerPersonIds, input.legalSubjectId, day, limits.value.minEnforcers);
      await checkArticlesInForce(tx, 'input.lawArticleIds', input.lawArticleIds, day);
      const articles = await unscoped(tx, LawArticles, PRINTED).many(input.lawArticleIds, ['id', 'number', 'documentId']);
      const id = randomUUID();
      const fields: OnTheSpotDecisionFields = {
        partyName: input.partyName,
        place: input.place,
        facts: input.facts,
        legalBasis: `${found.item.legalBasis}（${articles.map((a) => a?.number ?? '').filter(Boolean).join('、')}）`,
        penalty: penaltyText(input.kind, input.fineYuan ?? null),
        decidedOn: day,
        inspectors: enforcers,
      };
      const document = await issueEnforcementDocument(tx, {
        kind: EnforcementDocumentKind.ON_THE_SPOT_DECISION,
        organizationId: enterprise.id,
        issuingOrganizationId: input.legalSubjectId,
        subjectNodeId: globalIdOf(OnTheSpotPenalties, id),
        issuedOn: day,
        fields,
      });
      return createRecord(
        tx,
        OnTheSpotPenalty,
        'OnTheSpotPenalty',
        {
          id,
          number: document.number,
          documentId: document.id,
          legalSubjectId: input.legalSubjectId,
          enforcementItemId: found.item.id,
          enterpriseId: enterprise.id,
          partyKind: input.partyKind,
          partyPersonId: input.partyPersonId ?? null,
          partyName: input.partyName,
          place: input.place,
          facts: input.facts,
          lawArticleIds: [...input.lawArticleIds],
          kind: input.kind,
          fineYuan: input.kind === OnTheSpotPenaltyKind.FINE ? input.fineYuan! : null,
          decidedOn: day,
          enforcerPersonIds: [...input.enforcerPersonIds],
          limitsRuleVersionId: limits.id,
          filingDueOn: addDays(day, limits.value.filingDays),
          filedOn: null,
        },
        { action: 'enforcement.on-the-spot-penalty.impose', ...recordEvent(E['enforcement.on-the-spot-penalty.decided'], payloadOf) },
      );
    });
  }

  /** 备案: files the penalty with the agency on a day from its decision to today (once: rule `state`). */
  file(ctx: RequestContext, input: FileOnTheSpotPenaltyInput): Promise<OnTheSpotPenalty> {
    const today = ctx.clock.today();
    const on = input.on ?? today;
    assertNotFuture(on, 'input.on', today);
    return transaction(ctx, async (tx) => {
      const current = await records(tx, OnTheSpotPenalties, PenaltyPermission.OnTheSpotManage).lock(input.id);
      assertVersion('OnTheSpotPenalty', current, input.version);
      if (current.filedOn) throw penaltyRules.field('input.id', 'state', `it was filed on ${current.filedOn} already.`);
      if (on < current.decidedOn) throw penaltyRules.field('input.on', 'range', `must not be before the decision (${current.decidedOn}).`);
      return updateRecord(tx, OnTheSpotPenalty, 'OnTheSpotPenalty', current, input.version, { filedOn: on }, { action: 'enforcement.on-the-spot-penalty.file', ...recordEvent(E['enforcement.on-the-spot-penalty.filed'], payloadOf) });
    });
  }

  /** At least `min` distinct enforcers, each in the directory and certified for the legal subject on the day: their rows for the form. */
  private async checkEnforcers(tx: RequestContext, ids: readonly string[], legalSubjectId: string, day: string, min: number): Promise<Array<{ name: string; certificateNumber: string }>> {
    const distinct = [...new Set(ids)];
    if (distinct.length !== ids.length) throw penaltyRules.field('input.enforcerPersonIds', 'enforcers', 'lists a person twice: name each enforcer once.');
    if (distinct.length < min) throw penaltyRules.field('input.enforcerPersonIds', 'enforcers', `an on-the-spot penalty needs at least ${min} enforcers showing their certificates (行政处罚法 第四十二、五十二条); ${distinct.length} given.`);
    const persons = await records(tx, Persons).referenceAll(distinct, 'input.enforcerPersonIds', { properties: ['id', 'name'] });
    const certificates = await validEnforcementCertificates(tx, distinct, legalSubjectId, day);
    const index = persons.findIndex((p) => !certificates.has(p.id));
    if (index >= 0) throw penaltyRules.field(`input.enforcerPersonIds.${index}`, 'enforcers', `${persons[index]!.name} holds no enforcement certificate for the legal subject valid on ${day}.`);
    return persons.map((p) => ({ name: p.name, certificateNumber: certificates.get(p.id)!.number }));
  }
}
