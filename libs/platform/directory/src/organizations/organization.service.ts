import { randomUUID } from 'node:crypto';
import {
  type ArchiveInput,
  NotFoundError,
  SortDirection,
  archiveRecord,
  containsPattern,
  createRecord,
  diff,
  isChangeFeed,
  locationColumns,
  recordEvent,
  records,
  sentFields,
  sql,
  transaction,
  unscoped,
  updateRecord,
  whereChanged,
  whereLocated,
  type ConnectionResult,
  type Patch,
  type Records,
  type RequestContext,
  type SortKey,
} from '@platform/core';
import { Organization } from './organization.entity';
import { EnterpriseProfile } from './enterprise-profile.entity';
import { ALLOWED_PARENT_KINDS, OrganizationKind } from './organization-kind.enum';
import { isValidOrganizationCode } from './credit-code';
import type { CreateOrganizationInput, EnterpriseProfileInput, OrganizationFilter, OrganizationListArgs, UpdateOrganizationInput } from './organization.inputs';
import { OrganizationOrder } from './organization-sort';
import { withinSubtree } from './organization-scope';
import { reRootSubtree } from './organization-tree.sql';
import { EnterpriseProfiles, IndustrySectors, Organizations, Persons } from '../directory.entities';
import { DirectoryPermission } from '../permissions';
import { directoryEvents } from '../directory.events';
import { directoryRules } from '../directory.rules';

/** ltree label of an organization: its id without hyphens. */
export const pathLabel = (id: string): string => id.replace(/-/g, '');

/** Ancestors root first: depth is unique along a path. */
const BY_DEPTH: readonly SortKey<Organization>[] = [{ column: 't.depth', direction: SortDirection.ASC }];

/** Narrows organizations (alias `t`) by an OrganizationFilter; a change feed lists the archived too (tombstones) unless `includeArchived: false` is sent. */
export function filterOrganizations(orgs: Records<Organization>, filter: OrganizationFilter | null = null): Records<Organization> {
  filter ??= {};
  let out = whereChanged(orgs, filter);
  if (!(filter.includeArchived ?? isChangeFeed(filter))) out = out.where(sql`t.archived_at IS NULL`);
  if (filter.kinds?.length) out = out.where(sql`t.kind = ANY(${filter.kinds})`);
  if (filter.parentId) out = out.where(sql`t.parent_id = ${filter.parentId}`);
  if (filter.withinSubtreeOf) out = out.where(withinSubtree('t.path', filter.withinSubtreeOf));
  out = whereLocated(out, filter);
  if (filter.search) {
    const pattern = containsPattern(filter.search);
    out = out.where(sql`t.name ILIKE ${pattern} OR t.short_name ILIKE ${pattern} OR t.code = ${filter.search.toUpperCase()}`);
  }
  if (filter.sectorCodes?.length || filter.highRisk != null) {
    const sector = filter.sectorCodes?.length ? sql` AND ep.sector_code = ANY(${filter.sectorCodes})` : sql``;
    const highRisk = filter.highRisk != null ? sql` AND ep.high_risk = ${filter.highRisk}` : sql``;
    out = out.where(sql`EXISTS (SELECT 1 FROM enterprise_profile ep WHERE ep.organization_id = t.id${sector}${highRisk})`);
  }
  return out;
}

/** Organizations the caller may change: out of scope answers NOT_FOUND, like a missing one. */
const writable = (ctx: RequestContext): Records<Organization> => records(ctx, Organizations, DirectoryPermission.OrganizationWrite);

const contactColumns = (contacts: CreateOrganizationInput['contacts']): Organization['contacts'] => (contacts ?? []).map((c) => ({ name: c.name, role: c.role ?? null, phone: c.phone }));

export class OrganizationService {
  list(ctx: RequestContext, args: OrganizationListArgs, withCount: boolean, withCursors = true): Promise<ConnectionResult<Organization>> {
    const page = { first: args.first, after: args.after, last: args.last, before: args.before, withCursors };
    return filterOrganizations(records(ctx, Organizations), args.filter).page({ keys: OrganizationOrder.keys(args.orderBy), page, withCount });
  }

