import {
  addYears,
  applyStep,
  assertNotFuture,
  businessRules,
  compareDecimals,
  createRecord,
  recordEvent,
  records,
  sql,
  todayInChina,
  transaction,
  whereChanged,
  type ConnectionResult,
  type Patch,
  type RequestContext,
} from '@platform/core';
import { Organizations } from '@platform/directory';
import { Incidents } from '@domains/response';
import { CATASTROPHE_INSURANCE_RULE } from '../business-rules/insurance';
import { CatastropheClaim, CatastrophePolicy } from './catastrophe.entity';
import { CatastropheClaimKind, CatastropheClaimStatus } from './insurance.enums';
import { CatastropheClaims, CatastrophePolicies } from './insurance.entities';
import { insuranceEvents } from './insurance.events';
import { InsurancePermission } from './insurance.permissions';
import { insuranceRules } from './insurance.rules';
import { CatastropheClaimOrder, CatastrophePolicyOrder } from './insurance.orders';
import { CLAIM_WORKFLOW, claimPayload } from './catastrophe-workflow';
import type {
  CatastropheClaimListArgs,
  CatastrophePolicyListArgs,
  FileCatastropheClaimInput,
  PayCatastropheClaimInput,
  RecordCatastrophePolicyInput,
  RejectCatastropheClaimInput,
} from './catastrophe.inputs';

/** Properties the default keyset orders read (besides the id). */
export const CATASTROPHE_POLICY_KEY_PROPERTIES = ['startsOn'];
export const CLAIM_KEY_PROPERTIES = ['filedOn'];

/** A decimal text of scale 2 in fen, exact. */
const fen = (yuan: string): bigint => {
  const [whole, part = ''] = yuan.split('.');
  return BigInt(whole!) * 100n + BigInt((part + '00').slice(0, 2));
};

/** The district's catastrophe policy (巨灾保险) and the town's claims under it. */
export class CatastropheService {
  policyById(ctx: RequestContext, id: string, properties: readonly string[] | null = null): Promise<CatastrophePolicy | null> {
    return records(ctx, CatastrophePolicies).one(id, properties);
  }

  policies(ctx: RequestContext, args: CatastrophePolicyListArgs, withCount: boolean, properties: readonly string[] | null = null): Promise<ConnectionResult<CatastrophePolicy>> {
    const f = args.filter ?? {};
    let rows = records(ctx, CatastrophePolicies);
    if (f.coversOn) rows = rows.where(sql`t.starts_on <= CAST(${f.coversOn} AS date) AND CAST(${f.coversOn} AS date) <= t.ends_on`);
    return whereChanged(rows, f).page({ keys: CatastrophePolicyOrder.keys(args.orderBy), page: args, withCount, properties });
  }

  claimById(ctx: RequestContext, id: string, properties: readonly string[] | null = null): Promise<CatastropheClaim | null> {
    return records(ctx, CatastropheClaims).one(id, properties);
  }

  claims(ctx: RequestContext, args: CatastropheClaimListArgs, withCount: boolean, properties: readonly string[] | null = null): Promise<ConnectionResult<CatastropheClaim>> {
    const f = args.filter ?? {};
    let rows = records(ctx, CatastropheClaims);
    if (f.policyId) rows = rows.where(sql`t.policy_id = ${f.policyId}`);
    if (f.incidentId) rows = rows.where(sql`t.incident_id = ${f.incidentId}`);
    if (f.statuses?.length) rows = rows.where(sql`t.status = ANY(${f.statuses})`);
    return whereChanged(rows, f).page({ keys: CatastropheClaimOrder.keys(args.orderBy), page: args, withCount, properties });
  }

  /**
   * 登记巨灾保险保单: kept by an organization in the caller's scope; each limit at least the minimum
   * of the rule version in force on its first day (渝府办发〔2017〕121号), whose id it keeps; the annual
   * limit at least the per-event one.
   */
  recordPolicy(ctx: RequestContext, input: RecordCatastrophePolicyInput): Promise<CatastrophePolicy> {
    if (input.endsOn <= input.startsOn) throw insuranceRules.field('input.endsOn', 'afterFrom', `must be after the first day covered (${input.startsOn}).`);
    if (input.endsOn > addYears(input.startsOn, 5)) throw insuranceRules.field('input.endsOn', 'range', 'a policy runs at most 5 years from its first day.');
    return transaction(ctx, async (tx) => {
      await records(tx, Organizations, InsurancePermission.Manage).reference(input.organizationId, 'input.organizationId', { properties: ['id'] });
      const rule = await businessRules.inForce(tx, CATASTROPHE_INSURANCE_RULE, input.startsOn, 'input.startsOn');
      const minimums: Array<[keyof RecordCatastrophePolicyInput & string, string, string]> = [
        ['perPersonLimitYuan', input.perPersonLimitYuan, rule.value.perPersonYuan],
        ['medicalPerPersonLimitYuan', input.medicalPerPersonLimitYuan, rule.value.medicalPerPersonYuan],
        ['perEventLimitYuan', input.perEventLimitYuan, rule.value.perEventYuan],
        ['annualLimitYuan', input.annualLimitYuan, rule.value.annualYuan],
      ];
      for (const [field, given, minimum] of minimums) {
        if (compareDecimals(given, minimum) < 0) throw insuranceRules.field(`input.${field}`, 'minimumLimit', `must be at least ¥${minimum} (${rule.version.documentNumber}).`);
      }
      if (compareDecimals(input.annualLimitYuan, input.perEventLimitYuan) < 0) throw insuranceRules.field('input.annualLimitYuan', 'range', 'must not be below the per-event limit.');
      return createRecord(
        tx,
        CatastrophePolicy,
        'CatastrophePolicy',
        {
          organizationId: input.organizationId,
          policyholder: input.policyholder,
          insurer: input.insurer,
          policyNumber: input.policyNumber,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
          perPersonLimitYuan: input.perPersonLimitYuan,
          medicalPerPersonLimitYuan: input.medicalPerPersonLimitYuan,
          perEventLimitYuan: input.perEventLimitYuan,
          annualLimitYuan: input.annualLimitYuan,
          perils: [...input.perils],
          ruleVersionId: rule.id,
        },
        { action: 'reporting.catastrophe-policy.record', ...recordEvent(insuranceEvents['reporting.catastrophe-policy.recorded'], (p: CatastrophePolicy) => ({ id: p.id, organizationId: p.organizationId })) },
      );
    });
  }

