import {
  addYears,
  assertVersion,
  assertNotFuture,
  businessRules,
  claimAttachments,
  createRecord,
  records,
  recordEvent,
  sql,
  transaction,
  unscoped,
  updateRecord,
  whereChanged,
  type ConnectionResult,
  type Patch,
  type RequestContext,
} from '@platform/core';
import { EnterpriseProfiles, OrganizationKind, Organizations } from '@platform/directory';
import { INSURANCE_MANDATORY_SECTORS_RULE, type InsuranceMandate } from '../business-rules/insurance';
import { LiabilityInsurancePolicies } from './insurance.entities';
import { insuranceEvents } from './insurance.events';
import { InsurancePermission } from './insurance.permissions';
import { insuranceRules } from './insurance.rules';
import { LiabilityInsuranceCoverageOrder, LiabilityPolicyOrder } from './insurance.orders';
import { LiabilityInsuranceCoverage } from './insurance.types';
import { LiabilityInsurancePolicy } from './liability-policy.entity';
import { coveragePage, lapsingSql, limitBelowMinimumSql, policyStatusSql } from './insurance.sql';
import type { CancelLiabilityPolicyInput, LiabilityCoverageArgs, LiabilityPolicyListArgs, RecordLiabilityPolicyInput, UpdateLiabilityPolicyInput } from './liability-policy.inputs';

/** Properties the default keyset order reads (besides the id): a page must load them whatever is selected. */
export const POLICY_KEY_PROPERTIES = ['endsOn'];

/** The longest period a policy may have: five years (construction projects run for years). */
const MAX_POLICY_YEARS = 5;

const UNIQUE_NUMBER = 'a policy number is unique per insurer, whichever enterprise holds it';

const payloadOf = (p: LiabilityInsurancePolicy) => ({ id: p.id, enterpriseId: p.enterpriseId, startsOn: p.startsOn, endsOn: p.endsOn });

/** Refuses a period whose last day is not after its first or that runs longer than five years. */
function assertPeriod(startsOn: string, endsOn: string, field: string): void {
  if (endsOn <= startsOn) throw insuranceRules.field(field, 'afterFrom', `must be after the first day covered (${startsOn}).`);
  if (endsOn > addYears(startsOn, MAX_POLICY_YEARS)) throw insuranceRules.field(field, 'range', `a policy runs at most ${MAX_POLICY_YEARS} years from its first day.`);
}

/** Refuses a number the insurer gave another policy. */
async function assertNumberFree(tx: RequestContext, insurer: string, policyNumber: string, except: string | null): Promise<void> {
  const taken = await unscoped(tx, LiabilityInsurancePolicies, UNIQUE_NUMBER)
    .where(sql`t.insurer = ${insurer} AND t.policy_number = ${policyNumber}`)
    .where(except ? sql`t.id <> ${except}` : sql`TRUE`)
    .count();
  if (taken) throw insuranceRules.field('input.policyNumber', 'unique', `${insurer} has a policy numbered ${policyNumber} already.`);
}

/** The enterprise a policy is for: an ENTERPRISE in the caller's manage scope, not archived. */
async function insuredEnterprise(tx: RequestContext, id: string, field: string): Promise<{ id: string; path: string; name: string }> {
  const org = await records(tx, Organizations, InsurancePermission.Manage).reference(id, field, { properties: ['id', 'kind', 'name', 'path'] });
  if (org.kind !== OrganizationKind.ENTERPRISE) throw insuranceRules.field(field, 'organizationKind', `${org.name} is a ${org.kind}: liability insurance is taken out by an enterprise.`);
  return org;
}

/** Work-safety liability insurance policies (安责险) and the coverage of enterprises. */
export class LiabilityPolicyService {
  byId(ctx: RequestContext, id: string, properties: readonly string[] | null = null): Promise<LiabilityInsurancePolicy | null> {
    return records(ctx, LiabilityInsurancePolicies).one(id, properties);
  }

