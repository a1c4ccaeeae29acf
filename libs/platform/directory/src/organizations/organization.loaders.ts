import { defineChildPages, defineReference, records, sql, type RequestContext } from '@platform/core';
import type DataLoader from 'dataloader';
import type { Organization } from './organization.entity';
import type { EnterpriseProfile } from './enterprise-profile.entity';
import type { IndustrySector } from '../sectors/industry-sector.entity';
import { ChildOrganizationArgs } from './organization.inputs';
import { BY_NAME, OrganizationOrder } from './organization-sort';
import { EnterpriseProfiles, IndustrySectors, Organizations } from '../directory.entities';

/** Organizations by id; one the caller may not read loads as null (as if it did not exist). */
export const OrganizationReference = defineReference(Organizations, 'directory.organization.byId');
export const organizationById = (ctx: RequestContext): DataLoader<string, Organization | null> => OrganizationReference.byId(ctx);

/** Enterprise profiles by their organization's id, within the caller's organization read scope (that of the organization they belong to). */
export function enterpriseProfileByOrganization(ctx: RequestContext): DataLoader<string, EnterpriseProfile | null> {
  return ctx.loaders.get('directory.enterpriseProfile.byOrganization', undefined, (ids: readonly string[]) => records(ctx, EnterpriseProfiles).many(ids));
}

export function industrySectorByCode(ctx: RequestContext): DataLoader<string, IndustrySector | null> {
  return ctx.loaders.get('directory.industrySector.byCode', undefined, (codes: readonly string[]) => records(ctx, IndustrySectors).many(codes));
}

/** The active children of an organization, by name, of the kinds asked for. */
export const ChildOrganizations = defineChildPages(Organizations, {
  name: 'directory.organization.children',
  parentColumn: 'parent_id',
  keys: OrganizationOrder.keys(BY_NAME),
  args: ChildOrganizationArgs,
  filterArgs: ['kinds'],
  where: (args) => [sql`t.archived_at IS NULL`, ...(args.kinds?.length ? [sql`t.kind = ANY(${args.kinds})`] : [])],
});
