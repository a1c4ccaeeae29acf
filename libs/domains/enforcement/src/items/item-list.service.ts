import {
  addDays,
  applyStep,
  assertVersion,
  audit,
  createRecord,
  recordEvent,
  records,
  sentFields,
  sql,
  transaction,
  updateRecord,
  whereChanged,
  type ConnectionResult,
  type Patch,
  type RequestContext,
} from '@platform/core';
import { OrganizationKind, Organizations } from '@platform/directory';
import { EnforcementItemList } from './item.entity';
import { EnforcementItemListStatus } from './item.enums';
import { EnforcementItemListOrder } from './item.orders';
import { ITEM_LIST_WORKFLOW } from './item-list-workflow';
import { EnforcementItemLists, EnforcementItems } from './items.entities';
import { itemEvents } from './items.events';
import { ItemPermission } from './items.permissions';
import { itemRules } from './items.rules';
import { copyListItems, listInForceSql } from './item.sql';
import type { CreateEnforcementItemListInput, EnforcementItemListListArgs, PublishEnforcementItemListInput, UpdateEnforcementItemListInput } from './item.inputs';

/** Properties the default keyset order reads (besides the id). */
export const ITEM_LIST_KEY_PROPERTIES = ['effectiveFrom'];

/** The kinds of organization that may be a legal subject of enforcement. */
export const LEGAL_SUBJECT_KINDS: readonly OrganizationKind[] = [OrganizationKind.TOWN_GOVERNMENT, OrganizationKind.DEPARTMENT];

const payloadOf = (l: EnforcementItemList) => ({ id: l.id, organizationId: l.organizationId, code: l.code, status: l.status });

/** The item lists: drawn up (empty or copied), changed while drafts, published. */
export class EnforcementItemListService {
  byId(ctx: RequestContext, id: string, properties: readonly string[] | null = null): Promise<EnforcementItemList | null> {
    return records(ctx, EnforcementItemLists).one(id, properties);
  }

  list(ctx: RequestContext, args: EnforcementItemListListArgs, withCount: boolean, properties: readonly string[] | null = null): Promise<ConnectionResult<EnforcementItemList>> {
    const f = args.filter ?? {};
    let lists = records(ctx, EnforcementItemLists);
    if (f.organizationId) lists = lists.where(sql`t.organization_id = ${f.organizationId}`);
    if (f.statuses?.length) lists = lists.where(sql`t.status = ANY(${f.statuses})`);
    if (f.inForceOn) lists = lists.where(listInForceSql('t', f.inForceOn));
    return whereChanged(lists, f).page({ keys: EnforcementItemListOrder.keys(args.orderBy), page: args, withCount, properties });
  }

  /** A draft of a legal subject in the caller's scope, its code unused there; with the items of one of its published lists when asked. */
  create(ctx: RequestContext, input: CreateEnforcementItemListInput): Promise<EnforcementItemList> {
    return transaction(ctx, async (tx) => {
      const organization = await records(tx, Organizations, ItemPermission.Manage).reference(input.organizationId, 'input.organizationId', { properties: ['id', 'kind'] });
      if (!LEGAL_SUBJECT_KINDS.includes(organization.kind)) throw itemRules.field('input.organizationId', 'legalSubject', 'a list belongs to a legal subject: the town government or one of its departments.');
      await this.checkCode(tx, input.organizationId, input.code);
      const source = input.copyFromListId ? await records(tx, EnforcementItemLists, ItemPermission.Manage).reference(input.copyFromListId, 'input.copyFromListId', { lock: 'share' }) : null;
      if (source && source.organizationId !== input.organizationId) throw itemRules.field('input.copyFromListId', 'sameOrganization', 'a draft is copied from a list of the same organization.');
      if (source && source.status === EnforcementItemListStatus.DRAFT) throw itemRules.field('input.copyFromListId', 'state', 'a draft is copied from a published list (IN_FORCE or SUPERSEDED), not from another draft.');
      const list = await createRecord(
        tx,
        EnforcementItemList,
        'EnforcementItemList',
        {
          organizationId: input.organizationId,
          code: input.code,
          title: input.title,
          documentNumber: input.documentNumber ?? null,
          effectiveFrom: input.effectiveFrom,
          effectiveTo: null,
          status: EnforcementItemListStatus.DRAFT,
          publishedAt: null,
          previousId: source?.id ?? null,
          note: input.note ?? null,
        },
        { action: 'enforcement.item-list.create', ...recordEvent(itemEvents['enforcement.item-list.created'], payloadOf) },
      );
      if (source) {
        const copied = await copyListItems(tx, source.id, list.id);
        await audit(tx, { action: 'enforcement.item.copy', entityType: 'EnforcementItemList', entityId: list.id, changes: { from: source.id, items: copied } });
      }
      return list;
    });
  }

