import {
  archiveRecord,
  createRecord,
  isChangeFeed,
  recordEvent,
  records,
  sentFields,
  sql,
  transaction,
  updateRecord,
  whereChanged,
  type ArchiveInput,
  type ConnectionResult,
  type Patch,
  type RequestContext,
} from '@platform/core';
import { OrganizationKind } from '@platform/directory';
import { DrillRule } from './drill-rule.entity';
import { DrillRuleOrder } from './plan.orders';
import { DrillRules } from '../preparedness.entities';
import { preparednessEvents } from '../preparedness.events';
import { preparednessRules } from '../preparedness.rules';
import { PreparednessPermission } from '../permissions';
import type { CreateDrillRuleInput, DrillRuleListArgs, UpdateDrillRuleInput } from './drill-rule.inputs';

export class DrillRuleService {
  list(ctx: RequestContext, args: DrillRuleListArgs, withCount: boolean): Promise<ConnectionResult<DrillRule>> {
    const f = args.filter ?? {};
    let rules = records(ctx, DrillRules);
    // A change feed lists archived rules too (tombstones: archivedAt says so).
    if (!f.includeArchived && !isChangeFeed(f)) rules = rules.where(sql`t.archived_at IS NULL`);
    return whereChanged(rules, f).page({ keys: DrillRuleOrder.keys(args.orderBy), page: args, withCount });
  }

  async create(ctx: RequestContext, input: CreateDrillRuleInput): Promise<DrillRule> {
    const kinds = [...new Set(input.organizationKinds)];
    this.checkHighRisk(kinds, input.highRisk ?? null);
    return transaction(ctx, async (tx) => {
      // Archived rules keep their code too (the column is unique).
      if (await records(tx, DrillRules, PreparednessPermission.RuleManage).where(sql`t.code = ${input.code}`).count()) {
        throw preparednessRules.field('input.code', 'unique', `a drill rule ${input.code} exists already.`);
      }
      return createRecord(
        tx,
        DrillRule,
        'DrillRule',
        {
          code: input.code,
          name: input.name,
          organizationKinds: kinds,
          highRisk: input.highRisk ?? null,
          period: input.period,
          minDrills: input.minDrills,
          qualifyingForms: [...new Set(input.qualifyingForms)],
          priority: input.priority,
          archivedAt: null,
        },
        {
          action: 'rescue.drill-rule.create',
          changes: { ...input },
          ...recordEvent(preparednessEvents['rescue.drill-rule.created'], (r: DrillRule) => ({ id: r.id, code: r.code })),
        },
      );
    });
  }

  async update(ctx: RequestContext, input: UpdateDrillRuleInput): Promise<DrillRule> {
    return transaction(ctx, async (tx) => {
      const current = await this.getActiveOrFail(tx, input.id);
      const patch: Patch<DrillRule> = sentFields(input, ['name', 'highRisk', 'period', 'minDrills', 'priority']);
      if (input.organizationKinds !== undefined) patch.organizationKinds = [...new Set(input.organizationKinds)];
      if (input.qualifyingForms !== undefined) patch.qualifyingForms = [...new Set(input.qualifyingForms)];
      const kinds = input.organizationKinds !== undefined ? [...new Set(input.organizationKinds)] : current.organizationKinds;
      this.checkHighRisk(kinds, input.highRisk !== undefined ? (input.highRisk ?? null) : current.highRisk);
      return updateRecord(tx, DrillRule, 'DrillRule', current, input.version, patch, {
        action: 'rescue.drill-rule.update',
        ...recordEvent(preparednessEvents['rescue.drill-rule.updated'], { id: current.id, code: current.code }),
      });
    });
  }

  async archive(ctx: RequestContext, input: ArchiveInput): Promise<DrillRule> {
    return transaction(ctx, async (tx) => {
      const current = await this.getActiveOrFail(tx, input.id);
      return archiveRecord(tx, DrillRule, 'DrillRule', current, input.version, {
        action: 'rescue.drill-rule.archive',
        ...recordEvent(preparednessEvents['rescue.drill-rule.archived'], { id: current.id, code: current.code }),
      });
    });
  }

  /** A high-risk condition only makes sense for a rule about enterprises alone. */
  private checkHighRisk(kinds: readonly OrganizationKind[], highRisk: boolean | null): void {
    if (highRisk !== null && (kinds.length !== 1 || kinds[0] !== OrganizationKind.ENTERPRISE)) {
      throw preparednessRules.field('input.highRisk', 'enterpriseOnly', 'a high-risk condition needs organizationKinds to be exactly [ENTERPRISE].');
    }
  }

  /** The rule, locked for the change: NOT_FOUND when missing, BAD_USER_INPUT `notArchived` on `input.id` when archived. */
  private async getActiveOrFail(tx: RequestContext, id: string): Promise<DrillRule> {
    const current = await records(tx, DrillRules, PreparednessPermission.RuleManage).lock(id);
    if (current.archivedAt) throw preparednessRules.field('input.id', 'notArchived', 'the drill rule is archived.');
    return current;
  }
}
