import { records, type RequestContext } from '@platform/core';
import { Persons } from '@platform/directory';
import { validEnforcementCertificates } from '../certificates/public';
import { referralRules } from './referrals.rules';

/**
 * The referral report's enforcers (应急〔2019〕54号: two or more enforcers form the team): distinct
 * persons in your scope, each holding an enforcement certificate for the legal subject valid on the
 * report day. Answers each one's certificate number, for the report.
 */
export async function checkEnforcers(tx: RequestContext, personIds: readonly string[], legalSubjectId: string, day: string, field: string): Promise<Map<string, string>> {
  const distinct = [...new Set(personIds)];
  if (distinct.length !== personIds.length) throw referralRules.field(field, 'enforcers', 'lists a person twice: name each enforcer once.');
  if (distinct.length < 2) throw referralRules.field(field, 'enforcers', `a referral report is written by at least two enforcers (应急〔2019〕54号); ${distinct.length} given.`);
  const persons = await records(tx, Persons).referenceAll(distinct, field, { properties: ['id', 'name'] });
  const certificates = await validEnforcementCertificates(tx, distinct, legalSubjectId, day);
  const index = persons.findIndex((p) => !certificates.has(p.id));
  if (index >= 0) throw referralRules.field(`${field}.${index}`, 'enforcers', `${persons[index]!.name} holds no enforcement certificate (行政执法证) for the legal subject valid on ${day}.`);
  return new Map(persons.map((p) => [p.id, certificates.get(p.id)!.number]));
}

/** A step's time (default now): not in the future, not before `after` (the step before it). */
export function stepTime(tx: RequestContext, given: Date | undefined, field: string, after: Date | null, afterWhat: string): Date {
  const now = tx.clock.now();
  const at = given ?? now;
  if (at.getTime() > now.getTime()) throw referralRules.field(field, 'notFuture', 'must not be in the future.');
  if (after && at.getTime() < after.getTime()) throw referralRules.field(field, 'chronology', `must not be before ${afterWhat} (${after.toISOString()}).`);
  return at;
}

const HOUR = 3_600_000;

/** An instant `hours` later. */
export const hoursAfter = (at: Date, hours: number): Date => new Date(at.getTime() + hours * HOUR);
