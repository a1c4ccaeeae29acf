import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { ReadsColumns, ReadsRelation, RequirePermission, type RequestContext } from '@platform/core';
import { EnterpriseProfile } from './enterprise-profile.entity';
import { Organization } from './organization.entity';
import { IndustrySector } from '../sectors/industry-sector.entity';
import { OrganizationReference, industrySectorByCode, organizationById } from './organization.loaders';
import { DirectoryPermission } from '../permissions';

@Resolver(() => EnterpriseProfile)
export class EnterpriseProfileResolver {
  @FieldResolver(() => IndustrySector, { description: '行业类别。The industry sector.' })
  async sector(@Ctx() ctx: RequestContext, @Root() profile: EnterpriseProfile): Promise<IndustrySector> {
    return (await industrySectorByCode(ctx).load(profile.sectorCode))!;
  }

  @FieldResolver(() => Organization, { nullable: true, description: '企业。The enterprise the profile describes (needs directory.organization:read); null when it is outside your scope.' })
  @RequirePermission(DirectoryPermission.OrganizationRead)
  @ReadsColumns('organizationId')
  @ReadsRelation(OrganizationReference, 'organizationId')
  organization(@Ctx() ctx: RequestContext, @Root() profile: EnterpriseProfile): Promise<Organization | null> {
    return organizationById(ctx).load(profile.organizationId);
  }
}
