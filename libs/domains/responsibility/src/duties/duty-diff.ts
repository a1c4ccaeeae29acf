import { Field, ObjectType } from 'type-graphql';
import { DutyItem } from './duty-list.entity';
import { DutyItemChangeKind, DutyItemField } from './duty.enums';

/** One difference between two lists of an official, matched by item key. */
@ObjectType({ description: '职责条目变化。How one duty (matched by its key) differs between an earlier and a later list of the same official.' })
export class DutyItemChange {
  @Field({ description: '条目键。The key the items were matched by.' })
  key: string;

  @Field(() => DutyItemChangeKind, { description: '变化类型。Added, removed or changed.' })
  kind: DutyItemChangeKind;

  @Field(() => [DutyItemField], { description: '变化字段。The fields that differ (for CHANGED); every compared field for ADDED and REMOVED.' })
  changedFields: DutyItemField[];

  @Field(() => DutyItem, { nullable: true, description: '原条目。The item in the earlier list; null when ADDED.' })
  before: DutyItem | null;

  @Field(() => DutyItem, { nullable: true, description: '新条目。The item in the later list; null when REMOVED.' })
  after: DutyItem | null;
}

const COMPARED: ReadonlyArray<[DutyItemField, (i: DutyItem) => string]> = [
  [DutyItemField.TEXT, (i) => i.text],
  [DutyItemField.LEGAL_BASIS, (i) => i.legalBasis],
  [DutyItemField.CATEGORY, (i) => i.category],
];

/**
 * The differences from `before` to `after` (the items of two lists), matched by key: items only in
 * the later list are ADDED, only in the earlier REMOVED, in both with another text, legal basis or
 * category CHANGED; an item that only moved in the list is unchanged.
 */
export function diffDutyItems(before: readonly DutyItem[], after: readonly DutyItem[]): DutyItemChange[] {
  const earlier = new Map(before.map((i) => [i.key, i]));
  const later = new Map(after.map((i) => [i.key, i]));
  const out: DutyItemChange[] = [];
  for (const [key, b] of earlier) {
    const a = later.get(key) ?? null;
    if (!a) {
      out.push({ key, kind: DutyItemChangeKind.REMOVED, changedFields: COMPARED.map(([f]) => f), before: b, after: null });
      continue;
    }
    const changed = COMPARED.filter(([, value]) => value(a) !== value(b)).map(([f]) => f);
    if (changed.length) out.push({ key, kind: DutyItemChangeKind.CHANGED, changedFields: changed, before: b, after: a });
  }
  for (const [key, a] of later) if (!earlier.has(key)) out.push({ key, kind: DutyItemChangeKind.ADDED, changedFields: COMPARED.map(([f]) => f), before: null, after: a });
  return out;
}
