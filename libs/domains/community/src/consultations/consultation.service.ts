import { assertVersion, BadUserInputError, NotFoundError, SortDirection, assertNotFuture, archiveRecord, audit, diff, paginateRows, lockActiveOrFail, readOne, transaction, updateRecord, type ArchiveInput, type ConnectionResult, type RequestContext, type SortKey } from '@platform/core';
import { DirectoryPermission, assertReadablePerson, organizationIdInScope, organizationInScope, organizationScope, withinSubtreeSql } from '@platform/directory';
import { Consultation, ConsultationActionItem, ConsultationDepartment } from './consultation.entity';
import { ConsultationActionStatus, ConsultationKind, ConsultationMonthStatus } from './consultation.enums';
import type { ConsultationFloodSeasonMonth } from './consultation.types';
import { FLOOD_SEASON_FIRST_MONTH, FLOOD_SEASON_LAST_MONTH, isFloodSeasonDay } from '@platform/core';
import { CommunityPermission } from '../permissions';
import type {
  AddConsultationActionItemInput,
  CancelConsultationActionItemInput,
  CompleteConsultationActionItemInput,
  ConsultationActionItemInput,
  ConsultationActionItemListArgs,
  ConsultationGapsArgs,
  ConsultationListArgs,
  RecordConsultationInput,
  UpdateConsultationInput,
} from './consultation.inputs';

/** Departments a 1+7+N meeting needs at least (the 7 member departments). */
export const ONE_SEVEN_N_DEPARTMENTS = 7;
/** Meetings listed per month by floodSeasonConsultationGaps. */
const MEETINGS_PER_MONTH = 10;

/** Latest held first; then by id, so the order (and the cursor) is total. */
export const consultationSortKeys = (alias: string): SortKey<Consultation>[] => [
  { column: `${alias}.held_on`, direction: SortDirection.DESC },
  { column: `${alias}.id`, direction: SortDirection.DESC },
];

/** Earliest due first; then by id. */
export const actionItemSortKeys = (alias: string): SortKey<ConsultationActionItem>[] => [
  { column: `${alias}.due_on`, direction: SortDirection.ASC },
  { column: `${alias}.id`, direction: SortDirection.ASC },
];

/** Properties the keyset orders read (besides the id): a page must load them whatever is selected. */
export const CONSULTATION_KEY_PROPERTIES = ['heldOn'];
export const ACTION_ITEM_KEY_PROPERTIES = ['dueOn'];

/** SQL: the action item (alias) is open and its due day is before today; parameter `today`, the clock's (`ctx.clock.today()`). */
export const ACTION_ITEM_OVERDUE_SQL = (alias: string) => `(${alias}.status = 'OPEN' AND ${alias}.due_on < CAST(:today AS date))`;

/** The same rule as ACTION_ITEM_OVERDUE_SQL for a loaded row. */
export function actionItemOverdue(i: Pick<ConsultationActionItem, 'status' | 'dueOn'>, today: string): boolean {
  return i.status === ConsultationActionStatus.OPEN && i.dueOn < today;
}

type Scope = { sql: string; params: Record<string, unknown> };

export class ConsultationService {
  /** One consultation by id if the caller may read it (archived ones too). */
  byId(ctx: RequestContext, id: string, properties: readonly string[] | null = null): Promise<Consultation | null> {
    const scope = organizationIdInScope(ctx.principal, CommunityPermission.ConsultationRead, 'c.organization_id');
    return readOne({ manager: ctx.manager, entity: Consultation, alias: 'c', table: 'consultation', where: ['c.id = :id', scope.sql], params: { ...scope.params, id }, properties });
  }

