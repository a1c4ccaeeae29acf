import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsBoolean, IsInt, IsOptional, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { FilterField, ListFilter, OrderByField, PageArgs, UUIDScalar, UnlessOmitted, Versioned, type OrderInput } from '@platform/core';
import { PHONE_PATTERN, PHONE_RULE } from '@platform/directory';
import { JointDefenseGroupOrder, VulnerableHouseholdOrder } from './joint-defense.orders';

/** Upper bound of the people of one household (and so of each kind of vulnerable member). */
export const MAX_MEMBERS = 30;

@InputType({ description: '联防联系人输入。One entry of a group\'s call chain.' })
export class JointDefenseContactInput {
  @Field({ description: '姓名。Who to call (1–30 characters).' })
  @Length(1, 30)
  name: string;

  @Field(() => String, { nullable: true, description: '职责。Their part in the call chain, e.g. 信息员 (1–30 characters).' })
  @IsOptional()
  @Length(1, 30)
  role?: string | null;

  @Field({ description: `电话。Phone number: ${PHONE_RULE}.` })
  @Matches(PHONE_PATTERN, { message: `phone must be ${PHONE_RULE}` })
  phone: string;
}

@InputType({ description: '联防组详细信息。Optional fields of a joint defense group, shared by create and update; null clears a field on update.' })
export class JointDefenseGroupDetailsInput {
  @Field(() => String, { nullable: true, description: '片区。The area the group covers, e.g. 文凤村3组 (1–200 characters).' })
  @IsOptional()
  @Length(1, 200)
  area?: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: '副组长标识。The deputy leader, a person you may read, not the leader.' })
  @IsOptional()
  @IsUUID()
  deputyPersonId?: string | null;

  @Field(() => [JointDefenseContactInput], { nullable: true, description: '联系人。The call chain (up to 12 entries); on update it replaces the old one, null empties it.' })
  @IsOptional()
  @ArrayMaxSize(12)
  @ValidateNested({ each: true })
  @Type(() => JointDefenseContactInput)
  contacts?: JointDefenseContactInput[] | null;
}

@InputType({ description: '新建联防组输入。A joint defense group to set up.' })
export class CreateJointDefenseGroupInput extends JointDefenseGroupDetailsInput {
  @Field(() => UUIDScalar, { description: '所属单位标识。The village, community or grid (within your scope) the group belongs to.' })
  @IsUUID()
  organizationId: string;

  @Field({ description: '名称。Name of the group (2–60 characters), unique among the organization\'s active groups.' })
  @Length(2, 60)
  name: string;

  @Field(() => UUIDScalar, { description: '联防组长标识。The leader, a person you may read.' })
  @IsUUID()
  leaderPersonId: string;
}

@InputType({ description: '修改联防组详情。Changes to a joint defense group; omitted fields stay as they are.' })
export class UpdateJointDefenseGroupDetails extends JointDefenseGroupDetailsInput {
  @Field(() => UUIDScalar, { nullable: true, description: '所属单位标识。Moves the group (with its households) to another village, community or grid within your scope.' })
  @UnlessOmitted()
  @IsUUID()
  organizationId?: string;

  @Field(() => String, { nullable: true, description: '名称。New name (2–60 characters).' })
  @UnlessOmitted()
  @Length(2, 60)
  name?: string;

  @Field(() => UUIDScalar, { nullable: true, description: '联防组长标识。New leader, a person you may read.' })
  @UnlessOmitted()
  @IsUUID()
  leaderPersonId?: string;
}

@InputType({ description: '修改联防组输入。Names the group and the version you read, with the changes.' })
export class UpdateJointDefenseGroupInput extends Versioned(UpdateJointDefenseGroupDetails) {}

@InputType({ description: '联防组筛选。Filters for joint defense group lists; all given filters must match.' })
export class JointDefenseGroupFilter extends ListFilter {
  @Field(() => UUIDScalar, { nullable: true, description: '所属子树。Only groups of this organization or one below it.' })
  @IsOptional()
  @IsUUID()
  withinSubtreeOf?: string;

  @Field(() => Boolean, { nullable: true, description: '含已归档。Include dissolved (archived) groups (default false).' })
  @IsOptional()
  @IsBoolean()
  includeArchived?: boolean;
}

@ArgsType()
export class JointDefenseGroupListArgs extends PageArgs {
  @FilterField(() => JointDefenseGroupFilter, '筛选条件。Which groups to list.')
  filter?: JointDefenseGroupFilter;

