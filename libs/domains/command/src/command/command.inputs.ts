import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsBoolean, IsEnum, IsInt, IsOptional, IsUUID, Length, Matches, Max, Min, ValidateIf } from 'class-validator';
import { FilterField, ListFilter, OrderByField, PageArgs, UUIDScalar, Versioned, UnlessOmitted, type OrderInput } from '@platform/core';
import { CommandBodyKind } from './command.enums';
import { CommandBodyOrder } from './command.orders';

/** A mobile number (optionally +86) or a landline such as 023-71234567. */
export const PHONE = /^(?:(?:\+86)?1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;
export const PHONE_MESSAGE = 'must be an 11-digit mobile number or a landline such as 023-71234567';

@InputType({ description: '指挥机构详细信息。Optional fields of a command body, shared by create and update; null clears a field on update.' })
export class CommandBodyDetailsInput {
  @Field(() => String, { nullable: true, description: '办公地址。Where the body sits (up to 200 characters).' })
  @IsOptional()
  @Length(1, 200)
  address?: string | null;

  @Field(() => String, { nullable: true, description: '值班电话。The 24-hour duty phone: a mobile number or a landline such as 023-71234567.' })
  @IsOptional()
  @Matches(PHONE, { message: `dutyPhone ${PHONE_MESSAGE}` })
  dutyPhone?: string | null;
}

@InputType({ description: '新建指挥机构输入。A command body to set up under the town government or a village.' })
export class CreateCommandBodyInput extends CommandBodyDetailsInput {
  @Field(() => UUIDScalar, { description: '所属单位标识。The town government or village (within your scope); one standing body of each kind per organization.' })
  @IsUUID()
  organizationId: string;

  @Field(() => CommandBodyKind, { description: '类型。Headquarters or joint command room.' })
  @IsEnum(CommandBodyKind)
  kind: CommandBodyKind;

  @Field({ description: '名称。Name (2–100 characters), e.g. 南平镇应急指挥部.' })
  @Length(2, 100)
  name: string;
}

@InputType({ description: '修改指挥机构详情。Changes to a command body; omitted fields stay as they are.' })
export class UpdateCommandBodyDetails extends CommandBodyDetailsInput {
  @Field(() => String, { nullable: true, description: '名称。New name (2–100 characters).' })
  @UnlessOmitted()
  @Length(2, 100)
  name?: string;
}

@InputType({ description: '修改指挥机构输入。Names the command body and the version you read, with the changes.' })
export class UpdateCommandBodyInput extends Versioned(UpdateCommandBodyDetails) {}

@InputType({ description: '设置指挥职位输入。Creates a position (give bodyId) or changes one (give id and version); on a change omitted optional fields stay and null clears them.' })
export class SetCommandPositionInput {
  @Field(() => UUIDScalar, { nullable: true, description: '职位标识。The position to change; omit to create a new one.' })
  @IsOptional()
  @IsUUID()
  id?: string;

  @Field(() => Int, { nullable: true, description: '版本号。The version of the position you read; required with id (a stale one is refused with CONFLICT).' })
  @ValidateIf((i: SetCommandPositionInput) => i.id != null || i.version != null)
  @IsInt()
  @Min(1)
  version?: number;

  @Field(() => UUIDScalar, { nullable: true, description: '指挥机构标识。The body to add the position to; required without id.' })
  @ValidateIf((i: SetCommandPositionInput) => i.id == null || i.bodyId != null)
  @IsUUID()
  bodyId?: string;

  @Field({ description: '职位。Title (1–50 characters), e.g. 指挥长, 副指挥长, 成员, 平安法治板块.' })
  @Length(1, 50)
  title: string;

  @Field(() => String, { nullable: true, description: '职责。What the position leads (up to 500 characters), e.g. 负责防汛抗旱.' })
  @IsOptional()
  @Length(1, 500)
  responsibility?: string | null;

  @Field(() => UUIDScalar, { description: '担任人标识。The person holding the position (one you may read).' })
  @IsUUID()
  holderPersonId: string;

  @Field(() => UUIDScalar, { nullable: true, description: 'AB角标识。The deputy standing in for the holder (one you may read, not the holder).' })
  @IsOptional()
  @IsUUID()
  deputyPersonId?: string | null;

  @Field(() => Int, { nullable: true, description: '排序。Position in the list, 0 to 9999 (new positions go last when omitted).' })
  @UnlessOmitted()
  @IsInt()
  @Min(0)
  @Max(9999)
  sortOrder?: number;

  @Field(() => String, { nullable: true, description: '办公电话。Office phone of the position: a mobile number or a landline.' })
  @IsOptional()
  @Matches(PHONE, { message: `contactPhone ${PHONE_MESSAGE}` })
  contactPhone?: string | null;
}

@InputType({ description: '指挥机构筛选。Filters for command body lists; all given filters must match.' })
export class CommandBodyFilter extends ListFilter {
  @Field(() => UUIDScalar, { nullable: true, description: '所属子树。Only bodies of this organization or one below it.' })
  @IsOptional()
  @IsUUID()
  withinSubtreeOf?: string;

  @Field(() => [CommandBodyKind], { nullable: true, description: '类型。Only these kinds.' })
  @IsOptional()
  @ArrayMaxSize(2)
  @IsEnum(CommandBodyKind, { each: true })
  kinds?: CommandBodyKind[];

  @Field(() => Boolean, { nullable: true, description: '含已归档。Include dissolved bodies (default false; true in a change feed).' })
  @IsOptional()
  @IsBoolean()
  includeArchived?: boolean;
}

@ArgsType()
export class CommandBodyListArgs extends PageArgs {
  @FilterField(() => CommandBodyFilter, '筛选条件。Which command bodies to list.')
  filter?: CommandBodyFilter;

  @OrderByField(CommandBodyOrder, 'by name')
  orderBy?: OrderInput<keyof typeof CommandBodyOrder.Field>[];
}
