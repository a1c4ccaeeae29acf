import { ArgsType, Field, InputType } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsDefined, IsOptional, IsUUID, Length, Matches } from 'class-validator';
import { FilterField, ListFilter, OrderByField, PageArgs, UUIDScalar, Versioned, LocalDateScalar, UnlessOmitted, type OrderInput } from '@platform/core';
import { CampaignOrder } from './campaign.orders';

const SECTOR = /^[A-Z][A-Z0-9_]{1,49}$/;

@InputType({ description: '专项整治详细信息。Optional fields of a campaign, shared by create and update; null clears a field on update.' })
export class CampaignDetailsInput {
  @Field(() => String, { nullable: true, description: '行业代码。Code of an industry sector, e.g. HAZARDOUS_CHEMICALS.' })
  @IsOptional()
  @Matches(SECTOR, { message: 'sectorCode must be a sector code such as HAZARDOUS_CHEMICALS' })
  sectorCode?: string | null;

  @Field(() => String, { nullable: true, description: '说明。Aims and scope (up to 2000 characters).' })
  @IsOptional()
  @Length(1, 2000)
  description?: string | null;
}

@InputType({ description: '新建专项整治输入。A campaign to start.' })
export class CreateCampaignInput extends CampaignDetailsInput {
  @Field({ description: '名称。Name of the campaign (2–100 characters).' })
  @Length(2, 100)
  name: string;

  @Field(() => LocalDateScalar, { description: '开始日期。First day, YYYY-MM-DD.' })
  startsOn: string;

  @Field(() => LocalDateScalar, { description: '结束日期。Last day, YYYY-MM-DD, not before the first.' })
  endsOn: string;
}

@InputType({ description: '修改专项整治详情。Changes to a campaign; omitted fields stay as they are.' })
export class UpdateCampaignDetails extends CampaignDetailsInput {
  @Field(() => String, { nullable: true, description: '名称。New name (2–100 characters).' })
  @UnlessOmitted()
  @Length(2, 100)
  name?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '开始日期。New first day, YYYY-MM-DD.' })
  @UnlessOmitted()
  @IsDefined({ message: 'startsOn cannot be cleared: omit it to keep the day.' })
  startsOn?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '结束日期。New last day, YYYY-MM-DD, not before the first.' })
  @UnlessOmitted()
  @IsDefined({ message: 'endsOn cannot be cleared: omit it to keep the day.' })
  endsOn?: string;
}

@InputType({ description: '修改专项整治输入。Names the campaign and the version you read, with the changes.' })
export class UpdateCampaignInput extends Versioned(UpdateCampaignDetails) {}

@ArgsType()
export class AddCampaignTargetsArgs {
  @Field(() => UUIDScalar, { description: '专项整治标识。The campaign.' })
  @IsUUID()
  campaignId: string;

  @Field(() => [UUIDScalar], { description: '对象单位标识。Organizations to target (1–100); ones already targeted are left as they are.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  organizationIds: string[];
}

@ArgsType()
export class LinkCampaignHazardsArgs {
  @Field(() => UUIDScalar, { description: '专项整治标识。The campaign.' })
  @IsUUID()
  campaignId: string;

  @Field(() => [UUIDScalar], { description: '隐患标识。Hazards to follow (1–100, readable by you); ones already linked are left as they are.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  hazardIds: string[];
}

@InputType({ description: '专项整治筛选。Filters for campaign lists.' })
export class CampaignFilter extends ListFilter {
  @Field(() => LocalDateScalar, { nullable: true, description: '进行日期。Only campaigns running on this day (YYYY-MM-DD).' })
  @IsOptional()
  activeOn?: string;
}

@ArgsType()
export class CampaignListArgs extends PageArgs {
  @FilterField(() => CampaignFilter, '筛选条件。Which campaigns to list.')
  filter?: CampaignFilter;

  @OrderByField(CampaignOrder, 'latest start first')
  orderBy?: OrderInput<keyof typeof CampaignOrder.Field>[];
}
