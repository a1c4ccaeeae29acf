import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsBoolean, IsEnum, IsInt, IsOptional, Length, Matches, Max, Min } from 'class-validator';
import { FilterField, ListFilter, OrderByField, PageArgs, UnlessOmitted, Versioned, type OrderInput } from '@platform/core';
import { OrganizationKind } from '@platform/directory';
import { RescueTeamKind } from './command.enums';
import { StaffingRuleOrder } from './command.orders';
import { IsRulePriority } from '@platform/core';

const CODE = /^[A-Z][A-Z0-9_]{1,49}$/;

@InputType({ description: '配备标准详细信息。Optional fields of a staffing rule, shared by create and update; null clears a field on update.' })
export class StaffingRuleDetailsInput {
  @Field(() => String, { nullable: true, description: '必备资格。A qualification at least minQualified serving members must hold (2–50 characters); null for none.' })
  @IsOptional()
  @Length(2, 50)
  requiredQualification?: string | null;
}

@InputType({ description: '新建配备标准输入。A staffing rule to add.' })
export class CreateStaffingRuleInput extends StaffingRuleDetailsInput {
  @Field({ description: '代码。Unique code: capital letters, digits and _ (2–50), e.g. VILLAGE_MILITIA.' })
  @Matches(CODE, { message: 'code must be capital letters, digits and _ such as VILLAGE_MILITIA' })
  code: string;

  @Field({ description: '名称。Name (2–100 characters).' })
  @Length(2, 100)
  name: string;

  @Field(() => RescueTeamKind, { description: '队伍类型。The kind of team the rule is for.' })
  @IsEnum(RescueTeamKind)
  teamKind: RescueTeamKind;

  @Field(() => [OrganizationKind], { nullable: true, description: '适用单位类型。Kinds of organization whose teams it applies to; empty or omitted for any.' })
  @IsOptional()
  @ArrayMaxSize(7)
  @IsEnum(OrganizationKind, { each: true })
  organizationKinds?: OrganizationKind[];

  @Field(() => Int, { description: '队长人数。Serving leaders required, 0 to 10.' })
  @IsInt()
  @Min(0)
  @Max(10)
  minLeaders: number;

  @Field(() => Int, { description: '队员人数。Serving members other than leaders required, 0 to 500.' })
  @IsInt()
  @Min(0)
  @Max(500)
  minMembers: number;

  @Field(() => Int, { nullable: true, description: '每班执勤人数。Serving members required on each shift\'s rota, 0 to 100 (default 0: none).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  minOnDutyPerShift?: number;

  @Field(() => Int, { nullable: true, description: '持证人数。Members required to hold requiredQualification, 1 to 500 with a qualification (default 1), 0 without.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(500)
  minQualified?: number;

  @Field(() => Int, { nullable: true, description: '优先级。Higher wins among matching rules, -1000 to 1000 (default 0).' })
  @IsOptional()
  @IsRulePriority()
  priority?: number;
}

@InputType({ description: '修改配备标准详情。Changes to a staffing rule; omitted fields stay as they are. The code stays.' })
export class UpdateStaffingRuleDetails extends StaffingRuleDetailsInput {
  @Field(() => String, { nullable: true, description: '名称。New name (2–100 characters).' })
  @UnlessOmitted()
  @Length(2, 100)
  name?: string;

  @Field(() => RescueTeamKind, { nullable: true, description: '队伍类型。New kind of team.' })
  @UnlessOmitted()
  @IsEnum(RescueTeamKind)
  teamKind?: RescueTeamKind;

  @Field(() => [OrganizationKind], { nullable: true, description: '适用单位类型。New kinds of organization; empty for any.' })
  @UnlessOmitted()
  @ArrayMaxSize(7)
  @IsEnum(OrganizationKind, { each: true })
  organizationKinds?: OrganizationKind[];

  @Field(() => Int, { nullable: true, description: '队长人数。New number of leaders required, 0 to 10.' })
  @UnlessOmitted()
  @IsInt()
  @Min(0)
  @Max(10)
  minLeaders?: number;

  @Field(() => Int, { nullable: true, description: '队员人数。New number of members required, 0 to 500.' })
  @UnlessOmitted()
  @IsInt()
  @Min(0)
  @Max(500)
  minMembers?: number;

  @Field(() => Int, { nullable: true, description: '每班执勤人数。New number required per shift, 0 to 100.' })
  @UnlessOmitted()
  @IsInt()
  @Min(0)
  @Max(100)
  minOnDutyPerShift?: number;

  @Field(() => Int, { nullable: true, description: '持证人数。New number of qualified members required, 0 to 500.' })
  @UnlessOmitted()
  @IsInt()
  @Min(0)
  @Max(500)
  minQualified?: number;

  @Field(() => Int, { nullable: true, description: '优先级。New priority, -1000 to 1000.' })
  @UnlessOmitted()
  @IsRulePriority()
  priority?: number;
}

@InputType({ description: '修改配备标准输入。Names the rule and the version you read, with the changes.' })
export class UpdateStaffingRuleInput extends Versioned(UpdateStaffingRuleDetails) {}

@InputType({ description: '人员配备标准筛选。Filters for the staffing rule list; all given filters must match.' })
export class StaffingRuleFilter extends ListFilter {
  @Field(() => RescueTeamKind, { nullable: true, description: '队伍类型。Only rules for this kind of team.' })
  @IsOptional()
  @IsEnum(RescueTeamKind)
  teamKind?: RescueTeamKind;

  @Field(() => Boolean, { nullable: true, description: '含已归档。Include withdrawn rules (default false; true in a change feed).' })
  @IsOptional()
  @IsBoolean()
  includeArchived?: boolean;
}

@ArgsType()
export class StaffingRuleListArgs extends PageArgs {
  @FilterField(() => StaffingRuleFilter, '筛选条件。Which staffing rules to list.')
  filter?: StaffingRuleFilter;

  @OrderByField(StaffingRuleOrder, 'by team kind, then highest priority first')
  orderBy?: OrderInput<keyof typeof StaffingRuleOrder.Field>[];
}
