import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Connection, ReadsColumns, ReadsRelation, RequirePermission, selectedProperties, selectsField, type ConnectionResult, type RequestContext } from '@platform/core';
import { Organization, OrganizationConnection, OrganizationReference, organizationById } from '@platform/directory';
import { NewBusinessFormat, SupervisionAssignment } from './supervision-map.entity';
import {
  AssignNewBusinessFormatInput,
  CreateSupervisionAssignmentInput,
  EndSupervisionAssignmentInput,
  NewBusinessFormatListArgs,
  RegisterNewBusinessFormatInput,
  SupervisionAssignmentListArgs,
  SupervisionGapArgs,
} from './supervision-map.inputs';
import { SupervisionMapService } from './supervision-map.service';
import { RegistriesPermission } from './registries.permissions';

export const SupervisionAssignmentConnection = Connection(SupervisionAssignment, '行业监管职责');
export const NewBusinessFormatConnection = Connection(NewBusinessFormat, '新兴业态');
const input = { description: '输入。The fields of the request.' };
const NODE = ['edges', 'node'] as const;
/** Properties the default orders read (besides the id). */
const ASSIGNMENT_KEYS = ['sectorCode', 'startedOn'];
const FORMAT_KEYS = ['status', 'reportedOn'];

@Resolver(() => SupervisionAssignment)
export class SupervisionAssignmentResolver {
  private readonly service = new SupervisionMapService();

  @Query(() => SupervisionAssignmentConnection, { description: '三管三必须监管职责。The supervision map: which department supervises which industry sector in which subtree; filter by department, sectors and active.' })
  @RequirePermission(RegistriesPermission.Read)
  supervisionAssignments(@Ctx() ctx: RequestContext, @Args(() => SupervisionAssignmentListArgs) args: SupervisionAssignmentListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<SupervisionAssignment>> {
    return this.service.listAssignments(ctx, args, selectsField(info, 'totalCount'), selectedProperties(ctx.manager, SupervisionAssignment, info, NODE, ASSIGNMENT_KEYS));
  }

  @Query(() => OrganizationConnection, {
    description:
      '监管空白。The active enterprises in your scope whose industry sector no active supervision assignment covers at their place in the tree (an assignment covers its subtree root and everything below it), in tree order; the new formats pending a decision are `newBusinessFormats(filter: { statuses: [PENDING] })`.',
  })
  @RequirePermission(RegistriesPermission.Read)
  supervisionGaps(@Ctx() ctx: RequestContext, @Args(() => SupervisionGapArgs) args: SupervisionGapArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<Organization>> {
    return this.service.gaps(ctx, args, selectsField(info, 'totalCount'));
  }

  @FieldResolver(() => Organization, { nullable: true, description: '监管部门。The department; null when you may not read it.' })
  @ReadsColumns('departmentId')
  @ReadsRelation(OrganizationReference, 'departmentId')
  department(@Ctx() ctx: RequestContext, @Root() a: SupervisionAssignment): Promise<Organization | null> {
    return organizationById(ctx).load(a.departmentId);
  }

  @FieldResolver(() => Organization, { nullable: true, description: '适用范围。The root of the subtree covered; null when you may not read it.' })
  @ReadsColumns('subtreeRootId')
  @ReadsRelation(OrganizationReference, 'subtreeRootId')
  subtreeRoot(@Ctx() ctx: RequestContext, @Root() a: SupervisionAssignment): Promise<Organization | null> {
    return organizationById(ctx).load(a.subtreeRootId);
  }

  @Mutation(() => SupervisionAssignment, { description: '新增行业监管职责。Assigns a department to an industry sector in a subtree (default the whole town), with its basis.' })
  @RequirePermission(RegistriesPermission.MapManage)
  createSupervisionAssignment(@Ctx() ctx: RequestContext, @Arg('input', () => CreateSupervisionAssignmentInput, input) data: CreateSupervisionAssignmentInput): Promise<SupervisionAssignment> {
    return this.service.createAssignment(ctx, data);
  }

  @Mutation(() => SupervisionAssignment, { description: '终止行业监管职责。Ends an active assignment on a day, with the reason; the enterprises it covered alone become gaps.' })
  @RequirePermission(RegistriesPermission.MapManage)
  endSupervisionAssignment(@Ctx() ctx: RequestContext, @Arg('input', () => EndSupervisionAssignmentInput, input) data: EndSupervisionAssignmentInput): Promise<SupervisionAssignment> {
    return this.service.endAssignment(ctx, data);
  }
}

@Resolver(() => NewBusinessFormat)
export class NewBusinessFormatResolver {
  private readonly service = new SupervisionMapService();

  @Query(() => NewBusinessFormatConnection, { description: '新兴业态。New business formats in your scope, pending first; filter by status (PENDING: supervision gaps until the county decides).' })
  @RequirePermission(RegistriesPermission.Read)
  newBusinessFormats(@Ctx() ctx: RequestContext, @Args(() => NewBusinessFormatListArgs) args: NewBusinessFormatListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<NewBusinessFormat>> {
    return this.service.listFormats(ctx, args, selectsField(info, 'totalCount'), selectedProperties(ctx.manager, NewBusinessFormat, info, NODE, FORMAT_KEYS));
  }

  @FieldResolver(() => Organization, { nullable: true, description: '监管部门。The department assigned; null while pending or when you may not read it.' })
  @ReadsColumns('departmentId')
  @ReadsRelation(OrganizationReference, 'departmentId')
  department(@Ctx() ctx: RequestContext, @Root() f: NewBusinessFormat): Promise<Organization | null> {
    return f.departmentId ? organizationById(ctx).load(f.departmentId) : Promise.resolve(null);
  }

  @FieldResolver(() => Organization, { nullable: true, description: '发现单位。Where it was found; null when you may not read it.' })
  @ReadsColumns('organizationId')
  @ReadsRelation(OrganizationReference, 'organizationId')
  organization(@Ctx() ctx: RequestContext, @Root() f: NewBusinessFormat): Promise<Organization | null> {
    return organizationById(ctx).load(f.organizationId);
  }

  @Mutation(() => NewBusinessFormat, { description: '登记新兴业态。Registers a new business format found in the town; it stays PENDING (a supervision gap) until the decision is recorded.' })
  @RequirePermission(RegistriesPermission.MapManage)
  registerNewBusinessFormat(@Ctx() ctx: RequestContext, @Arg('input', () => RegisterNewBusinessFormatInput, input) data: RegisterNewBusinessFormatInput): Promise<NewBusinessFormat> {
    return this.service.registerFormat(ctx, data);
  }

  @Mutation(() => NewBusinessFormat, { description: '明确新兴业态监管部门。Records the county-level government\'s decision (安全生产法 第十条: the department with the closest business) on a PENDING format: it becomes ASSIGNED.' })
  @RequirePermission(RegistriesPermission.MapManage)
  assignNewBusinessFormat(@Ctx() ctx: RequestContext, @Arg('input', () => AssignNewBusinessFormatInput, input) data: AssignNewBusinessFormatInput): Promise<NewBusinessFormat> {
    return this.service.assignFormat(ctx, data);
  }
}
