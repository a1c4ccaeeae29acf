import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '@platform/core';
import { EnterpriseProfile } from './enterprise-profile.entity';
import { IndustrySector } from '../sectors/industry-sector.entity';
import { industrySectorByCode } from './organization.loaders';

@Resolver(() => EnterpriseProfile)
export class EnterpriseProfileResolver {
  @FieldResolver(() => IndustrySector, { description: '行业类别。The industry sector.' })
  async sector(@Ctx() ctx: RequestContext, @Root() profile: EnterpriseProfile): Promise<IndustrySector> {
    return (await industrySectorByCode(ctx).load(profile.sectorCode))!;
  }
}