  list(ctx: RequestContext, args: ConsultationListArgs, withCount: boolean, properties: readonly string[] | null = null): Promise<ConnectionResult<Consultation>> {
    const scope = organizationIdInScope(ctx.principal, CommunityPermission.ConsultationRead, 'c.organization_id');
    const where = [scope.sql];
    const params: Record<string, unknown> = { ...scope.params };
    const f = args.filter ?? {};
    if (f.from && f.to && f.to < f.from) throw BadUserInputError.field('filter.to', 'notBeforeFrom', 'must not be before from.');
    if (!f.includeArchived) where.push('c.archived_at IS NULL');
    if (f.withinSubtreeOf) {
      where.push(withinSubtreeSql('c.organization_id'));
      params['subtreeRoot'] = f.withinSubtreeOf;
    }
    if (f.kinds?.length) {
      where.push('c.kind IN (:...kinds)');
      params['kinds'] = f.kinds;
    }
    if (f.from) {
      where.push('c.held_on >= CAST(:from AS date)');
      params['from'] = f.from;
    }
    if (f.to) {
      where.push('c.held_on <= CAST(:to AS date)');
      params['to'] = f.to;
    }
    return paginateRows({ manager: ctx.manager, entity: Consultation, alias: 'c', table: 'consultation', where, params, keys: consultationSortKeys('c'), page: args, withCount, properties });
  }

  /** Action items across meetings the caller may read (archived meetings aside), earliest due first. */
  actionItems(ctx: RequestContext, args: ConsultationActionItemListArgs, withCount: boolean, properties: readonly string[] | null = null): Promise<ConnectionResult<ConsultationActionItem>> {
    const scope = organizationIdInScope(ctx.principal, CommunityPermission.ConsultationRead, 'c.organization_id');
    const meeting = ['c.id = i.consultation_id', 'c.archived_at IS NULL', scope.sql];
    const params: Record<string, unknown> = { ...scope.params };
    const f = args.filter ?? {};
    if (f.withinSubtreeOf) {
      meeting.push(withinSubtreeSql('c.organization_id'));
      params['subtreeRoot'] = f.withinSubtreeOf;
    }
    const where = [`EXISTS (SELECT 1 FROM consultation c WHERE ${meeting.join(' AND ')})`];
    if (f.statuses?.length) {
      where.push('i.status IN (:...statuses)');
      params['statuses'] = f.statuses;
    }
    if (f.overdue !== undefined && f.overdue !== null) {
      where.push(f.overdue ? ACTION_ITEM_OVERDUE_SQL('i') : `NOT ${ACTION_ITEM_OVERDUE_SQL('i')}`);
      params['today'] = ctx.clock.today();
    }
    if (f.ownerOrganizationId) {
      where.push('i.owner_organization_id = :ownerOrganizationId');
      params['ownerOrganizationId'] = f.ownerOrganizationId;
    }
    return paginateRows({
      manager: ctx.manager,
      entity: ConsultationActionItem,
      alias: 'i',
      table: 'consultation_action_item',
      where,
      params,
      keys: actionItemSortKeys('i'),
      page: args,
      withCount,
      properties,
    });
  }

