import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { ArchiveInput, Connection, GeoPoint, ReadsRelation, RequirePermission, UUIDScalar, selectsCursor, selectsField, type ConnectionResult, type RequestContext } from '@platform/core';
import { Organization } from './organization.entity';
import { EnterpriseProfile } from './enterprise-profile.entity';
import { ChildOrganizationArgs, CreateOrganizationInput, OrganizationListArgs, UpdateOrganizationInput } from './organization.inputs';
import { OrganizationService } from './organization.service';
import { ChildOrganizations, OrganizationReference, enterpriseProfileByOrganization, organizationById } from './organization.loaders';
import { DirectoryPermission } from '../permissions';

export const OrganizationConnection = Connection(Organization, '组织机构');

@Resolver(() => Organization)
export class OrganizationResolver {
  private readonly service = new OrganizationService();

  @Query(() => Organization, { nullable: true, description: '组织详情。One organization by id; null when there is none.' })
  @RequirePermission(DirectoryPermission.OrganizationRead)
  organization(@Ctx() ctx: RequestContext, @Arg('id', () => UUIDScalar, { description: '标识。Organization id.' }) id: string): Promise<Organization | null> {
    return organizationById(ctx).load(id);
  }

  @Query(() => OrganizationConnection, { description: '组织列表。Organizations matching a filter, in pages.' })
  @RequirePermission(DirectoryPermission.OrganizationRead)
  organizations(@Ctx() ctx: RequestContext, @Args(() => OrganizationListArgs) args: OrganizationListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<Organization>> {
    return this.service.list(ctx, args, selectsField(info, 'totalCount'), selectsCursor(info));
  }

  @Mutation(() => Organization, { description: '新建组织。Creates an organization under a parent (an enterprise with its profile).' })
  @RequirePermission(DirectoryPermission.OrganizationWrite)
  createOrganization(@Ctx() ctx: RequestContext, @Arg('input', () => CreateOrganizationInput, { description: '输入。The fields of the request.' }) input: CreateOrganizationInput): Promise<Organization> {
    return this.service.create(ctx, input);
  }

  @Mutation(() => Organization, { description: '修改组织。Changes an organization; a new parentId moves it with its subtree. Needs the current version.' })
  @RequirePermission(DirectoryPermission.OrganizationWrite)
  updateOrganization(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateOrganizationInput, { description: '输入。The fields of the request.' }) input: UpdateOrganizationInput): Promise<Organization> {
    return this.service.update(ctx, input);
  }

  @Mutation(() => Organization, { description: '归档组织。Archives an organization that has no active children; its records are kept.' })
  @RequirePermission(DirectoryPermission.OrganizationWrite)
  archiveOrganization(@Ctx() ctx: RequestContext, @Arg('input', () => ArchiveInput, { description: '输入。The fields of the request.' }) input: ArchiveInput): Promise<Organization> {
    return this.service.archive(ctx, input);
  }

  @FieldResolver(() => Organization, { nullable: true, description: '上级组织。The parent organization; null for the town government.' })
  @ReadsRelation(OrganizationReference, 'parentId')
  parent(@Ctx() ctx: RequestContext, @Root() org: Organization): Promise<Organization | null> | null {
    return org.parentId ? organizationById(ctx).load(org.parentId) : null;
  }

  @FieldResolver(() => OrganizationConnection, { description: '下级组织。Active direct children, by name.' })
  @ReadsRelation(ChildOrganizations)
  children(@Ctx() ctx: RequestContext, @Root() org: Organization, @Args(() => ChildOrganizationArgs) args: ChildOrganizationArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<Organization>> {
    return ChildOrganizations.load(ctx, org.id, args, info);
  }

  @FieldResolver(() => [Organization], { description: '上级链。All ancestors from the town government down to the parent.' })
  ancestors(@Ctx() ctx: RequestContext, @Root() org: Organization): Promise<Organization[]> {
    return this.service.ancestors(ctx, org);
  }

  @FieldResolver(() => OrganizationConnection, { description: '全部下级。The whole subtree below this organization, filtered and paged, in one SQL statement.' })
  descendants(
    @Ctx() ctx: RequestContext,
    @Root() org: Organization,
    @Args(() => OrganizationListArgs) args: OrganizationListArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionResult<Organization>> {
    return this.service.descendants(ctx, org, args, selectsField(info, 'totalCount'));
  }

  @FieldResolver(() => EnterpriseProfile, { nullable: true, description: '企业档案。The enterprise profile; null for other kinds.' })
  enterprise(@Ctx() ctx: RequestContext, @Root() org: Organization): Promise<EnterpriseProfile | null> | null {
    return org.kind === 'ENTERPRISE' ? enterpriseProfileByOrganization(ctx).load(org.id) : null;
  }

  @FieldResolver(() => GeoPoint, { nullable: true, description: '位置。Location (WGS 84), with GeoJSON for maps; null when unknown.' })
  location(@Root() org: Organization): GeoPoint | null {
    return GeoPoint.of(org.longitude, org.latitude);
  }
}
