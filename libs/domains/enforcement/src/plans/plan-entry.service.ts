import { NotFoundError, SortDirection, assertVersion, audit, businessRules, records, sql, transaction, unscoped, updateRecord, type RequestContext } from '@platform/core';
import { OrganizationKind, Organizations, organizationIdWithinSubtree } from '@platform/directory';
import { INSPECTION_FREQUENCY_RULE } from '../business-rules/plans';
import { InspectionPlan, InspectionPlanEntry } from './inspection-plan.entity';
import { EnterpriseClass } from './plan.enums';
import { ENTRY_KEYS } from './plan.orders';
import { capOf, classifyEnterprises, type EnterpriseClassification } from './enterprise-classes';
import { MAX_PLAN_ENTRIES, figuresPatch, listFiguresOf, periodMonths } from './plan-computation';
import { deletePlanEntries, insertPlanEntries, updatePlanEntries, type PlanEntryRow } from './plan-entries.sql';
import { assertDraft } from './plan.service';
import { InspectionPlanEntries, InspectionPlans } from './plans.entities';
import { planEvents } from './plans.events';
import { PlanPermission } from './plans.permissions';
import { planRules } from './plans.rules';
import type { DeriveInspectionPlanEntriesInput, RemoveInspectionPlanEntryInput, UpdateInspectionPlanEntryInput } from './plan.inputs';

const TERRITORY = 'a plan covers the enterprises of its legal subject\'s town, whatever the caller may read';

const payloadOf = (p: InspectionPlan) => ({ id: p.id, organizationId: p.organizationId, year: p.year });
const entryPayloadOf = (e: InspectionPlanEntry) => ({ id: e.id, planId: e.planId, enterpriseId: e.enterpriseId });

/**
 * The town whose enterprises a legal subject's plan covers: the subject itself when it is the town
 * government, else the town government above it (a department acting as an entrusted body).
 */
export async function territoryOf(ctx: RequestContext, subjectId: string): Promise<string> {
  const subject = (await unscoped(ctx, Organizations, TERRITORY).one(subjectId, ['id', 'kind', 'path']))!;
  if (subject.kind === OrganizationKind.TOWN_GOVERNMENT) return subject.id;
  const [town] = await unscoped(ctx, Organizations, TERRITORY)
    .where(sql`t.kind = ${OrganizationKind.TOWN_GOVERNMENT} AND t.path @> CAST(${subject.path} AS ltree)`)
    .list({ keys: [{ column: 't.depth', direction: SortDirection.DESC }, { column: 't.id', direction: SortDirection.ASC }], limit: 1, properties: ['id'] });
  return town?.id ?? subject.id;
}

/** The first `n` months of `months` taken round-robin from `start`: where the derivation puts a new entry's inspections. */
const spread = (months: readonly number[], start: number, n: number): number[] => Array.from({ length: n }, (_, k) => months[(start + k) % months.length]!).sort((a, b) => a - b);

/**
 * The rows that bring a plan's list in line with the derivation: new enterprises (one inspection,
 * spread over the period's months, key enterprises first), entries whose derived class or reason
 * changed (an entry that follows the derivation moves with it, its planned inspections cut to the
 * new class's cap; an officer's class stays, its reason dropped once the derivation agrees), and
 * entries of enterprises no longer in the territory (archived).
 */
