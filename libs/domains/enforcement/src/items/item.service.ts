import {
  assertVersion,
  audit,
  compareDecimals,
  containsPattern,
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
import { Organizations } from '@platform/directory';
import { checkArticlesInForce } from '../laws/public';
import { EnforcementDiscretionBand, EnforcementItem, type EnforcementItemList } from './item.entity';
import { DiscretionSubject, EnforcementItemCategory, EnforcementItemKind } from './item.enums';
import { EnforcementItemOrder } from './item.orders';
import { EnforcementItemLists, EnforcementItems } from './items.entities';
import { itemEvents } from './items.events';
import { ItemPermission } from './items.permissions';
import { itemRules } from './items.rules';
import { deleteItem, deleteItemBands, itemInForceSql, replaceItemBasis } from './item.sql';
import { LEGAL_SUBJECT_KINDS, assertDraft } from './item-list.service';
import type { AddEnforcementItemInput, DiscretionBandInput, EnforcementItemListArgs, RemoveEnforcementItemInput, UpdateEnforcementItemInput } from './item.inputs';

/** Properties the default keyset order reads (besides the id). */
export const ITEM_KEY_PROPERTIES = ['code'];

const payloadOf = (i: EnforcementItem) => ({ id: i.id, listId: i.listId, code: i.code });

/** What decides whether an item's holder fields fit its kind. */
type Holding = Pick<EnforcementItem, 'kind' | 'sourceDepartment' | 'entrustingBody'>;

/** A DELEGATED item names the department that held the power, an ENTRUSTED one the entrusting body, a STATUTORY one neither. */
function checkHolding(item: Holding): void {
  const delegated = item.kind === EnforcementItemKind.DELEGATED;
  const entrusted = item.kind === EnforcementItemKind.ENTRUSTED;
  if (delegated && !item.sourceDepartment) throw itemRules.field('input.sourceDepartment', 'required', 'a DELEGATED item names the department that held the power (原行使部门).');
  if (!delegated && item.sourceDepartment) throw itemRules.field('input.sourceDepartment', 'exclusive', 'only a DELEGATED item has a source department.');
  if (entrusted && !item.entrustingBody) throw itemRules.field('input.entrustingBody', 'required', 'an ENTRUSTED item names the body in whose name it is done (委托机关).');
  if (!entrusted && item.entrustingBody) throw itemRules.field('input.entrustingBody', 'exclusive', 'only an ENTRUSTED item has an entrusting body.');
}

/**
 * A penalty item's bands: each a range in yuan, or for a person a range of percentages of last
 * year's income (one of the two, both ends given), its least not above its greatest.
 */
function checkBands(category: EnforcementItemCategory, bands: readonly DiscretionBandInput[]): void {
  if (bands.length && category !== EnforcementItemCategory.PENALTY) throw itemRules.field('input.discretionBands', 'penaltyOnly', 'only a PENALTY item has discretion bands.');
  bands.forEach((b, i) => {
    const at = (f: string) => `input.discretionBands.${i}.${f}`;
    const yuan = b.fineMinYuan != null || b.fineMaxYuan != null;
    const percent = b.incomePercentMin != null || b.incomePercentMax != null;
    if (yuan && percent) throw itemRules.field(at('incomePercentMin'), 'exclusive', 'a band is a range in yuan or a share of income, not both.');
    if (!yuan && !percent) throw itemRules.field(at('fineMaxYuan'), 'required', 'give the range in yuan (fineMinYuan, fineMaxYuan) or, for a person, in percent of income.');
    if (yuan) {
      if (b.fineMinYuan == null) throw itemRules.field(at('fineMinYuan'), 'required', 'give both ends of the range.');
      if (b.fineMaxYuan == null) throw itemRules.field(at('fineMaxYuan'), 'required', 'give both ends of the range.');
      if (compareDecimals(b.fineMinYuan, b.fineMaxYuan) > 0) throw itemRules.field(at('fineMaxYuan'), 'range', `must not be below fineMinYuan (${b.fineMinYuan}).`);
    } else {
      if (b.subject !== DiscretionSubject.PERSON) throw itemRules.field(at('incomePercentMin'), 'exclusive', 'only a band for a PERSON may be a share of income.');
      if (b.incomePercentMin == null) throw itemRules.field(at('incomePercentMin'), 'required', 'give both ends of the range.');
      if (b.incomePercentMax == null) throw itemRules.field(at('incomePercentMax'), 'required', 'give both ends of the range.');
      if (b.incomePercentMin > b.incomePercentMax) throw itemRules.field(at('incomePercentMax'), 'range', `must not be below incomePercentMin (${b.incomePercentMin}).`);
    }
  });
}

/** The items of the lists: listed, and added, changed or removed while their list is a draft. */
export class EnforcementItemService {
  byId(ctx: RequestContext, id: string, properties: readonly string[] | null = null): Promise<EnforcementItem | null> {
    return records(ctx, EnforcementItems).one(id, properties);
  }

  list(ctx: RequestContext, args: EnforcementItemListArgs, withCount: boolean, properties: readonly string[] | null = null): Promise<ConnectionResult<EnforcementItem>> {
    const f = args.filter ?? {};
    let items = records(ctx, EnforcementItems);
    if (f.listId) items = items.where(sql`t.list_id = ${f.listId}`);
    if (f.inForceOn) items = items.where(itemInForceSql('t', f.inForceOn));
    if (f.kinds?.length) items = items.where(sql`t.kind = ANY(${f.kinds})`);
    if (f.categories?.length) items = items.where(sql`t.category = ANY(${f.categories})`);
    if (f.codes?.length) items = items.where(sql`t.code = ANY(${f.codes})`);
    if (f.search) {
      const pattern = containsPattern(f.search);
      items = items.where(sql`(t.name ILIKE ${pattern} OR t.code ILIKE ${pattern} OR t.legal_basis ILIKE ${pattern})`);
    }
    return whereChanged(items, f).page({ keys: EnforcementItemOrder.keys(args.orderBy), page: args, withCount, properties });
  }

  /** An item of a draft, its code unused in the list, its holder fields fitting its kind, its basis articles in force on the list's day. */
  add(ctx: RequestContext, input: AddEnforcementItemInput): Promise<EnforcementItem> {
    return transaction(ctx, async (tx) => {
      // FOR SHARE: items may be added side by side, but not while the list is being published.
      const list = await records(tx, EnforcementItemLists, ItemPermission.Manage).reference(input.listId, 'input.listId', { lock: 'share' });
      assertDraft(list, 'input.listId');
      await this.checkCode(tx, list.id, input.code);
      const values = { kind: input.kind, category: input.category, sourceDepartment: input.sourceDepartment ?? null, entrustingBody: input.entrustingBody ?? null };
      checkHolding(values);
      checkBands(input.category, input.discretionBands ?? []);
      await this.checkLegalSubject(tx, input.responsibleOrganizationId);
      await checkArticlesInForce(tx, 'input.basisArticleIds', input.basisArticleIds ?? [], list.effectiveFrom);
      const item = await createRecord(
        tx,
        EnforcementItem,
        'EnforcementItem',
        { listId: list.id, code: input.code, name: input.name, ...values, scope: input.scope ?? null, responsibleOrganizationId: input.responsibleOrganizationId, legalBasis: input.legalBasis, note: input.note ?? null },
        {
          action: 'enforcement.item.add',
          changes: { ...input, basisArticleIds: input.basisArticleIds ?? [], discretionBands: input.discretionBands ?? [] },
          ...recordEvent(itemEvents['enforcement.item.added'], payloadOf),
        },
      );
      await replaceItemBasis(tx, item.id, input.basisArticleIds ?? []);
      await this.insertBands(tx, item, input.discretionBands ?? []);
      return item;
    });
  }

  /** A change of an item of a draft; given lists of basis articles or bands replace the old ones. */
  update(ctx: RequestContext, input: UpdateEnforcementItemInput): Promise<EnforcementItem> {
    return transaction(ctx, async (tx) => {
      const current = await records(tx, EnforcementItems, ItemPermission.Manage).lock(input.id);
      const list = await records(tx, EnforcementItemLists, ItemPermission.Manage).reference(current.listId, 'input.id', { lock: 'share' });
      assertVersion('EnforcementItem', current, input.version);
      assertDraft(list, 'input.id');
      if (input.code !== undefined && input.code !== current.code) await this.checkCode(tx, list.id, input.code);
      const patch: Patch<EnforcementItem> = sentFields(input, ['code', 'name', 'kind', 'category', 'scope', 'responsibleOrganizationId', 'sourceDepartment', 'entrustingBody', 'legalBasis', 'note']);
      const after = { ...current, ...patch } as EnforcementItem;
      checkHolding(after);
      if (input.discretionBands) checkBands(after.category, input.discretionBands);
      else if (after.category !== EnforcementItemCategory.PENALTY && (await this.hasBands(tx, current.id))) {
        throw itemRules.field('input.category', 'penaltyOnly', 'the item has discretion bands: give discretionBands: [] to drop them with the change of category.');
      }
      if (input.responsibleOrganizationId !== undefined) await this.checkLegalSubject(tx, input.responsibleOrganizationId);
      if (input.basisArticleIds) await checkArticlesInForce(tx, 'input.basisArticleIds', input.basisArticleIds, list.effectiveFrom);
      const updated = await updateRecord(tx, EnforcementItem, 'EnforcementItem', current, input.version, patch, {
        action: 'enforcement.item.update',
        changes: (i) => ({ ...sentFields(input, ['code', 'name', 'kind', 'category', 'scope', 'responsibleOrganizationId', 'sourceDepartment', 'entrustingBody', 'legalBasis', 'note', 'basisArticleIds', 'discretionBands']), version: i.version }),
        ...recordEvent(itemEvents['enforcement.item.updated'], payloadOf),
      });
      if (input.basisArticleIds) await replaceItemBasis(tx, current.id, input.basisArticleIds);
      if (input.discretionBands) {
        await deleteItemBands(tx, current.id);
        await this.insertBands(tx, updated, input.discretionBands);
      }
      return updated;
    });
  }

  /** Removes an item of a draft with its basis links and bands; the list it was in is answered. */
  remove(ctx: RequestContext, input: RemoveEnforcementItemInput): Promise<EnforcementItemList> {
    return transaction(ctx, async (tx) => {
      const current = await records(tx, EnforcementItems, ItemPermission.Manage).lock(input.id);
      const list = await records(tx, EnforcementItemLists, ItemPermission.Manage).reference(current.listId, 'input.id', { lock: 'share' });
      assertVersion('EnforcementItem', current, input.version);
      assertDraft(list, 'input.id');
      await deleteItem(tx, current.id);
      await audit(tx, { action: 'enforcement.item.remove', entityType: 'EnforcementItemList', entityId: list.id, changes: { removed: { id: current.id, code: current.code, name: current.name } } });
      await tx.emit(itemEvents['enforcement.item.removed'], payloadOf(current));
      return list;
    });
  }

  private async insertBands(tx: RequestContext, item: EnforcementItem, bands: readonly DiscretionBandInput[]): Promise<void> {
    for (const b of bands) {
      await createRecord(
        tx,
        EnforcementDiscretionBand,
        'EnforcementDiscretionBand',
        { itemId: item.id, subject: b.subject, level: b.level, fineMinYuan: b.fineMinYuan ?? null, fineMaxYuan: b.fineMaxYuan ?? null, incomePercentMin: b.incomePercentMin ?? null, incomePercentMax: b.incomePercentMax ?? null, condition: b.condition },
        { action: 'enforcement.discretion-band.add', auditUnder: { entityType: 'EnforcementItem', entityId: item.id } },
      );
    }
  }

  private async hasBands(tx: RequestContext, itemId: string): Promise<boolean> {
    const [{ n }] = await records(tx, EnforcementItems, ItemPermission.Manage).where(sql`t.id = ${itemId} AND EXISTS (SELECT 1 FROM enforcement_discretion_band b WHERE b.item_id = t.id)`).aggregate<{ n: number }>(sql`count(*)::int AS "n"`);
    return n > 0;
  }

  /** The responsible organization exists (readable) and can be a legal subject. */
  private async checkLegalSubject(tx: RequestContext, organizationId: string): Promise<void> {
    const organization = await records(tx, Organizations).reference(organizationId, 'input.responsibleOrganizationId', { properties: ['id', 'kind'] });
    if (!LEGAL_SUBJECT_KINDS.includes(organization.kind)) throw itemRules.field('input.responsibleOrganizationId', 'legalSubject', 'the legal subject is the town government or one of its departments.');
  }

  /** An item code is unique in its list (a concurrent duplicate is refused by the unique index). */
  private async checkCode(tx: RequestContext, listId: string, code: string): Promise<void> {
    const taken = await records(tx, EnforcementItems, ItemPermission.Manage).where(sql`t.list_id = ${listId} AND t.code = ${code}`).count();
    if (taken) throw itemRules.field('input.code', 'unique', `the list has an item ${code} already.`);
  }
}
