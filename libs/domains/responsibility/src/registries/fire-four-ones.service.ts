import { SortDirection, assertNotFuture, claimAttachments, createRecord, records, recordEvent, sql, transaction, whereChanged, type ConnectionResult, type RequestContext } from '@platform/core';
import { OrganizationKind, Organizations } from '@platform/directory';
import { FireFourOnesItem } from './fire-four-ones.entity';
import type { FourOnesGap } from './fire-four-ones.types';
import { FOUR_ONES_KINDS } from './registries.enums';
import { FireFourOnesItemOrder, FourOnesGapOrder } from './registries.orders';
import { FireFourOnesItems, SupervisionAssignments } from './registries.entities';
import { registriesEvents } from './registries.events';
import { registriesRules } from './registries.rules';
import { RegistriesPermission } from './registries.permissions';
import { checkDepartment } from './supervision-map.service';
import type { FireFourOnesItemListArgs, FourOnesGapArgs, RecordFireFourOnesItemInput } from './fire-four-ones.inputs';

/** The most departments the gap list considers (the town has nine; the list is computed in memory). */
export const MAX_DEPARTMENTS = 200;

/** The industry departments' fire-safety "四个一". */
export class FireFourOnesService {
  list(ctx: RequestContext, args: FireFourOnesItemListArgs, withCount: boolean, properties: readonly string[] | null): Promise<ConnectionResult<FireFourOnesItem>> {
    const f = args.filter ?? {};
    let rows = records(ctx, FireFourOnesItems);
    if (f.year !== undefined && f.year !== null) rows = rows.where(sql`t.year = ${f.year}`);
    if (f.departmentId) rows = rows.where(sql`t.department_id = ${f.departmentId}`);
    return whereChanged(rows, f).page({ keys: FireFourOnesItemOrder.keys(args.orderBy), page: args, withCount, properties });
  }

  /**
   * The industry departments in the caller's scope (active departments holding a supervision
   * assignment in force at some time of the year) that have not recorded all four items for it.
   */
  async gaps(ctx: RequestContext, args: FourOnesGapArgs): Promise<ConnectionResult<FourOnesGap>> {
    const first = `${args.year}-01-01`;
    const last = `${args.year}-12-31`;
    const supervising = records(ctx, SupervisionAssignments)
      .as('sa')
      .where(sql`sa.department_id = t.id AND sa.started_on <= CAST(${last} AS date) AND (sa.ended_on IS NULL OR sa.ended_on >= CAST(${first} AS date))`)
      .subquery(sql`1`);
    let chosen = records(ctx, Organizations, RegistriesPermission.Read).where(sql`t.kind = ${OrganizationKind.DEPARTMENT} AND t.archived_at IS NULL AND EXISTS ${supervising}`);
    if (args.filter?.departmentIds?.length) chosen = chosen.where(sql`t.id = ANY(CAST(${args.filter.departmentIds} AS uuid[]))`);
    const departments = await chosen
      .list({ keys: [{ column: 't.id', direction: SortDirection.ASC }], limit: MAX_DEPARTMENTS, properties: ['id', 'name'] });
    const items = await records(ctx, FireFourOnesItems)
      .where(sql`t.year = ${args.year} AND t.department_id = ANY(CAST(${departments.map((d) => d.id)} AS uuid[]))`)
      .list({ keys: FireFourOnesItemOrder.keys(null), limit: MAX_DEPARTMENTS * FOUR_ONES_KINDS.length, properties: ['id', 'departmentId', 'kind'] });
    const gaps: FourOnesGap[] = [];
    for (const d of departments) {
      const done = new Set(items.filter((i) => i.departmentId === d.id).map((i) => i.kind));
      const missingKinds = FOUR_ONES_KINDS.filter((k) => !done.has(k));
      if (missingKinds.length) gaps.push({ departmentId: d.id, departmentName: d.name, year: args.year, missingKinds, doneKinds: FOUR_ONES_KINDS.filter((k) => done.has(k)) });
    }
    return FourOnesGapOrder.page(gaps, args.orderBy, args);
  }

  record(ctx: RequestContext, input: RecordFireFourOnesItemInput): Promise<FireFourOnesItem> {
    assertNotFuture(input.doneOn, 'input.doneOn', ctx.clock.today());
    if (input.doneOn.slice(0, 4) !== String(input.year)) throw registriesRules.field('input.doneOn', 'range', `must lie in ${input.year}.`);
    return transaction(ctx, async (tx) => {
      const department = await checkDepartment(tx, input.departmentId, 'input.departmentId', RegistriesPermission.FourOnesRecord);
      const taken = await records(tx, FireFourOnesItems, RegistriesPermission.FourOnesRecord).where(sql`t.department_id = ${department.id} AND t.year = ${input.year} AND t.kind = ${input.kind}`).count();
      if (taken) throw registriesRules.field('input.kind', 'unique', `${department.name} has recorded ${input.kind} for ${input.year} already.`);
      const item = await createRecord(
        tx,
        FireFourOnesItem,
        'FireFourOnesItem',
        { departmentId: department.id, year: input.year, kind: input.kind, doneOn: input.doneOn, note: input.note },
        { action: 'responsibility.fire-four-ones.record', ...recordEvent(registriesEvents['responsibility.fire-four-ones.recorded'], (i: FireFourOnesItem) => ({ id: i.id, departmentId: i.departmentId, year: i.year })) },
      );
      if (input.attachmentIds?.length) {
        await claimAttachments(tx, input.attachmentIds, { entityType: 'FireFourOnesItem', entityId: item.id, readPermission: RegistriesPermission.Read, organization: { id: department.id, path: department.path } }, 'input.attachmentIds');
      }
      return item;
    });
  }
}
