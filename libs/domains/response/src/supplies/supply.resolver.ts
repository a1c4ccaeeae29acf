import { Arg, Args, Ctx, FieldResolver, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { daysBetween, ArchiveInput, Connection, GeoPoint, PageArgs, ReadsRelation, RequirePermission, UUIDScalar, selectsField, type ConnectionResult, type RequestContext } from '@platform/core';
import { Organization, OrganizationReference, Person, PersonReference, organizationById, personById } from '@platform/directory';
import { AccessPermission, User, UserReference } from '@platform/access';
import { Household, HouseholdReference, householdById } from '@domains/community';
import { SupplyDepot, SupplyItem, SupplyMinimum, SupplyMovement, SupplyStock } from './supply.entity';
import { SupplyStockGap } from './supply.types';
import {
  CreateSupplyDepotInput,
  CreateSupplyItemInput,
  ExpiringSuppliesArgs,
  IssueSuppliesInput,
  ReceiveSuppliesInput,
  SetSupplyMinimumInput,
  SupplyDepotListArgs,
  SupplyItemListArgs,
  SupplyMovementListArgs,
  SupplyStockGapArgs,
  TransferSuppliesInput,
  UpdateSupplyDepotInput,
  UpdateSupplyItemInput,
  WriteOffSuppliesInput,
} from './supply.inputs';
import { SupplyService, supplyToday } from './supply.service';
import { SupplyMovementService } from './supply-movement.service';
import { DepotStock, SupplyDepotReference, SupplyItemReference, supplyDepotById, supplyItemById } from './supply.loaders';
import { Incident } from '../incidents/incident.entity';
import { IncidentReference, incidentById } from '../incidents/incident.loaders';
import { ResponsePermission } from '../permissions';

export const SupplyDepotConnection = Connection(SupplyDepot, '救灾物资储备点');
export const SupplyItemConnection = Connection(SupplyItem, '物资品目');
export const SupplyStockConnection = Connection(SupplyStock, '库存批次');
export const SupplyMovementConnection = Connection(SupplyMovement, '出入库记录');
export const SupplyStockGapConnection = Connection(SupplyStockGap, '库存缺口');
const input = { description: '输入。The fields of the request.' };

/** Whole days from `today` to `day` (both YYYY-MM-DD); negative when `day` has passed. */

@Resolver(() => SupplyDepot)
export class SupplyDepotResolver {
  private readonly service = new SupplyService();

  @Query(() => SupplyDepot, { nullable: true, description: '储备点详情。One supply depot by id (closed ones too), with its stock; null when there is none in your scope.' })
  @RequirePermission(ResponsePermission.SupplyRead)
  supplyDepot(@Ctx() ctx: RequestContext, @Arg('id', () => UUIDScalar, { description: '标识。Supply depot id.' }) id: string): Promise<SupplyDepot | null> {
    return this.service.depot(ctx, id);
  }

  @Query(() => SupplyDepotConnection, { description: '储备点列表。Supply depots in use in your scope, by name; filter by subtree or include closed ones.' })
  @RequirePermission(ResponsePermission.SupplyRead)
  supplyDepots(@Ctx() ctx: RequestContext, @Args(() => SupplyDepotListArgs) args: SupplyDepotListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<SupplyDepot>> {
    return this.service.depots(ctx, args, selectsField(info, 'totalCount'));
  }

  @Query(() => SupplyStockGapConnection, {
    description: '查漏补缺。Depots in use in your scope holding less of an item than its minimum, counting only batches not yet expired: depot, item, minimum, available and shortfall, the largest shortfall first.',
  })
  @RequirePermission(ResponsePermission.SupplyRead)
  supplyStockGaps(@Ctx() ctx: RequestContext, @Args(() => SupplyStockGapArgs) args: SupplyStockGapArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<SupplyStockGap>> {
    return this.service.gaps(ctx, args, selectsField(info, 'totalCount'));
  }

  @Query(() => SupplyStockConnection, { description: '临期物资。Batches in stock in depots in your scope that expire within the given days from today (China time), already expired ones included, soonest first. With filter.updatedSince, every perishable batch changed since, also those used up (quantity 0) and those of closed depots.' })
  @RequirePermission(ResponsePermission.SupplyRead)
  expiringSupplies(@Ctx() ctx: RequestContext, @Args(() => ExpiringSuppliesArgs) args: ExpiringSuppliesArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<SupplyStock>> {
    return this.service.expiring(ctx, args, selectsField(info, 'totalCount'));
  }

  @Mutation(() => SupplyDepot, { description: '新建储备点。Sets up a supply depot of the town, a village or a community in your scope.' })
  @RequirePermission(ResponsePermission.SupplyWrite)
  createSupplyDepot(@Ctx() ctx: RequestContext, @Arg('input', () => CreateSupplyDepotInput, input) data: CreateSupplyDepotInput): Promise<SupplyDepot> {
    return this.service.createDepot(ctx, data);
  }

  @Mutation(() => SupplyDepot, { description: '修改储备点。Changes a supply depot; needs the version you read (a stale one is refused with CONFLICT).' })
  @RequirePermission(ResponsePermission.SupplyWrite)
  updateSupplyDepot(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateSupplyDepotInput, input) data: UpdateSupplyDepotInput): Promise<SupplyDepot> {
    return this.service.updateDepot(ctx, data);
  }

  @Mutation(() => SupplyDepot, { description: '撤销储备点。Closes a supply depot: it leaves the lists, gaps and expiring stock; its records and movements are kept.' })
  @RequirePermission(ResponsePermission.SupplyWrite)
  archiveSupplyDepot(@Ctx() ctx: RequestContext, @Arg('input', () => ArchiveInput, input) data: ArchiveInput): Promise<SupplyDepot> {
    return this.service.archiveDepot(ctx, data);
  }

  @Mutation(() => SupplyMinimum, { nullable: true, description: '设置最低库存。Sets the minimum quantity of an item a depot in your scope should hold (储备定额); 0 removes it and answers null.' })
  @RequirePermission(ResponsePermission.SupplyWrite)
  setSupplyMinimum(@Ctx() ctx: RequestContext, @Arg('input', () => SetSupplyMinimumInput, input) data: SetSupplyMinimumInput): Promise<SupplyMinimum | null> {
    return this.service.setMinimum(ctx, data);
  }

  @FieldResolver(() => SupplyStockConnection, { description: '库存。The batches in stock (quantity above 0), by item, then batch.' })
  @ReadsRelation(DepotStock)
  stock(@Ctx() ctx: RequestContext, @Root() d: SupplyDepot, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<SupplyStock>> {
    return DepotStock.load(ctx, d.id, page, info);
  }

  @FieldResolver(() => GeoPoint, { nullable: true, description: '位置。Location (WGS 84), with GeoJSON for maps; null when unknown.' })
  location(@Root() d: SupplyDepot): GeoPoint | null {
    return GeoPoint.of(d.longitude, d.latitude);
  }

  @FieldResolver(() => Person, { nullable: true, description: '保管员。The person keeping the depot; null when none is named or you may not read persons there.' })
  @ReadsRelation(PersonReference, 'keeperPersonId')
  async keeper(@Ctx() ctx: RequestContext, @Root() d: SupplyDepot): Promise<Person | null> {
    return d.keeperPersonId ? personById(ctx).load(d.keeperPersonId) : null;
  }

  @FieldResolver(() => Organization, { nullable: true, description: '所属单位。The town, village or community keeping the depot; null when you may not read organizations there.' })
  @ReadsRelation(OrganizationReference, 'organizationId')
  organization(@Ctx() ctx: RequestContext, @Root() d: SupplyDepot): Promise<Organization | null> {
    return organizationById(ctx).load(d.organizationId);
  }
}

@Resolver(() => SupplyItem)
export class SupplyItemResolver {
  private readonly service = new SupplyService();

  @Query(() => SupplyItemConnection, { description: '物资目录。The town-wide catalog of relief supply items, by category, then code.' })
  @RequirePermission(ResponsePermission.SupplyRead)
  supplyItems(@Ctx() ctx: RequestContext, @Args(() => SupplyItemListArgs) args: SupplyItemListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<SupplyItem>> {
    return this.service.items(ctx, args, selectsField(info, 'totalCount'));
  }

  @Mutation(() => SupplyItem, { description: '新增物资品目。Adds an item to the town-wide catalog; needs rescue.supply:write for the whole town (a village\'s grant is refused with FORBIDDEN).' })
  @RequirePermission(ResponsePermission.SupplyWrite)
  createSupplyItem(@Ctx() ctx: RequestContext, @Arg('input', () => CreateSupplyItemInput, input) data: CreateSupplyItemInput): Promise<SupplyItem> {
    return this.service.createItem(ctx, data);
  }

  @Mutation(() => SupplyItem, { description: '修改物资品目。Changes a catalog item; needs rescue.supply:write for the whole town and the version you read (a stale one is refused with CONFLICT).' })
  @RequirePermission(ResponsePermission.SupplyWrite)
  updateSupplyItem(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateSupplyItemInput, input) data: UpdateSupplyItemInput): Promise<SupplyItem> {
    return this.service.updateItem(ctx, data);
  }

  @Mutation(() => SupplyItem, { description: '停用物资品目。Takes an item off the catalog (no new receipts or minimums; stock held can still leave); needs rescue.supply:write for the whole town.' })
  @RequirePermission(ResponsePermission.SupplyWrite)
  archiveSupplyItem(@Ctx() ctx: RequestContext, @Arg('input', () => ArchiveInput, input) data: ArchiveInput): Promise<SupplyItem> {
    return this.service.archiveItem(ctx, data);
  }
}

@Resolver(() => SupplyStock)
export class SupplyStockResolver {
  @FieldResolver(() => SupplyItem, { nullable: true, description: '品目。The catalog item (the catalog is town-wide, so null only for one that no longer exists).' })
  @ReadsRelation(SupplyItemReference, 'itemId')
  item(@Ctx() ctx: RequestContext, @Root() s: SupplyStock): Promise<SupplyItem | null> {
    return supplyItemById(ctx).load(s.itemId);
  }

  @FieldResolver(() => SupplyDepot, { nullable: true, description: '储备点。The depot holding the batch; null when you may not read it.' })
  @ReadsRelation(SupplyDepotReference, 'depotId')
  depot(@Ctx() ctx: RequestContext, @Root() s: SupplyStock): Promise<SupplyDepot | null> {
    return supplyDepotById(ctx).load(s.depotId);
  }

  @FieldResolver(() => Boolean, { description: '已过期。True when the expiry day is before today (China time); expired batches do not count against minimums.' })
  expired(@Ctx() ctx: RequestContext, @Root() s: SupplyStock): boolean {
    return s.expiresOn !== null && s.expiresOn < supplyToday(ctx);
  }

  @FieldResolver(() => Int, { nullable: true, description: '剩余天数。Days from today (China time) to the expiry day: 0 on the last day, negative once expired; null for non-perishable supplies.' })
  daysToExpiry(@Ctx() ctx: RequestContext, @Root() s: SupplyStock): number | null {
    return s.expiresOn === null ? null : daysBetween(supplyToday(ctx), s.expiresOn);
  }
}

@Resolver(() => SupplyMinimum)
export class SupplyMinimumResolver {
  @FieldResolver(() => SupplyItem, { nullable: true, description: '品目。The catalog item (the catalog is town-wide, so null only for one that no longer exists).' })
  @ReadsRelation(SupplyItemReference, 'itemId')
  item(@Ctx() ctx: RequestContext, @Root() m: SupplyMinimum): Promise<SupplyItem | null> {
    return supplyItemById(ctx).load(m.itemId);
  }

  @FieldResolver(() => SupplyDepot, { nullable: true, description: '储备点。The depot; null when you may not read it.' })
  @ReadsRelation(SupplyDepotReference, 'depotId')
  depot(@Ctx() ctx: RequestContext, @Root() m: SupplyMinimum): Promise<SupplyDepot | null> {
    return supplyDepotById(ctx).load(m.depotId);
  }
}

@Resolver(() => SupplyStockGap)
export class SupplyStockGapResolver {
  @FieldResolver(() => SupplyItem, { nullable: true, description: '品目。The item the depot is short of (the catalog is town-wide, so null only for one that no longer exists).' })
  item(@Ctx() ctx: RequestContext, @Root() g: SupplyStockGap): Promise<SupplyItem | null> {
    return supplyItemById(ctx).load(g.itemId);
  }

  @FieldResolver(() => SupplyDepot, { nullable: true, description: '储备点。The depot short of the item (the shortfalls are those of depots you may read, so null only for one that no longer exists).' })
  depot(@Ctx() ctx: RequestContext, @Root() g: SupplyStockGap): Promise<SupplyDepot | null> {
    return supplyDepotById(ctx).load(g.depotId);
  }
}

@Resolver(() => SupplyMovement)
export class SupplyMovementResolver {
  private readonly service = new SupplyMovementService();

  @Query(() => SupplyMovementConnection, { description: '出入库记录。Stock movements out of or into depots in your scope, newest first; filter by depot, item, kinds, time, or incident.' })
  @RequirePermission(ResponsePermission.SupplyRead)
  supplyMovements(@Ctx() ctx: RequestContext, @Args(() => SupplyMovementListArgs) args: SupplyMovementListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<SupplyMovement>> {
    return this.service.list(ctx, args, selectsField(info, 'totalCount'));
  }

  @Mutation(() => SupplyMovement, { description: '入库。Receives supplies into a depot in your scope; a batch received again adds to it.' })
  @RequirePermission(ResponsePermission.SupplyWrite)
  receiveSupplies(@Ctx() ctx: RequestContext, @Arg('input', () => ReceiveSuppliesInput, input) data: ReceiveSuppliesInput): Promise<SupplyMovement> {
    return this.service.receive(ctx, data);
  }

  @Mutation(() => SupplyMovement, { description: '出库发放。Issues supplies from a batch of a depot in your scope; with no batch named, from the batch expiring first (expired batches only when named). More than that batch holds is refused (input.quantity, rule available) and nothing is written.' })
  @RequirePermission(ResponsePermission.SupplyWrite)
  issueSupplies(@Ctx() ctx: RequestContext, @Arg('input', () => IssueSuppliesInput, input) data: IssueSuppliesInput): Promise<SupplyMovement> {
    return this.service.issue(ctx, data);
  }

  @Mutation(() => SupplyMovement, { description: '调拨。Moves supplies of a batch from one depot to another, both in your scope, in one step (both sides or neither).' })
  @RequirePermission(ResponsePermission.SupplyWrite)
  transferSupplies(@Ctx() ctx: RequestContext, @Arg('input', () => TransferSuppliesInput, input) data: TransferSuppliesInput): Promise<SupplyMovement> {
    return this.service.transfer(ctx, data);
  }

  @Mutation(() => SupplyMovement, { description: '报损报废。Writes supplies of a batch off a depot in your scope (expired, damaged, lost), with the reason.' })
  @RequirePermission(ResponsePermission.SupplyWrite)
  writeOffSupplies(@Ctx() ctx: RequestContext, @Arg('input', () => WriteOffSuppliesInput, input) data: WriteOffSuppliesInput): Promise<SupplyMovement> {
    return this.service.writeOff(ctx, data);
  }

  @FieldResolver(() => SupplyDepot, { nullable: true, description: '储备点。The depot receiving or giving out the supplies; null when you may not read it.' })
  @ReadsRelation(SupplyDepotReference, 'depotId')
  depot(@Ctx() ctx: RequestContext, @Root() m: SupplyMovement): Promise<SupplyDepot | null> {
    return supplyDepotById(ctx).load(m.depotId);
  }

  @FieldResolver(() => SupplyDepot, { nullable: true, description: '调入储备点。For a transfer, the receiving depot; null otherwise or when you may not read it.' })
  @ReadsRelation(SupplyDepotReference, 'toDepotId')
  async toDepot(@Ctx() ctx: RequestContext, @Root() m: SupplyMovement): Promise<SupplyDepot | null> {
    return m.toDepotId ? supplyDepotById(ctx).load(m.toDepotId) : null;
  }

  @FieldResolver(() => SupplyItem, { nullable: true, description: '品目。The catalog item moved (the catalog is town-wide, so null only for one that no longer exists).' })
  @ReadsRelation(SupplyItemReference, 'itemId')
  item(@Ctx() ctx: RequestContext, @Root() m: SupplyMovement): Promise<SupplyItem | null> {
    return supplyItemById(ctx).load(m.itemId);
  }

  @FieldResolver(() => Incident, { nullable: true, description: '灾情。For an issue, the incident the supplies went to; null otherwise or when you may not read it.' })
  @ReadsRelation(IncidentReference, 'incidentId')
  async incident(@Ctx() ctx: RequestContext, @Root() m: SupplyMovement): Promise<Incident | null> {
    return m.incidentId ? incidentById(ctx).load(m.incidentId) : null;
  }

  @FieldResolver(() => Household, { nullable: true, description: '住户。For an issue, the joint-defense household that received the supplies; null otherwise or when you may not read joint-defense households there.' })
  @ReadsRelation(HouseholdReference, 'householdId')
  async household(@Ctx() ctx: RequestContext, @Root() m: SupplyMovement): Promise<Household | null> {
    return m.householdId ? householdById(ctx).load(m.householdId) : null;
  }

  @FieldResolver(() => User, {
    nullable: true,
    description: '记录账号。The user account that recorded the movement (needs access.user:read); null when an integration or the system recorded it (seeded stock), or the account is beyond your administering reach.',
  })
  @RequirePermission(AccessPermission.UserRead)
  @ReadsRelation(UserReference, 'recordedByUserId')
  recordedByUser(@Ctx() ctx: RequestContext, @Root() m: SupplyMovement): Promise<User | null> | null {
    return m.recordedByUserId ? UserReference.byId(ctx).load(m.recordedByUserId) : null;
  }
}
