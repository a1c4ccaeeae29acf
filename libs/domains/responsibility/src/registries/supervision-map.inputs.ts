import { ArgsType, Field, InputType } from 'type-graphql';
import { ArrayMaxSize, IsBoolean, IsEnum, IsOptional, IsUUID, Length, Matches } from 'class-validator';
import { FilterField, ListFilter, LocalDateScalar, OrderByField, PageArgs, UUIDScalar, Versioned, type OrderInput } from '@platform/core';
import { OrganizationOrder, type OrganizationOrderInput } from '@platform/directory';
import { NewBusinessFormatStatus } from './registries.enums';
import { NewBusinessFormatOrder, SupervisionAssignmentOrder } from './registries.orders';

const SECTOR_CODE = /^[A-Z][A-Z0-9_]{1,39}$/;

@InputType({ description: '行业监管职责筛选。Filters for supervision assignments; all given filters must match.' })
export class SupervisionAssignmentFilter extends ListFilter {
  @Field(() => UUIDScalar, { nullable: true, description: '监管部门标识。Only this department\'s assignments.' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @Field(() => [String], { nullable: true, description: '行业代码。Only these sectors.' })
  @IsOptional()
  @ArrayMaxSize(50)
  @Matches(SECTOR_CODE, { each: true })
  sectorCodes?: string[];

  @Field(() => Boolean, { nullable: true, description: '仅有效。Only active assignments (true), only ended ones (false); both when absent.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

@ArgsType()
export class SupervisionAssignmentListArgs extends PageArgs {
  @FilterField(() => SupervisionAssignmentFilter, '筛选条件。Which assignments to list.')
  filter?: SupervisionAssignmentFilter;

  @OrderByField(SupervisionAssignmentOrder, 'by sector, newest first')
  orderBy?: OrderInput<keyof typeof SupervisionAssignmentOrder.Field>[];
}

@InputType({ description: '监管空白筛选。Which enterprises to check for a supervising department.' })
export class SupervisionGapFilter {
  @Field(() => UUIDScalar, { nullable: true, description: '所属子树。Only enterprises at or below this organization.' })
  @IsOptional()
  @IsUUID()
  withinSubtreeOf?: string;

  @Field(() => [String], { nullable: true, description: '行业代码。Only enterprises of these sectors.' })
  @IsOptional()
  @ArrayMaxSize(50)
  @Matches(SECTOR_CODE, { each: true })
  sectorCodes?: string[];
}

@ArgsType()
export class SupervisionGapArgs extends PageArgs {
  @FilterField(() => SupervisionGapFilter, '筛选条件。Which enterprises to check.')
  filter?: SupervisionGapFilter;

  @OrderByField(OrganizationOrder, 'tree order')
  orderBy?: OrganizationOrderInput[];
}

@InputType({ description: '新兴业态筛选。Filters for new business formats.' })
export class NewBusinessFormatFilter extends ListFilter {
  @Field(() => [NewBusinessFormatStatus], { nullable: true, description: '状态。Only these statuses (PENDING: the formats still without a supervisor).' })
  @IsOptional()
  @ArrayMaxSize(2)
  @IsEnum(NewBusinessFormatStatus, { each: true })
  statuses?: NewBusinessFormatStatus[];
}

@ArgsType()
export class NewBusinessFormatListArgs extends PageArgs {
  @FilterField(() => NewBusinessFormatFilter, '筛选条件。Which formats to list.')
  filter?: NewBusinessFormatFilter;

  @OrderByField(NewBusinessFormatOrder, 'pending first, by the day reported')
  orderBy?: OrderInput<keyof typeof NewBusinessFormatOrder.Field>[];
}

@InputType({ description: '新增行业监管职责。Assigns a department to an industry sector in an organization subtree.' })
export class CreateSupervisionAssignmentInput {
  @Field(() => UUIDScalar, { description: '监管部门标识。An active organization of kind DEPARTMENT.' })
  @IsUUID()
  departmentId: string;

  @Field({ description: '行业代码。A sector of `industrySectors`, e.g. WAREHOUSING.' })
  @Matches(SECTOR_CODE)
  sectorCode: string;

  @Field(() => UUIDScalar, { nullable: true, description: '适用范围标识。The root of the subtree it covers (default: the town government, the whole town).' })
  @IsOptional()
  @IsUUID()
  subtreeRootId?: string;

  @Field({ description: '依据。The basis, e.g. 《安全生产法》第三条 (2–500 characters).' })
  @Length(2, 500)
  basis: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '起始日期。The first day it applies (default today; not in the future).' })
  @IsOptional()
  startedOn?: string;
}

@InputType({ description: '终止行业监管职责详情。Why and when an assignment ends.' })
export class EndSupervisionAssignmentDetails {
  @Field(() => LocalDateScalar, { nullable: true, description: '终止日期。The day it stops applying (default today; not in the future, not before it started).' })
  @IsOptional()
  endedOn?: string;

  @Field({ description: '终止原因。Why (2–500 characters).' })
  @Length(2, 500)
  reason: string;
}

@InputType({ description: '终止行业监管职责。Ends an active assignment; needs the version you read.' })
export class EndSupervisionAssignmentInput extends Versioned(EndSupervisionAssignmentDetails) {}

@InputType({ description: '登记新兴业态。A new business format found in the town, pending the county\'s decision.' })
export class RegisterNewBusinessFormatInput {
  @Field({ description: '业态名称。The format (2–100 characters), e.g. 剧本杀.' })
  @Length(2, 100)
  name: string;

  @Field(() => String, { nullable: true, description: '业态说明。What it is and where (up to 2000 characters).' })
  @IsOptional()
  @Length(1, 2000)
  description?: string;

  @Field(() => UUIDScalar, { nullable: true, description: '发现单位标识。Where it was found, within your scope (default: the town government).' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '发现日期。The day it was reported (default today; not in the future).' })
  @IsOptional()
  reportedOn?: string;
}

@InputType({ description: '明确新兴业态监管部门详情。The county-level decision on who supervises a format.' })
export class AssignNewBusinessFormatDetails {
  @Field(() => UUIDScalar, { description: '监管部门标识。The department assigned (an active organization of kind DEPARTMENT).' })
  @IsUUID()
  departmentId: string;

  @Field({ description: '决定文件。The deciding document (2–200 characters), e.g. 南川府办〔2025〕31号.' })
  @Length(2, 200)
  decisionDocument: string;

  @Field(() => LocalDateScalar, { description: '决定日期。The day of the decision (not in the future, not before it was reported).' })
  decidedOn: string;
}

@InputType({ description: '明确新兴业态监管部门。Records the decision on a pending format; needs the version you read.' })
export class AssignNewBusinessFormatInput extends Versioned(AssignNewBusinessFormatDetails) {}
