import { Field, Int, ObjectType } from 'type-graphql';
import { UUIDScalar } from '@platform/core';
import { FourOnesItemKind } from './registries.enums';

/** An industry department that has not recorded all four items of its fire-safety "四个一" for a year. */
@ObjectType({ description: '“四个一”缺项部门。An industry department (one supervising a sector on the 三管三必须 map) with items of its fire-safety "四个一" for the year not yet recorded.' })
export class FourOnesGap {
  @Field(() => UUIDScalar, { description: '部门标识。The department.' })
  departmentId: string;

  @Field({ description: '部门名称。The department\'s name.' })
  departmentName: string;

  @Field(() => Int, { description: '年度。The year checked.' })
  year: number;

  @Field(() => [FourOnesItemKind], { description: '缺项。The items not recorded for the year, in the items\' order.' })
  missingKinds: FourOnesItemKind[];

  @Field(() => [FourOnesItemKind], { description: '已完成。The items recorded for the year, in the items\' order.' })
  doneKinds: FourOnesItemKind[];
}
