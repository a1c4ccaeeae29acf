import { records, sql, type ConnectionResult, type PageRequest, type RequestContext } from '@platform/core';
import type DataLoader from 'dataloader';
import type { Organization } from './organization.entity';
import type { EnterpriseProfile } from './enterprise-profile.entity';
import type { IndustrySector } from '../sectors/industry-sector.entity';
import type { OrganizationKind } from './organization-kind.enum';
import { BY_NAME, OrganizationOrder } from './organization-sort';
import { EnterpriseProfiles, IndustrySectors, Organizations } from '../directory.entities';

/** Organizations by id; one the caller may not read loads as null (as if it did not exist). */
export function organizationById(ctx: RequestContext): DataLoader<string, Organization | null> {
  return ctx.loaders.get('directory.organization.byId', undefined, (ids: readonly string[]) => records(ctx, Organizations).many(ids));
}

/** Enterprise profiles by their organization's id, within the caller's organization read scope (that of the organization they belong to). */
export function enterpriseProfileByOrganization(ctx: RequestContext): DataLoader<string, EnterpriseProfile | null> {
  return ctx.loaders.get('directory.enterpriseProfile.byOrganization', undefined, (ids: readonly string[]) => records(ctx, EnterpriseProfiles).many(ids));
}

export function industrySectorByCode(ctx: RequestContext): DataLoader<string, IndustrySector | null> {
  return ctx.loaders.get('directory.industrySector.byCode', undefined, (codes: readonly string[]) => records(ctx, IndustrySectors).many(codes));
}

/** A page of active children per parent, all parents of one request level in one statement. */
export function childOrganizationPages(ctx: RequestContext, page: PageRequest, kinds?: OrganizationKind[]): DataLoader<string, ConnectionResult<Organization>> {
  return ctx.loaders.get('directory.organization.children', { ...page, kinds }, async (parentIds: readonly string[]) => {
    const active = records(ctx, Organizations).where(sql`t.archived_at IS NULL`);
    const pages = await (kinds?.length ? active.where(sql`t.kind = ANY(${kinds})`) : active).byParent('parent_id', parentIds, { keys: OrganizationOrder.keys(BY_NAME), page });
    return parentIds.map((id) => pages.get(id)!);
  });
}