  /**
   * 汛期月度研判 gaps: each flood-season month of `year` up to the current month (China time), with
   * the FLOOD_SEASON_MONTHLY meetings the organization held in it, computed in one statement over
   * generate_series of the months. The current month not yet held is UPCOMING until it ends.
   */
  async floodSeasonGaps(ctx: RequestContext, args: ConsultationGapsArgs): Promise<ConsultationFloodSeasonMonth[]> {
    const organizationId = args.organizationId ?? (await this.rootOrganizationId(ctx));
    const org = organizationId ? await organizationInScope(ctx, organizationId, CommunityPermission.ConsultationRead) : null;
    if (!org) {
      throw BadUserInputError.field('organizationId', 'exists', args.organizationId ? `no active organization ${args.organizationId} within your consultation scope.` : 'the town government is not within your consultation scope: name an organization.');
    }
    const sql = `
      SELECT EXTRACT(MONTH FROM m.first_day)::int AS "month",
        CASE WHEN x.held > 0 THEN 'HELD'
             WHEN (m.first_day + interval '1 month')::date <= CAST(:today AS date) THEN 'MISSING'
             ELSE 'UPCOMING' END AS "status",
        x.held AS "heldCount", x.meetings
      FROM generate_series(make_date(:year, ${FLOOD_SEASON_FIRST_MONTH}, 1),
                           LEAST(make_date(:year, ${FLOOD_SEASON_LAST_MONTH}, 1), date_trunc('month', CAST(:today AS date))::date),
                           interval '1 month') AS m(first_day)
      CROSS JOIN LATERAL (
        SELECT count(*)::int AS held,
          coalesce((SELECT json_agg(json_build_object('id', s.id, 'title', s.title, 'heldOn', s.held_on::text) ORDER BY s.held_on, s.id)
                    FROM (SELECT c2.id, c2.title, c2.held_on FROM consultation c2
                          WHERE c2.organization_id = :organizationId AND c2.kind = 'FLOOD_SEASON_MONTHLY' AND c2.archived_at IS NULL
                            AND c2.held_on >= m.first_day AND c2.held_on < m.first_day + interval '1 month'
                          ORDER BY c2.held_on, c2.id LIMIT ${MEETINGS_PER_MONTH}) s), '[]'::json) AS meetings
        FROM consultation c
        WHERE c.organization_id = :organizationId AND c.kind = 'FLOOD_SEASON_MONTHLY' AND c.archived_at IS NULL
          AND c.held_on >= m.first_day AND c.held_on < m.first_day + interval '1 month'
      ) x
      ORDER BY m.first_day`;
    const [query, positional] = ctx.manager.connection.driver.escapeQueryWithParameters(sql, { year: args.year, organizationId: org.id, today: ctx.clock.today() });
    const rows: Array<Omit<ConsultationFloodSeasonMonth, 'year'>> = await ctx.manager.query(query, positional);
    return rows.map((r) => ({ ...r, year: args.year, status: r.status as ConsultationMonthStatus }));
  }

  async record(ctx: RequestContext, input: RecordConsultationInput): Promise<Consultation> {
    assertNotFuture(input.heldOn, 'input.heldOn', ctx.clock.today());
    this.checkKind(input.kind, input.heldOn, 'input.heldOn');
    const departmentIds = [...new Set(input.departmentIds ?? [])];
    this.checkDepartmentCount(input.kind, departmentIds.length);
    const items = input.actionItems ?? [];
    items.forEach((item, n) => this.checkItem(item, input.heldOn, `input.actionItems.${n}`));
    return transaction(ctx, async (tx) => {
      const org = await organizationInScope(tx, input.organizationId, CommunityPermission.ConsultationWrite);
      if (!org) throw BadUserInputError.field('input.organizationId', 'exists', `no active organization ${input.organizationId} within your consultation scope.`);
      await this.checkDepartments(tx, departmentIds);
      for (const [n, item] of items.entries()) await this.checkOwners(tx, item, `input.actionItems.${n}`);
      const consultation = await tx.manager.save(
        tx.manager.create(Consultation, {
          organizationId: org.id,
          kind: input.kind,
          heldOn: input.heldOn,
          title: input.title,
          topics: this.topics(input.topics),
          conclusions: input.conclusions ?? null,
          otherParticipants: input.otherParticipants ?? null,
          archivedAt: null,
        }),
      );
      if (departmentIds.length) {
        await tx.manager.createQueryBuilder().insert().into(ConsultationDepartment).values(departmentIds.map((organizationId) => ({ consultationId: consultation.id, organizationId }))).execute();
      }
      if (items.length) {
        await tx.manager
          .createQueryBuilder()
          .insert()
          .into(ConsultationActionItem)
          .values(items.map((item) => this.newItem(consultation.id, item)))
          .execute();
      }
      await audit(tx, { action: 'rescue.consultation.record', entityType: 'Consultation', entityId: consultation.id, changes: { ...input } });
      await tx.emit('rescue.consultation.recorded', { id: consultation.id, organizationId: org.id, kind: input.kind, actionItems: items.length });
      return consultation;
    });
  }

