import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsBoolean, IsDefined, IsEnum, IsInt, IsOptional, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { FilterField, ListFilter, LocalDateScalar, OrderByField, PageArgs, UUIDScalar, UnlessOmitted, Versioned, type OrderInput } from '@platform/core';
import { RescueTeamActivityKind, RescueTeamKind, RescueTeamReadiness, TeamEquipmentCategory, TeamEquipmentCondition, TeamMemberRole } from './command.enums';
import { PHONE, PHONE_MESSAGE } from './command.inputs';
import { RescueTeamOrder, StaffingShortfallOrder } from './command.orders';

@InputType({ description: '救援队伍详细信息。Optional fields of a rescue team, shared by create and update; null clears a field on update.' })
export class RescueTeamDetailsInput {
  @Field(() => String, { nullable: true, description: '驻地。Where the team is based (up to 200 characters).' })
  @IsOptional()
  @Length(1, 200)
  baseAddress?: string | null;

  @Field(() => String, { nullable: true, description: '值班电话。The team\'s duty phone: a mobile number or a landline.' })
  @IsOptional()
  @Matches(PHONE, { message: `dutyPhone ${PHONE_MESSAGE}` })
  dutyPhone?: string | null;
}

@InputType({ description: '新建救援队伍输入。A rescue team to set up under an organization in your scope.' })
export class CreateRescueTeamInput extends RescueTeamDetailsInput {
  @Field(() => UUIDScalar, { description: '所属单位标识。The organization the team belongs to (within your scope).' })
  @IsUUID()
  organizationId: string;

  @Field(() => RescueTeamKind, { description: '类型。What kind of team.' })
  @IsEnum(RescueTeamKind)
  kind: RescueTeamKind;

  @Field({ description: '名称。Name (2–100 characters), unique among the organization\'s standing teams.' })
  @Length(2, 100)
  name: string;

