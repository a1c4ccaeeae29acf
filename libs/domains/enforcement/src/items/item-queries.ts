import { Field, ObjectType } from 'type-graphql';
import { BadUserInputError, DecimalScalar, UUIDScalar, businessRules, records, sql, type AppliedRule, type RequestContext } from '@platform/core';
import { HEARING_THRESHOLD_RULE } from '../business-rules/items';
import type { EnforcementItem, EnforcementItemList } from './item.entity';
import { EnforcementItemListStatus } from './item.enums';
import { EnforcementItemListReference, EnforcementItemReference } from './item.loaders';
import { EnforcementItems } from './items.entities';
import { sameItemIdSql } from './item.sql';

/** The hearing threshold of rule `enforcement.hearing-threshold` in force on a day, as an item shows it. */
@ObjectType({ description: '听证标准。The fines at or above which a penalty is a large fine (较大数额罚款) and the party may ask for a hearing (行政处罚法 第六十三条), from the version of rule enforcement.hearing-threshold in force on the day (the most local jurisdiction).' })
export class EnforcementHearingThreshold {
  @Field(() => DecimalScalar, { description: '单位听证标准（元）。The fine on a unit, in yuan, at or above which a hearing may be asked for.' })
  unitFineYuan: string;

  @Field(() => DecimalScalar, { description: '个人听证标准（元）。The fine on a person, in yuan, at or above which a hearing may be asked for.' })
  personFineYuan: string;

  @Field(() => UUIDScalar, { description: '规则版本标识。The rule version the figures come from.' })
  ruleVersionId: string;
}

/** The version of the hearing-threshold rule in force on a day (batched per request and day); null when none applies. */
export function hearingThresholdOn(ctx: RequestContext, day: string): Promise<AppliedRule<{ unitFineYuan: number; personFineYuan: number }> | null> {
  return ctx.loaders
    .get<string, AppliedRule<{ unitFineYuan: number; personFineYuan: number }> | null>('enforcement.item.hearingThreshold', undefined, (days) =>
      Promise.all(
        days.map(async (d) => {
          try {
            return await businessRules.inForce(ctx, HEARING_THRESHOLD_RULE, d);
          } catch (error) {
            // No version applies on the day: the office has to add one; until then there is no threshold to show.
            if (error instanceof BadUserInputError) return null;
            throw error;
          }
        }),
      ),
    )
    .load(day);
}

/** The threshold as an item shows it. */
export function thresholdOf(rule: AppliedRule<{ unitFineYuan: number; personFineYuan: number }>): EnforcementHearingThreshold {
  return { unitFineYuan: String(rule.value.unitFineYuan), personFineYuan: String(rule.value.personFineYuan), ruleVersionId: rule.id };
}

/** Whether a list is published and in force on a day. */
export const listInForce = (list: Pick<EnforcementItemList, 'status' | 'effectiveFrom' | 'effectiveTo'>, day: string): boolean =>
  list.status !== EnforcementItemListStatus.DRAFT && list.effectiveFrom <= day && (list.effectiveTo === null || list.effectiveTo >= day);

/**
 * An item as a matter sees it on a day: the item (whatever list version it belongs to: a matter
 * keeps the item it was opened under) and whether its list is in force on `day`. Null when the item
 * is missing or outside the caller's read scope. Two lookups, each batched with the request level's others.
 */
export async function enforcementItemOn(ctx: RequestContext, itemId: string, day: string): Promise<{ item: EnforcementItem; inForce: boolean } | null> {
  const item = await EnforcementItemReference.byId(ctx).load(itemId);
  if (!item) return null;
  const list = await EnforcementItemListReference.byId(ctx).load(item.listId);
  return { item, inForce: list !== null && listInForce(list, day) };
}

/**
 * The id of the item with the same code in the list of the same organization in force on `day`
 * (null when none), batched per request and day: one statement for a page of items.
 */
export function sameItemIdOn(ctx: RequestContext, itemId: string, day: string): Promise<string | null> {
  return ctx.loaders
    .get<string, string | null>('enforcement.item.sameItemOn', day, async (ids) => {
      const rows = await records(ctx, EnforcementItems)
        .where(sql`t.id = ANY(CAST(${[...ids]} AS uuid[]))`)
        .aggregate<{ id: string; sameId: string | null }>(sql`t.id AS "id", ${sameItemIdSql('t', day)} AS "sameId"`);
      const byId = new Map(rows.map((r) => [r.id, r.sameId]));
      return ids.map((id) => byId.get(id) ?? null);
    })
    .load(itemId);
}
