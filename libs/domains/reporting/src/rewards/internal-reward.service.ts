import { createRecord, recordEvent, records, sql, transaction, updateRecord, whereChanged, type ConnectionResult, type RequestContext } from '@platform/core';
import { EnterpriseProfiles, OrganizationKind, OrganizationOrder, Organizations, organizationIdWithinSubtree, type Organization, type OrganizationOrderInput } from '@platform/directory';
import type { PageArgs } from '@platform/core';
import { InternalRewardLedgerYear, InternalRewardMechanism } from './internal-reward-mechanism.entity';
import { InternalRewardLedgerYears, InternalRewardMechanisms } from './rewards.entities';
import { RewardPermission } from './rewards.permissions';
import { rewardEvents, type InternalRewardMechanismPayload } from './rewards.events';
import { rewardRules } from './rewards.rules';
import { InternalRewardMechanismOrder, LEDGER_KEYS } from './reward.orders';
import { withoutInternalRewardMechanismSql } from './reward.sql';
import type { EnterprisesWithoutMechanismFilter, InternalRewardMechanismListArgs, RecordInternalRewardLedgerYearInput, RecordInternalRewardMechanismInput } from './reward.inputs';

const mechanismPayload = (m: InternalRewardMechanism): InternalRewardMechanismPayload => ({ id: m.id, enterpriseId: m.enterpriseId, inPlace: m.inPlace });

/** The most years one enterprise's ledger shows. */
export const MAX_LEDGER_YEARS = 50;

/** Enterprises' internal hazard-report reward mechanisms (安委〔2024〕7号) and their yearly ledgers. */
export class InternalRewardService {
  byEnterprise(ctx: RequestContext, enterpriseId: string): Promise<InternalRewardMechanism | null> {
    return records(ctx, InternalRewardMechanisms).where(sql`t.enterprise_id = ${enterpriseId}`).list({ keys: LEDGER_KEYS.slice(1), limit: 1 }).then(([m]) => m ?? null);
  }

  list(ctx: RequestContext, args: InternalRewardMechanismListArgs, withCount: boolean): Promise<ConnectionResult<InternalRewardMechanism>> {
    const f = args.filter ?? {};
    let list = records(ctx, InternalRewardMechanisms);
    if (f.inPlace !== undefined && f.inPlace !== null) list = list.where(sql`t.in_place = ${f.inPlace}`);
    return whereChanged(list, f).page({ keys: InternalRewardMechanismOrder.keys(args.orderBy), page: args, withCount });
  }

  /**
   * Enterprises in the caller's scope (for reading mechanisms) without one in place: no record, or one
   * recorded as not in place; active ones only, in tree order. An input to the enforcement plan (重点监管).
   */
  without(ctx: RequestContext, args: PageArgs & { filter?: EnterprisesWithoutMechanismFilter; orderBy?: OrganizationOrderInput[] }, withCount: boolean): Promise<ConnectionResult<Organization>> {
    const f = args.filter ?? {};
    let rows = records(ctx, Organizations, RewardPermission.InternalRead).where(sql`t.archived_at IS NULL`).where(withoutInternalRewardMechanismSql('t'));
    if (f.organizationId) rows = rows.where(organizationIdWithinSubtree('t.id', f.organizationId));
    if (f.sectorCodes?.length) {
      const sector = records(ctx, EnterpriseProfiles, RewardPermission.InternalRead).as('ep').where(sql`ep.organization_id = t.id`).subquery(sql`ep.sector_code`);
      rows = rows.where(sql`${sector} = ANY(${f.sectorCodes})`);
    }
    return rows.page({ keys: OrganizationOrder.keys(args.orderBy), page: args, withCount });
  }

