import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Connection, PageArgs, ReadsColumns, ReadsRelation, RequirePermission, SqlForm, UUIDScalar, selectedProperties, selectsField, type ConnectionResult, type RequestContext } from '@platform/core';
import { Organization, OrganizationReference, organizationById } from '@platform/directory';
import { EnterpriseEquipment, EquipmentRenewalPlan } from './enterprise-equipment.entity';
import { EquipmentPermission } from './equipment.permissions';
import { EnterpriseEquipmentReference, EquipmentRenewalPlanPages } from './equipment.loaders';
import { planOverdueOf, renewalOverdueSql } from './equipment.sql';
import {
  CompleteEquipmentRenewalInput,
  EnterpriseEquipmentListArgs,
  EquipmentRenewalPlanListArgs,
  PlanEquipmentRenewalInput,
  RegisterEnterpriseEquipmentInput,
  RetireEnterpriseEquipmentInput,
  UpdateEnterpriseEquipmentInput,
} from './equipment.inputs';
import { EQUIPMENT_KEY_PROPERTIES, EquipmentService, PLAN_KEY_PROPERTIES } from './equipment.service';

export const EnterpriseEquipmentConnection = Connection(EnterpriseEquipment, '企业设备');
export const EquipmentRenewalPlanConnection = Connection(EquipmentRenewalPlan, '设备更新计划');
const input = { description: '输入。The fields of the request.' };
const NODE = ['edges', 'node'] as const;
const SELF = [] as const;

@Resolver(() => EnterpriseEquipment)
export class EnterpriseEquipmentResolver {
  private readonly service = new EquipmentService();

  @Query(() => EnterpriseEquipment, { nullable: true, description: '企业设备详情。One piece of equipment by id; null when there is none in your scope.' })
  @RequirePermission(EquipmentPermission.Read)
  enterpriseEquipment(@Ctx() ctx: RequestContext, @Arg('id', () => UUIDScalar, { description: '标识。Equipment id.' }) id: string, @Info() info: GraphQLResolveInfo): Promise<EnterpriseEquipment | null> {
    return this.service.equipmentById(ctx, id, selectedProperties(ctx.manager, EnterpriseEquipment, info, SELF));
  }

  @Query(() => EnterpriseEquipmentConnection, { description: '企业设备。The equipment of enterprises in your scope (an enterprise its own), by name; filter by enterprise, kind, status, the eliminated flag and installation year.' })
  @RequirePermission(EquipmentPermission.Read)
  enterpriseEquipments(@Ctx() ctx: RequestContext, @Args(() => EnterpriseEquipmentListArgs) args: EnterpriseEquipmentListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<EnterpriseEquipment>> {
    return this.service.equipments(ctx, args, selectsField(info, 'totalCount'), selectedProperties(ctx.manager, EnterpriseEquipment, info, NODE, EQUIPMENT_KEY_PROPERTIES));
  }

  @FieldResolver(() => Organization, { nullable: true, description: '企业。The enterprise owning it; null when you may not read organizations there.' })
  @ReadsColumns('enterpriseId')
  @ReadsRelation(OrganizationReference, 'enterpriseId')
  enterprise(@Ctx() ctx: RequestContext, @Root() e: EnterpriseEquipment): Promise<Organization | null> {
    return organizationById(ctx).load(e.enterpriseId);
  }

  @FieldResolver(() => EquipmentRenewalPlanConnection, { description: '更新计划。Its renewal plans, the earliest due first.' })
  @ReadsColumns('id')
  @ReadsRelation(EquipmentRenewalPlanPages)
  renewalPlans(@Ctx() ctx: RequestContext, @Root() e: EnterpriseEquipment, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<EquipmentRenewalPlan>> {
    return EquipmentRenewalPlanPages.load(ctx, e.id, page, info);
  }

  @Mutation(() => EnterpriseEquipment, { description: '登记企业设备。Registers a piece of equipment of an enterprise in your scope (an enterprise its own); an eliminated item names its catalogue entry.' })
  @RequirePermission(EquipmentPermission.Manage)
  registerEnterpriseEquipment(@Ctx() ctx: RequestContext, @Arg('input', () => RegisterEnterpriseEquipmentInput, input) data: RegisterEnterpriseEquipmentInput): Promise<EnterpriseEquipment> {
    return this.service.register(ctx, data);
  }

  @Mutation(() => EnterpriseEquipment, { description: '更正企业设备。Corrects a piece of equipment (name, kind, model, year, the eliminated flag and its catalogue reference, note).' })
  @RequirePermission(EquipmentPermission.Manage)
  updateEnterpriseEquipment(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateEnterpriseEquipmentInput, input) data: UpdateEnterpriseEquipmentInput): Promise<EnterpriseEquipment> {
    return this.service.update(ctx, data);
  }

  @Mutation(() => EnterpriseEquipment, { description: '停用企业设备。Retires a piece of equipment in service from a day (default today).' })
  @RequirePermission(EquipmentPermission.Manage)
  retireEnterpriseEquipment(@Ctx() ctx: RequestContext, @Arg('input', () => RetireEnterpriseEquipmentInput, input) data: RetireEnterpriseEquipmentInput): Promise<EnterpriseEquipment> {
    return this.service.retire(ctx, data);
  }
}

@Resolver(() => EquipmentRenewalPlan)
export class EquipmentRenewalPlanResolver {
  private readonly service = new EquipmentService();

