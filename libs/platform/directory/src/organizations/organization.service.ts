import { randomUUID } from 'node:crypto';
import {
  type ArchiveInput,
  BadUserInputError,
  NotFoundError,
  locationColumns,
  archiveRecord,
  audit,
  containsPattern,
  diff,
  paginate,
  transaction,
  updateWithVersion,
  type ConnectionResult,
  type RequestContext,
} from '@platform/core';
import type { SelectQueryBuilder } from 'typeorm';
import { Organization } from './organization.entity';
import { EnterpriseProfile } from './enterprise-profile.entity';
import { IndustrySector } from '../sectors/industry-sector.entity';
import { assertReadablePerson } from '../persons/person-scope';
import { ALLOWED_PARENT_KINDS, OrganizationKind } from './organization-kind.enum';
import { isValidOrganizationCode } from './credit-code';
import type { CreateOrganizationInput, EnterpriseProfileInput, OrganizationFilter, OrganizationListArgs, UpdateOrganizationInput } from './organization.inputs';
import { organizationSortKeys } from './organization-sort';
import { organizationScope } from './organization-scope';
import { DirectoryPermission } from '../permissions';

/** ltree label of an organization: its id without hyphens. */
export const pathLabel = (id: string): string => id.replace(/-/g, '');

/** Limits a query over `organization` aliased `o` to what the caller may read. */
export function scopedOrganizations(ctx: RequestContext, permission: string = DirectoryPermission.OrganizationRead): SelectQueryBuilder<Organization> {
  const scope = organizationScope(ctx.principal, permission, 'o.path', 'o.id');
  return ctx.manager.createQueryBuilder(Organization, 'o').where(scope.sql, scope.params);
}

/** Applies an OrganizationFilter to a query over `organization` aliased `o`. */
export function applyOrganizationFilter(qb: SelectQueryBuilder<Organization>, filter: OrganizationFilter = {}): SelectQueryBuilder<Organization> {
  if (!filter.includeArchived) qb.andWhere('o.archived_at IS NULL');
  if (filter.kinds?.length) qb.andWhere('o.kind IN (:...kinds)', { kinds: filter.kinds });
  if (filter.parentId) qb.andWhere('o.parent_id = :parentId', { parentId: filter.parentId });
  if (filter.withinSubtreeOf) {
    qb.andWhere('o.path <@ (SELECT r.path FROM organization r WHERE r.id = :subtreeRoot)', { subtreeRoot: filter.withinSubtreeOf });
  }
  if (filter.search) {
    qb.andWhere('(o.name ILIKE :search OR o.short_name ILIKE :search OR o.code = :exactCode)', {
      search: containsPattern(filter.search),
      exactCode: filter.search.toUpperCase(),
    });
  }
  if (filter.sectorCodes?.length || filter.highRisk !== undefined) {
    const conds = ['ep.organization_id = o.id'];
    if (filter.sectorCodes?.length) conds.push('ep.sector_code IN (:...sectorCodes)');
    if (filter.highRisk !== undefined) conds.push('ep.high_risk = :highRisk');
    qb.andWhere(`EXISTS (SELECT 1 FROM enterprise_profile ep WHERE ${conds.join(' AND ')})`, {
      sectorCodes: filter.sectorCodes,
      highRisk: filter.highRisk,
    });
  }
  return qb;
}

export class OrganizationService {
  list(ctx: RequestContext, args: OrganizationListArgs, withCount: boolean): Promise<ConnectionResult<Organization>> {
    const qb = applyOrganizationFilter(scopedOrganizations(ctx), args.filter);
    return paginate(qb, args, organizationSortKeys('o', args.orderBy?.field, args.orderBy?.direction), withCount);
  }

  /** Ancestors from the root down to the parent, in one statement over the path. */
  async ancestors(ctx: RequestContext, org: Organization): Promise<Organization[]> {
    return scopedOrganizations(ctx)
      .andWhere('o.path @> :path AND o.id <> :id', { path: org.path, id: org.id })
      .orderBy('o.depth', 'ASC')
      .getMany();
  }

