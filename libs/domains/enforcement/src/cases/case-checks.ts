import { NotFoundError, SortDirection, addYears, records, sql, unscoped, type RequestContext } from '@platform/core';
import { OrganizationKind, Organizations, Persons } from '@platform/directory';
import { EnforcementItemCategory, enforcementItemOn, type EnforcementItem } from '../items/public';
import { validEnforcementCertificates } from '../certificates/public';
import { Inspections } from '../inspections/public';
import { AccidentInvestigations } from '../accidents/public';
import type { CaseClocks } from '../business-rules/cases';
import type { PenaltyCase } from './penalty-case.entity';
import { PenaltyCaseRecusals } from './cases.entities';
import { CasePermission } from './cases.permissions';
import { caseRules } from './cases.rules';

/*
 * Who may file a case and against what: a PENALTY item in force on the filing day, the legal subject
 * responsible for it, an enterprise in scope, two or more certified enforcers, an act within the
 * limitation (行政处罚法 第三十六条), and the inspection or accident it comes from.
 */

/** The item the case is filed under: a PENALTY item in force on the day. */
export async function penaltyItemOn(ctx: RequestContext, itemId: string, day: string, field: string): Promise<EnforcementItem> {
  const found = await enforcementItemOn(ctx, itemId, day);
  if (!found) throw new NotFoundError('EnforcementItem', itemId, field);
  if (found.item.category !== EnforcementItemCategory.PENALTY) throw caseRules.field(field, 'penaltyItem', `${found.item.code} ${found.item.name} is a ${found.item.category} item: a penalty case is filed under a penalty item (行政处罚) of the list.`);
  if (!found.inForce) throw caseRules.field(field, 'inForce', `${found.item.code} ${found.item.name} is not on an enforcement item list in force on ${day}.`);
  return found.item;
}

/** The legal subject must be the organization responsible for the item. */
export async function checkCaseLegalSubject(ctx: RequestContext, item: EnforcementItem, legalSubjectId: string, field: string): Promise<void> {
  const subject = await records(ctx, Organizations).reference(legalSubjectId, field, { properties: ['id', 'name'] });
  if (subject.id !== item.responsibleOrganizationId) throw caseRules.field(field, 'legalSubject', `${subject.name} is not the legal subject (执法主体) of ${item.code} ${item.name}: only the organization responsible for the item may file a case under it.`);
}

/** The party: an enterprise in the caller's scope to manage cases. */
export async function checkCaseEnterprise(ctx: RequestContext, enterpriseId: string, field: string): Promise<{ id: string; name: string; path: string }> {
  const org = await records(ctx, Organizations, CasePermission.Manage).reference(enterpriseId, field, { properties: ['id', 'kind', 'name', 'path'] });
  if (org.kind !== OrganizationKind.ENTERPRISE) throw caseRules.field(field, 'enterprise', `${org.name} is a ${org.kind}, not an enterprise (生产经营单位).`);
  return { id: org.id, name: org.name, path: org.path };
}

/** Two or more distinct enforcers, each certified for the legal subject on the day (行政处罚法 第四十二条). */
export async function checkEnforcers(ctx: RequestContext, personIds: readonly string[], legalSubjectId: string, day: string, field: string): Promise<void> {
  const distinct = [...new Set(personIds)];
  if (distinct.length !== personIds.length) throw caseRules.field(field, 'enforcers', 'lists a person twice: name each enforcer once.');
  if (distinct.length < 2) throw caseRules.field(field, 'enforcers', `a penalty case needs at least two enforcers (行政处罚法 第四十二条); ${distinct.length} given.`);
  const persons = await records(ctx, Persons).referenceAll(distinct, field, { properties: ['id', 'name'] });
  const certificates = await validEnforcementCertificates(ctx, distinct, legalSubjectId, day);
  const index = persons.findIndex((p) => !certificates.has(p.id));
  if (index >= 0) throw caseRules.field(`${field}.${index}`, 'certifiedEnforcers', `${persons[index]!.name} holds no enforcement certificate (行政执法证) for the legal subject valid on ${day}.`);
}

