import { assertNotBefore } from '../validation/day-inputs';
import type { RequestContext } from '../context/request-context';
import { transaction } from '../context/transaction';
import { isChangeFeed, whereChanged } from '../data/change-feed';
import { createRecord } from '../data/create-record';
import { records } from '../data/records';
import { updateRecord } from '../data/update-with-version';
import { BadUserInputError } from '../errors/errors';
import { kernelRules } from '../errors/rule-catalog';
import { recordEvent } from '../events/event-catalog';
import type { ConnectionResult } from '../pagination/connection.type';
import { SortDirection } from '../pagination/sort-direction';
import { sql } from '../sql/sql';
import { todayInChina } from '../time/china-day';
import { BUSINESS_RULES, businessRuleSql, type RegisteredBusinessRule } from './business-rule';
import { BusinessRuleVersion } from './business-rule-version.entity';
import { BusinessRuleVersions } from './business-rules.entities';
import { businessRuleEvents } from './business-rules.events';
import { BusinessRuleVersionOrder, type AddBusinessRuleVersionInput, type BusinessRuleVersionListArgs, type WithdrawBusinessRuleVersionInput } from './business-rules.inputs';
import { BusinessRulePermission } from './business-rules.permissions';

const payloadOf = (v: BusinessRuleVersion) => ({ id: v.id, ruleCode: v.ruleCode, effectiveFrom: v.effectiveFrom });
/** `too_small` → `tooSmall`: zod's issue code as a rule name, as class-validator's constraint names are. */
const ruleName = (code: string) => code.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

/** The enabled modules' declared rules, by code. */
export const declaredRules = (ctx: RequestContext): ReadonlyMap<string, RegisteredBusinessRule> => ctx.service<ReadonlyMap<string, RegisteredBusinessRule>>(BUSINESS_RULES);

/** The versions of the declared rules: listed and read by staff, added and withdrawn by the office. */
export class BusinessRulesService {
  list(ctx: RequestContext, args: BusinessRuleVersionListArgs, withCount: boolean): Promise<ConnectionResult<BusinessRuleVersion>> {
    const f = args.filter ?? {};
    let versions = records(ctx, BusinessRuleVersions);
    // A change feed lists withdrawn versions too (tombstones: withdrawnAt says so).
    if (!f.includeWithdrawn && !isChangeFeed(f)) versions = versions.where(sql`t.withdrawn_at IS NULL`);
    if (f.ruleCodes?.length) versions = versions.where(sql`t.rule_code = ANY(${f.ruleCodes})`);
    if (f.jurisdictions?.length) versions = versions.where(sql`t.jurisdiction = ANY(${f.jurisdictions})`);
    if (f.inForceOn) {
      versions = versions.where(sql`t.withdrawn_at IS NULL AND t.effective_from <= CAST(${f.inForceOn} AS date) AND (t.effective_to IS NULL OR t.effective_to >= CAST(${f.inForceOn} AS date))`);
    }
    return whereChanged(versions, f).page({ keys: BusinessRuleVersionOrder.keys(args.orderBy), page: args, withCount });
  }

  /** The versions that apply on `day` to each of `codes` (those the caller may read), by rule code: one statement. */
  async inForce(ctx: RequestContext, codes: readonly string[], day: string): Promise<Map<string, BusinessRuleVersion>> {
    const rows = await records(ctx, BusinessRuleVersions)
      .where(sql`t.id IN (SELECT ${businessRuleSql.versionAt(sql`c.code`, day)} FROM unnest(CAST(${[...codes]} AS text[])) c(code))`)
      .list({ keys: [{ column: 't.rule_code', direction: SortDirection.ASC }], limit: codes.length });
    return new Map(rows.map((v) => [v.ruleCode, v]));
  }

  async add(ctx: RequestContext, input: AddBusinessRuleVersionInput): Promise<BusinessRuleVersion> {
    const rule = declaredRules(ctx).get(input.ruleCode);
    if (!rule) throw kernelRules.field('input.ruleCode', 'exists', `no enabled module declares the rule ${input.ruleCode} (see businessRules).`);
    assertNotBefore(input.effectiveFrom, input.effectiveTo, 'input.effectiveTo', 'effectiveFrom');
    const parsed = rule.definition.schema.safeParse(input.value);
    if (!parsed.success) {
      const fields = parsed.error.issues.map((i) => ({ field: ['input.value', ...i.path.map(String)].join('.'), rule: ruleName(i.code), message: i.message }));
      throw BadUserInputError.fields(fields);
    }
    const values = {
      ruleCode: input.ruleCode,
      jurisdiction: input.jurisdiction,
      jurisdictionName: input.jurisdictionName,
      documentNumber: input.documentNumber,
      documentTitle: input.documentTitle ?? null,
      article: input.article ?? null,
      value: parsed.data,
      effectiveFrom: input.effectiveFrom,
      effectiveTo: input.effectiveTo ?? null,
      note: input.note ?? null,
      withdrawnAt: null,
      withdrawnReason: null,
    };
    // One statement: the version, its audit entry and its event.
    return createRecord(ctx, BusinessRuleVersion, 'BusinessRuleVersion', values, {
      action: 'kernel.business-rule-version.add',
      changes: { ...values },
      ...recordEvent(businessRuleEvents['kernel.business-rule-version.added'], payloadOf),
    });
  }

  /** Withdraws a version before its first day (China time); one in force, or once in force, stays: add a newer one instead. */
  withdraw(ctx: RequestContext, input: WithdrawBusinessRuleVersionInput): Promise<BusinessRuleVersion> {
    return transaction(ctx, async (tx) => {
      const current = await records(tx, BusinessRuleVersions, BusinessRulePermission.Manage).lock(input.id);
      if (current.withdrawnAt) throw kernelRules.field('input.id', 'notArchived', 'the version was withdrawn already.');
      const today = todayInChina(tx.clock.now());
      if (current.effectiveFrom <= today) {
        throw kernelRules.field('input.id', 'state', `the version applies from ${current.effectiveFrom} (today is ${today}): a version that has come into force is kept; add a newer version instead.`);
      }
      return updateRecord(tx, BusinessRuleVersion, 'BusinessRuleVersion', current, input.version, { withdrawnAt: tx.clock.now(), withdrawnReason: input.reason }, {
        action: 'kernel.business-rule-version.withdraw',
        ...recordEvent(businessRuleEvents['kernel.business-rule-version.withdrawn'], payloadOf),
      });
    });
  }
}
