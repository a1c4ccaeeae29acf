import {
  assertNotBefore,
  FLOOD_SEASON_FIRST_MONTH,
  FLOOD_SEASON_LAST_MONTH,
  SortDirection,
  applyStep,
  archiveRecord,
  assertNotFuture,
  createRecord,
  diff,
  isChangeFeed,
  isFloodSeasonDay,
  raw,
  recordEvent,
  records,
  sentFields,
  sql,
  transaction,
  unscoped,
  updateRecord,
  whereChanged,
  type ArchiveInput,
  type ConnectionResult,
  type Patch,
  type RequestContext,
  type Sql,
} from '@platform/core';
import { Organizations, Persons, organizationIdWithinSubtree } from '@platform/directory';
import { Consultation, ConsultationActionItem } from './consultation.entity';
import { ConsultationActionItemOrder, ConsultationOrder } from './consultation.orders';
import { ConsultationActionStatus, ConsultationKind, ConsultationMonthStatus } from './consultation.enums';
import type { ConsultationFloodSeasonMonth, ConsultationMonthMeeting } from './consultation.types';
import { ACTION_ITEM_WORKFLOW, actionItemPayload, type ActionItemStep } from './action-item-workflow';
import { deleteConsultationDepartmentsExcept, insertConsultationActionItems, insertConsultationDepartments } from './consultation-links.sql';
import { ConsultationActionItems, ConsultationDepartments, Consultations } from '../community.entities';
import { communityEvents } from '../community.events';
import { communityRules } from '../community.rules';
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

/**
 * When an action item (`t`) last changed as its list sees it: its own change or its meeting's, since
 * archiving the meeting takes the item off the list (a change feed then lists the item as a tombstone).
 */
const ITEM_OR_MEETING_UPDATED_AT = '(SELECT GREATEST(t.updated_at, c.updated_at) FROM consultation c WHERE c.id = t.consultation_id)';

/** Properties the keyset orders read (besides the id): a page must load them whatever is selected. */
export const CONSULTATION_KEY_PROPERTIES = ['heldOn'];
export const ACTION_ITEM_KEY_PROPERTIES = ['dueOn'];

/** SQL: the action item under `alias` (a table alias the code writes) is open and its due day is before `today` (the clock's, `ctx.clock.today()`). */
export function overdueActionItem(alias: string, today: string): Sql {
  if (!/^[a-z][a-z0-9_]*$/.test(alias)) throw new Error(`overdueActionItem(): ${JSON.stringify(alias)} is not a table alias.`);
  return sql`(${raw(`${alias}.status`)} = ${ConsultationActionStatus.OPEN} AND ${raw(`${alias}.due_on`)} < CAST(${today} AS date))`;
}

/** The same rule as `overdueActionItem` for a loaded row. */
export function actionItemOverdue(i: Pick<ConsultationActionItem, 'status' | 'dueOn'>, today: string): boolean {
  return i.status === ConsultationActionStatus.OPEN && i.dueOn < today;
}

/** The first day of a month, YYYY-MM-DD. */
const firstDayOf = (year: number, month: number): string => `${year}-${String(month).padStart(2, '0')}-01`;

export class ConsultationService {
  /** One consultation by id if the caller may read it (archived ones too). */
  byId(ctx: RequestContext, id: string, properties: readonly string[] | null = null): Promise<Consultation | null> {
    return records(ctx, Consultations).one(id, properties);
  }

  list(ctx: RequestContext, args: ConsultationListArgs, withCount: boolean, properties: readonly string[] | null = null): Promise<ConnectionResult<Consultation>> {
    const f = args.filter ?? {};
    assertNotBefore(f.from, f.to, 'filter.to', 'from');
    let consultations = records(ctx, Consultations);
    // A change feed lists archived meetings too (tombstones: archivedAt says so).
    if (!f.includeArchived && !isChangeFeed(f)) consultations = consultations.where(sql`t.archived_at IS NULL`);
    if (f.withinSubtreeOf) consultations = consultations.where(organizationIdWithinSubtree('t.organization_id', f.withinSubtreeOf));
    if (f.kinds?.length) consultations = consultations.where(sql`t.kind = ANY(${f.kinds})`);
    if (f.from) consultations = consultations.where(sql`t.held_on >= CAST(${f.from} AS date)`);
    if (f.to) consultations = consultations.where(sql`t.held_on <= CAST(${f.to} AS date)`);
    return whereChanged(consultations, f).page({ keys: ConsultationOrder.keys(args.orderBy), page: args, withCount, properties });
  }

