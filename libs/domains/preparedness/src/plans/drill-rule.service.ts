import {
  BadUserInputError,
  SortDirection,
  archiveRecord,
  audit,
  paginate,
  lockActiveOrFail,
  transaction,
  updateRecord,
  type ArchiveInput,
  type ConnectionResult,
  type RequestContext,
  type SortKey,
} from '@platform/core';
import { OrganizationKind } from '@platform/directory';
import { DrillRule } from './drill-rule.entity';
import type { CreateDrillRuleInput, DrillRuleListArgs, UpdateDrillRuleInput } from './drill-rule.inputs';

/** Highest priority first (the order rules are chosen in), then by code and id. */
export const drillRuleSortKeys = (alias: string): SortKey<DrillRule>[] => [
  { column: `${alias}.priority`, direction: SortDirection.DESC },
  { column: `${alias}.code`, direction: SortDirection.ASC },
  { column: `${alias}.id`, direction: SortDirection.ASC },
];

export class DrillRuleService {
  list(ctx: RequestContext, args: DrillRuleListArgs, withCount: boolean): Promise<ConnectionResult<DrillRule>> {
    const qb = ctx.manager.createQueryBuilder(DrillRule, 'r');
    if (!args.includeArchived) qb.where('r.archived_at IS NULL');
    return paginate(qb, args, drillRuleSortKeys('r'), withCount);
  }

  async create(ctx: RequestContext, input: CreateDrillRuleInput): Promise<DrillRule> {
    const kinds = [...new Set(input.organizationKinds)];
    this.checkHighRisk(kinds, input.highRisk ?? null);
    return transaction(ctx, async (tx) => {
      if (await tx.manager.existsBy(DrillRule, { code: input.code })) throw BadUserInputError.field('input.code', 'unique', `a drill rule ${input.code} exists already.`);
      const rule = await tx.manager.save(
        tx.manager.create(DrillRule, {
          code: input.code,
          name: input.name,
          organizationKinds: kinds,
          highRisk: input.highRisk ?? null,
          period: input.period,
          minDrills: input.minDrills,
          qualifyingForms: [...new Set(input.qualifyingForms)],
          priority: input.priority,
          archivedAt: null,
        }),
      );
      await audit(tx, { action: 'rescue.drill-rule.create', entityType: 'DrillRule', entityId: rule.id, changes: { ...input } });
      await tx.emit('rescue.drill-rule.created', { id: rule.id, code: rule.code });
      return rule;
    });
  }

  async update(ctx: RequestContext, input: UpdateDrillRuleInput): Promise<DrillRule> {
    return transaction(ctx, async (tx) => {
      const current = await this.getActiveOrFail(tx, input.id);
      const patch: Partial<DrillRule> = {};
      if (input.name !== undefined) patch.name = input.name;
      if (input.organizationKinds !== undefined) patch.organizationKinds = [...new Set(input.organizationKinds)];
      if (input.highRisk !== undefined) patch.highRisk = input.highRisk;
      if (input.period !== undefined) patch.period = input.period;
      if (input.minDrills !== undefined) patch.minDrills = input.minDrills;
      if (input.qualifyingForms !== undefined) patch.qualifyingForms = [...new Set(input.qualifyingForms)];
      if (input.priority !== undefined) patch.priority = input.priority;
      this.checkHighRisk(patch.organizationKinds ?? current.organizationKinds, patch.highRisk !== undefined ? patch.highRisk : current.highRisk);
      return updateRecord(tx, DrillRule, 'DrillRule', current, input.version, patch, { action: 'rescue.drill-rule.update', event: 'rescue.drill-rule.updated', payload: { id: current.id, code: current.code } });
    });
  }

  async archive(ctx: RequestContext, input: ArchiveInput): Promise<DrillRule> {
    return transaction(ctx, async (tx) => {
      const current = await this.getActiveOrFail(tx, input.id);
      return archiveRecord(tx, DrillRule, 'DrillRule', current, input.version, { action: 'rescue.drill-rule.archive', event: 'rescue.drill-rule.archived', payload: { id: current.id, code: current.code } });
    });
  }

  /** A high-risk condition only makes sense for a rule about enterprises alone. */
  private checkHighRisk(kinds: readonly OrganizationKind[], highRisk: boolean | null): void {
    if (highRisk !== null && (kinds.length !== 1 || kinds[0] !== OrganizationKind.ENTERPRISE)) {
      throw BadUserInputError.field('input.highRisk', 'enterpriseOnly', 'a high-risk condition needs organizationKinds to be exactly [ENTERPRISE].');
    }
  }

  private async getActiveOrFail(tx: RequestContext, id: string): Promise<DrillRule> {
    return lockActiveOrFail(tx.manager.createQueryBuilder(DrillRule, 'r'), 'DrillRule', id, 'the drill rule is archived.');
  }
}
