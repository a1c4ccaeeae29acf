import {
  applyStep,
  assertVersion,
  createRecord,
  recordEvent,
  records,
  sentFields,
  sql,
  transaction,
  updateRecord,
  whereChanged,
  audit,
  join,
  type ConnectionResult,
  type PageRequest,
  type Patch,
  type RequestContext,
  type Sql,
} from '@platform/core';
import { organizationIdWithinSubtree } from '@platform/directory';
import { DutyItem, DutyList } from './duty-list.entity';
import { DutyListStatus } from './duty.enums';
import { DutyItemOrder, DutyListOrder } from './duty.orders';
import { DUTY_LIST_WORKFLOW } from './duty-workflows';
import { DutyItems, DutyLists } from './duties.entities';
import { DutyPermission } from './duties.permissions';
import { dutyEvents } from './duties.events';
import { dutyRules } from './duties.rules';
import { officialAt } from './duty-official';
import { copyDutyItems, deleteDutyItem } from './duty-ledger.sql';
import { diffDutyItems, type DutyItemChange } from './duty-diff';
import { MAX_DUTY_ITEMS, type AddDutyItemInput, type CreateDutyListInput, type DutyItemInput, type DutyItemListArgs, type DutyListDiffArgs, type DutyListListArgs, type RemoveDutyItemInput, type ReviseDutyListInput, type SignDutyListInput, type UpdateDutyItemInput } from './duty-list.inputs';
import { DutyItemChangeOrder } from './duty.orders';

/** Properties the keyset orders of lists read (besides the id). */
export const DUTY_LIST_KEY_PROPERTIES = ['year', 'title'];

const payloadOf = (l: DutyList) => ({ id: l.id, personId: l.personId, organizationId: l.organizationId, year: l.year });

/** Duty lists and their items: drawn up, changed while in draft, signed, revised, compared. */
export class DutyListService {
  byId(ctx: RequestContext, id: string, properties: readonly string[] | null = null): Promise<DutyList | null> {
    return records(ctx, DutyLists).one(id, properties);
  }

  /** Duties across the lists the caller may read (their scope is their list's), by place in the list. */
  items(ctx: RequestContext, args: DutyItemListArgs, withCount: boolean, properties: readonly string[] | null = null): Promise<ConnectionResult<DutyItem>> {
    const f = args.filter ?? {};
    let items = records(ctx, DutyItems);
    if (f.listId) items = items.where(sql`t.list_id = ${f.listId}`);
    const list: Sql[] = [];
    if (f.personId) list.push(sql`l.person_id = ${f.personId}`);
    if (f.year !== undefined && f.year !== null) list.push(sql`l.year = ${f.year}`);
    if (list.length) items = items.where(sql`EXISTS ${records(ctx, DutyLists).as('l').where(sql`l.id = t.list_id AND ${join(list, ' AND ')}`).subquery(sql`1`)}`);
    if (f.categories?.length) items = items.where(sql`t.category = ANY(${f.categories})`);
    return whereChanged(items, f).page({ keys: DutyItemOrder.keys(args.orderBy), page: args, withCount, properties });
  }

  list(ctx: RequestContext, args: DutyListListArgs, withCount: boolean, properties: readonly string[] | null = null): Promise<ConnectionResult<DutyList>> {
    const f = args.filter ?? {};
    let lists = records(ctx, DutyLists);
    if (f.personId) lists = lists.where(sql`t.person_id = ${f.personId}`);
    if (f.organizationId) lists = lists.where(sql`t.organization_id = ${f.organizationId}`);
    if (f.withinSubtreeOf) lists = lists.where(organizationIdWithinSubtree('t.organization_id', f.withinSubtreeOf));
    if (f.year !== undefined && f.year !== null) lists = lists.where(sql`t.year = ${f.year}`);
    if (f.statuses?.length) lists = lists.where(sql`t.status = ANY(${f.statuses})`);
    return whereChanged(lists, f).page({ keys: DutyListOrder.keys(args.orderBy), page: args, withCount, properties });
  }

  /** The differences between two lists of one official, by item key, one page of them (computed: at most twice the items a list holds). */
  async diff(ctx: RequestContext, args: DutyListDiffArgs): Promise<ConnectionResult<DutyItemChange>> {
    const base = await records(ctx, DutyLists).reference(args.baseListId, 'baseListId', { properties: ['id', 'personId'] });
    const later = await records(ctx, DutyLists).reference(args.listId, 'listId', { properties: ['id', 'personId'] });
    if (base.personId !== later.personId) throw dutyRules.field('listId', 'sameOfficial', 'the two lists are of different officials.');
    const items = await records(ctx, DutyItems)
      .where(sql`t.list_id = ANY(CAST(${[base.id, later.id]} AS uuid[]))`)
      .list({ keys: DutyItemOrder.keys(null), limit: 2 * MAX_DUTY_ITEMS });
    const changes = diffDutyItems(items.filter((i) => i.listId === base.id), items.filter((i) => i.listId === later.id));
    const kinds = args.filter?.kinds;
    return DutyItemChangeOrder.page(kinds?.length ? changes.filter((c) => kinds.includes(c.kind)) : changes, args.orderBy, args as PageRequest);
  }