export function derivationChanges(
  existing: readonly InspectionPlanEntry[],
  derived: readonly EnterpriseClassification[],
  months: readonly number[],
  cap: (c: EnterpriseClass) => number,
): { added: PlanEntryRow[]; changed: Array<PlanEntryRow & { id: string }>; removed: InspectionPlanEntry[] } {
  const byEnterprise = new Map(existing.map((e) => [e.enterpriseId, e]));
  const inTerritory = new Set(derived.map((d) => d.enterpriseId));
  let position = existing.reduce((max, e) => Math.max(max, e.position), 0);
  const added: PlanEntryRow[] = [];
  const changed: Array<PlanEntryRow & { id: string }> = [];
  const newOfClass = { [EnterpriseClass.KEY]: 0, [EnterpriseClass.ORDINARY]: 0 };
  for (const cls of [EnterpriseClass.KEY, EnterpriseClass.ORDINARY]) {
    for (const d of derived.filter((x) => x.enterpriseClass === cls)) {
      const e = byEnterprise.get(d.enterpriseId);
      if (!e) {
        const planned = Math.min(1, cap(cls));
        added.push({ enterpriseId: d.enterpriseId, position: (position = Math.min(position + 10, 1_000_000)), enterpriseClass: cls, derivedClass: cls, derivedReason: d.reason, reclassificationReason: null, plannedInspections: planned, plannedMonths: spread(months, newOfClass[cls]++, planned) });
        continue;
      }
      if (e.derivedClass === cls && e.derivedReason === d.reason) continue;
      const follows = e.reclassificationReason === null;
      const enterpriseClass = follows ? cls : e.enterpriseClass;
      const plannedInspections = Math.min(e.plannedInspections, cap(enterpriseClass));
      changed.push({
        id: e.id,
        enterpriseId: e.enterpriseId,
        position: e.position,
        enterpriseClass,
        derivedClass: cls,
        derivedReason: d.reason,
        reclassificationReason: enterpriseClass === cls ? null : e.reclassificationReason,
        plannedInspections,
        plannedMonths: e.plannedMonths.slice(0, plannedInspections),
      });
    }
  }
  return { added, changed, removed: existing.filter((e) => !inTerritory.has(e.enterpriseId)) };
}

/** A plan's enterprise list: derived from the directory and risk, entries moved between classes and planned, removed. */
export class InspectionPlanEntryService {
  /** Derives a draft plan's list (see `derivationChanges`); the plan's figures are recomputed. */
  derive(ctx: RequestContext, input: DeriveInspectionPlanEntriesInput): Promise<InspectionPlan> {
    return transaction(ctx, async (tx) => {
      const plan = await records(tx, InspectionPlans, PlanPermission.Manage).lock(input.id);
      assertVersion('InspectionPlan', plan, input.version);
      assertDraft(plan, 'input.id');
      const derived = await classifyEnterprises(tx, organizationIdWithinSubtree('t.id', await territoryOf(tx, plan.organizationId)));
      const existing = await records(tx, InspectionPlanEntries, PlanPermission.Manage).where(sql`t.plan_id = ${plan.id}`).list({ keys: ENTRY_KEYS, limit: MAX_PLAN_ENTRIES });
      const rule = await businessRules.stored(tx, INSPECTION_FREQUENCY_RULE, plan.frequencyRuleVersionId);
      const { added, changed, removed } = derivationChanges(existing, derived, periodMonths(plan.periodFrom, plan.periodTo), (c) => capOf(rule.value, c));
      await insertPlanEntries(tx, plan.id, added);
      await updatePlanEntries(tx, changed);
      await deletePlanEntries(tx, removed.map((e) => e.id));
      const figures = await listFiguresOf(tx, plan.id, plan.inspectionWorkingDays, plan.keyInspectionDaysApplied);
      const counts = { added: added.length, reclassified: changed.length, removed: removed.length };
      return updateRecord(tx, InspectionPlan, 'InspectionPlan', plan, input.version, figuresPatch(figures), {
        action: 'enforcement.inspection-plan.derive',
        changes: { added: added.map((a) => a.enterpriseId), changed: changed.map((c) => ({ enterpriseId: c.enterpriseId, derivedClass: c.derivedClass, enterpriseClass: c.enterpriseClass })), removed: removed.map((r) => r.enterpriseId), ...figuresPatch(figures) },
        event: planEvents['enforcement.inspection-plan.entries-derived'],
        payload: (p) => ({ ...payloadOf(p), ...counts }),
      });
    });
  }

