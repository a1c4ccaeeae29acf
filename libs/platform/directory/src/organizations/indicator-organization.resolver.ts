import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { IndicatorValue, type RequestContext } from '@platform/core';
import { Organization } from './organization.entity';
import { organizationById } from './organization.loaders';

/** The organization next to an indicator value's `organizationId` (the kernel's indicators know organizations only by id). */
@Resolver(() => IndicatorValue)
export class IndicatorValueOrganizationResolver {
  @FieldResolver(() => Organization, { nullable: true, description: '组织。The organization the value is for; null when you may not read it.' })
  organization(@Ctx() ctx: RequestContext, @Root() v: IndicatorValue): Promise<Organization | null> {
    return organizationById(ctx).load(v.organizationId);
  }
}
