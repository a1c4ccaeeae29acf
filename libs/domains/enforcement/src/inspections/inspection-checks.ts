import { BadUserInputError, NotFoundError, records, sql, unscoped, type RequestContext } from '@platform/core';
import { OrganizationKind, Organizations, Persons } from '@platform/directory';
import { EnforcementItemCategory, enforcementItemOn, type EnforcementItem } from '../items/public';
import { validEnforcementCertificates } from '../certificates/public';
import { enterpriseClassesOf, frequencyCapFor, type EnterpriseClass } from '../plans/public';
import { InspectionStatus } from './inspection.enums';
import { Inspections } from './inspections.entities';
import { InspectionPermission } from './inspections.permissions';
import { inspectionRules } from './inspections.rules';
import { inspectionYearIs, lockEnterpriseInspections } from './inspection.sql';

/*
 * Who may inspect (国办发〔2024〕54号, 行政处罚法 第四十二条) and how often (the yearly frequency cap):
 * the checks an inspection passes when it is planned or changed, and again when its visit is recorded.
 */

/** Why the frequency check reads beyond the caller's scope: the cap counts every legal subject's inspections of the enterprise. */
const ALL_SUBJECTS = 'the yearly frequency cap counts the inspections of the enterprise by every legal subject, whoever asks';

/** The item the inspection is opened under, in force and of the INSPECTION category on the day (rule `inForce`). */
export async function inspectionItemOn(ctx: RequestContext, itemId: string, day: string, field: string): Promise<EnforcementItem> {
  const found = await enforcementItemOn(ctx, itemId, day);
  if (!found) throw new NotFoundError('EnforcementItem', itemId, field);
  if (found.item.category !== EnforcementItemCategory.INSPECTION) {
    throw inspectionRules.field(field, 'inForce', `${found.item.code} ${found.item.name} is a ${found.item.category} item, not an inspection item (行政检查): an inspection is opened only under an inspection item of the list.`);
  }
  if (!found.inForce) throw inspectionRules.field(field, 'inForce', `${found.item.code} ${found.item.name} is not on an enforcement item list in force on ${day}: an item that is not published may not be inspected under.`);
  return found.item;
}

/**
 * The legal subject must be the organization responsible for the item (rule `legalSubject`): a
 * village, a grid, the safety committee, an expert or a department that holds no item may not inspect.
 */
export async function checkLegalSubject(ctx: RequestContext, item: EnforcementItem, legalSubjectId: string, field: string): Promise<void> {
  const subject = await records(ctx, Organizations).reference(legalSubjectId, field, { properties: ['id', 'name'] });
  if (subject.id !== item.responsibleOrganizationId) {
    throw inspectionRules.field(
      field,
      'legalSubject',
      `${subject.name} is not the legal subject (执法主体) of ${item.code} ${item.name}: only the organization responsible for the item may inspect under it. Patrols (网格巡查), expert guidance (专家指导) and safety-committee supervision (安委会督办) are not administrative inspections: they report hazards through the risk module instead.`,
    );
  }
}

/** The inspected organization: in the caller's scope to manage inspections, and an enterprise (rule `enterprise`). */
export async function checkEnterprise(ctx: RequestContext, enterpriseId: string, field: string): Promise<{ id: string; name: string }> {
  const org = await records(ctx, Organizations, InspectionPermission.Manage).reference(enterpriseId, field, { properties: ['id', 'kind', 'name'] });
  if (org.kind !== OrganizationKind.ENTERPRISE) throw inspectionRules.field(field, 'enterprise', `${org.name} is a ${org.kind}, not an enterprise: administrative inspections are of enterprises (生产经营单位).`);
  return { id: org.id, name: org.name };
}

/**
 * Two or more distinct inspectors (rule `inspectors`), each a person who exists, each holding an
 * enforcement certificate for the legal subject valid on the day (rule `certifiedInspectors`, naming
 * the person, on `field` or, `indexed`, on the person's place in it). Gives the certificate numbers by person.
 */