  /** A change of a draft (its code, title, document, effective day, note). */
  update(ctx: RequestContext, input: UpdateEnforcementItemListInput): Promise<EnforcementItemList> {
    return transaction(ctx, async (tx) => {
      const current = await records(tx, EnforcementItemLists, ItemPermission.Manage).lock(input.id);
      assertVersion('EnforcementItemList', current, input.version);
      assertDraft(current, 'input.id');
      if (input.code !== undefined && input.code !== current.code) await this.checkCode(tx, current.organizationId, input.code);
      const patch: Patch<EnforcementItemList> = sentFields(input, ['code', 'title', 'documentNumber', 'effectiveFrom', 'note']);
      return updateRecord(tx, EnforcementItemList, 'EnforcementItemList', current, input.version, patch, { action: 'enforcement.item-list.update', ...recordEvent(itemEvents['enforcement.item-list.updated'], payloadOf) });
    });
  }

  /**
   * Publishes a draft with at least one item: IN_FORCE from its effective day. The organization's
   * list in force until now is superseded, its last day the day before; the new list must start
   * after that one did (`range`). Items of the old list stay as they are: matters opened under them
   * keep them.
   */
  publish(ctx: RequestContext, input: PublishEnforcementItemListInput): Promise<EnforcementItemList> {
    return transaction(ctx, async (tx) => {
      const manage = records(tx, EnforcementItemLists, ITEM_LIST_WORKFLOW.permissionOf('publish'));
      const current = await manage.lock(input.id);
      const [previous] = await manage
        .where(sql`t.organization_id = ${current.organizationId} AND t.status = ${EnforcementItemListStatus.IN_FORCE} AND t.id <> ${current.id}`)
        .list({ keys: EnforcementItemListOrder.keys(null), limit: 1, properties: ['id'] });
      const replaced = previous ? await manage.lock(previous.id) : null;
      const check = async () => {
        const items = await records(tx, EnforcementItems, ItemPermission.Manage).where(sql`t.list_id = ${current.id}`).count();
        if (!items) throw itemRules.field('input.id', 'required', 'a list without items cannot be published.');
        if (replaced && current.effectiveFrom <= replaced.effectiveFrom) {
          throw itemRules.field('input.id', 'range', `its effectiveFrom (${current.effectiveFrom}) must be after that of the list in force, ${replaced.code} (${replaced.effectiveFrom}).`);
        }
      };
      assertVersion('EnforcementItemList', current, input.version);
      ITEM_LIST_WORKFLOW.assertCanStep('publish', current);
      await check();
      // The list in force ends first: one organization has one list IN_FORCE at a time (a unique index says so too).
      if (replaced) {
        const effectiveTo = addDays(current.effectiveFrom, -1);
        await applyStep(tx, ITEM_LIST_WORKFLOW, 'supersede', { current: replaced, version: replaced.version, patch: { effectiveTo }, changes: { effectiveTo, supersededBy: current.id } });
      }
      return applyStep(tx, ITEM_LIST_WORKFLOW, 'publish', { current, version: input.version, patch: { publishedAt: tx.clock.now() }, changes: { effectiveFrom: current.effectiveFrom, replaces: replaced?.id ?? null } });
    });
  }

  /** A list code is unique for its organization (a concurrent duplicate is refused by the unique index). */
  private async checkCode(tx: RequestContext, organizationId: string, code: string): Promise<void> {
    const taken = await records(tx, EnforcementItemLists, ItemPermission.Manage).where(sql`t.organization_id = ${organizationId} AND t.code = ${code}`).count();
    if (taken) throw itemRules.field('input.code', 'unique', `the organization has a list ${code} already.`);
  }
}

/** A published list never changes: its items belong to the matters opened under them. */
export function assertDraft(list: Pick<EnforcementItemList, 'status' | 'code'>, field: string): void {
  if (list.status !== EnforcementItemListStatus.DRAFT) throw itemRules.field(field, 'state', `the list ${list.code} is ${list.status}: a published list never changes; draw up a new version (createEnforcementItemList with copyFromListId).`);
}
