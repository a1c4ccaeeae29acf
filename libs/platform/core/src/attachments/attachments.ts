import type DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import type { Principal } from '../context/principal';
import type { RequestContext } from '../context/request-context';
import { BadUserInputError } from '../errors/errors';
import { scopeOf } from '../access/authorization';
import { groupByKeys } from '../loaders/loader-registry';
import { Attachment } from './attachment.entity';

/** Who may download a claimed attachment: holders of `readPermission` whose scope covers the organization. */
export interface AttachmentLink {
  readonly entityType: string;
  readonly entityId: string;
  readonly readPermission: string;
  readonly organization: { readonly id: string; readonly path: string };
}

/**
 * Links uploaded files to a record inside the caller's transaction. Each id must name a file the
 * same principal uploaded and nobody claimed yet; otherwise BAD_USER_INPUT naming `field`.
 */
export async function claimAttachments(ctx: RequestContext, ids: readonly string[], link: AttachmentLink, field = 'input.attachmentIds'): Promise<Attachment[]> {
  if (!ids.length) return [];
  const unique = [...new Set(ids)];
  const rows: Attachment[] = await ctx.manager
    .createQueryBuilder(Attachment, 'a')
    .setLock('pessimistic_write')
    .where('a.id IN (:...ids) AND a.entity_id IS NULL', { ids: unique })
    .andWhere(ctx.principal.kind === 'system' ? 'TRUE' : 'a.uploaded_by_kind = :kind AND a.uploaded_by_id IS NOT DISTINCT FROM :by', { kind: ctx.principal.kind, by: ctx.principal.id })
    .getMany();
  const missing = unique.filter((id) => !rows.some((r) => r.id === id));
  if (missing.length) throw BadUserInputError.field(field, 'unclaimedUpload', `no unclaimed upload of yours with id ${missing.join(', ')}.`);
  await ctx.manager
    .createQueryBuilder()
    .update(Attachment)
    .set({ entityType: link.entityType, entityId: link.entityId, readPermission: link.readPermission, organizationId: link.organization.id, organizationPath: link.organization.path })
    .where('id IN (:...ids)', { ids: unique })
    .execute();
  return rows;
}

/** Advisory-lock class for `unclaimedBytes(…, { lock: true })`; the key inside it hashes the principal. */
const QUOTA_LOCK = 0x41_54_51_55; // "ATQU"

/**
 * Bytes of the principal's uploads that no record has claimed yet: what the upload quota counts.
 * With `lock` (inside a transaction) concurrent uploads of the same principal wait for each other
 * until it ends, so two of them cannot both fit under the quota that only one fits.
 */
export async function unclaimedBytes(manager: EntityManager, principal: Principal, options: { lock?: boolean } = {}): Promise<number> {
  if (options.lock) await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [QUOTA_LOCK, `${principal.kind}:${principal.id ?? ''}`]);
  const row: { bytes: string } | undefined = await manager
    .createQueryBuilder(Attachment, 'a')
    .select('coalesce(sum(a.size_bytes), 0)::bigint', 'bytes')
    .where('a.entity_id IS NULL AND a.uploaded_by_kind = :kind AND a.uploaded_by_id IS NOT DISTINCT FROM :by', { kind: principal.kind, by: principal.id })
    .getRawOne();
  return Number(row?.bytes ?? 0);
}

/** The attachments of many records of one type, one statement per request level. */
export function attachmentsOf(ctx: RequestContext, entityType: string): DataLoader<string, Attachment[]> {
  return ctx.loaders.get('kernel.attachments.byEntity', entityType, async (ids: readonly string[]) =>
    groupByKeys(
      ids,
      await ctx.manager.createQueryBuilder(Attachment, 'a').where('a.entity_type = :entityType AND a.entity_id IN (:...ids)', { entityType, ids }).orderBy('a.created_at').getMany(),
      (a) => a.entityId!,
    ),
  );
}

/** Whether the principal may download the file: its uploader while unclaimed, else by permission and scope. */
export function mayDownload(principal: Principal, a: Attachment): boolean {
  if (principal.kind === 'system') return true;
  if (!a.entityId) return principal.kind !== 'anonymous' && a.uploadedByKind === principal.kind && a.uploadedById === principal.id;
  const scope = scopeOf(principal, a.readPermission!);
  if (!scope) return false;
  if (scope.all) return true;
  const path = a.organizationPath ?? '';
  return scope.organizationIds.includes(a.organizationId!) || scope.subtreePaths.some((p) => path === p || path.startsWith(`${p}.`));
}