  /** Action items across meetings the caller may read (archived meetings aside, but in a change feed), earliest due first unless told otherwise. */
  actionItems(ctx: RequestContext, args: ConsultationActionItemListArgs, withCount: boolean, properties: readonly string[] | null = null): Promise<ConnectionResult<ConsultationActionItem>> {
    const f = args.filter ?? {};
    // The item's meeting is in the caller's scope by the declaration (`through` the consultation); here it must also be
    // current (but in a change feed, which lists the items of archived meetings as tombstones) and under the subtree.
    const current = isChangeFeed(f) ? sql`TRUE` : sql`c.archived_at IS NULL`;
    const meeting = f.withinSubtreeOf ? sql` AND ${organizationIdWithinSubtree('c.organization_id', f.withinSubtreeOf)}` : sql``;
    let items = records(ctx, ConsultationActionItems).where(sql`EXISTS (SELECT 1 FROM consultation c WHERE c.id = t.consultation_id AND ${current}${meeting})`);
    if (f.statuses?.length) items = items.where(sql`t.status = ANY(${f.statuses})`);
    if (f.overdue !== undefined && f.overdue !== null) {
      const overdue = overdueActionItem('t', ctx.clock.today());
      items = items.where(f.overdue ? overdue : sql`NOT ${overdue}`);
    }
    if (f.ownerOrganizationId) items = items.where(sql`t.owner_organization_id = ${f.ownerOrganizationId}`);
    return whereChanged(items, f, ITEM_OR_MEETING_UPDATED_AT).page({ keys: ConsultationActionItemOrder.keys(args.orderBy), page: args, withCount, properties });
  }

  /**
   * 汛期月度研判 gaps: each flood-season month of `year` up to the current month (China time), with
   * the FLOOD_SEASON_MONTHLY meetings the organization held in it, counted in one aggregate statement
   * by month. The current month not yet held is UPCOMING until it ends.
   */
  async floodSeasonGaps(ctx: RequestContext, args: ConsultationGapsArgs): Promise<ConsultationFloodSeasonMonth[]> {
    const organization = await this.gapsOrganization(ctx, args.organizationId);
    const today = ctx.clock.today();
    const thisMonth = `${today.slice(0, 7)}-01`;
    const months: number[] = [];
    for (let m = FLOOD_SEASON_FIRST_MONTH; m <= FLOOD_SEASON_LAST_MONTH; m++) if (firstDayOf(args.year, m) <= thisMonth) months.push(m);
    if (!months.length) return [];
    const rows = await records(ctx, Consultations)
      .where(
        sql`t.organization_id = ${organization} AND t.kind = ${ConsultationKind.FLOOD_SEASON_MONTHLY} AND t.archived_at IS NULL
          AND t.held_on >= CAST(${firstDayOf(args.year, FLOOD_SEASON_FIRST_MONTH)} AS date) AND t.held_on < CAST(${firstDayOf(args.year, FLOOD_SEASON_LAST_MONTH + 1)} AS date)`,
      )
      .aggregate<{ month: number; held: number; meetings: ConsultationMonthMeeting[] }>(
        sql`EXTRACT(MONTH FROM t.held_on)::int AS "month", count(*)::int AS "held",
          json_agg(json_build_object('id', t.id, 'title', t.title, 'heldOn', t.held_on::text) ORDER BY t.held_on, t.id) AS "meetings"`,
        { groupBy: sql`EXTRACT(MONTH FROM t.held_on)` },
      );
    return months.map((month) => {
      const row = rows.find((r) => r.month === month);
      const held = row?.held ?? 0;
      const over = (month === 12 ? firstDayOf(args.year + 1, 1) : firstDayOf(args.year, month + 1)) <= today;
      const status = held > 0 ? ConsultationMonthStatus.HELD : over ? ConsultationMonthStatus.MISSING : ConsultationMonthStatus.UPCOMING;
      return { year: args.year, month, status, heldCount: held, meetings: (row?.meetings ?? []).slice(0, MEETINGS_PER_MONTH) };
    });
  }

