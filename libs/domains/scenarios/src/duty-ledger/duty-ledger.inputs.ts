import { ArgsType, Field, InputType } from 'type-graphql';
import { IsBoolean, IsOptional, IsUUID, Length, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { FilterField, ListFilter, LocalDateScalar, OrderByField, PageArgs, UUIDScalar, type OrderInput } from '@platform/core';
import { DutyLedgerOrder, DutyLedgerSnapshotOrder } from './duty-ledger.orders';

@InputType({ description: '履职台账口径。The period and which officials.' })
export class DutyLedgerFilter {
  @Field(() => LocalDateScalar, { description: '起始日期。First day of the period.' })
  from: string;

  @Field(() => LocalDateScalar, { description: '截止日期。Last day of the period (included), in the same calendar year as from (the year of the duty lists).' })
  to: string;

  @Field(() => UUIDScalar, { nullable: true, description: '人员。Only this official.' })
  @IsOptional()
  @IsUUID()
  personId?: string;

  @Field(() => UUIDScalar, { nullable: true, description: '单位。Only officials of positions at this organization.' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @Field(() => Boolean, { nullable: true, description: '有缺口。true: only ledgers with gaps; false: only those without.' })
  @IsOptional()
  @IsBoolean()
  withGaps?: boolean;
}

@ArgsType()
export class DutyLedgerArgs extends PageArgs {
  @Field(() => DutyLedgerFilter, { description: '口径。The period (required) and which officials.' })
  @ValidateNested()
  @Type(() => DutyLedgerFilter)
  filter: DutyLedgerFilter;

  @OrderByField(DutyLedgerOrder, 'by organization and position')
  orderBy?: OrderInput<keyof typeof DutyLedgerOrder.Field>[];
}

@InputType({ description: '快照筛选。Filters for ledger snapshots; all given filters must match.' })
export class DutyLedgerSnapshotFilter extends ListFilter {
  @Field(() => UUIDScalar, { nullable: true, description: '人员。Only this official\'s.' })
  @IsOptional()
  @IsUUID()
  personId?: string;

  @Field(() => UUIDScalar, { nullable: true, description: '职责清单。Only those following this duty list.' })
  @IsOptional()
  @IsUUID()
  listId?: string;
}

@ArgsType()
export class DutyLedgerSnapshotListArgs extends PageArgs {
  @FilterField(() => DutyLedgerSnapshotFilter, '筛选条件。Which snapshots to list.')
  filter?: DutyLedgerSnapshotFilter;

  @OrderByField(DutyLedgerSnapshotOrder, 'latest taken first')
  orderBy?: OrderInput<keyof typeof DutyLedgerSnapshotOrder.Field>[];
}

@InputType({ description: '固化履职台账。Takes an immutable snapshot of an official\'s ledger over a period, for the duty report (述职).' })
export class TakeDutyLedgerSnapshotInput {
  @Field(() => UUIDScalar, { description: '职责清单标识。The official\'s signed duty list in force for the period\'s year (in your scope).' })
  @IsUUID()
  listId: string;

  @Field(() => LocalDateScalar, { description: '起始日期。First day of the period, in the list\'s year.' })
  from: string;

  @Field(() => LocalDateScalar, { description: '截止日期。Last day of the period (included), in the list\'s year, not in the future.' })
  to: string;

  @Field(() => String, { nullable: true, description: '备注。Why or for what it is taken (2–500 characters).' })
  @IsOptional()
  @Length(2, 500)
  note?: string;
}
