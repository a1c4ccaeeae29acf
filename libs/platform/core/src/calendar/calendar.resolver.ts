import { Arg, Args, Ctx, Info, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { RequirePermission } from '../access/permission';
import type { RequestContext } from '../context/request-context';
import { Connection, type ConnectionResult } from '../pagination/connection.type';
import { selectsField } from '../graphql/selection';
import { LocalDateScalar } from '../scalars/scalars';
import { ArchiveInput } from '../validation/versioned.input';
import { CalendarDay } from './calendar-day.entity';
import { CalendarDayListArgs, CreateCalendarDayInput, DueDateArgs, UpdateCalendarDayInput, WorkingDaysBetweenArgs } from './calendar.inputs';
import { CalendarPermission } from './calendar.permissions';
import { CalendarService } from './calendar.service';

export const CalendarDayConnection = Connection(CalendarDay, '工作日历例外');
const input = { description: '输入。The fields of the request.' };

@Resolver(() => CalendarDay)
export class CalendarResolver {
  private readonly service = new CalendarService();

  @Query(() => CalendarDayConnection, { description: '工作日历。The days that depart from the Monday–Friday week (holidays and make-up working days), by day.' })
  @RequirePermission(CalendarPermission.Read)
  calendarDays(@Ctx() ctx: RequestContext, @Args(() => CalendarDayListArgs) args: CalendarDayListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<CalendarDay>> {
    return this.service.list(ctx, args, selectsField(info, 'totalCount'));
  }

  @Query(() => LocalDateScalar, {
    description: '到期日（工作日）。The day `workingDays` working days after `from` (before it when negative; `from` itself when 0): the day counted from is not counted, holidays are skipped and make-up working days count.',
  })
  @RequirePermission(CalendarPermission.Read)
  dueDate(@Ctx() ctx: RequestContext, @Args(() => DueDateArgs) args: DueDateArgs): Promise<string> {
    return this.service.dueDate(ctx, args.from, args.workingDays);
  }

  @Query(() => Int, { description: '工作日数。How many working days lie after `from` up to and including `to` (negative when `to` is before `from`).' })
  @RequirePermission(CalendarPermission.Read)
  workingDaysBetween(@Ctx() ctx: RequestContext, @Args(() => WorkingDaysBetweenArgs) args: WorkingDaysBetweenArgs): Promise<number> {
    return this.service.workingDaysBetween(ctx, args.from, args.to);
  }

  @Mutation(() => CalendarDay, { description: '新增日历例外。Enters a day off or a make-up working day; deadlines computed afterwards follow it.' })
  @RequirePermission(CalendarPermission.Manage)
  createCalendarDay(@Ctx() ctx: RequestContext, @Arg('input', () => CreateCalendarDayInput, input) data: CreateCalendarDayInput): Promise<CalendarDay> {
    return this.service.create(ctx, data);
  }

  @Mutation(() => CalendarDay, { description: '修改日历例外。Changes a calendar entry; needs the version you read (a stale one is refused with CONFLICT).' })
  @RequirePermission(CalendarPermission.Manage)
  updateCalendarDay(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateCalendarDayInput, input) data: UpdateCalendarDayInput): Promise<CalendarDay> {
    return this.service.update(ctx, data);
  }

  @Mutation(() => CalendarDay, { description: '撤销日历例外。Withdraws a calendar entry: the day follows the Monday–Friday week again; the entry stays on record.' })
  @RequirePermission(CalendarPermission.Manage)
  archiveCalendarDay(@Ctx() ctx: RequestContext, @Arg('input', () => ArchiveInput, input) data: ArchiveInput): Promise<CalendarDay> {
    return this.service.archive(ctx, data);
  }
}