  async update(ctx: RequestContext, input: UpdateConsultationInput): Promise<Consultation> {
    if (input.heldOn !== undefined) assertNotFuture(input.heldOn, 'input.heldOn', ctx.clock.today());
    return transaction(ctx, async (tx) => {
      const current = await this.getActiveOrFail(tx, input.id, 'input.id');
      const patch: Partial<Consultation> = {};
      if (input.kind !== undefined) patch.kind = input.kind;
      if (input.heldOn !== undefined) patch.heldOn = input.heldOn;
      if (input.title !== undefined) patch.title = input.title;
      if (input.topics !== undefined) patch.topics = this.topics(input.topics);
      if (input.conclusions !== undefined) patch.conclusions = input.conclusions;
      if (input.otherParticipants !== undefined) patch.otherParticipants = input.otherParticipants;
      const kind = patch.kind ?? current.kind;
      const heldOn = patch.heldOn ?? current.heldOn;
      this.checkKind(kind, heldOn, input.kind !== undefined && input.kind !== current.kind ? 'input.kind' : 'input.heldOn');
      const departmentIds = input.departmentIds ? [...new Set(input.departmentIds)] : null;
      const departmentCount =
        departmentIds?.length ?? Number((await tx.manager.query(`SELECT count(*)::int AS n FROM consultation_department WHERE consultation_id = $1`, [current.id]))[0].n);
      this.checkDepartmentCount(kind, departmentCount);
      if (patch.heldOn !== undefined && patch.heldOn > current.heldOn) await this.checkItemsAfter(tx, current.id, patch.heldOn);
      if (departmentIds) {
        await this.checkDepartments(tx, departmentIds);
        await tx.manager.query(`DELETE FROM consultation_department WHERE consultation_id = $1 AND NOT (organization_id = ANY($2::uuid[]))`, [current.id, departmentIds]);
        if (departmentIds.length) {
          await tx.manager.createQueryBuilder().insert().into(ConsultationDepartment).values(departmentIds.map((organizationId) => ({ consultationId: current.id, organizationId }))).orIgnore().execute();
        }
      }
      return updateRecord(tx, Consultation, 'Consultation', current, input.version, patch, {
        action: 'rescue.consultation.update',
        changes: (updated) => ({ ...diff(current, updated), ...(departmentIds ? { departmentIds } : {}) }),
        event: 'rescue.consultation.updated',
        payload: { id: current.id, organizationId: current.organizationId },
      });
    });
  }

  async archive(ctx: RequestContext, input: ArchiveInput): Promise<Consultation> {
    return transaction(ctx, async (tx) => {
      const current = await this.getActiveOrFail(tx, input.id, 'input.id');
      return archiveRecord(tx, Consultation, 'Consultation', current, input.version, { action: 'rescue.consultation.archive', event: 'rescue.consultation.archived', payload: { id: current.id, organizationId: current.organizationId } });
    });
  }

  async addActionItem(ctx: RequestContext, input: AddConsultationActionItemInput): Promise<ConsultationActionItem> {
    return transaction(ctx, async (tx) => {
      // FOR SHARE: the meeting itself is not changed, but must not be archived or moved meanwhile.
      const consultation = await this.getActiveOrFail(tx, input.consultationId, 'input.consultationId', 'pessimistic_read');
      this.checkItem(input, consultation.heldOn, 'input');
      await this.checkOwners(tx, input, 'input');
      const item = await tx.manager.save(tx.manager.create(ConsultationActionItem, this.newItem(consultation.id, input)));
      await audit(tx, { action: 'rescue.consultation-action-item.add', entityType: 'ConsultationActionItem', entityId: item.id, changes: { ...input } });
      await tx.emit('rescue.consultation.actionItemAdded', { id: item.id, consultationId: consultation.id, organizationId: consultation.organizationId });
      return item;
    });
  }