  /** Ancestors from the root down to the parent, in one statement over the path (there are `depth` of them). */
  ancestors(ctx: RequestContext, org: Organization): Promise<Organization[]> {
    return records(ctx, Organizations)
      .where(sql`t.path @> ${org.path} AND t.id <> ${org.id}`)
      .list({ keys: BY_DEPTH, limit: org.depth });
  }

  /** Descendants (the whole subtree below `org`) as a connection, one statement per page. */
  descendants(ctx: RequestContext, org: Organization, args: OrganizationListArgs, withCount: boolean): Promise<ConnectionResult<Organization>> {
    return filterOrganizations(records(ctx, Organizations), args.filter)
      .where(sql`t.path <@ ${org.path} AND t.id <> ${org.id}`)
      .page({ keys: OrganizationOrder.keys(args.orderBy), page: args, withCount });
  }

  async create(ctx: RequestContext, input: CreateOrganizationInput): Promise<Organization> {
    return transaction(ctx, async (tx) => {
      this.checkCode(input.code);
      const parent = await this.checkParent(tx, input.kind, input.parentId ?? null, 'input.parentId');
      if (input.kind === OrganizationKind.ENTERPRISE && !input.enterprise) {
        throw directoryRules.field('input.enterprise', 'required', 'an enterprise needs its profile (at least sectorCode).');
      }
      if (input.kind !== OrganizationKind.ENTERPRISE && input.enterprise) {
        throw directoryRules.field('input.enterprise', 'forbidden', `only kind ENTERPRISE has an enterprise profile, not ${input.kind}.`);
      }
      // The id is known before the insert because the materialized path contains it.
      const id = randomUUID();
      const created = await createRecord(
        tx,
        Organization,
        'Organization',
        {
          id,
          kind: input.kind,
          name: input.name,
          shortName: input.shortName ?? null,
          code: input.code ?? null,
          parentId: parent?.id ?? null,
          path: parent ? `${parent.path}.${pathLabel(id)}` : pathLabel(id),
          depth: parent ? parent.depth + 1 : 0,
          address: input.address ?? null,
          ...locationColumns(input.location),
          contacts: contactColumns(input.contacts),
          archivedAt: null,
        },
        { action: 'directory.organization.create', changes: { ...input }, ...recordEvent(directoryEvents['directory.organization.created'], (o: Organization) => ({ id, kind: o.kind, parentId: o.parentId })) },
      );
      if (input.enterprise) await this.saveProfile(tx, id, input.enterprise);
      // The new organization itself must lie where the caller may write: a grant of one's own
      // organization only (OWN_ORG) covers the parent, not a child created below it.
      if (!(await writable(tx).exists(id))) throw new NotFoundError('Organization', id);
      return created;
    });
  }

  async update(ctx: RequestContext, input: UpdateOrganizationInput): Promise<Organization> {
    return transaction(ctx, async (tx) => {
      const current = await writable(tx).lock(input.id);
      if (input.code !== undefined) this.checkCode(input.code);
      const patch: Patch<Organization> = sentFields(input, ['name', 'shortName', 'code', 'address']);
      if (input.location !== undefined) Object.assign(patch, locationColumns(input.location));
      if (input.contacts !== undefined) patch.contacts = contactColumns(input.contacts);
      const moving = input.parentId !== undefined && input.parentId !== current.parentId;
      if (moving) {
        const parent = await this.checkParent(tx, current.kind, input.parentId!, 'input.parentId');
        if (parent && (parent.path === current.path || parent.path.startsWith(`${current.path}.`))) {
          throw directoryRules.field('input.parentId', 'noCycle', 'the new parent is the organization itself or one of its descendants.');
        }
        patch.parentId = parent!.id;
        patch.path = `${parent!.path}.${pathLabel(current.id)}`;
        patch.depth = parent!.depth + 1;
      }
      if (input.enterprise && current.kind !== OrganizationKind.ENTERPRISE) {
        throw directoryRules.field('input.enterprise', 'forbidden', `only kind ENTERPRISE has an enterprise profile, not ${current.kind}.`);
      }
      const updated = await updateRecord(tx, Organization, 'Organization', current, input.version, patch, {
        action: 'directory.organization.update',
        changes: (u) => ({ ...diff(current, u), ...(input.enterprise ? { enterprise: input.enterprise } : {}) }),
        ...recordEvent(directoryEvents['directory.organization.updated'], { id: current.id, moved: moving }),
      });
      if (moving) await reRootSubtree(tx, { id: current.id, oldPath: current.path, newPath: updated.path });
      if (input.enterprise) await this.saveProfile(tx, current.id, input.enterprise);
      return updated;
    });
  }