  /** Records an enterprise's mechanism (the first time) or updates it (with the version read). */
  record(ctx: RequestContext, input: RecordInternalRewardMechanismInput): Promise<InternalRewardMechanism> {
    if (!input.inPlace && input.since) throw rewardRules.field('input.since', 'state', 'a mechanism not in place has no date it was set up.');
    if (new Set(input.channels).size !== input.channels.length) throw rewardRules.field('input.channels', 'unique', 'name each channel once.');
    return transaction(ctx, async (tx) => {
      if (input.since && input.since > tx.clock.today()) throw rewardRules.field('input.since', 'notFuture', 'must not be in the future.');
      const enterprise = await records(tx, Organizations, RewardPermission.InternalManage).reference(input.enterpriseId, 'input.enterpriseId', { lock: 'share' });
      if (enterprise.kind !== OrganizationKind.ENTERPRISE) throw rewardRules.field('input.enterpriseId', 'exists', `${enterprise.name} is not an enterprise.`);
      const values = { inPlace: input.inPlace, since: input.since ?? null, channels: [...input.channels], funding: input.funding ?? null, note: input.note ?? null };
      const [existing] = await records(tx, InternalRewardMechanisms, RewardPermission.InternalManage).where(sql`t.enterprise_id = ${input.enterpriseId}`).list({ keys: LEDGER_KEYS.slice(1), limit: 1, properties: ['id'] });
      const event = recordEvent(rewardEvents['reporting.internal-reward.recorded'], mechanismPayload);
      if (!existing) {
        if (input.version !== undefined && input.version !== null) throw rewardRules.field('input.version', 'exists', 'no mechanism is recorded for the enterprise yet: omit the version.');
        return createRecord(tx, InternalRewardMechanism, 'InternalRewardMechanism', { enterpriseId: input.enterpriseId, ...values }, { action: 'reporting.internal-reward.record', ...event });
      }
      if (input.version === undefined || input.version === null) throw rewardRules.field('input.version', 'required', 'the enterprise\'s mechanism is recorded already: send the version you read to update it.');
      const current = await records(tx, InternalRewardMechanisms, RewardPermission.InternalManage).lock(existing.id);
      return updateRecord(tx, InternalRewardMechanism, 'InternalRewardMechanism', current, input.version, values, { action: 'reporting.internal-reward.update', ...event });
    });
  }

  /** Records one year of an enterprise's ledger, replacing that year's figures. */
  recordYear(ctx: RequestContext, input: RecordInternalRewardLedgerYearInput): Promise<InternalRewardLedgerYear> {
    if (input.reportsRewarded > input.reportsReceived) throw rewardRules.field('input.reportsRewarded', 'range', 'must not exceed the reports received.');
    return transaction(ctx, async (tx) => {
      if (input.year > Number(tx.clock.today().slice(0, 4))) throw rewardRules.field('input.year', 'notFuture', 'must not be after this year.');
      const [mechanism] = await records(tx, InternalRewardMechanisms, RewardPermission.InternalManage).where(sql`t.enterprise_id = ${input.enterpriseId}`).list({ keys: LEDGER_KEYS.slice(1), limit: 1, properties: ['id'] });
      if (!mechanism) {
        // Out of scope or not recorded: an enterprise the caller may not manage answers NOT_FOUND, as a lookup does.
        await records(tx, Organizations, RewardPermission.InternalManage).reference(input.enterpriseId, 'input.enterpriseId');
        throw rewardRules.field('input.enterpriseId', 'exists', 'record the enterprise\'s mechanism first (recordInternalRewardMechanism).');
      }
      await records(tx, InternalRewardMechanisms, RewardPermission.InternalManage).lock(mechanism.id, 'share');
      const values = { reportsReceived: input.reportsReceived, reportsRewarded: input.reportsRewarded, amountPaidYuan: input.amountPaidYuan };
      const auditUnder = { entityType: 'InternalRewardMechanism', entityId: mechanism.id };
      const [year] = await records(tx, InternalRewardLedgerYears, RewardPermission.InternalManage).where(sql`t.enterprise_id = ${input.enterpriseId} AND t.year = ${input.year}`).list({ keys: LEDGER_KEYS, limit: 1, properties: ['id'] });
      if (!year) return createRecord(tx, InternalRewardLedgerYear, 'InternalRewardLedgerYear', { enterpriseId: input.enterpriseId, year: input.year, ...values }, { action: 'reporting.internal-reward.ledger', auditUnder, changes: { year: input.year, ...values } });
      const current = await records(tx, InternalRewardLedgerYears, RewardPermission.InternalManage).lock(year.id);
      return updateRecord(tx, InternalRewardLedgerYear, 'InternalRewardLedgerYear', current, current.version, values, { action: 'reporting.internal-reward.ledger' });
    });
  }

  /** An enterprise's ledger, latest year first (bounded). */
  ledger(ctx: RequestContext, enterpriseId: string): Promise<InternalRewardLedgerYear[]> {
    return records(ctx, InternalRewardLedgerYears).where(sql`t.enterprise_id = ${enterpriseId}`).list({ keys: LEDGER_KEYS, limit: MAX_LEDGER_YEARS });
  }
}
