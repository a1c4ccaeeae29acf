import { ArgsType, Field, InputType } from 'type-graphql';
import { ArrayMaxSize, IsBoolean, IsEnum, IsOptional, IsUUID, Length } from 'class-validator';
import { FilterField, ListFilter, LocalDateScalar, OrderByField, PageArgs, UUIDScalar, UnlessOmitted, Versioned, type OrderInput } from '@platform/core';
import { KeyProjectStage, ThreeSimultaneityStage } from './registries.enums';
import { KeyProjectOrder } from './registries.orders';

@InputType({ description: '重点建设项目筛选。Filters for key projects; all given filters must match.' })
export class KeyProjectFilter extends ListFilter {
  @Field(() => [KeyProjectStage], { nullable: true, description: '阶段。Only these stages.' })
  @IsOptional()
  @ArrayMaxSize(5)
  @IsEnum(KeyProjectStage, { each: true })
  stages?: KeyProjectStage[];

  @Field(() => Boolean, { nullable: true, description: '三同时缺项。Only projects missing a 三同时 stage they have reached (true: DESIGN from the design stage, CONSTRUCTION from construction, OPERATION once completed), or only complete ones (false).' })
  @IsOptional()
  @IsBoolean()
  missingStage?: boolean;

  @Field(() => UUIDScalar, { nullable: true, description: '所属子树。Only projects whose owner is this organization or below it.' })
  @IsOptional()
  @IsUUID()
  withinSubtreeOf?: string;

  @Field(() => UUIDScalar, { nullable: true, description: '监管部门标识。Only projects this department supervises.' })
  @IsOptional()
  @IsUUID()
  supervisingDepartmentId?: string;
}

@ArgsType()
export class KeyProjectListArgs extends PageArgs {
  @FilterField(() => KeyProjectFilter, '筛选条件。Which projects to list.')
  filter?: KeyProjectFilter;

  @OrderByField(KeyProjectOrder, 'by name')
  orderBy?: OrderInput<keyof typeof KeyProjectOrder.Field>[];
}

@InputType({ description: '登记重点建设项目。A key construction project.' })
export class CreateKeyProjectInput {
  @Field({ description: '项目名称。The project (2–200 characters).' })
  @Length(2, 200)
  name: string;

  @Field(() => UUIDScalar, { description: '建设单位标识。The owner, an organization within your scope.' })
  @IsUUID()
  ownerOrganizationId: string;

  @Field({ description: '施工单位。The builder (2–200 characters).' })
  @Length(2, 200)
  builderName: string;

  @Field(() => KeyProjectStage, { nullable: true, description: '项目阶段。Where it stands (default PLANNING).' })
  @IsOptional()
  @IsEnum(KeyProjectStage)
  stage?: KeyProjectStage;

  @Field(() => UUIDScalar, { description: '监管部门标识。The supervising department (an active organization of kind DEPARTMENT).' })
  @IsUUID()
  supervisingDepartmentId: string;

  @Field(() => String, { nullable: true, description: '项目说明。Scale, location and main works (up to 2000 characters).' })
  @IsOptional()
  @Length(1, 2000)
  description?: string;
}

@InputType({ description: '修改重点建设项目详情。Changes to a key project; omitted fields stay as they are.' })
export class KeyProjectDetails {
  @Field({ nullable: true, description: '项目名称。New name (2–200 characters).' })
  @UnlessOmitted()
  @Length(2, 200)
  name?: string;

  @Field({ nullable: true, description: '施工单位。New builder (2–200 characters).' })
  @UnlessOmitted()
  @Length(2, 200)
  builderName?: string;

  @Field(() => KeyProjectStage, { nullable: true, description: '项目阶段。The stage it has moved to (stages go forward only).' })
  @UnlessOmitted()
  @IsEnum(KeyProjectStage)
  stage?: KeyProjectStage;

  @Field(() => UUIDScalar, { nullable: true, description: '监管部门标识。New supervising department.' })
  @UnlessOmitted()
  @IsUUID()
  supervisingDepartmentId?: string;

  @Field(() => String, { nullable: true, description: '项目说明。New description (null clears it).' })
  @IsOptional()
  @Length(1, 2000)
  description?: string | null;
}

@InputType({ description: '修改重点建设项目。Changes a key project; needs the version you read.' })
export class UpdateKeyProjectInput extends Versioned(KeyProjectDetails) {}

@InputType({ description: '登记三同时阶段。Records one 三同时 stage of a project (once per stage).' })
export class RecordThreeSimultaneityInput {
  @Field(() => UUIDScalar, { description: '项目标识。The project, within your scope.' })
  @IsUUID()
  projectId: string;

  @Field(() => ThreeSimultaneityStage, { description: '阶段。The stage recorded; the project must have reached it.' })
  @IsEnum(ThreeSimultaneityStage)
  stage: ThreeSimultaneityStage;

  @Field({ description: '文号。The approval or acceptance document number (2–100 characters).' })
  @Length(2, 100)
  documentNumber: string;

  @Field(() => LocalDateScalar, { description: '日期。The day of the approval or acceptance (not in the future).' })
  approvedOn: string;

  @Field(() => String, { nullable: true, description: '说明。Who approved or accepted, conditions (up to 2000 characters).' })
  @IsOptional()
  @Length(1, 2000)
  note?: string;

  @Field(() => [UUIDScalar], { nullable: true, description: '佐证材料。Uploaded files (approval, acceptance report, photos), at most 20.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  attachmentIds?: string[];
}