  async completeActionItem(ctx: RequestContext, input: CompleteConsultationActionItemInput): Promise<ConsultationActionItem> {
    assertNotFuture(input.doneOn, 'input.doneOn', ctx.clock.today());
    return transaction(ctx, async (tx) => {
      const { item, consultation } = await this.openItemOrFail(tx, input.id, input.version, 'complete');
      if (input.doneOn < consultation.heldOn) throw BadUserInputError.field('input.doneOn', 'notBeforeMeeting', `must not be before the meeting (${consultation.heldOn}).`);
      return updateRecord(tx, ConsultationActionItem, 'ConsultationActionItem', item, input.version, { status: ConsultationActionStatus.DONE, doneOn: input.doneOn, note: input.note ?? null }, {
        action: 'rescue.consultation-action-item.complete',
        event: 'rescue.consultation.actionItemCompleted',
        payload: { id: item.id, consultationId: consultation.id, organizationId: consultation.organizationId },
      });
    });
  }

  async cancelActionItem(ctx: RequestContext, input: CancelConsultationActionItemInput): Promise<ConsultationActionItem> {
    return transaction(ctx, async (tx) => {
      const { item, consultation } = await this.openItemOrFail(tx, input.id, input.version, 'cancel');
      return updateRecord(tx, ConsultationActionItem, 'ConsultationActionItem', item, input.version, { status: ConsultationActionStatus.CANCELLED, note: input.reason }, {
        action: 'rescue.consultation-action-item.cancel',
        event: 'rescue.consultation.actionItemCancelled',
        payload: { id: item.id, consultationId: consultation.id, organizationId: consultation.organizationId },
      });
    });
  }

  private newItem(consultationId: string, item: ConsultationActionItemInput): Partial<ConsultationActionItem> {
    return {
      consultationId,
      description: item.description,
      ownerOrganizationId: item.ownerOrganizationId ?? null,
      ownerPersonId: item.ownerPersonId ?? null,
      dueOn: item.dueOn,
      status: ConsultationActionStatus.OPEN,
      doneOn: null,
      note: null,
    };
  }

  private topics(topics: readonly string[] | null | undefined): string[] {
    return [...new Set((topics ?? []).filter(Boolean))];
  }

  /** 汛期5-9月: a FLOOD_SEASON_MONTHLY meeting must be held in the flood season. */
  private checkKind(kind: ConsultationKind, heldOn: string, field: string): void {
    if (kind === ConsultationKind.FLOOD_SEASON_MONTHLY && !isFloodSeasonDay(heldOn)) {
      throw BadUserInputError.field(field, 'floodSeason', `a FLOOD_SEASON_MONTHLY meeting is held in the flood season, months ${FLOOD_SEASON_FIRST_MONTH} to ${FLOOD_SEASON_LAST_MONTH} (held on ${heldOn}).`);
    }
  }

  private checkDepartmentCount(kind: ConsultationKind, count: number): void {
    if (kind === ConsultationKind.ONE_SEVEN_N && count < ONE_SEVEN_N_DEPARTMENTS) {
      throw BadUserInputError.field('input.departmentIds', 'oneSevenN', `a 1+7+N meeting needs at least ${ONE_SEVEN_N_DEPARTMENTS} member departments (given ${count}).`);
    }
  }

  private checkItem(item: ConsultationActionItemInput, heldOn: string, prefix: string): void {
    if (!item.ownerOrganizationId && !item.ownerPersonId) throw BadUserInputError.field(`${prefix}.ownerOrganizationId`, 'required', 'name the organization or the person responsible (or both).');
    if (item.dueOn < heldOn) throw BadUserInputError.field(`${prefix}.dueOn`, 'notBeforeMeeting', `must not be before the meeting (${heldOn}).`);
  }