  @Field(() => Int, { nullable: true, description: '班次数。How many shifts rotate, 1 to 7 (default 1).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(7)
  shiftCount?: number;

  @Field(() => RescueTeamReadiness, { nullable: true, description: '战备状态。How ready the team is (default READY).' })
  @IsOptional()
  @IsEnum(RescueTeamReadiness)
  readiness?: RescueTeamReadiness;
}

@InputType({ description: '修改救援队伍详情。Changes to a rescue team; omitted fields stay as they are. Patrols and drills are recorded with recordTeamActivity.' })
export class UpdateRescueTeamDetails extends RescueTeamDetailsInput {
  @Field(() => String, { nullable: true, description: '名称。New name (2–100 characters).' })
  @UnlessOmitted()
  @Length(2, 100)
  name?: string;

  @Field(() => RescueTeamKind, { nullable: true, description: '类型。New kind.' })
  @UnlessOmitted()
  @IsEnum(RescueTeamKind)
  kind?: RescueTeamKind;

  @Field(() => Int, { nullable: true, description: '班次数。New number of shifts, 1 to 7, not below a shift a serving member is on.' })
  @UnlessOmitted()
  @IsInt()
  @Min(1)
  @Max(7)
  shiftCount?: number;

  @Field(() => RescueTeamReadiness, { nullable: true, description: '战备状态。New readiness.' })
  @UnlessOmitted()
  @IsEnum(RescueTeamReadiness)
  readiness?: RescueTeamReadiness;
}

@InputType({ description: '修改救援队伍输入。Names the team and the version you read, with the changes.' })
export class UpdateRescueTeamInput extends Versioned(UpdateRescueTeamDetails) {}

@InputType({ description: '队伍活动详情。A patrol or drill of a team.' })
export class TeamActivityDetails {
  @Field(() => RescueTeamActivityKind, { description: '活动类型。Patrol or drill.' })
  @IsEnum(RescueTeamActivityKind)
  kind: RescueTeamActivityKind;

  @Field(() => LocalDateScalar, { description: '日期。Day of the activity, YYYY-MM-DD, not in the future (China time); an earlier day than the last one recorded leaves the last one.' })
  on: string;
}

@InputType({ description: '记录队伍活动输入。Names the team and the version you read, with the patrol or drill.' })
export class RecordTeamActivityInput extends Versioned(TeamActivityDetails) {}

@InputType({ description: '新增队员输入。A person joining a team.' })
export class AddTeamMemberInput {
  @Field(() => UUIDScalar, { description: '队伍标识。The team (within your scope).' })
  @IsUUID()
  teamId: string;

  @Field(() => UUIDScalar, { description: '人员标识。The person joining (one you may read, not already serving in the team).' })
  @IsUUID()
  personId: string;

  @Field(() => TeamMemberRole, { description: '职务。Role in the team.' })
  @IsEnum(TeamMemberRole)
  role: TeamMemberRole;

  @Field(() => [String], { nullable: true, description: '资格证书。Qualifications held (up to 10, each 2–50 characters), e.g. 消防设施操作员.' })
  @IsOptional()
  @ArrayMaxSize(10)
  @Length(2, 50, { each: true })
  qualifications?: string[];

  @Field(() => Int, { nullable: true, description: '班次。The shift the member is on duty in, 1 to the team\'s shift count; omit when not on the rota.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  shift?: number | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '入队日期。Day of joining, YYYY-MM-DD, not in the future (default today).' })
  @IsOptional()
  joinedOn?: string;
}

@InputType({ description: '修改队员详情。Changes to a serving member; omitted fields stay as they are.' })
export class UpdateTeamMemberDetails {
  @Field(() => TeamMemberRole, { nullable: true, description: '职务。New role.' })
  @UnlessOmitted()
  @IsEnum(TeamMemberRole)
  role?: TeamMemberRole;

  @Field(() => [String], { nullable: true, description: '资格证书。The qualifications now held (replacing the list; up to 10, each 2–50 characters).' })
  @UnlessOmitted()
  @ArrayMaxSize(10)
  @Length(2, 50, { each: true })
  qualifications?: string[];

  @Field(() => Int, { nullable: true, description: '班次。New shift, 1 to the team\'s shift count; null takes the member off the rota.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  shift?: number | null;
}

@InputType({ description: '修改队员输入。Names the membership and the version you read, with the changes.' })
export class UpdateTeamMemberInput extends Versioned(UpdateTeamMemberDetails) {}

@InputType({ description: '离队详情。When a member left the team.' })
export class TeamMembershipEndDetails {
  @Field(() => LocalDateScalar, { description: '离队日期。Day of leaving, YYYY-MM-DD, not in the future and not before joining.' })
  leftOn: string;
}

@InputType({ description: '离队输入。Names the membership and the version you read, with the day the member left.' })
export class EndTeamMembershipInput extends Versioned(TeamMembershipEndDetails) {}

@InputType({ description: '新增装备输入。Equipment a team takes on.' })
export class AddTeamEquipmentInput {
  @Field(() => UUIDScalar, { description: '队伍标识。The team (within your scope).' })
  @IsUUID()
  teamId: string;

  @Field({ description: '名称。What it is (2–100 characters), e.g. 手抬机动消防泵.' })
  @Length(2, 100)
  name: string;

  @Field(() => TeamEquipmentCategory, { description: '类别。Category.' })
  @IsEnum(TeamEquipmentCategory)
  category: TeamEquipmentCategory;

  @Field(() => Int, { description: '数量。How many units, 1 to 100,000.' })
  @IsInt()
  @Min(1)
  @Max(100_000)
  quantity: number;

  @Field(() => TeamEquipmentCondition, { nullable: true, description: '状况。Condition (default GOOD).' })
  @IsOptional()
  @IsEnum(TeamEquipmentCondition)
  condition?: TeamEquipmentCondition;

  @Field(() => LocalDateScalar, { nullable: true, description: '检查日期。Day of the last check, YYYY-MM-DD, not in the future; omit when never checked.' })
  @IsOptional()
  checkedOn?: string | null;
}

@InputType({ description: '修改装备详情。Changes to equipment after a check; omitted fields stay as they are.' })
export class UpdateTeamEquipmentDetails {
  @Field(() => Int, { nullable: true, description: '数量。New number of units, 1 to 100,000.' })
  @UnlessOmitted()
  @IsInt()
  @Min(1)
  @Max(100_000)
  quantity?: number;

  @Field(() => TeamEquipmentCondition, { nullable: true, description: '状况。New condition.' })
  @UnlessOmitted()
  @IsEnum(TeamEquipmentCondition)
  condition?: TeamEquipmentCondition;

  @Field(() => LocalDateScalar, { nullable: true, description: '检查日期。Day of the check, YYYY-MM-DD, not in the future.' })
  @UnlessOmitted()
  @IsDefined({ message: 'checkedOn cannot be cleared: omit it to keep the day.' })
  checkedOn?: string;
}

@InputType({ description: '修改装备输入。Names the equipment and the version you read, with the changes.' })
export class UpdateTeamEquipmentInput extends Versioned(UpdateTeamEquipmentDetails) {}

@InputType({ description: '救援队伍筛选。Filters for rescue team lists; all given filters must match.' })
export class RescueTeamFilter extends ListFilter {
  @Field(() => UUIDScalar, { nullable: true, description: '所属子树。Only teams of this organization or one below it.' })
  @IsOptional()
  @IsUUID()
  withinSubtreeOf?: string;

  @Field(() => [RescueTeamKind], { nullable: true, description: '类型。Only these kinds.' })
  @IsOptional()
  @ArrayMaxSize(6)
  @IsEnum(RescueTeamKind, { each: true })
  kinds?: RescueTeamKind[];

  @Field(() => [RescueTeamReadiness], { nullable: true, description: '战备状态。Only teams in one of these states.' })
  @IsOptional()
  @ArrayMaxSize(3)
  @IsEnum(RescueTeamReadiness, { each: true })
  readiness?: RescueTeamReadiness[];

  @Field(() => Boolean, { nullable: true, description: '含已归档。Include disbanded teams (default false; true in a change feed).' })
  @IsOptional()
  @IsBoolean()
  includeArchived?: boolean;
}

@ArgsType()
export class RescueTeamListArgs extends PageArgs {
  @FilterField(() => RescueTeamFilter, '筛选条件。Which teams to list.')
  filter?: RescueTeamFilter;

  @OrderByField(RescueTeamOrder, 'by name')
  orderBy?: OrderInput<keyof typeof RescueTeamOrder.Field>[];
}

@ArgsType()
export class TeamMemberPageArgs extends PageArgs {
  @Field(() => Boolean, { nullable: true, description: '含已离队。Include members who left (default false).' })
  @IsOptional()
  @IsBoolean()
  includeFormer?: boolean;
}

/** Computed from the teams, their members and the rules: no change feed (theirs carry the changes). */
@InputType({ description: '人员配备不足筛选。Filters for the staffing shortfalls; all given filters must match.' })
export class StaffingShortfallFilter {
  @Field(() => UUIDScalar, { nullable: true, description: '所属子树。Only teams of this organization or one below it.' })
  @IsOptional()
  @IsUUID()
  withinSubtreeOf?: string;

  @Field(() => [RescueTeamKind], { nullable: true, description: '类型。Only teams of these kinds.' })
  @IsOptional()
  @ArrayMaxSize(6)
  @IsEnum(RescueTeamKind, { each: true })
  kinds?: RescueTeamKind[];
}

@ArgsType()
export class StaffingShortfallArgs extends PageArgs {
  @FilterField(() => StaffingShortfallFilter, '筛选条件。Which teams to measure.')
  filter?: StaffingShortfallFilter;

  @OrderByField(StaffingShortfallOrder, 'by team name')
  orderBy?: OrderInput<keyof typeof StaffingShortfallOrder.Field>[];
}
