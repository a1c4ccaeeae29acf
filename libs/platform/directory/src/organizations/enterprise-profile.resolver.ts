import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { RequirePermission, type RequestContext } from '@platform/core';
import { DirectoryPermission } from '../permissions';
import { EnterpriseProfile } from './enterprise-profile.entity';
import { IndustrySector } from '../sectors/industry-sector.entity';
import { Person } from '../persons/person.entity';
import { industrySectorByCode } from './organization.loaders';
import { personById } from '../persons/person.loaders';

@Resolver(() => EnterpriseProfile)
export class EnterpriseProfileResolver {
  @FieldResolver(() => IndustrySector, { description: '行业类别。The industry sector.' })
  async sector(@Ctx() ctx: RequestContext, @Root() profile: EnterpriseProfile): Promise<IndustrySector> {
    return (await industrySectorByCode(ctx).load(profile.sectorCode))!;
  }

  @FieldResolver(() => Person, { nullable: true, description: '安全管理人员。The person responsible for safety management (needs directory.person:read; null outside your scope).' })
  @RequirePermission(DirectoryPermission.PersonRead)
  safetyManager(@Ctx() ctx: RequestContext, @Root() profile: EnterpriseProfile): Promise<Person | null> | null {
    return profile.safetyManagerId ? personById(ctx).load(profile.safetyManagerId) : null;
  }
}
