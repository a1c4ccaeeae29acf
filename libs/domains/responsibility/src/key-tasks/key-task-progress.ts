import { IndicatorBreakdown, IndicatorDirection, businessRules, evaluateIndicators, registeredIndicators, type RequestContext } from '@platform/core';
import { KEY_TASK_SCHEDULE } from '../business-rules/key-tasks';
import { KeyTaskStatus } from './key-task.enums';
import type { KeyTask } from './key-task.entity';
import { progressLeaves, type ProgressLeaf } from './key-task-progress.sql';

/** A task's progress as computed: rolled up (0–100), and the live indicator value when the task itself is bound to one. */
export interface ComputedProgress {
  readonly progress: number;
  readonly indicatorValue: number | null;
}

const SYSTEM_REASON = 'a key task\'s live progress is the figure of its target for its owner organization, whoever reads the task';

/** A bound target's progress from the indicator's value: how far the value has come towards the target, 0–100. */
export function progressTowards(value: number, target: number, direction: IndicatorDirection): number {
  if (direction === IndicatorDirection.HIGHER_IS_BETTER) return target <= 0 ? 100 : Math.max(0, Math.min(100, (value / target) * 100));
  return value <= target ? 100 : Math.max(0, Math.min(100, (target / value) * 100));
}

/**
 * The indicator values of bound leaves, by leaf id: one evaluation (one statement) per year among
 * them, for every owner organization at once, over the task's year, as the system (see SYSTEM_REASON).
 * A leaf whose indicator is not enabled, or has nothing due yet (null), gets no value.
 */
async function indicatorValues(ctx: RequestContext, leaves: readonly ProgressLeaf[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const registry = registeredIndicators(ctx);
  const byYear = new Map<number, ProgressLeaf[]>();
  for (const l of leaves) if (l.indicatorCode && registry.has(l.indicatorCode)) byYear.set(l.year, [...(byYear.get(l.year) ?? []), l]);
  const system = ctx.asSystem(SYSTEM_REASON);
  await Promise.all(
    [...byYear].map(async ([year, group]) => {
      const figures = await evaluateIndicators(system, [...new Set(group.map((l) => l.indicatorCode!))].map((c) => registry.get(c)!), {
        organizationIds: [...new Set(group.map((l) => l.ownerOrganizationId))],
        from: `${year}-01-01`,
        to: `${year + 1}-01-01`,
        breakdown: IndicatorBreakdown.SELF,
      });
      const value = new Map(figures.map((f) => [`${f.code}|${f.organizationId}`, f.value]));
      for (const l of group) {
        const v = value.get(`${l.indicatorCode}|${l.ownerOrganizationId}`);
        if (v !== null && v !== undefined) out.set(l.id, v);
      }
    }),
  );
  return out;
}

/** A leaf's own progress: 100 when completed, else its target's progress when bound and measured, else what its owner reported. */
function leafProgress(ctx: RequestContext, leaf: ProgressLeaf, values: ReadonlyMap<string, number>): number {
  if (leaf.status === KeyTaskStatus.COMPLETED) return 100;
  const value = values.get(leaf.id);
  if (value === undefined) return leaf.reportedProgress;
  return progressTowards(value, leaf.indicatorTarget!, registeredIndicators(ctx).get(leaf.indicatorCode!)!.definition.direction);
}

/**
 * Each task's progress (batched per request: one statement for the subtrees, one per year of bound
 * targets): Σ share × leaf progress over its leaves, rounded to one decimal.
 */
export function computedProgress(ctx: RequestContext, taskId: string): Promise<ComputedProgress> {
  return ctx.loaders
    .get<string, ComputedProgress>('responsibility.key-task.progress', undefined, async (ids) => {
      const leaves = await progressLeaves(ctx, ids);
      const values = await indicatorValues(ctx, leaves);
      return ids.map((id) => {
        const own = leaves.filter((l) => l.rootId === id);
        const progress = own.reduce((sum, l) => sum + l.share * leafProgress(ctx, l, values), 0);
        const self = own.length === 1 && own[0]!.id === id ? own[0]! : null;
        return { progress: Math.round(progress * 10) / 10, indicatorValue: self ? (values.get(self.id) ?? null) : null };
      });
    })
    .load(taskId);
}

/** The share of the task's period gone by on `today`: 0 up to its first day, 1 from its due day. */
export function elapsedShare(task: Pick<KeyTask, 'startsOn' | 'dueOn'>, today: string): number {
  const day = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
  const span = day(task.dueOn) - day(task.startsOn);
  if (today >= task.dueOn) return 1;
  if (today <= task.startsOn || span <= 0) return 0;
  return (day(today) - day(task.startsOn)) / span;
}

/**
 * 进度滞后: an open task whose progress is below the elapsed share of its period by more than the
 * tolerance of the rule version it keeps (`scheduleRuleVersionId`). Equal to the limit is on schedule.
 */
export async function behindSchedule(ctx: RequestContext, task: KeyTask): Promise<boolean> {
  if (task.status === KeyTaskStatus.COMPLETED || task.status === KeyTaskStatus.CANCELLED) return false;
  const [{ progress }, rule] = await Promise.all([computedProgress(ctx, task.id), businessRules.stored(ctx, KEY_TASK_SCHEDULE, task.scheduleRuleVersionId)]);
  return progress < elapsedShare(task, ctx.clock.today()) * 100 - rule.value.tolerancePercent;
}
