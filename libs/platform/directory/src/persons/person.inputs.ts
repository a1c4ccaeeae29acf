import { ArgsType, Field, InputType } from 'type-graphql';
import { IsBoolean, IsEnum, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { FilterField, ListFilter, LocalDateScalar, OrderByField, PageArgs, SortDirection, UUIDScalar, Versioned, defineOrder, type OrderInput } from '@platform/core';
import { Gender } from './gender.enum';
import { PHONE_PATTERN, PHONE_RULE } from '../phone';

/** 18-character resident ID number (GB 11643); the check character is verified by the service. */
export const ID_NUMBER_PATTERN = /^\d{17}[\dX]$/;

@InputType({ description: '人员信息。Fields of a person; on update omitted fields stay and null clears.' })
export class PersonDetailsInput {
  @Field(() => Gender, { nullable: true, description: '性别。Gender.' })
  @IsOptional()
  @IsEnum(Gender)
  gender?: Gender | null;

  @Field(() => String, { nullable: true, description: `手机号码。Phone: ${PHONE_RULE}. Personal data.` })
  @IsOptional()
  @Matches(PHONE_PATTERN, { message: `phone must be ${PHONE_RULE}` })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: '身份证号码。18-character resident ID number. Personal data.' })
  @IsOptional()
  @Matches(ID_NUMBER_PATTERN, { message: 'idNumber must be 17 digits followed by a digit or X' })
  idNumber?: string | null;
}

@InputType({ description: '新建人员输入。Fields of a new person.' })
export class CreatePersonInput extends PersonDetailsInput {
  @Field({ description: '姓名。Full name (1–40 characters).' })
  @IsString()
  @Length(1, 40)
  name: string;
}

@InputType({ description: '修改人员输入。Changes to a person; omitted fields stay, null clears.' })
export class UpdatePersonInput extends Versioned(PersonDetailsInput) {
  @Field(() => String, { nullable: true, description: '姓名。New full name.' })
  @IsOptional()
  @Length(1, 40)
  name?: string;
}

@InputType({ description: '人员筛选。Filters for person lists.' })
export class PersonFilter extends ListFilter {
  @Field(() => String, { nullable: true, description: '姓名关键词。Text contained in the name.' })
  @IsOptional()
  @Length(1, 40)
  search?: string;

  @Field(() => UUIDScalar, { nullable: true, description: '任职组织子树。Only persons holding a current position in this organization or below it.' })
  @IsOptional()
  @IsUUID()
  organizationSubtree?: string;

  @Field(() => Boolean, { nullable: true, description: '含已归档。Include archived persons (default false; true in a change feed, `updatedSince`).' })
  @IsOptional()
  @IsBoolean()
  includeArchived?: boolean;
}

/** `orderBy` of `persons`. */
export const PersonOrder = defineOrder(
  'Person',
  '人员',
  {
    NAME: { column: 't.name', description: '姓名。By name (Unicode code point order).' },
    CREATED_AT: { column: 't.created_at', description: '创建时间。By when the record was created.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when the record last changed.' },
  },
  [
    { column: 't.name', direction: SortDirection.ASC },
    { column: 't.id', direction: SortDirection.ASC },
  ],
);

@ArgsType()
export class PersonListArgs extends PageArgs {
  @FilterField(() => PersonFilter, '筛选条件。Which persons to list.')
  filter?: PersonFilter;

  @OrderByField(PersonOrder, 'by name')
  orderBy?: OrderInput<keyof typeof PersonOrder.Field>[];
}

@InputType({ description: '任命输入。Gives a person a position in an organization.' })
export class AssignPositionInput {
  @Field(() => UUIDScalar, { description: '人员标识。The person.' })
  @IsUUID()
  personId: string;

  @Field(() => UUIDScalar, { description: '组织标识。The organization.' })
  @IsUUID()
  organizationId: string;

  @Field({ description: '职务。Title, e.g. 网格员 (1–40 characters).' })
  @Length(1, 40)
  title: string;

  @Field(() => Boolean, { nullable: true, description: '负责人。True for the organization\'s principal (主要负责人).' })
  @IsOptional()
  @IsBoolean()
  isLead?: boolean;

  @Field(() => LocalDateScalar, { nullable: true, description: '开始日期。Start date, YYYY-MM-DD.' })
  @IsOptional()
  startedOn?: string;
}

@InputType({ description: '免职日期。When a position ends.' })
export class PositionEndInput {
  @Field(() => LocalDateScalar, { description: '结束日期。End date, YYYY-MM-DD.' })
  endedOn: string;
}

@InputType({ description: '免职输入。Ends a position on a date.' })
export class EndPositionInput extends Versioned(PositionEndInput) {}
