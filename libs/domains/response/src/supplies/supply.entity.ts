import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { BaseRecord, DateTimeScalar, LocatedRecord, Node, UUIDScalar, LocalDateScalar } from '@platform/core';
import { SupplyCategory, SupplyMovementKind } from './supply.enums';

@ObjectType({ implements: Node, description: '救灾物资储备点。A relief supply depot kept by the town (储备库) or a village (村级物资储存点); scope is measured from its organization.' })
@Entity('supply_depot')
@Index('supply_depot_organization_idx', ['organizationId'])
export class SupplyDepot extends LocatedRecord {
  @Field(() => UUIDScalar, { description: '所属单位标识。The town or village keeping the depot; scope is measured from it.' })
  @Column({ type: 'uuid' })
  organizationId: string;

  @Field({ description: '名称。Name of the depot, e.g. 南平镇救灾物资储备库.' })
  @Column({ type: 'text' })
  name: string;

  @Field(() => String, { nullable: true, description: '地址。Where the depot is; null when not given.' })
  @Column({ type: 'text', nullable: true })
  address: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: '保管员标识。The person keeping the depot (保管员); null when none is named.' })
  @Column({ type: 'uuid', nullable: true })
  keeperPersonId: string | null;

  @Field(() => String, { nullable: true, description: '联系电话。The depot\'s contact phone (a service number, not personal data); null when none.' })
  @Column({ type: 'text', nullable: true })
  contactPhone: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '归档时间。When the depot was closed; null while in use.' })
  @Column({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null;
}

@ObjectType({ implements: Node, description: '物资品目。An item of the town-wide relief supply catalog (折叠床, 棉被, 帐篷…), with its unit and shelf life.' })
@Entity('supply_item')
export class SupplyItem extends BaseRecord {
  @Field({ description: '编码。Catalog code, unique in the town, e.g. JZ-ZDC.' })
  @Column({ type: 'text' })
  code: string;

  @Field({ description: '名称。Name of the item, e.g. 折叠床.' })
  @Column({ type: 'text' })
  name: string;

  @Field(() => SupplyCategory, { description: '类别。Category of the item.' })
  @Column({ type: 'text' })
  category: SupplyCategory;

  @Field({ description: '计量单位。Unit the item is counted in, e.g. 张, 床, 顶, 件, 台, 箱, 瓶.' })
  @Column({ type: 'text' })
  unit: string;

  @Field(() => Int, { nullable: true, description: '保质期（天）。Shelf life in days, used for the expiry day of receipts that give none; null for non-perishable items.' })
  @Column({ type: 'int', nullable: true })
  shelfLifeDays: number | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '归档时间。When the item was taken off the catalog; null while in use.' })
  @Column({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null;
}

@ObjectType({ description: '库存批次。The stock of one item and batch in one depot: how many are there and until when they keep.' })
@Entity('supply_stock')
export class SupplyStock {
  @Field(() => UUIDScalar, { description: '储备点标识。The depot holding the stock.' })
  @PrimaryColumn({ type: 'uuid' })
  depotId: string;

  @Field(() => UUIDScalar, { description: '品目标识。The catalog item.' })
  @PrimaryColumn({ type: 'uuid' })
  itemId: string;

  @Field({ description: '批次。Batch label, e.g. 2025-06 or the supplier\'s lot; empty when batches are not told apart.' })
  @PrimaryColumn({ type: 'text' })
  batch: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '有效期至。Last day the batch may be used (YYYY-MM-DD); null for non-perishable supplies.' })
  @Column({ type: 'date', nullable: true })
  expiresOn: string | null;

  @Field(() => Int, { description: '数量。Quantity on hand in the item\'s unit; never negative.' })
  @Column({ type: 'int' })
  quantity: number;

  @Field(() => DateTimeScalar, { description: '更新时间。When the quantity last changed.' })
  @Column({ type: 'timestamptz' })
  updatedAt: Date;
}

@ObjectType({ description: '最低库存。The minimum quantity of an item a depot should hold (储备定额); below it the depot shows in the stock gaps (查漏补缺).' })
@Entity('supply_minimum')
export class SupplyMinimum {
  @Field(() => UUIDScalar, { description: '储备点标识。The depot.' })
  @PrimaryColumn({ type: 'uuid' })
  depotId: string;

  @Field(() => UUIDScalar, { description: '品目标识。The catalog item.' })
  @PrimaryColumn({ type: 'uuid' })
  itemId: string;

  @Field(() => Int, { description: '最低数量。The minimum quantity to hold, in the item\'s unit.' })
  @Column({ type: 'int' })
  minimumQuantity: number;

  @Field(() => DateTimeScalar, { description: '更新时间。When the minimum was last set.' })
  @Column({ type: 'timestamptz' })
  updatedAt: Date;
}

@ObjectType({ implements: Node, description: '出入库记录。One stock movement of relief supplies (入库, 出库发放, 调拨, 报损): what, how many, from and to where, for whom and by whom. Movements are never changed.' })
@Entity('supply_movement')
@Index('supply_movement_depot_idx', ['depotId'])
export class SupplyMovement extends BaseRecord {
  @Field(() => SupplyMovementKind, { description: '类型。What the movement does.' })
  @Column({ type: 'text' })
  kind: SupplyMovementKind;

  @Field(() => DateTimeScalar, { description: '发生时间。When the supplies moved.' })
  @Column({ type: 'timestamptz' })
  at: Date;

  @Field(() => UUIDScalar, { description: '储备点标识。The depot receiving (入库) or giving out (出库, 调出, 报损) the supplies.' })
  @Column({ type: 'uuid' })
  depotId: string;

  @Field(() => UUIDScalar, { nullable: true, description: '调入储备点标识。For a transfer, the depot receiving the supplies; null otherwise.' })
  @Column({ type: 'uuid', nullable: true })
  toDepotId: string | null;

  @Field(() => UUIDScalar, { description: '品目标识。The catalog item moved.' })
  @Column({ type: 'uuid' })
  itemId: string;

  @Field({ description: '批次。The batch moved; empty when batches are not told apart.' })
  @Column({ type: 'text' })
  batch: string;

  @Field(() => Int, { description: '数量。How many, in the item\'s unit (at least 1).' })
  @Column({ type: 'int' })
  quantity: number;

  @Field(() => UUIDScalar, { nullable: true, description: '灾情标识。For an issue, the incident the supplies went to; null otherwise.' })
  @Column({ type: 'uuid', nullable: true })
  incidentId: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: '住户标识。For an issue, the joint-defense household that received the supplies; null otherwise.' })
  @Column({ type: 'uuid', nullable: true })
  householdId: string | null;

  @Field(() => String, { nullable: true, description: '领用对象。For an issue, who received the supplies, e.g. 文凤村3组受灾群众; null otherwise.' })
  @Column({ type: 'text', nullable: true })
  recipient: string | null;

  @Field(() => String, { nullable: true, description: '事由。Why: required for a write-off (e.g. 过期, 霉变), optional note otherwise.' })
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: '经办账号标识。The user account that recorded the movement; null for system (seed) entries.' })
  @Column({ type: 'uuid', nullable: true })
  recordedByUserId: string | null;
}