  /** Descendants (the whole subtree below `org`) as a connection, one statement per page. */
  descendants(ctx: RequestContext, org: Organization, args: OrganizationListArgs, withCount: boolean): Promise<ConnectionResult<Organization>> {
    const qb = applyOrganizationFilter(scopedOrganizations(ctx), args.filter).andWhere('o.path <@ :root AND o.id <> :rootId', {
      root: org.path,
      rootId: org.id,
    });
    return paginate(qb, args, organizationSortKeys('o', args.orderBy?.field, args.orderBy?.direction), withCount);
  }

  /** An organization the caller may change; out of scope answers NOT_FOUND, like a missing one. */
  async getOrFail(ctx: RequestContext, id: string, lock = false): Promise<Organization> {
    const qb = scopedOrganizations(ctx, DirectoryPermission.OrganizationWrite).andWhere('o.id = :id', { id });
    if (lock) qb.setLock('pessimistic_write');
    const org = await qb.getOne();
    if (!org) throw new NotFoundError('Organization', id);
    return org;
  }

  async create(ctx: RequestContext, input: CreateOrganizationInput): Promise<Organization> {
    return transaction(ctx, async (tx) => {
      this.checkCode(input.code);
      const parent = await this.checkParent(tx, input.kind, input.parentId ?? null, 'input.parentId');
      if (input.kind === OrganizationKind.ENTERPRISE && !input.enterprise) {
        throw BadUserInputError.field('input.enterprise', 'required', 'an enterprise needs its profile (at least sectorCode).');
      }
      if (input.kind !== OrganizationKind.ENTERPRISE && input.enterprise) {
        throw BadUserInputError.field('input.enterprise', 'forbidden', `only kind ENTERPRISE has an enterprise profile, not ${input.kind}.`);
      }
      // The id is known before the insert because the materialized path contains it.
      const id = randomUUID();
      const org = tx.manager.create(Organization, {
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
        contacts: (input.contacts ?? []).map((c) => ({ name: c.name, role: c.role ?? null, phone: c.phone })),
        archivedAt: null,
      });
      await tx.manager.insert(Organization, org);
      if (input.enterprise) await this.saveProfile(tx, id, input.enterprise);
      const created = await this.getOrFail(tx, id);
      await audit(tx, { action: 'directory.organization.create', entityType: 'Organization', entityId: id, changes: { ...input } });
      await tx.emit('directory.organization.created', { id, kind: created.kind, parentId: created.parentId });
      return created;
    });
  }

  async update(ctx: RequestContext, input: UpdateOrganizationInput): Promise<Organization> {
    return transaction(ctx, async (tx) => {
      const current = await this.getOrFail(tx, input.id, true);
      if (input.code !== undefined) this.checkCode(input.code);
      const patch: Partial<Organization> = {};
      if (input.name !== undefined) patch.name = input.name;
      if (input.shortName !== undefined) patch.shortName = input.shortName;
      if (input.code !== undefined) patch.code = input.code;
      if (input.address !== undefined) patch.address = input.address;
      if (input.location !== undefined) Object.assign(patch, locationColumns(input.location));
      if (input.contacts !== undefined) patch.contacts = (input.contacts ?? []).map((c) => ({ name: c.name, role: c.role ?? null, phone: c.phone }));
      const moving = input.parentId !== undefined && input.parentId !== current.parentId;
      if (moving) {
        const parent = await this.checkParent(tx, current.kind, input.parentId!, 'input.parentId');
        if (parent && (parent.path === current.path || parent.path.startsWith(`${current.path}.`))) {
          throw BadUserInputError.field('input.parentId', 'noCycle', 'the new parent is the organization itself or one of its descendants.');
        }
        patch.parentId = parent!.id;
        patch.path = `${parent!.path}.${pathLabel(current.id)}`;
        patch.depth = parent!.depth + 1;
      }
      if (input.enterprise && current.kind !== OrganizationKind.ENTERPRISE) {
        throw BadUserInputError.field('input.enterprise', 'forbidden', `only kind ENTERPRISE has an enterprise profile, not ${current.kind}.`);
      }
      const updated = await updateWithVersion(tx, Organization, 'Organization', input.id, input.version, patch);
      if (moving) {
        // Re-root the whole subtree below the moved organization in one statement.
        await tx.manager.query(
          `UPDATE organization SET path = $1::ltree || subpath(path, nlevel($2::ltree)), depth = nlevel($1::ltree || subpath(path, nlevel($2::ltree))) - 1, updated_at = now()
           WHERE path <@ $2::ltree AND id <> $3`,
          [updated.path, current.path, current.id],
        );
      }
      if (input.enterprise) await this.saveProfile(tx, current.id, input.enterprise);
      await audit(tx, { action: 'directory.organization.update', entityType: 'Organization', entityId: current.id, changes: { ...diff(current, updated), ...(input.enterprise ? { enterprise: input.enterprise } : {}) } });
      await tx.emit('directory.organization.updated', { id: current.id, moved: moving });
      return updated;
    });
  }