  /**
   * 报案: under a policy in the caller's scope, for an incident the caller may read that happened in
   * the policy's period; the amount at most persons × the per-person limit of its kind; filed not
   * before the incident's day nor in the future.
   */
  fileClaim(ctx: RequestContext, input: FileCatastropheClaimInput): Promise<CatastropheClaim> {
    return transaction(ctx, async (tx) => {
      const policy = await records(tx, CatastrophePolicies, InsurancePermission.Manage).reference(input.policyId, 'input.policyId', { lock: 'share' });
      await records(tx, Organizations, InsurancePermission.Manage).reference(input.organizationId, 'input.organizationId', { properties: ['id'] });
      const incident = await records(tx, Incidents).reference(input.incidentId, 'input.incidentId', { properties: ['id', 'occurredAt'] });
      const incidentDay = todayInChina(incident.occurredAt);
      if (incidentDay < policy.startsOn || incidentDay > policy.endsOn) throw insuranceRules.field('input.incidentId', 'coverage', `the incident happened on ${incidentDay}, outside the policy's period ${policy.startsOn}–${policy.endsOn}.`);
      const filedOn = input.filedOn ?? tx.clock.today();
      assertNotFuture(filedOn, 'input.filedOn', tx.clock.today());
      if (filedOn < incidentDay) throw insuranceRules.field('input.filedOn', 'notBeforeFrom', `must not be before the incident's day (${incidentDay}).`);
      const perPerson = input.kind === CatastropheClaimKind.MEDICAL ? policy.medicalPerPersonLimitYuan : policy.perPersonLimitYuan;
      if (fen(input.amountClaimedYuan) > fen(perPerson) * BigInt(input.persons)) {
        throw insuranceRules.field('input.amountClaimedYuan', 'coverage', `exceeds ${input.persons} × ¥${perPerson}, the policy's per-person limit for ${input.kind}.`);
      }
      return createRecord(
        tx,
        CatastropheClaim,
        'CatastropheClaim',
        {
          policyId: policy.id,
          incidentId: incident.id,
          organizationId: input.organizationId,
          kind: input.kind,
          persons: input.persons,
          amountClaimedYuan: input.amountClaimedYuan,
          filedOn,
          note: input.note ?? null,
          status: CatastropheClaimStatus.FILED,
          amountPaidYuan: null,
          decidedAt: null,
          rejectionReason: null,
        },
        { action: 'reporting.catastrophe-claim.file', ...recordEvent(insuranceEvents['reporting.catastrophe-claim.filed'], claimPayload) },
      );
    });
  }

  /** 赔付: the amount paid, at most the amount claimed. */
  pay(ctx: RequestContext, input: PayCatastropheClaimInput): Promise<CatastropheClaim> {
    return this.step(ctx, 'pay', input, (current) => {
      if (compareDecimals(input.amountPaidYuan, current.amountClaimedYuan) > 0) throw insuranceRules.field('input.amountPaidYuan', 'range', `must not exceed the amount claimed (¥${current.amountClaimedYuan}).`);
      return { amountPaidYuan: input.amountPaidYuan, decidedAt: ctx.clock.now() };
    });
  }

  /** 拒赔: with the insurer's reason. */
  reject(ctx: RequestContext, input: RejectCatastropheClaimInput): Promise<CatastropheClaim> {
    return this.step(ctx, 'reject', input, () => ({ rejectionReason: input.reason, decidedAt: ctx.clock.now() }));
  }

  private step(ctx: RequestContext, name: 'pay' | 'reject', input: { readonly id: string; readonly version: number }, build: (current: CatastropheClaim) => Patch<Omit<CatastropheClaim, 'status'>>): Promise<CatastropheClaim> {
    return transaction(ctx, async (tx) => {
      const current = await records(tx, CatastropheClaims, CLAIM_WORKFLOW.permissionOf(name)).lock(input.id);
      return applyStep(tx, CLAIM_WORKFLOW, name, { current, version: input.version, patch: async () => build(current) });
    });
  }
}