  @OrderByField(JointDefenseGroupOrder, 'by name')
  orderBy?: OrderInput<keyof typeof JointDefenseGroupOrder.Field>[];
}

@InputType({ description: '住户详细信息。Optional fields of a household, shared by add and update; null clears a field on update (flags and counts go back to none).' })
export class HouseholdDetailsInput {
  @Field(() => UUIDScalar, { nullable: true, description: '户主人员标识。Links the head of the household to a person of the directory you may read.' })
  @IsOptional()
  @IsUUID()
  headPersonId?: string | null;

  @Field(() => String, { nullable: true, description: `电话。The household's phone (personal data): ${PHONE_RULE}.` })
  @IsOptional()
  @Matches(PHONE_PATTERN, { message: `phone must be ${PHONE_RULE}` })
  phone?: string | null;

  @Field(() => Boolean, { nullable: true, description: '独居老人。An elderly person living alone (personal data; default false).' })
  @IsOptional()
  @IsBoolean()
  elderlyLivingAlone?: boolean | null;

  @Field(() => Int, { nullable: true, description: `残疾人数。Members with a disability (personal data), 0 to the household's members (default 0).` })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_MEMBERS)
  disabledMembers?: number | null;

  @Field(() => Int, { nullable: true, description: `儿童人数。Children (留守/未成年, personal data), 0 to the household's members (default 0).` })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_MEMBERS)
  childrenMembers?: number | null;

  @Field(() => String, { nullable: true, description: '其他情况。Another reason to help the household first, e.g. 行动不便 or 孕妇 (personal data, 1–200 characters).' })
  @IsOptional()
  @Length(1, 200)
  vulnerabilityNote?: string | null;
}

@InputType({ description: '添加住户输入。A household to list in a joint defense group.' })
export class AddHouseholdInput extends HouseholdDetailsInput {
  @Field(() => UUIDScalar, { description: '联防组标识。The active group (within your scope) to list the household in.' })
  @IsUUID()
  groupId: string;

  @Field({ description: '户主。Name of the head of the household (1–30 characters).' })
  @Length(1, 30)
  headName: string;

  @Field({ description: '住址。Address, e.g. 文凤村3组 (2–200 characters).' })
  @Length(2, 200)
  address: string;

  @Field(() => Int, { description: `人数。People living in the household, 1 to ${MAX_MEMBERS}.` })
  @IsInt()
  @Min(1)
  @Max(MAX_MEMBERS)
  memberCount: number;
}

@InputType({ description: '修改住户详情。Changes to a household; omitted fields stay as they are.' })
export class UpdateHouseholdDetails extends HouseholdDetailsInput {
  @Field(() => UUIDScalar, { nullable: true, description: '联防组标识。Moves the household to another active group within your scope.' })
  @UnlessOmitted()
  @IsUUID()
  groupId?: string;

  @Field(() => String, { nullable: true, description: '户主。New head of the household (1–30 characters).' })
  @UnlessOmitted()
  @Length(1, 30)
  headName?: string;

  @Field(() => String, { nullable: true, description: '住址。New address (2–200 characters).' })
  @UnlessOmitted()
  @Length(2, 200)
  address?: string;

  @Field(() => Int, { nullable: true, description: `人数。New number of people, 1 to ${MAX_MEMBERS}.` })
  @UnlessOmitted()
  @IsInt()
  @Min(1)
  @Max(MAX_MEMBERS)
  memberCount?: number;
}

@InputType({ description: '修改住户输入。Names the household and the version you read, with the changes.' })
export class UpdateHouseholdInput extends Versioned(UpdateHouseholdDetails) {}

@InputType({ description: '重点住户筛选。Filters for the list of vulnerable households.' })
export class VulnerableHouseholdFilter extends ListFilter {
  @Field(() => UUIDScalar, { nullable: true, description: '所属子树。Only households of this organization or one below it (default: all in your scope).' })
  @IsOptional()
  @IsUUID()
  withinSubtreeOf?: string;
}

@ArgsType()
export class VulnerableHouseholdsArgs extends PageArgs {
  @FilterField(() => VulnerableHouseholdFilter, '筛选条件。Which households to list.')
  filter?: VulnerableHouseholdFilter;

  @OrderByField(VulnerableHouseholdOrder, 'group by group, then by the head\'s name')
  orderBy?: OrderInput<keyof typeof VulnerableHouseholdOrder.Field>[];
}
