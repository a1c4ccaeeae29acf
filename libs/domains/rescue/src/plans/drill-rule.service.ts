import {
  BadUserInputError,
  NotFoundError,
  SortDirection,
  audit,
  diff,
  paginate,
  transaction,
  updateWithVersion,
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
  { column: `${alias}.priority`, direction: SortDirection.DESC, value: (r) => r.priority },
  { column: `${alias}.code`, direction: SortDirection.ASC, value: (r) => r.code },
  { column: `${alias}.id`, direction: SortDirection.ASC, value: (r) => r.id },
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
          name: input.name.trim(),
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
      if (input.name !== undefined) patch.name = input.name.trim();
      if (input.organizationKinds !== undefined) patch.organizationKinds = [...new Set(input.organizationKinds)];
      if (input.highRisk !== undefined) patch.highRisk = input.highRisk;
      if (input.period !== undefined) patch.period = input.period;
      if (input.minDrills !== undefined) patch.minDrills = input.minDrills;
      if (input.qualifyingForms !== undefined) patch.qualifyingForms = [...new Set(input.qualifyingForms)];
      if (input.priority !== undefined) patch.priority = input.priority;
      this.checkHighRisk(patch.organizationKinds ?? current.organizationKinds, patch.highRisk !== undefined ? patch.highRisk : current.highRisk);
      const updated = await updateWithVersion(tx, DrillRule, 'DrillRule', current.id, input.version, patch as never);
      await audit(tx, { action: 'rescue.drill-rule.update', entityType: 'DrillRule', entityId: current.id, changes: diff(current, updated) });
      await tx.emit('rescue.drill-rule.updated', { id: current.id, code: current.code });
      return updated;
    });
  }

  async archive(ctx: RequestContext, input: ArchiveInput): Promise<DrillRule> {
    return transaction(ctx, async (tx) => {
      const current = await this.getActiveOrFail(tx, input.id);
      const updated = await updateWithVersion(tx, DrillRule, 'DrillRule', current.id, input.version, { archivedAt: () => 'now()' } as never);
      await audit(tx, { action: 'rescue.drill-rule.archive', entityType: 'DrillRule', entityId: current.id });
      await tx.emit('rescue.drill-rule.archived', { id: current.id, code: current.code });
      return updated;
    });
  }

  /** A high-risk condition only makes sense for a rule about enterprises alone. */
  private checkHighRisk(kinds: readonly OrganizationKind[], highRisk: boolean | null): void {
    if (highRisk !== null && (kinds.length !== 1 || kinds[0] !== OrganizationKind.ENTERPRISE)) {
      throw BadUserInputError.field('input.highRisk', 'enterpriseOnly', 'a high-risk condition needs organizationKinds to be exactly [ENTERPRISE].');
    }
  }

  private async getActiveOrFail(tx: RequestContext, id: string): Promise<DrillRule> {
    const current = await tx.manager.createQueryBuilder(DrillRule, 'r').where('r.id = :id', { id }).setLock('pessimistic_write').getOne();
    if (!current) throw new NotFoundError('DrillRule', id);
    if (current.archivedAt) throw BadUserInputError.field('input.id', 'notArchived', 'the drill rule is archived.');
    return current;
  }
}