  /** Moves an enterprise of a draft plan between classes (with a reason away from the derived one) and sets its planned inspections and months, within its class's cap. */
  update(ctx: RequestContext, input: UpdateInspectionPlanEntryInput): Promise<InspectionPlanEntry> {
    return transaction(ctx, async (tx) => {
      const { entry, plan } = await this.lockDraftEntry(tx, input);
      const enterpriseClass = input.enterpriseClass ?? entry.enterpriseClass;
      let reclassificationReason: string | null = null;
      if (enterpriseClass !== entry.derivedClass) {
        reclassificationReason = input.reclassificationReason ?? (enterpriseClass === entry.enterpriseClass ? entry.reclassificationReason : null);
        if (!reclassificationReason) throw planRules.field('input.reclassificationReason', 'required', `the derivation makes the enterprise ${entry.derivedClass} (${entry.derivedReason}): say why it is ${enterpriseClass}.`);
      }
      const plannedInspections = input.plannedInspections ?? input.plannedMonths?.length ?? entry.plannedInspections;
      const plannedMonths = input.plannedMonths ? [...input.plannedMonths].sort((a, b) => a - b) : plannedInspections === entry.plannedInspections ? entry.plannedMonths : null;
      if (!plannedMonths || plannedMonths.length !== plannedInspections) throw planRules.field('input.plannedMonths', 'plannedMonths', `give one month per planned inspection (${plannedInspections}).`);
      const months = periodMonths(plan.periodFrom, plan.periodTo);
      const outside = plannedMonths.find((m) => !months.includes(m));
      if (outside !== undefined) throw planRules.field('input.plannedMonths', 'plannedMonths', `month ${outside} lies outside the plan's period (${plan.periodFrom} to ${plan.periodTo}).`);
      const rule = await businessRules.stored(tx, INSPECTION_FREQUENCY_RULE, plan.frequencyRuleVersionId);
      const cap = capOf(rule.value, enterpriseClass);
      if (plannedInspections > cap) {
        throw planRules.field('input.plannedInspections', 'frequencyCap', `a ${enterpriseClass} enterprise may be inspected at most ${cap} times a year (${rule.version.documentNumber}); ${plannedInspections} planned.`);
      }
      const updated = await updateRecord(tx, InspectionPlanEntry, 'InspectionPlanEntry', entry, input.version, { enterpriseClass, reclassificationReason, plannedInspections, plannedMonths }, {
        action: 'enforcement.inspection-plan-entry.update',
        event: planEvents['enforcement.inspection-plan-entry.updated'],
        payload: entryPayloadOf,
      });
      await this.refigure(tx, plan);
      return updated;
    });
  }

  /** Removes an enterprise from a draft plan; answers the plan (its figures recomputed). */
  remove(ctx: RequestContext, input: RemoveInspectionPlanEntryInput): Promise<InspectionPlan> {
    return transaction(ctx, async (tx) => {
      const { entry, plan } = await this.lockDraftEntry(tx, input);
      await deletePlanEntries(tx, [entry.id]);
      const { id, enterpriseId, enterpriseClass, derivedClass, derivedReason, reclassificationReason, plannedInspections, plannedMonths } = entry;
      await audit(tx, { action: 'enforcement.inspection-plan-entry.remove', entityType: 'InspectionPlan', entityId: plan.id, changes: { removed: { id, enterpriseId, enterpriseClass, derivedClass, derivedReason, reclassificationReason, plannedInspections, plannedMonths } } });
      await tx.emit(planEvents['enforcement.inspection-plan-entry.removed'], entryPayloadOf(entry));
      return this.refigure(tx, plan);
    });
  }

  /**
   * An entry and its plan locked for a change (the plan's figures follow it), within the caller's
   * manage scope (else NOT_FOUND), at the version read (else CONFLICT), of a draft (else `state`).
   * The plan is locked before the entry, in the order a derivation locks them.
   */
  private async lockDraftEntry(tx: RequestContext, input: { readonly id: string; readonly version: number }): Promise<{ entry: InspectionPlanEntry; plan: InspectionPlan }> {
    const found = await records(tx, InspectionPlanEntries, PlanPermission.Manage).one(input.id, ['id', 'planId']);
    if (!found) throw new NotFoundError('InspectionPlanEntry', input.id);
    const plan = await records(tx, InspectionPlans, PlanPermission.Manage).lock(found.planId);
    const entry = await records(tx, InspectionPlanEntries, PlanPermission.Manage).lock(input.id);
    assertVersion('InspectionPlanEntry', entry, input.version);
    assertDraft(plan, 'input.id');
    return { entry, plan };
  }

  /** The plan's list figures after a change of one entry: written (audited) when they changed. */
  private async refigure(tx: RequestContext, plan: InspectionPlan): Promise<InspectionPlan> {
    const figures = figuresPatch(await listFiguresOf(tx, plan.id, plan.inspectionWorkingDays, plan.keyInspectionDaysApplied));
    if ((Object.keys(figures) as Array<keyof typeof figures>).every((k) => figures[k] === plan[k])) return plan;
    return updateRecord(tx, InspectionPlan, 'InspectionPlan', plan, plan.version, figures, { action: 'enforcement.inspection-plan.refigure' });
  }
}
