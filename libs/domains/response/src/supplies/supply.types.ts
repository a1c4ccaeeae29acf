import { Field, Int, ObjectType } from 'type-graphql';
import { UUIDScalar } from '@platform/core';

@ObjectType({ description: '库存缺口。A depot holding less of an item than its minimum (查漏补缺): how much is missing. Expired batches do not count as available.' })
export class SupplyStockGap {
  @Field(() => UUIDScalar, { description: '储备点标识。The depot short of the item.' })
  depotId: string;

  @Field(() => UUIDScalar, { description: '品目标识。The item the depot is short of.' })
  itemId: string;

  @Field(() => Int, { description: '最低数量。The minimum the depot should hold.' })
  minimum: number;

  @Field(() => Int, { description: '可用数量。What the depot holds across its batches that have not expired (expiring today still counts).' })
  available: number;

  @Field(() => Int, { description: '缺口。How many are missing: minimum minus available (at least 1).' })
  shortfall: number;
}
