import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Connection, GeoJSONLineStringScalar, ReadsColumns, ReadsRelation, RequirePermission, selectedProperties, selectsField, type ConnectionResult, type RequestContext } from '@platform/core';
import { Organization, OrganizationReference, organizationById } from '@platform/directory';
import { LinearFeatureSection } from './linear-section.entity';
import { CreateLinearFeatureSectionInput, LinearFeatureSectionListArgs, UpdateLinearFeatureSectionInput } from './linear-section.inputs';
import { LinearSectionService } from './linear-section.service';
import { RegistriesPermission } from './registries.permissions';

export const LinearFeatureSectionConnection = Connection(LinearFeatureSection, '沿线责任段');
const input = { description: '输入。The fields of the request.' };
const NODE = ['edges', 'node'] as const;
const KEY_PROPERTIES = ['kind', 'name'];

@Resolver(() => LinearFeatureSection)
export class LinearFeatureSectionResolver {
  private readonly service = new LinearSectionService();

  @Query(() => LinearFeatureSectionConnection, { description: '沿线灾害防治责任。Road, railway and reservoir-bank sections in your scope (sections without a responsible organization only in a town-wide scope), by kind and name; `filter.unassigned: true` lists those missing a responsible organization or department.' })
  @RequirePermission(RegistriesPermission.Read)
  linearFeatureSections(@Ctx() ctx: RequestContext, @Args(() => LinearFeatureSectionListArgs) args: LinearFeatureSectionListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<LinearFeatureSection>> {
    return this.service.list(ctx, args, selectsField(info, 'totalCount'), selectedProperties(ctx.manager, LinearFeatureSection, info, NODE, KEY_PROPERTIES));
  }

  @FieldResolver(() => GeoJSONLineStringScalar, { description: '线位。The section\'s line as a GeoJSON LineString (RFC 7946, WGS 84): { "type": "LineString", "coordinates": [[longitude, latitude], …] }.' })
  @ReadsColumns('geometry')
  geometry(@Root() s: LinearFeatureSection): Record<string, unknown> {
    return { type: s.geometry.type, coordinates: s.geometry.coordinates };
  }

  @FieldResolver(() => Organization, { nullable: true, description: '责任单位。The organization responsible; null when none is named or you may not read it.' })
  @ReadsColumns('responsibleOrganizationId')
  @ReadsRelation(OrganizationReference, 'responsibleOrganizationId')
  responsibleOrganization(@Ctx() ctx: RequestContext, @Root() s: LinearFeatureSection): Promise<Organization | null> {
    return s.responsibleOrganizationId ? organizationById(ctx).load(s.responsibleOrganizationId) : Promise.resolve(null);
  }

  @FieldResolver(() => Organization, { nullable: true, description: '责任部门。The department responsible; null when none is named or you may not read it.' })
  @ReadsColumns('responsibleDepartmentId')
  @ReadsRelation(OrganizationReference, 'responsibleDepartmentId')
  responsibleDepartment(@Ctx() ctx: RequestContext, @Root() s: LinearFeatureSection): Promise<Organization | null> {
    return s.responsibleDepartmentId ? organizationById(ctx).load(s.responsibleDepartmentId) : Promise.resolve(null);
  }

  @Mutation(() => LinearFeatureSection, { description: '登记沿线责任段。Registers a road, railway or reservoir-bank section (GeoJSON LineString) with the organization and department responsible; either may be left out (a gap).' })
  @RequirePermission(RegistriesPermission.SectionManage)
  createLinearFeatureSection(@Ctx() ctx: RequestContext, @Arg('input', () => CreateLinearFeatureSectionInput, input) data: CreateLinearFeatureSectionInput): Promise<LinearFeatureSection> {
    return this.service.create(ctx, data);
  }

  @Mutation(() => LinearFeatureSection, { description: '修改沿线责任段。Changes a section\'s name, line or who answers for it; needs the version you read.' })
  @RequirePermission(RegistriesPermission.SectionManage)
  updateLinearFeatureSection(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateLinearFeatureSectionInput, input) data: UpdateLinearFeatureSectionInput): Promise<LinearFeatureSection> {
    return this.service.update(ctx, data);
  }
}