  async record(ctx: RequestContext, input: RecordConsultationInput): Promise<Consultation> {
    assertNotFuture(input.heldOn, 'input.heldOn', ctx.clock.today());
    this.checkKind(input.kind, input.heldOn, 'input.heldOn');
    const departmentIds = [...new Set(input.departmentIds ?? [])];
    this.checkDepartmentCount(input.kind, departmentIds.length);
    const items = input.actionItems ?? [];
    items.forEach((item, n) => this.checkItem(item, input.heldOn, `input.actionItems.${n}`));
    return transaction(ctx, async (tx) => {
      // An organization missing or outside the caller's consultation write scope answers NOT_FOUND on the field.
      const org = await records(tx, Organizations, CommunityPermission.ConsultationWrite).reference(input.organizationId, 'input.organizationId', { properties: ['id'] });
      await this.checkDepartments(tx, departmentIds);
      for (const [n, item] of items.entries()) await this.checkOwners(tx, item, `input.actionItems.${n}`);
      const consultation = await createRecord(
        tx,
        Consultation,
        'Consultation',
        {
          organizationId: org.id,
          kind: input.kind,
          heldOn: input.heldOn,
          title: input.title,
          topics: this.topics(input.topics),
          conclusions: input.conclusions ?? null,
          otherParticipants: input.otherParticipants ?? null,
          archivedAt: null,
        },
        {
          action: 'rescue.consultation.record',
          changes: { ...input },
          ...recordEvent(communityEvents['rescue.consultation.recorded'], (c: Consultation) => ({ id: c.id, organizationId: org.id, kind: input.kind, actionItems: items.length })),
        },
      );
      await insertConsultationDepartments(tx, consultation.id, departmentIds);
      await insertConsultationActionItems(tx, items.map((item) => this.newItem(consultation.id, item)));
      return consultation;
    });
  }

  async update(ctx: RequestContext, input: UpdateConsultationInput): Promise<Consultation> {
    if (input.heldOn !== undefined) assertNotFuture(input.heldOn, 'input.heldOn', ctx.clock.today());
    return transaction(ctx, async (tx) => {
      const current = await this.activeConsultation(tx, input.id);
      const patch: Patch<Consultation> = sentFields(input, ['kind', 'heldOn', 'title', 'conclusions', 'otherParticipants']);
      if (input.topics !== undefined) patch.topics = this.topics(input.topics);
      const kind = input.kind ?? current.kind;
      const heldOn = input.heldOn ?? current.heldOn;
      this.checkKind(kind, heldOn, input.kind !== undefined && input.kind !== current.kind ? 'input.kind' : 'input.heldOn');
      const departmentIds = input.departmentIds ? [...new Set(input.departmentIds)] : null;
      const departmentCount = departmentIds?.length ?? (await records(tx, ConsultationDepartments, CommunityPermission.ConsultationWrite).where(sql`t.consultation_id = ${current.id}`).count());
      this.checkDepartmentCount(kind, departmentCount);
      if (input.heldOn !== undefined && input.heldOn > current.heldOn) await this.checkItemsAfter(tx, current.id, input.heldOn);
      if (departmentIds) {
        await this.checkDepartments(tx, departmentIds);
        await deleteConsultationDepartmentsExcept(tx, current.id, departmentIds);
        await insertConsultationDepartments(tx, current.id, departmentIds);
      }
      return updateRecord(tx, Consultation, 'Consultation', current, input.version, patch, {
        action: 'rescue.consultation.update',
        changes: (updated) => ({ ...diff(current, updated), ...(departmentIds ? { departmentIds } : {}) }),
        ...recordEvent(communityEvents['rescue.consultation.updated'], { id: current.id, organizationId: current.organizationId }),
      });
    });
  }