/**
 * 行政处罚法 第三十六条: an act not discovered within two years (five where life and health were
 * harmed) of its end is no longer punished. Filing on the anniversary itself is still in time.
 */
export function checkLimitation(actEndedOn: string, filedOn: string, harm: boolean, clocks: CaseClocks, field: string): void {
  if (actEndedOn > filedOn) throw caseRules.field(field, 'range', `must not be after the filing day (${filedOn}).`);
  const years = harm ? clocks.limitationYearsHarm : clocks.limitationYears;
  const last = addYears(actEndedOn, years);
  if (filedOn > last) {
    throw caseRules.field(field, 'limitation', `the act ended on ${actEndedOn}, more than ${years} years before the filing day ${filedOn} (last day ${last}): it is no longer punished (行政处罚法 第三十六条${harm ? '，涉及公民生命健康安全' : ''}).`);
  }
}

/** An inspection of the same enterprise marked for a case, read through the inspections part's declaration. */
export async function checkInspectionForCase(ctx: RequestContext, inspectionId: string, enterpriseId: string, field: string): Promise<void> {
  const inspection = await records(ctx, Inspections).reference(inspectionId, field, { properties: ['id', 'code', 'enterpriseId', 'forCase'] });
  if (!inspection.forCase) throw caseRules.field(field, 'inspectionForCase', `inspection ${inspection.code} is not marked for a case (forCase).`);
  if (inspection.enterpriseId !== enterpriseId) throw caseRules.field(field, 'inspectionForCase', `inspection ${inspection.code} is of another enterprise.`);
}

/** An accident investigation the case is linked to, read through the accidents part's declaration within the caller's scope (else NOT_FOUND). */
export async function checkAccident(ctx: RequestContext, accidentId: string, field: string): Promise<void> {
  await records(ctx, AccidentInvestigations).reference(accidentId, field, { properties: ['id'] });
}

/** The person linked to the caller's account, who must not be one of the case's enforcers (rule `independentApprover`). */
export function independentPerson(tx: RequestContext, c: Pick<PenaltyCase, 'enforcerPersonIds'>, what: string, field = 'input.id'): string {
  const person = tx.principal.personId ?? null;
  if (!person) throw caseRules.field(field, 'independentApprover', `${what} is signed by a person: your account is linked to no person of the directory.`);
  if (c.enforcerPersonIds.includes(person)) throw caseRules.field(field, 'independentApprover', `you are one of this case's enforcers: ${what} must be by someone else (行政处罚法 第四十三条、第五十八条).`);
  return person;
}

/** No current enforcer may be recused and not replaced (rule `recusal`); with `allDeclared`, each must have declared. */
export async function checkRecusals(tx: RequestContext, c: Pick<PenaltyCase, 'id' | 'enforcerPersonIds'>, allDeclared: boolean): Promise<void> {
  const declarations = await unscoped(tx, PenaltyCaseRecusals, 'the declarations of the case being stepped').where(sql`t.case_id = ${c.id}`).list({ keys: [{ column: 't.id', direction: SortDirection.ASC }], limit: 100 });
  const recused = declarations.find((d) => d.recused && c.enforcerPersonIds.includes(d.personId));
  if (recused) throw caseRules.field('input.id', 'recusal', `enforcer ${recused.personId} is recused (${recused.reason}): replace them first (declarePenaltyCaseRecusal with replacementPersonId).`);
  if (allDeclared) {
    const missing = c.enforcerPersonIds.find((p) => !declarations.some((d) => d.personId === p));
    if (missing) throw caseRules.field('input.id', 'recusal', `enforcer ${missing} has not declared on conflict of interest (回避声明): each enforcer declares before the investigation.`);
  }
}
