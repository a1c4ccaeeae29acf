import { can, raw, records, scopeOf, type RequestContext, type Sql } from '@platform/core';
import { Organizations } from '@platform/directory';
import type DataLoader from 'dataloader';
import type { Household } from './joint-defense.entity';
import { CommunityPermission } from '../permissions';

/**
 * SQL: the household under `alias` (e.g. `h` of `records(ctx, Households).as('h')`) is listed and has a
 * vulnerable member (the condition of the partial index joint_defense_household_vulnerable_idx).
 * Use it over a scoped read of `Households` (read with rescue.household:read-sensitive to list them).
 */
export function vulnerableHousehold(alias: string): Sql {
  if (!/^[a-z][a-z0-9_]*$/.test(alias)) throw new Error(`vulnerableHousehold(): ${JSON.stringify(alias)} is not a table alias.`);
  return raw(`(${alias}.archived_at IS NULL AND (${alias}.elderly_living_alone OR ${alias}.disabled_members > 0 OR ${alias}.children_members > 0 OR ${alias}.vulnerability_note IS NOT NULL))`);
}

/** The same rule as `vulnerableHousehold` (archiving aside) for a loaded household. */
export const isVulnerable = (h: Pick<Household, 'elderlyLivingAlone' | 'disabledMembers' | 'childrenMembers' | 'vulnerabilityNote'>): boolean =>
  h.elderlyLivingAlone || h.disabledMembers > 0 || h.childrenMembers > 0 || h.vulnerabilityNote !== null;

/** The household fields that are personal data (left out of audit entries and events). */
export const SENSITIVE_HOUSEHOLD_FIELDS = ['phone', 'elderlyLivingAlone', 'disabledMembers', 'childrenMembers', 'vulnerabilityNote'] as const;

/** Personal data replaced by `[changed]` in audit entries: only that it changed is recorded. */
export function redact(changes: Record<string, unknown>, fields: readonly string[] = SENSITIVE_HOUSEHOLD_FIELDS): Record<string, unknown> {
  const out = { ...changes };
  for (const key of fields) if (key in out) out[key] = '[changed]';
  return out;
}

/**
 * Whether the caller holds rescue.household:read-sensitive for each organization (the group's or
 * household's): no statement when it holds it nowhere or everywhere, else one per request level.
 */
export function sensitiveReadableAt(ctx: RequestContext): DataLoader<string, boolean> {
  return ctx.loaders.get('rescue.household.sensitiveReadable', undefined, async (ids: readonly string[]) => {
    if (!can(ctx.principal, CommunityPermission.HouseholdReadSensitive)) return ids.map(() => false);
    if (scopeOf(ctx.principal, CommunityPermission.HouseholdReadSensitive)?.all) return ids.map(() => true);
    // The organizations within the caller's scope for the sensitive permission (archived ones too: the records stay where they are kept).
    return (await records(ctx, Organizations, CommunityPermission.HouseholdReadSensitive).many(ids, ['id'])).map((o) => o !== null);
  });
}

/**
 * A household's personal field as the caller may see it: the value (recorded for the audit log)
 * when it holds the sensitive permission for the household's organization, else `masked`.
 */
export async function sensitiveField<K extends (typeof SENSITIVE_HOUSEHOLD_FIELDS)[number], M>(ctx: RequestContext, h: Household, field: K, masked: M): Promise<Household[K] | M> {
  if (!(await sensitiveReadableAt(ctx).load(h.organizationId))) return masked;
  ctx.sensitiveReads.push({ entityType: 'Household', entityId: h.id, field });
  return h[field];
}