  @Query(() => EquipmentRenewalPlan, { nullable: true, description: '设备更新计划详情。One renewal plan by id; null when there is none in your scope.' })
  @RequirePermission(EquipmentPermission.Read)
  equipmentRenewalPlan(@Ctx() ctx: RequestContext, @Arg('id', () => UUIDScalar, { description: '标识。Plan id.' }) id: string, @Info() info: GraphQLResolveInfo): Promise<EquipmentRenewalPlan | null> {
    return this.service.planById(ctx, id, selectedProperties(ctx.manager, EquipmentRenewalPlan, info, SELF));
  }

  @Query(() => EquipmentRenewalPlanConnection, { description: '设备更新计划。Renewal plans of equipment in your scope, the earliest due first; filter by enterprise, equipment, overdue and done.' })
  @RequirePermission(EquipmentPermission.Read)
  equipmentRenewalPlans(@Ctx() ctx: RequestContext, @Args(() => EquipmentRenewalPlanListArgs) args: EquipmentRenewalPlanListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<EquipmentRenewalPlan>> {
    return this.service.plans(ctx, args, selectsField(info, 'totalCount'), selectedProperties(ctx.manager, EquipmentRenewalPlan, info, NODE, PLAN_KEY_PROPERTIES));
  }

  @FieldResolver(() => Boolean, { description: '已逾期。True when it is not done and its due day has passed (China time; due today is not overdue yet).' })
  @ReadsColumns('id')
  @SqlForm((row, ctx) => renewalOverdueSql(row, ctx.clock.today()))
  overdue(@Ctx() ctx: RequestContext, @Root() p: EquipmentRenewalPlan): Promise<boolean> {
    return planOverdueOf(ctx, p.id, ctx.clock.today());
  }

  @FieldResolver(() => EnterpriseEquipment, { nullable: true, description: '设备。The equipment it renews; null when outside your scope.' })
  @ReadsColumns('equipmentId')
  @ReadsRelation(EnterpriseEquipmentReference, 'equipmentId')
  equipment(@Ctx() ctx: RequestContext, @Root() p: EquipmentRenewalPlan): Promise<EnterpriseEquipment | null> {
    return EnterpriseEquipmentReference.byId(ctx).load(p.equipmentId);
  }

  @FieldResolver(() => Organization, { nullable: true, description: '企业。The enterprise owning the equipment; null when you may not read organizations there.' })
  @ReadsColumns('enterpriseId')
  @ReadsRelation(OrganizationReference, 'enterpriseId')
  enterprise(@Ctx() ctx: RequestContext, @Root() p: EquipmentRenewalPlan): Promise<Organization | null> {
    return organizationById(ctx).load(p.enterpriseId);
  }

  @Mutation(() => EquipmentRenewalPlan, { description: '制定设备更新计划。Plans to replace, retrofit or retire a piece of equipment in service in your scope by a day.' })
  @RequirePermission(EquipmentPermission.Manage)
  planEquipmentRenewal(@Ctx() ctx: RequestContext, @Arg('input', () => PlanEquipmentRenewalInput, input) data: PlanEquipmentRenewalInput): Promise<EquipmentRenewalPlan> {
    return this.service.plan(ctx, data);
  }

  @Mutation(() => EquipmentRenewalPlan, { description: '完成设备更新计划。Records an open plan done with its evidence; REPLACE and RETIRE retire the equipment on the day done.' })
  @RequirePermission(EquipmentPermission.Manage)
  completeEquipmentRenewal(@Ctx() ctx: RequestContext, @Arg('input', () => CompleteEquipmentRenewalInput, input) data: CompleteEquipmentRenewalInput): Promise<EquipmentRenewalPlan> {
    return this.service.complete(ctx, data);
  }
}