  list(ctx: RequestContext, args: LiabilityPolicyListArgs, withCount: boolean, properties: readonly string[] | null = null): Promise<ConnectionResult<LiabilityInsurancePolicy>> {
    const f = args.filter ?? {};
    const today = ctx.clock.today();
    let rows = records(ctx, LiabilityInsurancePolicies);
    if (f.enterpriseId) rows = rows.where(sql`t.enterprise_id = ${f.enterpriseId}`);
    if (f.policyNumber) rows = rows.where(sql`t.policy_number = ${f.policyNumber}`);
    if (f.statuses?.length) rows = rows.where(sql`${policyStatusSql('t', today)} = ANY(${f.statuses})`);
    if (f.limitBelowMinimum != null) rows = rows.where(f.limitBelowMinimum ? limitBelowMinimumSql('t') : sql`NOT ${limitBelowMinimumSql('t')}`);
    if (f.lapsing != null) rows = rows.where(f.lapsing ? lapsingSql('t', today) : sql`NOT ${lapsingSql('t', today)}`);
    return whereChanged(rows, f).page({ keys: LiabilityPolicyOrder.keys(args.orderBy), page: args, withCount, properties });
  }

  /**
   * 登记保单: for an enterprise in the caller's scope; the period at most five years; the number new
   * for the insurer. The rule version in force on the first day is kept: a limit below its minimum is
   * recorded and flagged, not refused (the office follows it up).
   */
  record(ctx: RequestContext, input: RecordLiabilityPolicyInput): Promise<LiabilityInsurancePolicy> {
    assertPeriod(input.startsOn, input.endsOn, 'input.endsOn');
    return transaction(ctx, async (tx) => {
      const enterprise = await insuredEnterprise(tx, input.enterpriseId, 'input.enterpriseId');
      await assertNumberFree(tx, input.insurer, input.policyNumber, null);
      const rule = await businessRules.inForce(tx, INSURANCE_MANDATORY_SECTORS_RULE, input.startsOn, 'input.startsOn');
      const created = await createRecord(
        tx,
        LiabilityInsurancePolicy,
        'LiabilityInsurancePolicy',
        {
          enterpriseId: enterprise.id,
          insurer: input.insurer,
          policyNumber: input.policyNumber,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
          perPersonLimitYuan: input.perPersonLimitYuan,
          headcountCovered: input.headcountCovered,
          premiumYuan: input.premiumYuan ?? null,
          ruleVersionId: rule.id,
        },
        { action: 'reporting.liability-policy.record', ...recordEvent(insuranceEvents['reporting.liability-policy.recorded'], payloadOf) },
      );
      if (input.attachmentIds?.length) {
        await claimAttachments(tx, input.attachmentIds, { entityType: 'LiabilityInsurancePolicy', entityId: created.id, readPermission: InsurancePermission.Read, organization: { id: enterprise.id, path: enterprise.path } });
      }
      return created;
    });
  }

  /** 更正: a policy in the caller's manage scope that is not cancelled; a new first day reads the rule version again. */
  update(ctx: RequestContext, input: UpdateLiabilityPolicyInput): Promise<LiabilityInsurancePolicy> {
    return transaction(ctx, async (tx) => {
      const current = await records(tx, LiabilityInsurancePolicies, InsurancePermission.Manage).lock(input.id);
      assertVersion('LiabilityInsurancePolicy', current, input.version);
      if (current.cancelledOn) throw insuranceRules.field('input.id', 'state', 'the policy is cancelled: record a new policy instead.');
      const startsOn = input.startsOn ?? current.startsOn;
      const endsOn = input.endsOn ?? current.endsOn;
      assertPeriod(startsOn, endsOn, input.endsOn !== undefined ? 'input.endsOn' : 'input.startsOn');
      const insurer = input.insurer ?? current.insurer;
      const policyNumber = input.policyNumber ?? current.policyNumber;
      if (insurer !== current.insurer || policyNumber !== current.policyNumber) await assertNumberFree(tx, insurer, policyNumber, current.id);
      const patch: Patch<LiabilityInsurancePolicy> = { insurer, policyNumber, startsOn, endsOn };
      if (startsOn !== current.startsOn) patch.ruleVersionId = (await businessRules.inForce(tx, INSURANCE_MANDATORY_SECTORS_RULE, startsOn, 'input.startsOn')).id;
      if (input.perPersonLimitYuan !== undefined) patch.perPersonLimitYuan = input.perPersonLimitYuan;
      if (input.headcountCovered !== undefined) patch.headcountCovered = input.headcountCovered;
      if (input.premiumYuan !== undefined) patch.premiumYuan = input.premiumYuan;
      return updateRecord(tx, LiabilityInsurancePolicy, 'LiabilityInsurancePolicy', current, input.version, patch, {
        action: 'reporting.liability-policy.update',
        ...recordEvent(insuranceEvents['reporting.liability-policy.updated'], payloadOf),
      });
    });
  }

