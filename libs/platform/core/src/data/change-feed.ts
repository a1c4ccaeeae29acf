import { Ctx, Field, InputType, Query, Resolver } from 'type-graphql';
import { IsDate, IsOptional } from 'class-validator';
import type { ObjectLiteral } from 'typeorm';
import { PUBLIC_OPERATION, RequirePermission } from '../access/permission';
import type { RequestContext } from '../context/request-context';
import { DateTimeScalar } from '../scalars/scalars';
import type { Records } from './records';
import { raw, sql } from '../sql/sql';

/**
 * The fields every root list's `filter` has (a module's filter input extends it, directly or through
 * `LocatedFilter`): today the change feed's `updatedSince`. Its service applies them with
 * `whereChanged` and lifts what it hides by default (archived, ended, superseded records) when
 * `isChangeFeed(filter)`, so that a sync sees those as tombstones.
 */
@InputType({ description: '列表筛选。The fields every list filter has (not used as a type by itself).' })
export abstract class ListFilter {
  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      '变更起点。Change feed: only records created or changed at or after this instant, including those archived, ended or superseded since (tombstones: their `archivedAt` or status says so). Pass the `syncPoint` you read before your previous sync; see the README, "Syncing changes".',
  })
  @IsOptional()
  @IsDate()
  updatedSince?: Date | null;
}

/** Whether the list is read as a change feed: then records hidden by default (archived, ended, superseded) are listed too. */
export function isChangeFeed(filter: Pick<ListFilter, 'updatedSince'> | null | undefined): boolean {
  return filter?.updatedSince != null;
}

/**
 * Records changed at or after `filter.updatedSince` (their `updated_at`, which every write sets to
 * its transaction's start, `now()`); unchanged records when the filter has none.
 */
export function whereChanged<T extends ObjectLiteral>(list: Records<T>, filter: Pick<ListFilter, 'updatedSince'> | null | undefined, column = 't.updated_at'): Records<T> {
  return filter?.updatedSince != null ? list.where(sql`${raw(column)} >= ${filter.updatedSince}`) : list;
}

/**
 * The sync point: an instant such that every change not yet committed now will carry an
 * `updated_at` at or after it. A write's `updated_at` is its transaction's start (`now()`), so the
 * sync point is the start of the oldest transaction still open in this database (on the gateway's
 * database role: the others' are not visible), or the statement's time when none is. Read it before a
 * sync and pass it as `updatedSince` on the next: a change committed during the sync, even one that
 * began before it, is then listed next time; nothing is missed (some records may come twice).
 */
export async function syncPoint(ctx: RequestContext): Promise<Date> {
  const [row] = (await ctx.manager.query(
    // Whole seconds, rounded down (earlier is as safe): no finer view of other requests' timing.
    `SELECT date_trunc('second', LEAST(statement_timestamp(), (SELECT min(xact_start) FROM pg_stat_activity
                                          WHERE datname = current_database() AND backend_type = 'client backend'
                                            AND xact_start IS NOT NULL AND pid <> pg_backend_pid()))) AS at`,
  )) as Array<{ at: Date }>;
  return row!.at;
}

@Resolver()
export class ChangeFeedResolver {
  @Query(() => DateTimeScalar, {
    description:
      '同步点。Read it before paging a list with `filter.updatedSince` and keep it: passed as `updatedSince` on your next sync, it lists every change committed after this sync began, also those made while you were paging. See the README, "Syncing changes".',
  })
  @RequirePermission(PUBLIC_OPERATION)
  syncPoint(@Ctx() ctx: RequestContext): Promise<Date> {
    return syncPoint(ctx);
  }
}
