import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { BaseRecord } from '../entity/base.entity';
import { Node } from '../data/node';
import { DateTimeScalar, LocalDateScalar } from '../scalars/scalars';

/** How a day departs from the Monday–Friday working week. */
export enum CalendarDayKind {
  HOLIDAY = 'HOLIDAY',
  WORKDAY = 'WORKDAY',
}

registerEnumType(CalendarDayKind, {
  name: 'CalendarDayKind',
  description: '日历例外类型。How a day departs from the Monday–Friday working week.',
  valuesConfig: {
    HOLIDAY: { description: '放假。A day off (a public holiday, or a weekday moved by 调休), whatever weekday it is.' },
    WORKDAY: { description: '调休上班。A working day on a weekend, made up for a holiday.' },
  },
});

/**
 * A day that departs from the Monday–Friday working week, as the State Council's holiday notice for
 * the year sets it. Every other day is a working day from Monday to Friday and a rest day on Saturday
 * and Sunday. The working-day functions (`add_working_days`, `working_days_between`, `is_working_day`
 * in SQL; `workingDays` in TypeScript) read this table.
 */
@ObjectType({ implements: Node, description: '工作日历例外。A day that departs from the Monday–Friday working week: a holiday or a make-up working day (调休), as the State Council notice for the year sets it.' })
@Entity('calendar_day')
export class CalendarDay extends BaseRecord {
  @Field(() => LocalDateScalar, { description: '日期。The day (YYYY-MM-DD, China time); one current entry per day.' })
  @Column({ type: 'date' })
  day: string;

  @Field(() => CalendarDayKind, { description: '类型。A day off or a make-up working day.' })
  @Column({ type: 'text' })
  kind: CalendarDayKind;

  @Field({ description: '名称。The holiday it belongs to, e.g. 国庆节 or 春节.' })
  @Column({ type: 'text' })
  name: string;

  @Field({ description: '依据。The notice that sets it, e.g. 国办发明电〔2024〕12号, or the rule for a provisional entry.' })
  @Column({ type: 'text' })
  source: string;

  @Field({ description: '预排。True for a statutory holiday entered before the year’s notice was published: replace it with the notice’s days when it is.' })
  @Column({ type: 'boolean', default: false })
  provisional: boolean;

  @Field(() => DateTimeScalar, { nullable: true, description: '撤销时间。When the entry was withdrawn (the day follows the Monday–Friday week again); null while it applies.' })
  @Column({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null;
}
