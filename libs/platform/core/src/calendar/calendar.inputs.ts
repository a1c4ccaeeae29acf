import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsBoolean, IsEnum, IsInt, IsOptional, Length, Max, Min } from 'class-validator';
import { ListFilter } from '../data/change-feed';
import { PageArgs } from '../pagination/page.args';
import { FilterField, OrderByField, defineOrder, type OrderInput } from '../pagination/order';
import { SortDirection } from '../pagination/sort-direction';
import { LocalDateScalar } from '../scalars/scalars';
import { UnlessOmitted } from '../validation/day-inputs';
import { Versioned } from '../validation/versioned.input';
import { CalendarDayKind } from './calendar-day.entity';

/** The longest span a working-day question may cover, in days (ten years). */
export const MAX_CALENDAR_SPAN_DAYS = 3660;
/** The most working days a due date may be counted forward or back. */
export const MAX_WORKING_DAYS = 1000;

@InputType({ description: '工作日历筛选。Filters for the working-day calendar; all given filters must match.' })
export class CalendarDayFilter extends ListFilter {
  @Field(() => LocalDateScalar, { nullable: true, description: '起始日期。Only days on or after this day (YYYY-MM-DD).' })
  @IsOptional()
  from?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '截止日期。Only days on or before this day (YYYY-MM-DD), not before `from`.' })
  @IsOptional()
  to?: string;

  @Field(() => [CalendarDayKind], { nullable: true, description: '类型。Only these kinds.' })
  @IsOptional()
  @ArrayMaxSize(2)
  @IsEnum(CalendarDayKind, { each: true })
  kinds?: CalendarDayKind[];

  @Field(() => Boolean, { nullable: true, description: '预排。Only provisional entries (true) or only those from a notice (false).' })
  @IsOptional()
  @IsBoolean()
  provisional?: boolean;

  @Field(() => Boolean, { nullable: true, description: '含已撤销。Include withdrawn entries (default false).' })
  @IsOptional()
  @IsBoolean()
  includeArchived?: boolean;
}

/** `orderBy` of `calendarDays`; a day has one entry in force, and the id breaks ties with withdrawn ones. */
export const CalendarDayOrder = defineOrder(
  'CalendarDay',
  '工作日历',
  {
    DAY: { column: 't.day', description: '日期。By day.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when the entry was entered or last changed.' },
  },
  [
    { column: 't.day', direction: SortDirection.ASC },
    { column: 't.id', direction: SortDirection.ASC },
  ],
);

@ArgsType()
export class CalendarDayListArgs extends PageArgs {
  @FilterField(() => CalendarDayFilter, '筛选条件。Which calendar entries to list.')
  filter?: CalendarDayFilter;

  @OrderByField(CalendarDayOrder, 'by day')
  orderBy?: OrderInput<keyof typeof CalendarDayOrder.Field>[];
}

@InputType({ description: '新增日历例外。A day off or a make-up working day, as the year’s notice sets it.' })
export class CreateCalendarDayInput {
  @Field(() => LocalDateScalar, { description: '日期。The day (YYYY-MM-DD); it must not have an entry in force already.' })
  day: string;

  @Field(() => CalendarDayKind, { description: '类型。A day off or a make-up working day.' })
  @IsEnum(CalendarDayKind)
  kind: CalendarDayKind;

  @Field({ description: '名称。The holiday it belongs to, e.g. 国庆节 (1–40 characters).' })
  @Length(1, 40)
  name: string;

  @Field({ description: '依据。The notice that sets it, e.g. 国办发明电〔2025〕7号 (2–200 characters).' })
  @Length(2, 200)
  source: string;

  @Field(() => Boolean, { nullable: true, description: '预排。True for an entry made before the year’s notice (default false).' })
  @IsOptional()
  @IsBoolean()
  provisional?: boolean;
}

@InputType({ description: '修改日历例外详情。Changes to a calendar entry; omitted fields stay as they are.' })
export class CalendarDayDetails {
  @Field(() => CalendarDayKind, { nullable: true, description: '类型。New kind.' })
  @UnlessOmitted()
  @IsEnum(CalendarDayKind)
  kind?: CalendarDayKind;

  @Field({ nullable: true, description: '名称。New holiday name (1–40 characters).' })
  @UnlessOmitted()
  @Length(1, 40)
  name?: string;

  @Field({ nullable: true, description: '依据。New source (2–200 characters).' })
  @UnlessOmitted()
  @Length(2, 200)
  source?: string;

  @Field(() => Boolean, { nullable: true, description: '预排。Whether the entry is provisional.' })
  @UnlessOmitted()
  @IsBoolean()
  provisional?: boolean;
}

@InputType({ description: '修改日历例外。Changes a calendar entry; needs the version you read.' })
export class UpdateCalendarDayInput extends Versioned(CalendarDayDetails) {}

@ArgsType()
export class DueDateArgs {
  @Field(() => LocalDateScalar, { description: '起算日。The day the period runs from (not counted itself).' })
  from: string;

  @Field(() => Int, { description: '工作日数。How many working days, −1000 to 1000 (negative counts back).' })
  @IsInt()
  @Min(-MAX_WORKING_DAYS)
  @Max(MAX_WORKING_DAYS)
  workingDays: number;
}

@ArgsType()
export class WorkingDaysBetweenArgs {
  @Field(() => LocalDateScalar, { description: '起始日。The day counted from (not counted itself).' })
  from: string;

  @Field(() => LocalDateScalar, { description: '截止日。The last day counted, at most 3660 days from `from`.' })
  to: string;
}