export async function checkInspectors(ctx: RequestContext, personIds: readonly string[], legalSubjectId: string, day: string, field: string, indexed = true): Promise<Map<string, string>> {
  const distinct = [...new Set(personIds)];
  if (distinct.length !== personIds.length) throw inspectionRules.field(field, 'inspectors', 'lists a person twice: name each inspector once.');
  if (distinct.length < 2) throw inspectionRules.field(field, 'inspectors', `an administrative inspection needs at least two inspectors (行政处罚法 第四十二条, 国办发〔2024〕54号); ${distinct.length} given.`);
  const persons = await records(ctx, Persons).referenceAll(distinct, field, { properties: ['id', 'name'] });
  const certificates = await validEnforcementCertificates(ctx, distinct, legalSubjectId, day);
  const index = persons.findIndex((p) => !certificates.has(p.id));
  if (index >= 0) {
    const at = indexed ? `${field}.${index}` : field;
    throw inspectionRules.field(at, 'certifiedInspectors', `${persons[index]!.name} holds no enforcement certificate (行政执法证) for the legal subject valid on ${day}: staff without one (网格员, 临时工, 执法辅助人员) may not inspect.`);
  }
  return new Map(persons.map((p) => [p.id, certificates.get(p.id)!.number]));
}

/** What the frequency check found: the class and cap the inspection keeps; the cap's terms null when no frequency rule applies on the day. */
export interface FrequencyTerms {
  readonly enterpriseClass: EnterpriseClass | null;
  readonly frequencyCap: number | null;
  readonly repeatWindowDays: number | null;
  readonly frequencyRuleVersionId: string | null;
}

const NO_CAP: FrequencyTerms = { enterpriseClass: null, frequencyCap: null, repeatWindowDays: null, frequencyRuleVersionId: null };


/**
 * The yearly frequency cap (国办发〔2024〕54号, rule `frequencyCap`): the enterprise's non-cancelled
 * inspections by every legal subject in the calendar year of `day` (each counted on its visit day,
 * else its planned day), this one included, must not exceed the cap of its class on that day.
 * Serialized per enterprise (a transaction lock), so two inspections planned at once cannot both take
 * the last place. Before any version of the frequency rule applies (54号 had provinces publish caps by
 * mid-2025) there is no cap.
 */
export async function checkFrequencyCap(tx: RequestContext, check: { readonly inspectionId: string | null; readonly enterpriseId: string; readonly day: string; readonly field: string }): Promise<FrequencyTerms> {
  const year = Number(check.day.slice(0, 4));
  const enterpriseClass = (await enterpriseClassesOf(tx, [check.enterpriseId], year)).get(check.enterpriseId) ?? null;
  const cap = enterpriseClass ? await capOn(tx, enterpriseClass, check.day) : null;
  if (!cap) return { ...NO_CAP, enterpriseClass };
  await lockEnterpriseInspections(tx, check.enterpriseId);
  let others = unscoped(tx, Inspections, ALL_SUBJECTS).where(
    sql`t.enterprise_id = ${check.enterpriseId} AND t.status <> ${InspectionStatus.CANCELLED} AND ${inspectionYearIs('t', year)}`,
  );
  if (check.inspectionId) others = others.where(sql`t.id <> ${check.inspectionId}`);
  const count = await others.count();
  if (count + 1 > cap.cap) {
    throw inspectionRules.field(
      check.field,
      'frequencyCap',
      `the enterprise (${enterpriseClass === 'KEY' ? '重点' : '一般'}企业) already has ${count} inspection(s) in ${year} by all legal subjects; its yearly cap is ${cap.cap} (国办发〔2024〕54号, rule version ${cap.ruleVersionId}): combine inspections (综合查一次) or plan it next year.`,
    );
  }
  return { enterpriseClass, frequencyCap: cap.cap, repeatWindowDays: cap.repeatWindowDays, frequencyRuleVersionId: cap.ruleVersionId };
}

/** The cap of a class on a day, or null when no version of the frequency rule applies then. */
async function capOn(tx: RequestContext, enterpriseClass: EnterpriseClass, day: string): Promise<{ cap: number; repeatWindowDays: number; ruleVersionId: string } | null> {
  try {
    return await frequencyCapFor(tx, enterpriseClass, day);
  } catch (error) {
    // The rule's `exists` refusal: no version in force on the day, so no cap applied yet.
    if (error instanceof BadUserInputError && (error.extensions['fields'] as Array<{ rule: string }> | undefined)?.some((f) => f.rule === 'exists')) return null;
    throw error;
  }
}
