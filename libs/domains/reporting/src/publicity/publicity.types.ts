import { Field, Int, ObjectType } from 'type-graphql';
import { OrganizationKind } from '@platform/directory';
import { UUIDScalar } from '@platform/core';
import { PublicityTarget } from './publicity.enums';

/** One cell of the 五进 matrix. */
@ObjectType({ description: '五进覆盖单元。The activities of a year into one 五进 target within one village or community.' })
export class PublicityCoverageCell {
  @Field(() => PublicityTarget, { description: '五进对象。The target.' })
  target: PublicityTarget;

  @Field(() => Int, { description: '活动次数。Activities into the target held in the year at the village or community or anywhere in it.' })
  activities: number;

  @Field(() => Int, { description: '受众人数。Their audience, summed.' })
  audience: number;
}

/** One row of the 五进 matrix: a village or community. */
@ObjectType({ description: '五进覆盖行。A village or community with its activities of the year by 五进 target, and the targets without any (gaps).' })
export class PublicityCoverageRow {
  @Field(() => UUIDScalar, { description: '村社区标识。The village or community.' })
  organizationId: string;

  @Field({ description: '村社区名称。Its name.' })
  organizationName: string;

  @Field(() => OrganizationKind, { description: '类型。VILLAGE or COMMUNITY.' })
  organizationKind: OrganizationKind;

  @Field(() => Int, { description: '年度。The year counted.' })
  year: number;

  @Field(() => [PublicityCoverageCell], { description: '五进单元。One cell per target, in the order 企业、农村、社区、学校、家庭.' })
  cells: PublicityCoverageCell[];

  @Field(() => [PublicityTarget], { description: '缺口。The targets without any activity in the year (empty when fully covered).' })
  gaps: PublicityTarget[];
}
