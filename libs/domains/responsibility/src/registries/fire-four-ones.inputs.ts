import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsEnum, IsInt, IsOptional, IsUUID, Length, Max, Min } from 'class-validator';
import { FilterField, ListFilter, LocalDateScalar, OrderByField, PageArgs, UUIDScalar, type OrderInput } from '@platform/core';
import { FourOnesItemKind } from './registries.enums';
import { FireFourOnesItemOrder, FourOnesGapOrder } from './registries.orders';

@InputType({ description: '“四个一”事项筛选。Filters for "四个一" items; all given filters must match.' })
export class FireFourOnesItemFilter extends ListFilter {
  @Field(() => Int, { nullable: true, description: '年度。Only items of this year.' })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @Field(() => UUIDScalar, { nullable: true, description: '部门标识。Only this department\'s items.' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;
}

@ArgsType()
export class FireFourOnesItemListArgs extends PageArgs {
  @FilterField(() => FireFourOnesItemFilter, '筛选条件。Which items to list.')
  filter?: FireFourOnesItemFilter;

  @OrderByField(FireFourOnesItemOrder, 'by year, department and item')
  orderBy?: OrderInput<keyof typeof FireFourOnesItemOrder.Field>[];
}

@InputType({ description: '“四个一”缺项筛选。Which departments to check.' })
export class FourOnesGapFilter {
  @Field(() => [UUIDScalar], { nullable: true, description: '部门标识。Only these departments (at most 50).' })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  departmentIds?: string[];
}

@ArgsType()
export class FourOnesGapArgs extends PageArgs {
  @Field(() => Int, { description: '年度。The year checked.' })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @FilterField(() => FourOnesGapFilter, '筛选条件。Which departments.')
  filter?: FourOnesGapFilter;

  @OrderByField(FourOnesGapOrder, 'most items missing first')
  orderBy?: OrderInput<keyof typeof FourOnesGapOrder.Field>[];
}

@InputType({ description: '填报“四个一”事项。One item of a department\'s fire-safety "四个一" for a year, with evidence (once per item and year).' })
export class RecordFireFourOnesItemInput {
  @Field(() => UUIDScalar, { description: '部门标识。The department (of kind DEPARTMENT, within your scope: a department officer\'s own).' })
  @IsUUID()
  departmentId: string;

  @Field(() => Int, { description: '年度。The year it counts for (2000–2100).' })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @Field(() => FourOnesItemKind, { description: '事项。Which of the four items.' })
  @IsEnum(FourOnesItemKind)
  kind: FourOnesItemKind;

  @Field(() => LocalDateScalar, { description: '完成日期。The day it was done (in the year, not in the future).' })
  doneOn: string;

  @Field({ description: '情况说明。What was done (2–2000 characters).' })
  @Length(2, 2000)
  note: string;

  @Field(() => [UUIDScalar], { nullable: true, description: '佐证材料。Uploaded files (minutes, sign-in sheets, photos), at most 20.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  attachmentIds?: string[];
}