  async archive(ctx: RequestContext, input: ArchiveInput): Promise<Organization> {
    return transaction(ctx, async (tx) => {
      const current = await this.getOrFail(tx, input.id, true);
      if (current.archivedAt) throw BadUserInputError.field('input.id', 'notArchived', 'the organization is already archived.');
      const active = await tx.manager
        .createQueryBuilder(Organization, 'o')
        .where('o.parent_id = :id AND o.archived_at IS NULL', { id: current.id })
        .getCount();
      if (active > 0) throw BadUserInputError.field('input.id', 'noActiveChildren', `the organization still has ${active} active child organization(s); move or archive them first.`);
      return archiveRecord(tx, Organization, 'Organization', current, input.version, { action: 'directory.organization.archive', event: 'directory.organization.archived' });
    });
  }

  private checkCode(code: string | null | undefined): void {
    if (code && !isValidOrganizationCode(code)) {
      throw BadUserInputError.field('input.code', 'checkDigit', 'the unified social credit code has a wrong check character (GB 32100-2015).');
    }
  }

  /** The parent must exist, be active and be of a kind allowed above `kind`. */
  private async checkParent(ctx: RequestContext, kind: OrganizationKind, parentId: string | null, field: string): Promise<Organization | null> {
    const allowed = ALLOWED_PARENT_KINDS[kind];
    if (!parentId) {
      if (allowed.length) throw BadUserInputError.field(field, 'required', `a ${kind} needs a parent organization.`);
      const root = await ctx.manager.createQueryBuilder(Organization, 'o').where('o.parent_id IS NULL AND o.archived_at IS NULL').getCount();
      if (root > 0) throw BadUserInputError.field('input.kind', 'singleRoot', 'the directory already has its town government.');
      return null;
    }
    if (!allowed.length) throw BadUserInputError.field(field, 'forbidden', `a ${kind} is the root and has no parent.`);
    const parent = await scopedOrganizations(ctx, DirectoryPermission.OrganizationWrite).andWhere('o.id = :parentId', { parentId }).getOne();
    if (!parent || parent.archivedAt) throw BadUserInputError.field(field, 'exists', `no active organization ${parentId}.`);
    if (!allowed.includes(parent.kind)) {
      throw BadUserInputError.field(field, 'parentKind', `a ${kind} cannot be placed under a ${parent.kind} (allowed: ${allowed.join(', ')}).`);
    }
    return parent;
  }

  private async saveProfile(ctx: RequestContext, organizationId: string, input: EnterpriseProfileInput): Promise<void> {
    const sector = await ctx.manager.findOneBy(IndustrySector, { code: input.sectorCode });
    if (!sector) throw BadUserInputError.field('input.enterprise.sectorCode', 'exists', `unknown industry sector ${input.sectorCode}.`);
    if (input.safetyManagerId) {
      // Re-sending the manager already on file is no new reference.
      const current = await ctx.manager.findOneBy(EnterpriseProfile, { organizationId });
      if (current?.safetyManagerId !== input.safetyManagerId) await assertReadablePerson(ctx, input.safetyManagerId, 'input.enterprise.safetyManagerId');
    }
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