  create(ctx: RequestContext, input: CreateDutyListInput): Promise<DutyList> {
    const items = input.items ?? [];
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.key)) throw dutyRules.field(`input.items.${i}.key`, 'unique', `the key ${item.key} is given twice.`);
      seen.add(item.key);
    });
    return transaction(ctx, async (tx) => {
      const official = await officialAt(tx, input.personId, input.organizationId, DutyPermission.Manage, { personId: 'input.personId', organizationId: 'input.organizationId' });
      const existing = await records(tx, DutyLists, DutyPermission.Manage).where(sql`t.person_id = ${input.personId} AND t.organization_id = ${input.organizationId} AND t.year = ${input.year}`).count();
      if (existing) throw dutyRules.field('input.year', 'unique', `the official has a duty list of ${input.year} already: revise it (reviseDutyList).`);
      const list = await createRecord(
        tx,
        DutyList,
        'DutyList',
        {
          personId: input.personId,
          organizationId: input.organizationId,
          positionTitle: official.positionTitle,
          year: input.year,
          revision: 1,
          previousId: null,
          title: input.title ?? `${official.organization.shortName ?? official.organization.name}${official.positionTitle}${input.year}年安全生产和防灾减灾救灾工作职责清单`,
          status: DutyListStatus.DRAFT,
          signedAt: null,
          signedByKind: null,
          signedById: null,
          signedByPersonId: null,
        },
        { action: 'responsibility.duty-list.create', changes: { ...input, items: items.map((i) => i.key) }, ...recordEvent(dutyEvents['responsibility.duty-list.created'], payloadOf) },
      );
      let position = 0;
      for (const item of items) await this.insertItem(tx, list, item, item.position ?? (position += 10));
      return list;
    });
  }

  addItem(ctx: RequestContext, input: AddDutyItemInput): Promise<DutyItem> {
    return transaction(ctx, async (tx) => {
      // FOR SHARE: items may be added side by side, but not while the list is being signed.
      const list = await records(tx, DutyLists, DutyPermission.Manage).reference(input.listId, 'input.listId', { lock: 'share' });
      this.assertDraft(list, 'input.listId');
      const [{ count, last }] = await records(tx, DutyItems, DutyPermission.Manage)
        .where(sql`t.list_id = ${list.id}`)
        .aggregate<{ count: number; last: number | null }>(sql`count(*)::int AS "count", max(t.position) AS "last"`);
      if (count >= MAX_DUTY_ITEMS) throw dutyRules.field('input.listId', 'range', `a list holds at most ${MAX_DUTY_ITEMS} items.`);
      await this.checkKey(tx, list.id, input.key);
      const item = await this.insertItem(tx, list, input, input.position ?? Math.min((last ?? 0) + 10, 1_000_000));
      await tx.emit(dutyEvents['responsibility.duty-list.changed'], payloadOf(list));
      return item;
    });
  }

  updateItem(ctx: RequestContext, input: UpdateDutyItemInput): Promise<DutyItem> {
    return transaction(ctx, async (tx) => {
      const current = await records(tx, DutyItems, DutyPermission.Manage).lock(input.id);
      const list = (await records(tx, DutyLists, DutyPermission.Manage).reference(current.listId, 'input.id', { lock: 'share' }))!;
      assertVersion('DutyItem', current, input.version);
      this.assertDraft(list, 'input.id');
      const patch: Patch<DutyItem> = sentFields(input, ['text', 'legalBasis', 'category', 'position']);
      return updateRecord(tx, DutyItem, 'DutyItem', current, input.version, patch, { action: 'responsibility.duty-item.update', ...recordEvent(dutyEvents['responsibility.duty-list.changed'], payloadOf(list)) });
    });
  }

  removeItem(ctx: RequestContext, input: RemoveDutyItemInput): Promise<DutyList> {
    return transaction(ctx, async (tx) => {
      const current = await records(tx, DutyItems, DutyPermission.Manage).lock(input.id);
      const list = await records(tx, DutyLists, DutyPermission.Manage).reference(current.listId, 'input.id', { lock: 'share' });
      assertVersion('DutyItem', current, input.version);
      this.assertDraft(list, 'input.id');
      await deleteDutyItem(tx, current.id);
      await audit(tx, { action: 'responsibility.duty-item.remove', entityType: 'DutyList', entityId: list.id, changes: { removed: { id: current.id, key: current.key, text: current.text, legalBasis: current.legalBasis, category: current.category } } });
      await tx.emit(dutyEvents['responsibility.duty-list.changed'], payloadOf(list));
      return list;
    });
  }

  sign(ctx: RequestContext, input: SignDutyListInput): Promise<DutyList> {
    return transaction(ctx, async (tx) => {
      const current = await records(tx, DutyLists, DUTY_LIST_WORKFLOW.permissionOf('sign')).lock(input.id);
      const principal = tx.principal;
      return applyStep(tx, DUTY_LIST_WORKFLOW, 'sign', {
        current,
        version: input.version,
        patch: { signedAt: tx.clock.now(), signedByKind: principal.kind, signedById: principal.id, signedByPersonId: principal.personId ?? null },
        check: async () => {
          const items = await records(tx, DutyItems, DutyPermission.Manage).where(sql`t.list_id = ${current.id}`).count();
          if (!items) throw dutyRules.field('input.id', 'required', 'a list without items cannot be signed.');
        },
        changes: { signedByKind: principal.kind, signedById: principal.id, signedByPersonId: principal.personId ?? null },
      });
    });
  }

  revise(ctx: RequestContext, input: ReviseDutyListInput): Promise<DutyList> {
    return transaction(ctx, async (tx) => {
      // FOR SHARE: the source stays as it is; a second revision of it meanwhile is refused by the unique index on previous_id.
      const source = await records(tx, DutyLists, DutyPermission.Manage).reference(input.id, 'input.id', { lock: 'share' });
      if (source.status !== DutyListStatus.SIGNED) throw dutyRules.field('input.id', 'state', 'only a signed list is revised: change the draft itself.');
      if (input.year < source.year) throw dutyRules.field('input.year', 'revised', `a list of ${source.year} is revised into ${source.year} or a later year.`);
      const revised = await records(tx, DutyLists, DutyPermission.Manage).where(sql`t.previous_id = ${source.id}`).count();
      if (revised) throw dutyRules.field('input.id', 'revised', 'the list was revised already: revise its newest revision.');
      const [{ last }] = await records(tx, DutyLists, DutyPermission.Manage)
        .where(sql`t.person_id = ${source.personId} AND t.organization_id = ${source.organizationId} AND t.year = ${input.year}`)
        .aggregate<{ last: number | null }>(sql`max(t.revision) AS "last"`);
      const list = await createRecord(
        tx,
        DutyList,
        'DutyList',
        {
          personId: source.personId,
          organizationId: source.organizationId,
          positionTitle: source.positionTitle,
          year: input.year,
          revision: (last ?? 0) + 1,
          previousId: source.id,
          title: input.title ?? source.title.replace(String(source.year), String(input.year)),
          status: DutyListStatus.DRAFT,
          signedAt: null,
          signedByKind: null,
          signedById: null,
          signedByPersonId: null,
        },
        { action: 'responsibility.duty-list.revise', changes: (l) => ({ revisedFrom: source.id, year: l.year, revision: l.revision }), ...recordEvent(dutyEvents['responsibility.duty-list.revised'], (l: DutyList) => ({ ...payloadOf(l), previousId: source.id })) },
      );
      const copied = await copyDutyItems(tx, source.id, list.id);
      await audit(tx, { action: 'responsibility.duty-item.copy', entityType: 'DutyList', entityId: list.id, changes: { from: source.id, items: copied } });
      return list;
    });
  }

  private async insertItem(tx: RequestContext, list: DutyList, item: DutyItemInput, position: number): Promise<DutyItem> {
    return createRecord(
      tx,
      DutyItem,
      'DutyItem',
      { listId: list.id, key: item.key, position, text: item.text, legalBasis: item.legalBasis, category: item.category },
      { action: 'responsibility.duty-item.add', auditUnder: { entityType: 'DutyList', entityId: list.id } },
    );
  }

  /** A signed list is immutable: its items change only in a revision. */
  private assertDraft(list: DutyList, field: string): void {
    if (list.status !== DutyListStatus.DRAFT) throw dutyRules.field(field, 'state', 'the list is SIGNED and immutable: revise it (reviseDutyList) to change its duties.');
  }

  /** An item key is unique in its list (a concurrent duplicate is refused by the unique index: CONFLICT). */
  private async checkKey(tx: RequestContext, listId: string, key: string): Promise<void> {
    const taken = await records(tx, DutyItems, DutyPermission.Manage).where(sql`t.list_id = ${listId} AND t.key = ${key}`).count();
    if (taken) throw dutyRules.field('input.key', 'unique', `the list has an item ${key} already.`);
  }
}