  async archive(ctx: RequestContext, input: ArchiveInput): Promise<Consultation> {
    return transaction(ctx, async (tx) => {
      const current = await this.activeConsultation(tx, input.id);
      return archiveRecord(tx, Consultation, 'Consultation', current, input.version, {
        action: 'rescue.consultation.archive',
        ...recordEvent(communityEvents['rescue.consultation.archived'], { id: current.id, organizationId: current.organizationId }),
      });
    });
  }

  async addActionItem(ctx: RequestContext, input: AddConsultationActionItemInput): Promise<ConsultationActionItem> {
    return transaction(ctx, async (tx) => {
      // FOR SHARE: the meeting itself is not changed, but must not be archived or moved meanwhile. A
      // meeting missing or outside the caller's write scope answers NOT_FOUND on the field, an archived one notArchived.
      const consultation = await records(tx, Consultations, CommunityPermission.ConsultationWrite).reference(input.consultationId, 'input.consultationId', { lock: 'share' });
      this.checkItem(input, consultation.heldOn, 'input');
      await this.checkOwners(tx, input, 'input');
      return createRecord(tx, ConsultationActionItem, 'ConsultationActionItem', this.newItem(consultation.id, input), {
        action: 'rescue.consultation-action-item.add',
        changes: { ...input },
        ...recordEvent(communityEvents['rescue.consultation.actionItemAdded'], (item: ConsultationActionItem) => ({ id: item.id, consultationId: consultation.id, organizationId: consultation.organizationId })),
      });
    });
  }

  async completeActionItem(ctx: RequestContext, input: CompleteConsultationActionItemInput): Promise<ConsultationActionItem> {
    assertNotFuture(input.doneOn, 'input.doneOn', ctx.clock.today());
    return this.step(ctx, 'complete', input, { doneOn: input.doneOn, note: input.note ?? null }, (consultation) => {
      if (input.doneOn < consultation.heldOn) throw communityRules.field('input.doneOn', 'notBeforeMeeting', `must not be before the meeting (${consultation.heldOn}).`);
    });
  }

  async cancelActionItem(ctx: RequestContext, input: CancelConsultationActionItemInput): Promise<ConsultationActionItem> {
    return this.step(ctx, 'cancel', input, { note: input.reason });
  }

  /**
   * One step of an action item (`ACTION_ITEM_WORKFLOW`): the item must be in the caller's scope for
   * the step's permission (else NOT_FOUND), at the version the caller read (else CONFLICT), OPEN (else
   * BAD_USER_INPUT rule `state`), and its meeting not archived (else `notArchived` on `input.id`).
   * The change, its audit entry and event commit together.
   */
  private step(
    ctx: RequestContext,
    name: ActionItemStep,
    input: { readonly id: string; readonly version: number },
    patch: Pick<Patch<ConsultationActionItem>, 'doneOn' | 'note'>,
    check?: (consultation: Consultation) => void,
  ): Promise<ConsultationActionItem> {
    return transaction(ctx, async (tx) => {
      const current = await records(tx, ConsultationActionItems, ACTION_ITEM_WORKFLOW.permissionOf(name)).lock(input.id);
      // In scope with its item (the item's scope is its meeting's).
      const consultation = (await records(tx, Consultations, ACTION_ITEM_WORKFLOW.permissionOf(name)).one(current.consultationId))!;
      return applyStep(tx, ACTION_ITEM_WORKFLOW, name, {
        payload: actionItemPayload(consultation),
        current,
        version: input.version,
        patch,
        check: () => {
          if (consultation.archivedAt) throw communityRules.field('input.id', 'notArchived', 'the consultation of the action item is archived.');
          check?.(consultation);
        },
        // As the audit entries of the items always read: each changed field with its value before and after.
        changes: diff(current, { ...current, ...patch }),
      });
    });
  }

