import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsBoolean, IsEnum, IsInt, IsOptional, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { FilterField, GeoPointInput, LocatedFilter, LocalDateScalar, OrderByField, PageArgs, UUIDScalar, Versioned, type OrderInput } from '@platform/core';
import { ControlMeasureKind, RiskCategory, RiskLevel } from './risk-point.enums';
import { RiskPointOrder } from './risk-point.orders';

@InputType({ description: '管控措施输入。One control measure.' })
export class ControlMeasureInput {
  @Field(() => ControlMeasureKind, { description: '类型。人防, 物防, 管理防 or 工程防.' })
  @IsEnum(ControlMeasureKind)
  kind: ControlMeasureKind;

  @Field({ description: '措施。What is done (2–500 characters).' })
  @Length(2, 500)
  description: string;

  @Field(() => UUIDScalar, { nullable: true, description: '责任人标识。Who owns it, an active person you may read.' })
  @IsOptional()
  @IsUUID()
  ownerPersonId?: string | null;
}

@InputType({ description: '风险点信息。Changeable fields of a risk point; on update omitted fields stay and null clears.' })
export class RiskPointDetailsInput {
  @Field(() => String, { nullable: true, description: '描述。What the risk is (up to 2000 characters).' })
  @IsOptional()
  @Length(1, 2000)
  description?: string | null;

  @Field(() => GeoPointInput, { nullable: true, description: '位置。Where the point is.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => GeoPointInput)
  location?: GeoPointInput | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '复评日期。When the grade is due for review (YYYY-MM-DD).' })
  @IsOptional()
  reviewDue?: string | null;

  @Field(() => Int, { nullable: true, description: '受威胁户数。Households threatened (natural-disaster points).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  threatenedHouseholds?: number | null;

  @Field(() => Int, { nullable: true, description: '受威胁人数。People threatened (natural-disaster points).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  threatenedPeople?: number | null;

  @Field(() => UUIDScalar, { nullable: true, description: '监测人标识。The person who monitors the point, an active person you may read.' })
  @IsOptional()
  @IsUUID()
  monitorPersonId?: string | null;

  @Field(() => [ControlMeasureInput], { nullable: true, description: '管控措施。The control measures (up to 30); on update they replace the old ones.' })
  @IsOptional()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => ControlMeasureInput)
  measures?: ControlMeasureInput[];
}

@InputType({ description: '新建风险点输入。A newly assessed risk point.' })
export class CreateRiskPointInput extends RiskPointDetailsInput {
  @Field(() => UUIDScalar, { description: '所属单位标识。The responsible organization (within your scope).' })
  @IsUUID()
  organizationId: string;

  @Field({ description: '名称。2–100 characters.' })
  @Length(2, 100)
  name: string;

  @Field(() => RiskCategory, { description: '类别。What kind of risk.' })
  @IsEnum(RiskCategory)
  category: RiskCategory;

  @Field(() => RiskLevel, { description: '等级。Four-colour grade.' })
  @IsEnum(RiskLevel)
  level: RiskLevel;
}

@InputType({ description: '修改风险点详情。New grade or name of a risk point.' })
export class RiskPointChangesInput extends RiskPointDetailsInput {
  @Field(() => String, { nullable: true, description: '名称。New name.' })
  @IsOptional()
  @Length(2, 100)
  name?: string;

  @Field(() => RiskLevel, { nullable: true, description: '等级。New four-colour grade (re-assessment).' })
  @IsOptional()
  @IsEnum(RiskLevel)
  level?: RiskLevel;
}

@InputType({ description: '修改风险点输入。Changes to a risk point.' })
export class UpdateRiskPointInput extends Versioned(RiskPointChangesInput) {}

@InputType({ description: '风险点筛选。Filters for risk point lists.' })
export class RiskPointFilter extends LocatedFilter {
  @Field(() => [RiskLevel], { nullable: true, description: '等级。Only these colours.' })
  @IsOptional()
  @IsEnum(RiskLevel, { each: true })
  levels?: RiskLevel[];

  @Field(() => [RiskCategory], { nullable: true, description: '类别。Only these categories.' })
  @IsOptional()
  @IsEnum(RiskCategory, { each: true })
  categories?: RiskCategory[];

  @Field(() => UUIDScalar, { nullable: true, description: '所属子树。Only points at this organization or below it.' })
  @IsOptional()
  @IsUUID()
  withinSubtreeOf?: string;

  @Field(() => Boolean, { nullable: true, description: '待复评。Only points whose review date has passed.' })
  @IsOptional()
  @IsBoolean()
  reviewOverdue?: boolean;
}

@ArgsType()
export class RiskPointListArgs extends PageArgs {
  @FilterField(() => RiskPointFilter, '筛选条件。Which points to list.')
  filter?: RiskPointFilter;

  @OrderByField(RiskPointOrder, 'red first, then by name')
  orderBy?: OrderInput<keyof typeof RiskPointOrder.Field>[];
}
