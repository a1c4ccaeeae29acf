import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DecimalScalar } from '@platform/core';
import { IncidentType } from './incident.enums';

@ObjectType({ description: '分灾种灾情汇总。For one incident type: how many incidents, and the sums of each incident\'s counting figures (its verified report 核报, else its latest report).' })
export class IncidentTypeDamage {
  @Field(() => IncidentType, { description: '灾情类型。The incident type.' })
  type: IncidentType;

  @Field(() => Int, { description: '灾情起数。Incidents of this type in the period and scope.' })
  incidents: number;

  @Field(() => Int, { description: '已报数据起数。Of them, incidents with at least one damage report (the others add nothing to the sums).' })
  reportedIncidents: number;

  @Field(() => Int, { description: '已核报起数。Of them, incidents whose figures are verified (核报).' })
  verifiedIncidents: number;

  @Field(() => Int, { description: '受灾人口（人）。Sum of people affected.' })
  affectedPeople: number;

  @Field(() => Int, { description: '紧急转移安置人口（人）。Sum of people relocated.' })
  relocatedPeople: number;

  @Field(() => Int, { description: '死亡人口（人）。Sum of deaths.' })
  deaths: number;

  @Field(() => Int, { description: '失踪人口（人）。Sum of missing people.' })
  missing: number;

  @Field(() => Int, { description: '受伤人口（人）。Sum of injured people.' })
  injured: number;

  @Field(() => Int, { description: '重伤人口（人）。Sum of seriously injured people (part of the injured).' })
  seriouslyInjured: number;

  @Field(() => Int, { description: '倒塌房屋（间）。Sum of houses collapsed, in rooms.' })
  housesCollapsed: number;

  @Field(() => Int, { description: '严重损坏房屋（间）。Sum of houses severely damaged, in rooms.' })
  housesSeverelyDamaged: number;

  @Field(() => Int, { description: '一般损坏房屋（间）。Sum of houses slightly damaged, in rooms.' })
  housesSlightlyDamaged: number;

  @Field(() => Float, { description: '农作物受灾面积（公顷）。Sum of crop area affected, in hectares.' })
  cropAreaHectares: number;

  @Field(() => Float, { description: '农作物绝收面积（公顷）。Sum of crop area with total failure, in hectares.' })
  cropFailureHectares: number;

  @Field(() => DecimalScalar, { description: '直接经济损失（元）。Sum of direct economic loss, in yuan.' })
  directEconomicLossYuan: string;
}
