import type DataLoader from 'dataloader';
import { can, records, type RequestContext } from '@platform/core';
import { maskPhone } from '@platform/directory';
import { TipPermission, Tips, type Tip } from '../tips/public';

/** The reporter fields that are sensitive (masked unless `reporting.tip:read-reporter`). */
export type ReporterField = 'reporterName' | 'reporterPhone' | 'reporterContact';

/** 张** / 欧阳** : keeps the first character. */
export function maskName(name: string | null): string | null {
  if (!name) return name;
  const chars = Array.from(name);
  return `${chars[0]}${'*'.repeat(Math.max(1, chars.length - 1))}`;
}

/** wx_z****: keeps at most the first four characters and hides the rest (at least four stars). */
export function maskContact(contact: string | null): string | null {
  if (!contact) return contact;
  const chars = Array.from(contact);
  const kept = Math.min(4, Math.floor(chars.length / 3));
  return `${chars.slice(0, kept).join('')}${'*'.repeat(Math.max(4, chars.length - kept))}`;
}

const MASKS: Record<ReporterField, (v: string | null) => string | null> = {
  reporterName: maskName,
  reporterPhone: maskPhone,
  reporterContact: maskContact,
};

/** Whether the caller may read the reporter of each tip unmasked (read-reporter within its scope), one statement per request level. */
export function reporterReadable(ctx: RequestContext): DataLoader<string, boolean> {
  return ctx.loaders.get('reporting.tip.reporterReadable', undefined, async (ids: readonly string[]) =>
    (await records(ctx, Tips, TipPermission.ReadReporter).many(ids, ['id'])).map((t) => t !== null),
  );
}

/**
 * A reporter field of a tip as the caller may see it: unmasked only with `reporting.tip:read-reporter`
 * for the tip's organization, each such read recorded for the audit log (`kernel.sensitive.read`);
 * masked otherwise (`maskedReporter`). The public views never carry these fields at all.
 */
export async function reporterField(ctx: RequestContext, tip: Tip, field: ReporterField): Promise<string | null> {
  const value = tip[field];
  if (value === null || value === undefined) return null;
  if (!can(ctx.principal, TipPermission.ReadReporter) || !(await reporterReadable(ctx).load(tip.id))) return MASKS[field](value);
  ctx.sensitiveReads.push({ entityType: 'Tip', entityId: tip.id, field });
  return value;
}

/** The reporter's fields masked, for views that show that a reporter gave them without who (exports, lists). */
export function maskedReporter(tip: Pick<Tip, ReporterField>): Record<ReporterField, string | null> {
  return { reporterName: maskName(tip.reporterName), reporterPhone: maskPhone(tip.reporterPhone), reporterContact: maskContact(tip.reporterContact) };
}
