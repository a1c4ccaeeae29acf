import { Field, Float, ObjectType } from 'type-graphql';
import { SortDirection, businessRules, haversineMeters, join, records, sql, todayInChina, withinDistanceSql, type RequestContext, type Sql } from '@platform/core';
import { OPEN_TIP_STATUSES, Tip, Tips } from '../tips/public';
import { TIP_SLA_RULE, storedSla } from '../clocks/public';

/** The most suggestions `Tip.duplicateSuggestions` lists. */
export const MAX_DUPLICATE_SUGGESTIONS = 10;
/** The most candidates read before ranking (the latest received in the window). */
const CANDIDATES = 100;
const HOUR_MS = 3_600_000;

@ObjectType({ description: '疑似重复举报。An open tip that may report the same matter: near it, at the same enterprise or at the same QR place, received within the window.' })
export class TipDuplicateSuggestion {
  @Field(() => Tip, { description: '举报。The other tip.' })
  tip: Tip;

  @Field(() => Float, { nullable: true, description: '距离（米）。Great-circle distance between the two locations; null when either has none.' })
  distanceMeters: number | null;

  @Field({ description: '同一企业。Both name the same enterprise.' })
  sameEnterprise: boolean;

  @Field({ description: '同一场所码。Both came from the same QR place code.' })
  samePlace: boolean;

  @Field(() => Float, { description: '间隔小时。Hours between the two receipts (absolute).' })
  hoursApart: number;
}

/**
 * Open tips the caller may read that may repeat `tip` (FixMyStreet's nearby duplicates, plus the same
 * enterprise or QR place): within duplicateRadiusMeters (great-circle distance, computed in SQL), or
 * naming the same enterprise, or scanned at the same place, received within duplicateWindowDays of it
 * (reporting.tip-sla, the version the tip keeps). Ranked by distance (none last), then by time apart;
 * at most MAX_DUPLICATE_SUGGESTIONS.
 */
export async function duplicateSuggestions(ctx: RequestContext, tip: Tip): Promise<TipDuplicateSuggestion[]> {
  const sla = (await storedSla(ctx, tip))?.value ?? (await businessRules.inForce(ctx, TIP_SLA_RULE, todayInChina(tip.receivedAt))).value;
  const here = tip.longitude !== null && tip.latitude !== null ? { longitude: tip.longitude, latitude: tip.latitude } : null;
  const matches: Sql[] = [];
  if (here) matches.push(sql`(${withinDistanceSql({ ...here, withinMeters: sla.duplicateRadiusMeters })})`);
  if (tip.enterpriseId) matches.push(sql`t.enterprise_id = ${tip.enterpriseId}`);
  if (tip.placeCode) matches.push(sql`t.place_code = ${tip.placeCode}`);
  if (!matches.length) return [];
  const at = sql`CAST(${tip.receivedAt.toISOString()} AS timestamptz)`;
  const window = sql`make_interval(days => ${sla.duplicateWindowDays})`;
  const candidates = await records(ctx, Tips)
    .where(sql`t.id <> ${tip.id} AND t.status = ANY(${[...OPEN_TIP_STATUSES]}::text[])`)
    .where(sql`t.received_at BETWEEN ${at} - ${window} AND ${at} + ${window}`)
    .where(sql`(${join(matches, ' OR ')})`)
    .list({ keys: [{ column: 't.received_at', direction: SortDirection.DESC }, { column: 't.id', direction: SortDirection.DESC }], limit: CANDIDATES });
  return candidates
    .map((other) =>
      Object.assign(new TipDuplicateSuggestion(), {
        tip: other,
        distanceMeters: here && other.longitude !== null && other.latitude !== null ? haversineMeters(here, { longitude: other.longitude, latitude: other.latitude }) : null,
        sameEnterprise: Boolean(tip.enterpriseId && other.enterpriseId === tip.enterpriseId),
        samePlace: Boolean(tip.placeCode && other.placeCode === tip.placeCode),
        hoursApart: Math.abs(other.receivedAt.getTime() - tip.receivedAt.getTime()) / HOUR_MS,
      }),
    )
    .sort((a, b) => (a.distanceMeters ?? Number.MAX_VALUE) - (b.distanceMeters ?? Number.MAX_VALUE) || a.hoursApart - b.hoursApart || a.tip.id.localeCompare(b.tip.id))
    .slice(0, MAX_DUPLICATE_SUGGESTIONS);
}