  /**
   * 退保: refused while the enterprise operates (is not archived) in a sector on the mandatory list
   * in force on the cancellation day (应急〔2025〕27号: no cancellation unless closed); the day not in
   * the future and not before the first day covered.
   */
  cancel(ctx: RequestContext, input: CancelLiabilityPolicyInput): Promise<LiabilityInsurancePolicy> {
    return transaction(ctx, async (tx) => {
      const current = await records(tx, LiabilityInsurancePolicies, InsurancePermission.Manage).lock(input.id);
      assertVersion('LiabilityInsurancePolicy', current, input.version);
      if (current.cancelledOn) throw insuranceRules.field('input.id', 'state', `the policy was cancelled on ${current.cancelledOn}.`);
      const cancelledOn = input.cancelledOn ?? tx.clock.today();
      assertNotFuture(cancelledOn, 'input.cancelledOn', tx.clock.today());
      if (cancelledOn < current.startsOn) throw insuranceRules.field('input.cancelledOn', 'notBeforeFrom', `must not be before the first day covered (${current.startsOn}).`);
      const enterprise = await unscoped(tx, Organizations, 'whether the insured enterprise still operates decides a cancellation, whatever the caller may read of the directory').reference(current.enterpriseId, 'input.id', { archived: true, properties: ['id', 'name', 'archivedAt'] });
      const profile = await unscoped(tx, EnterpriseProfiles, 'the insured enterprise\'s sector decides a cancellation').one(current.enterpriseId, ['organizationId', 'sectorCode']);
      const rule = await businessRules.inForce(tx, INSURANCE_MANDATORY_SECTORS_RULE, cancelledOn, 'input.cancelledOn');
      const mandatory = profile !== null && (rule.value as InsuranceMandate).sectors.some((s) => s.code === profile.sectorCode);
      if (mandatory && !enterprise.archivedAt) {
        throw insuranceRules.field('input.id', 'mandatoryInsurance', `${enterprise.name} operates in ${profile!.sectorCode}, where the insurance is mandatory (应急〔2025〕27号): a policy is not cancelled unless the enterprise has closed.`);
      }
      return updateRecord(tx, LiabilityInsurancePolicy, 'LiabilityInsurancePolicy', current, input.version, { cancelledOn, cancellationReason: input.reason }, {
        action: 'reporting.liability-policy.cancel',
        ...recordEvent(insuranceEvents['reporting.liability-policy.cancelled'], payloadOf),
      });
    });
  }

  /**
   * 投保覆盖: the enterprises (organizations of kind ENTERPRISE, not archived) in the caller's scope
   * for reading insurance, by name, each with whether its sector is mandatory under the rule version
   * in force today and whether an active policy meeting its limit covers it. One statement (count
   * inline), hand-written because the page filters on computed columns; the scope is the kernel's.
   */
  async coverage(ctx: RequestContext, args: LiabilityCoverageArgs, withCount: boolean): Promise<ConnectionResult<LiabilityInsuranceCoverage>> {
    const today = ctx.clock.today();
    const rule = await businessRules.inForce(ctx, INSURANCE_MANDATORY_SECTORS_RULE, today, 'today');
    return coveragePage(ctx, today, rule.id, args.filter ?? {}, args, withCount, LiabilityInsuranceCoverageOrder.keys(args.orderBy));
  }

}