  /** Departments: active organizations the caller may read. */
  private async checkDepartments(tx: RequestContext, ids: readonly string[]): Promise<void> {
    if (!ids.length) return;
    const found = await this.readableOrganizations(tx, ids);
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length) throw BadUserInputError.field('input.departmentIds', 'exists', `no active organization you may read: ${missing.join(', ')}.`);
  }

  /** Owners: an active organization and/or an active person the caller may read. */
  private async checkOwners(tx: RequestContext, item: ConsultationActionItemInput, prefix: string): Promise<void> {
    if (item.ownerOrganizationId && !(await this.readableOrganizations(tx, [item.ownerOrganizationId])).has(item.ownerOrganizationId)) {
      throw BadUserInputError.field(`${prefix}.ownerOrganizationId`, 'exists', `no active organization ${item.ownerOrganizationId} you may read.`);
    }
    if (item.ownerPersonId) await assertReadablePerson(tx, item.ownerPersonId, `${prefix}.ownerPersonId`);
  }

  private async readableOrganizations(tx: RequestContext, ids: readonly string[]): Promise<Set<string>> {
    const scope: Scope = organizationScope(tx.principal, DirectoryPermission.OrganizationRead, 'o.path', 'o.id');
    const rows = await tx.manager
      .createQueryBuilder()
      .select('o.id', 'id')
      .from('organization', 'o')
      .where('o.id IN (:...ids) AND o.archived_at IS NULL', { ids })
      .andWhere(scope.sql, scope.params)
      .getRawMany<{ id: string }>();
    return new Set(rows.map((r) => r.id));
  }

  /** Moving a meeting later must keep its items' due and done days on or after it. */
  private async checkItemsAfter(tx: RequestContext, consultationId: string, heldOn: string): Promise<void> {
    const [row] = await tx.manager.query(`SELECT least(min(due_on), min(done_on))::text AS first FROM consultation_action_item WHERE consultation_id = $1`, [consultationId]);
    if (row?.first && row.first < heldOn) throw BadUserInputError.field('input.heldOn', 'notAfterActionItems', `an action item is due or done on ${row.first}, before the new day.`);
  }

  private async rootOrganizationId(ctx: RequestContext): Promise<string | null> {
    const [root] = await ctx.manager.query(`SELECT id FROM organization WHERE parent_id IS NULL AND archived_at IS NULL ORDER BY created_at, id LIMIT 1`);
    return root?.id ?? null;
  }

  /** A meeting the caller may write, not archived (locked); out of scope answers NOT_FOUND, like a missing one. */
  private async getActiveOrFail(tx: RequestContext, id: string, field: string, lock: 'pessimistic_write' | 'pessimistic_read' = 'pessimistic_write'): Promise<Consultation> {
    const scope = organizationIdInScope(tx.principal, CommunityPermission.ConsultationWrite, 'c.organization_id');
    return lockActiveOrFail(tx.manager.createQueryBuilder(Consultation, 'c').where(scope.sql, scope.params), 'Consultation', id, 'the consultation is archived.', field, lock);
  }

  /**
   * An open action item of a meeting the caller may write (item locked): NOT_FOUND out of scope,
   * CONFLICT for a stale version, BAD_USER_INPUT when the item is no longer open or the meeting archived.
   */
  private async openItemOrFail(tx: RequestContext, id: string, version: number, action: string): Promise<{ item: ConsultationActionItem; consultation: Consultation }> {
    const scope = organizationIdInScope(tx.principal, CommunityPermission.ConsultationWrite, 'c.organization_id');
    const item = await tx.manager
      .createQueryBuilder(ConsultationActionItem, 'i')
      .innerJoin(Consultation, 'c', 'c.id = i.consultation_id')
      .where('i.id = :id', { id })
      .andWhere(scope.sql, scope.params)
      .setLock('pessimistic_write', undefined, ['i'])
      .getOne();
    if (!item) throw new NotFoundError('ConsultationActionItem', id);
    assertVersion('ConsultationActionItem', item, version);
    if (item.status !== ConsultationActionStatus.OPEN) throw BadUserInputError.field('input.id', 'transition', `cannot ${action} an action item that is ${item.status} (allowed from OPEN).`);
    const consultation = await tx.manager.findOneByOrFail(Consultation, { id: item.consultationId });
    if (consultation.archivedAt) throw BadUserInputError.field('input.id', 'notArchived', 'the consultation of the action item is archived.');
    return { item, consultation };
  }
}
