import { ArgsType, Field, InputType } from 'type-graphql';
import { IsBoolean, IsEnum, IsOptional, IsUUID } from 'class-validator';
import { FilterField, ListFilter, OrderByField, PageArgs, UUIDScalar, Versioned, LocalDateScalar, type OrderInput } from '@platform/core';
import { OrganizationOrder, type OrganizationOrderInput } from '@platform/directory';
import { DisasterOfficerRole } from './disaster-officer.enums';
import { DisasterOfficerOrder } from './disaster-officer.orders';

@InputType({ description: '任命灾害信息员输入。Appoints a person as information officer of a village or community.' })
export class AppointDisasterOfficerInput {
  @Field(() => UUIDScalar, { description: '村（社区）标识。The village or community (within your scope).' })
  @IsUUID()
  organizationId: string;

  @Field(() => UUIDScalar, { description: '人员标识。The person appointed (an active person you may read).' })
  @IsUUID()
  personId: string;

  @Field(() => DisasterOfficerRole, { description: '岗位。Primary (A) or backup (B).' })
  @IsEnum(DisasterOfficerRole)
  role: DisasterOfficerRole;

  @Field(() => LocalDateScalar, { description: '任命日期。Day of the appointment, YYYY-MM-DD, not in the future (China time).' })
  appointedOn: string;
}

@InputType({ description: '灾害信息员离任日期。When an appointment ends.' })
export class DisasterOfficerEndFields {
  @Field(() => LocalDateScalar, { description: '离任日期。Day the appointment ends, YYYY-MM-DD, not before the appointment nor in the future.' })
  endedOn: string;
}

@InputType({ description: '灾害信息员离任输入。Names the appointment and the version you read, with the day it ends; the record is kept.' })
export class EndDisasterOfficerInput extends Versioned(DisasterOfficerEndFields) {}

@InputType({ description: '灾害信息员筛选。Filters for information officer lists; all given filters must match.' })
export class DisasterOfficerFilter extends ListFilter {
  @Field(() => UUIDScalar, { nullable: true, description: '所属子树。Only officers of this organization or one below it.' })
  @IsOptional()
  @IsUUID()
  withinSubtreeOf?: string;

  @Field(() => DisasterOfficerRole, { nullable: true, description: '岗位。Only officers holding this post.' })
  @IsOptional()
  @IsEnum(DisasterOfficerRole)
  role?: DisasterOfficerRole;

  @Field(() => Boolean, {
    nullable: true,
    description: '缺岗。True: only officers whose village has no serving officer in the other post (an A without a B or the reverse); false: only those whose village has both.',
  })
  @IsOptional()
  @IsBoolean()
  missingRole?: boolean;

  @Field(() => Boolean, { nullable: true, description: '含已离任。Include appointments that ended (default false).' })
  @IsOptional()
  @IsBoolean()
  includeEnded?: boolean;
}

@ArgsType()
export class DisasterOfficerListArgs extends PageArgs {
  @FilterField(() => DisasterOfficerFilter, '筛选条件。Which officers to list.')
  filter?: DisasterOfficerFilter;

  @OrderByField(DisasterOfficerOrder, 'newest appointment first')
  orderBy?: OrderInput<keyof typeof DisasterOfficerOrder.Field>[];
}

@InputType({ description: '缺灾害信息员村（社区）筛选。Filters for the villages and communities without a serving primary officer.' })
export class VillagesWithoutDisasterOfficerFilter {
  @Field(() => UUIDScalar, { nullable: true, description: '所属子树。Only villages and communities at this organization or below it.' })
  @IsOptional()
  @IsUUID()
  withinSubtreeOf?: string;
}

@ArgsType()
export class VillagesWithoutDisasterOfficerArgs extends PageArgs {
  @FilterField(() => VillagesWithoutDisasterOfficerFilter, '筛选条件。Which villages and communities to list.')
  filter?: VillagesWithoutDisasterOfficerFilter;

  @OrderByField(OrganizationOrder, 'by name')
  orderBy?: OrganizationOrderInput[];
}