  private newItem(consultationId: string, item: ConsultationActionItemInput): Patch<ConsultationActionItem> {
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
      throw communityRules.field(field, 'floodSeason', `a FLOOD_SEASON_MONTHLY meeting is held in the flood season, months ${FLOOD_SEASON_FIRST_MONTH} to ${FLOOD_SEASON_LAST_MONTH} (held on ${heldOn}).`);
    }
  }

  private checkDepartmentCount(kind: ConsultationKind, count: number): void {
    if (kind === ConsultationKind.ONE_SEVEN_N && count < ONE_SEVEN_N_DEPARTMENTS) {
      throw communityRules.field('input.departmentIds', 'oneSevenN', `a 1+7+N meeting needs at least ${ONE_SEVEN_N_DEPARTMENTS} member departments (given ${count}).`);
    }
  }

  private checkItem(item: ConsultationActionItemInput, heldOn: string, prefix: string): void {
    if (!item.ownerOrganizationId && !item.ownerPersonId) throw communityRules.field(`${prefix}.ownerOrganizationId`, 'required', 'name the organization or the person responsible (or both).');
    if (item.dueOn < heldOn) throw communityRules.field(`${prefix}.dueOn`, 'notBeforeMeeting', `must not be before the meeting (${heldOn}).`);
  }

  /** Departments: organizations the caller may read, not archived; else NOT_FOUND (or notArchived) naming `input.departmentIds.<n>`. */
  private async checkDepartments(tx: RequestContext, ids: readonly string[]): Promise<void> {
    if (ids.length) await records(tx, Organizations).referenceAll(ids, 'input.departmentIds', { properties: ['id'] });
  }

  /** Owners: an organization and/or a person the caller may read, not archived; else NOT_FOUND (or notArchived) naming the field. */
  private async checkOwners(tx: RequestContext, item: ConsultationActionItemInput, prefix: string): Promise<void> {
    if (item.ownerOrganizationId) await records(tx, Organizations).reference(item.ownerOrganizationId, `${prefix}.ownerOrganizationId`, { properties: ['id'] });
    if (item.ownerPersonId) await records(tx, Persons).reference(item.ownerPersonId, `${prefix}.ownerPersonId`, { properties: ['id'] });
  }

  /** Moving a meeting later must keep its items' due and done days on or after it. */
  private async checkItemsAfter(tx: RequestContext, consultationId: string, heldOn: string): Promise<void> {
    const [row] = await records(tx, ConsultationActionItems, CommunityPermission.ConsultationWrite)
      .where(sql`t.consultation_id = ${consultationId}`)
      .aggregate<{ first: string | null }>(sql`least(min(t.due_on), min(t.done_on))::text AS "first"`);
    if (row?.first && row.first < heldOn) throw communityRules.field('input.heldOn', 'notAfterActionItems', `an action item is due or done on ${row.first}, before the new day.`);
  }

  /**
   * The organization whose gaps are asked for, within the caller's consultation read scope: the one
   * named (else NOT_FOUND naming `organizationId`, notArchived when archived), or by default the town
   * government (the root organization), BAD_USER_INPUT `exists` when it is not in scope.
   */
  private async gapsOrganization(ctx: RequestContext, organizationId: string | undefined): Promise<string> {
    if (organizationId) return (await records(ctx, Organizations, CommunityPermission.ConsultationRead).reference(organizationId, 'organizationId', { properties: ['id'] })).id;
    const [root] = await unscoped(ctx, Organizations, 'the default organization of the gaps is the root; the caller\'s scope is checked next')
      .where(sql`t.parent_id IS NULL AND t.archived_at IS NULL`)
      .list({ keys: [{ column: 't.created_at', direction: SortDirection.ASC }, { column: 't.id', direction: SortDirection.ASC }], limit: 1, properties: ['id'] });
    const town = root ? await records(ctx, Organizations, CommunityPermission.ConsultationRead).where(sql`t.archived_at IS NULL`).one(root.id, ['id']) : null;
    if (!town) throw communityRules.field('organizationId', 'exists', 'the town government is not within your consultation scope: name an organization.');
    return town.id;
  }

  /** A meeting the caller may write, locked, not archived; out of scope answers NOT_FOUND, like a missing one. */
  private async activeConsultation(tx: RequestContext, id: string): Promise<Consultation> {
    const current = await records(tx, Consultations, CommunityPermission.ConsultationWrite).lock(id);
    if (current.archivedAt) throw communityRules.field('input.id', 'notArchived', 'the consultation is archived.');
    return current;
  }
}
