import { byKeys, pagesByParent, type ConnectionResult, type PageRequest, type RequestContext } from '@platform/core';
import type DataLoader from 'dataloader';
import { In } from 'typeorm';
import { Organization } from './organization.entity';
import { EnterpriseProfile } from './enterprise-profile.entity';
import { IndustrySector } from '../sectors/industry-sector.entity';
import type { OrganizationKind } from './organization-kind.enum';
import { OrganizationSortField, organizationSortKeys } from './organization-sort';
import { organizationScope } from './organization-scope';
import { scopedOrganizations } from './organization.service';
import { DirectoryPermission } from '../permissions';

/** Organizations by id; one the caller may not read loads as null (as if it did not exist). */
export function organizationById(ctx: RequestContext): DataLoader<string, Organization | null> {
  return ctx.loaders.get('directory.organization.byId', undefined, async (ids: readonly string[]) =>
    byKeys(ids, await scopedOrganizations(ctx).andWhere('o.id IN (:...ids)', { ids }).getMany(), (o) => o.id),
  );
}

export function enterpriseProfileByOrganization(ctx: RequestContext): DataLoader<string, EnterpriseProfile | null> {
  return ctx.loaders.get('directory.enterpriseProfile.byOrganization', undefined, async (ids: readonly string[]) =>
    byKeys(ids, await ctx.manager.findBy(EnterpriseProfile, { organizationId: In([...ids]) }), (p) => p.organizationId),
  );
}

export function industrySectorByCode(ctx: RequestContext): DataLoader<string, IndustrySector | null> {
  return ctx.loaders.get('directory.industrySector.byCode', undefined, async (codes: readonly string[]) =>
    byKeys(codes, await ctx.manager.findBy(IndustrySector, { code: In([...codes]) }), (s) => s.code),
  );
}

/** A page of active children per parent, all parents of one request level in one statement. */
export function childOrganizationPages(ctx: RequestContext, page: PageRequest, kinds?: OrganizationKind[]): DataLoader<string, ConnectionResult<Organization>> {
  return ctx.loaders.get('directory.organization.children', { ...page, kinds }, async (parentIds: readonly string[]) => {
    const scope = organizationScope(ctx.principal, DirectoryPermission.OrganizationRead, 't.path', 't.id');
    const pages = await pagesByParent({
      manager: ctx.manager,
      entity: Organization,
      table: 'organization',
      parentColumn: 'parent_id',
      parentIds,
      where: `t.archived_at IS NULL AND ${scope.sql}${kinds?.length ? ' AND t.kind = ANY(:kinds)' : ''}`,
      params: { kinds, ...scope.params },
      keys: organizationSortKeys('t', OrganizationSortField.NAME),
      page,
    });
    return parentIds.map((id) => pages.get(id)!);
  });
}
