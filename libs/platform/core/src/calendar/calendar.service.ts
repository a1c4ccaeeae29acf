import { assertNotBefore } from '../validation/day-inputs';
import type { RequestContext } from '../context/request-context';
import { transaction } from '../context/transaction';
import { isChangeFeed, whereChanged } from '../data/change-feed';
import { createRecord } from '../data/create-record';
import { records } from '../data/records';
import { sentFields } from '../data/sent-fields';
import { archiveRecord, updateRecord, type Patch } from '../data/update-with-version';
import { kernelRules } from '../errors/rule-catalog';
import { recordEvent } from '../events/event-catalog';
import type { ConnectionResult } from '../pagination/connection.type';
import { sql } from '../sql/sql';
import type { ArchiveInput } from '../validation/versioned.input';
import { CalendarDay } from './calendar-day.entity';
import { CalendarDays } from './calendar.entities';
import { calendarEvents } from './calendar.events';
import { CalendarDayOrder, MAX_CALENDAR_SPAN_DAYS, type CalendarDayListArgs, type CreateCalendarDayInput, type UpdateCalendarDayInput } from './calendar.inputs';
import { CalendarPermission } from './calendar.permissions';
import { workingDays } from './working-days';

const payloadOf = (d: CalendarDay) => ({ id: d.id, day: d.day });

/** The working-day calendar: its entries (read by everyone, kept by the office) and the working-day answers. */
export class CalendarService {
  list(ctx: RequestContext, args: CalendarDayListArgs, withCount: boolean): Promise<ConnectionResult<CalendarDay>> {
    const f = args.filter ?? {};
    assertNotBefore(f.from, f.to, 'filter.to', 'from');
    let days = records(ctx, CalendarDays);
    // A change feed lists withdrawn entries too (tombstones: archivedAt says so).
    if (!f.includeArchived && !isChangeFeed(f)) days = days.where(sql`t.archived_at IS NULL`);
    if (f.from) days = days.where(sql`t.day >= CAST(${f.from} AS date)`);
    if (f.to) days = days.where(sql`t.day <= CAST(${f.to} AS date)`);
    if (f.kinds?.length) days = days.where(sql`t.kind = ANY(${f.kinds})`);
    if (f.provisional != null) days = days.where(sql`t.provisional = ${f.provisional}`);
    return whereChanged(days, f).page({ keys: CalendarDayOrder.keys(args.orderBy), page: args, withCount });
  }

  dueDate(ctx: RequestContext, from: string, n: number): Promise<string> {
    return workingDays.add(ctx, from, n);
  }

  workingDaysBetween(ctx: RequestContext, from: string, to: string): Promise<number> {
    if (Math.abs(Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) > MAX_CALENDAR_SPAN_DAYS * 86_400_000) {
      throw kernelRules.field('to', 'range', `must lie within ${MAX_CALENDAR_SPAN_DAYS} days of from.`);
    }
    return workingDays.between(ctx, from, to);
  }

  async create(ctx: RequestContext, input: CreateCalendarDayInput): Promise<CalendarDay> {
    const taken = await records(ctx, CalendarDays, CalendarPermission.Manage).where(sql`t.day = CAST(${input.day} AS date) AND t.archived_at IS NULL`).count();
    if (taken) throw kernelRules.field('input.day', 'unique', `${input.day} has an entry already: change or withdraw it.`);
    // One statement; a concurrent create of the same day is refused by the unique index (CONFLICT).
    return createRecord(ctx, CalendarDay, 'CalendarDay', { day: input.day, kind: input.kind, name: input.name, source: input.source, provisional: input.provisional ?? false, archivedAt: null }, {
      action: 'kernel.calendar-day.create',
      changes: { ...input },
      ...recordEvent(calendarEvents['kernel.calendar-day.created'], payloadOf),
    });
  }

  update(ctx: RequestContext, input: UpdateCalendarDayInput): Promise<CalendarDay> {
    return transaction(ctx, async (tx) => {
      const current = await this.inForce(tx, input.id);
      const patch: Patch<CalendarDay> = sentFields(input, ['kind', 'name', 'source', 'provisional']);
      return updateRecord(tx, CalendarDay, 'CalendarDay', current, input.version, patch, {
        action: 'kernel.calendar-day.update',
        ...recordEvent(calendarEvents['kernel.calendar-day.updated'], payloadOf),
      });
    });
  }

  /** Withdraws an entry: the day follows the Monday–Friday week again; the entry stays readable with `includeArchived`. */
  archive(ctx: RequestContext, input: ArchiveInput): Promise<CalendarDay> {
    return transaction(ctx, async (tx) => {
      const current = await this.inForce(tx, input.id);
      return archiveRecord(tx, CalendarDay, 'CalendarDay', current, input.version, {
        action: 'kernel.calendar-day.archive',
        ...recordEvent(calendarEvents['kernel.calendar-day.archived'], payloadOf(current)),
      });
    });
  }

  /** The entry locked for a change; NOT_FOUND when missing, `notArchived` when withdrawn. */
  private async inForce(tx: RequestContext, id: string): Promise<CalendarDay> {
    const current = await records(tx, CalendarDays, CalendarPermission.Manage).lock(id);
    if (current.archivedAt) throw kernelRules.field('input.id', 'notArchived', 'the entry was withdrawn: enter the day anew.');
    return current;
  }
}