  async archive(ctx: RequestContext, input: ArchiveInput): Promise<Organization> {
    return transaction(ctx, async (tx) => {
      const current = await writable(tx).lock(input.id);
      if (current.archivedAt) throw directoryRules.field('input.id', 'notArchived', 'the organization is already archived.');
      const active = await unscoped(tx, Organizations, 'active children keep an organization from being archived, also those outside the caller\'s scope')
        .where(sql`t.parent_id = ${current.id} AND t.archived_at IS NULL`)
        .count();
      if (active > 0) throw directoryRules.field('input.id', 'noActiveChildren', `the organization still has ${active} active child organization(s); move or archive them first.`);
      return archiveRecord(tx, Organization, 'Organization', current, input.version, { action: 'directory.organization.archive', ...recordEvent(directoryEvents['directory.organization.archived'], { id: current.id }) });
    });
  }

  private checkCode(code: string | null | undefined): void {
    if (code && !isValidOrganizationCode(code)) {
      throw directoryRules.field('input.code', 'checkDigit', 'the unified social credit code has a wrong check character (GB 32100-2015).');
    }
  }

  /** The parent must exist, be active, be one the caller may write and be of a kind allowed above `kind`. */
  private async checkParent(ctx: RequestContext, kind: OrganizationKind, parentId: string | null, field: string): Promise<Organization | null> {
    const allowed = ALLOWED_PARENT_KINDS[kind];
    if (!parentId) {
      if (allowed.length) throw directoryRules.field(field, 'required', `a ${kind} needs a parent organization.`);
      const root = await unscoped(ctx, Organizations, 'the directory has a single root, wherever the caller may write').where(sql`t.parent_id IS NULL AND t.archived_at IS NULL`).count();
      if (root > 0) throw directoryRules.field('input.kind', 'singleRoot', 'the directory already has its town government.');
      return null;
    }
    if (!allowed.length) throw directoryRules.field(field, 'forbidden', `a ${kind} is the root and has no parent.`);
    const parent = await writable(ctx).reference(parentId, field);
    if (!allowed.includes(parent.kind)) {
      throw directoryRules.field(field, 'parentKind', `a ${kind} cannot be placed under a ${parent.kind} (allowed: ${allowed.join(', ')}).`);
    }
    return parent;
  }

  private async saveProfile(ctx: RequestContext, organizationId: string, input: EnterpriseProfileInput): Promise<void> {
    const sector = await records(ctx, IndustrySectors).one(input.sectorCode);
    if (!sector) throw directoryRules.field('input.enterprise.sectorCode', 'exists', `unknown industry sector ${input.sectorCode}.`);
    if (input.safetyManagerId) {
      // Re-sending the manager already on file is no new reference.
      const current = await records(ctx, EnterpriseProfiles, DirectoryPermission.OrganizationWrite).one(organizationId, ['safetyManagerId']);
      if (current?.safetyManagerId !== input.safetyManagerId) await records(ctx, Persons).reference(input.safetyManagerId, 'input.enterprise.safetyManagerId');
    }
    // One profile per enterprise, created with it or replaced; audited as part of the organization's change.
    await ctx.manager.upsert(
      EnterpriseProfile,
      {
        organizationId,
        sectorCode: sector.code,
        highRisk: input.highRisk ?? sector.highRisk,
        employeeCount: input.employeeCount ?? null,
        legalRepresentative: input.legalRepresentative ?? null,
        safetyManagerId: input.safetyManagerId ?? null,
        businessScope: input.businessScope ?? null,
      },
      ['organizationId'],
    );
  }
}
