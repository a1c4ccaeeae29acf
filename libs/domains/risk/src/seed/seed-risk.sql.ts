import type { RequestContext } from '@platform/core';

/*
 * The statements of the demo data (`seedRisk`). Hand-written because seeding is not on a caller's
 * behalf and is idempotent: each insert keeps the row that exists (`ON CONFLICT DO NOTHING`) and says
 * whether it inserted, dates are relative to the first seeding's moment (the seeding context's clock, so a seed run at a given moment is the same town whenever it runs), and the
 * disaster officers and their trainings are derived from the directory's positions in bulk.
 */

/** An active enterprise with what the seed draws on. */
export interface SeedEnterprise {
  readonly id: string;
  readonly high_risk: boolean;
  readonly safety_manager_id: string | null;
}

/** A village or community with its place (for its shelter). */
export interface SeedVillage {
  readonly id: string;
  readonly name: string;
  readonly longitude: number | null;
  readonly latitude: number | null;
}

/** The active enterprises, by code. */
export function seedEnterprises(ctx: RequestContext): Promise<SeedEnterprise[]> {
  return ctx.manager.query(`SELECT o.id, p.high_risk, p.safety_manager_id FROM organization o JOIN enterprise_profile p ON p.organization_id = o.id WHERE o.archived_at IS NULL ORDER BY o.code`);
}

/** The villages and communities, by code. */
export function seedVillages(ctx: RequestContext): Promise<SeedVillage[]> {
  return ctx.manager.query(`SELECT id, name, longitude, latitude FROM organization WHERE kind IN ('VILLAGE','COMMUNITY') ORDER BY code`);
}

/** A demo hazard found `foundDaysAgo` days before the first seeding, as its drawn state gives. */
export interface SeedHazard {
  readonly id: string;
  readonly organizationId: string;
  readonly title: string;
  readonly category: string;
  readonly source: string;
  readonly foundDaysAgo: number;
  readonly status: string;
  readonly grade: string | null;
  readonly criteriaReference: string | null;
  readonly measures: string | null;
  readonly responsiblePersonId: string | null;
  /** Whether it has a plan, hence a deadline `deadlineOffset` days after it was found. */
  readonly planned: boolean;
  readonly deadlineOffset: number;
  readonly listedSupervision: boolean;
  /** A closed one was closed 3 days after its deadline (else 2 days before). */
  readonly lateClose: boolean;
}

/** Inserts the hazard unless its id exists; whether it did. */
export async function insertSeedHazard(ctx: RequestContext, h: SeedHazard): Promise<boolean> {
  const rows: unknown[] = await ctx.manager.query(
    `INSERT INTO hazard (id, organization_id, title, category, source, found_at, status, grade, criteria_reference, measures, responsible_person_id, deadline, listed_supervision, closed_at, emergency_measures)
     VALUES ($1, $2, $3, $4, $5, $16::timestamptz - make_interval(days => $6::int), $7::text, $8, $9, $10, $11,
             CASE WHEN $12::boolean THEN ($16::timestamptz - make_interval(days => $6::int))::date + $13::int END, $14,
             CASE WHEN $7::text = 'CLOSED' THEN $16::timestamptz - make_interval(days => $6::int) + make_interval(days => $13::int + CASE WHEN $15::boolean THEN 3 ELSE -2 END) END,
             CASE WHEN $8::text = 'MAJOR' AND $12::boolean THEN '设置警戒区，停用相关设备，专人值守至整改完成' END)
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [h.id, h.organizationId, h.title, h.category, h.source, h.foundDaysAgo, h.status, h.grade, h.criteriaReference, h.measures, h.responsiblePersonId, h.planned, h.deadlineOffset, h.listedSupervision, h.lateClose, ctx.clock.now()],
  );
  return rows.length > 0;
}

/** One step of a demo hazard's history, `hoursAfter` hours after it was found, by the system. */
export async function insertSeedHazardStep(ctx: RequestContext, hazardId: string, action: string, from: string | null, to: string, foundDaysAgo: number, hoursAfter: number): Promise<void> {
  await ctx.manager.query(
    `INSERT INTO hazard_event (hazard_id, action, from_status, to_status, actor_kind, note, at)
     VALUES ($1, $2, $3, $4, 'system', NULL, $7::timestamptz - make_interval(days => $5::int) + make_interval(hours => $6::int))`,
    [hazardId, action, from, to, foundDaysAgo, hoursAfter, ctx.clock.now()],
  );
}

/** A demo risk point, due for review `reviewInDays` days after the first seeding. */
export interface SeedRiskPoint {
  readonly id: string;
  readonly organizationId: string;
  readonly name: string;
  readonly category: string;
  readonly level: string;
  readonly threatenedHouseholds: number | null;
  readonly threatenedPeople: number | null;
  readonly reviewInDays: number;
}

/** Inserts the risk point unless its id exists, with its two standard control measures when new; whether it did. */
export async function insertSeedRiskPoint(ctx: RequestContext, p: SeedRiskPoint): Promise<boolean> {
  const rows: unknown[] = await ctx.manager.query(
    `INSERT INTO risk_point (id, organization_id, name, category, level, threatened_households, threatened_people, review_due)
     VALUES ($1, $2, $3, $4, $5, $6, $7, ($9::timestamptz + make_interval(days => $8::int))::date) ON CONFLICT (id) DO NOTHING RETURNING id`,
    [p.id, p.organizationId, p.name, p.category, p.level, p.threatenedHouseholds, p.threatenedPeople, p.reviewInDays, ctx.clock.now()],
  );
  if (!rows.length) return false;
  await ctx.manager.query(`INSERT INTO risk_control_measure (risk_point_id, kind, description) VALUES ($1, 'PERSONNEL', '专人巡查，汛期加密'), ($1, 'MANAGEMENT', '纳入应急预案并定期演练')`, [p.id]);
  return true;
}

/** A demo shelter. */
export interface SeedShelter {
  readonly id: string;
  readonly organizationId: string;
  readonly name: string;
  readonly type: string;
  readonly capacity: number;
  readonly areaM2: number;
  readonly longitude: number | null;
  readonly latitude: number | null;
  readonly dualUse: boolean;
  readonly status: string;
}

/** Inserts the shelter unless its id exists; whether it did. */
export async function insertSeedShelter(ctx: RequestContext, s: SeedShelter): Promise<boolean> {
  const rows: unknown[] = await ctx.manager.query(
    `INSERT INTO shelter (id, organization_id, name, type, capacity, area_m2, longitude, latitude, dual_use, status)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (id) DO NOTHING RETURNING id`,
    [s.id, s.organizationId, s.name, s.type, s.capacity, s.areaM2, s.longitude, s.latitude, s.dualUse, s.status],
  );
  return rows.length > 0;
}

/** An inspection of a new demo shelter `daysAgo` days before the first seeding. */
export async function insertSeedShelterInspection(ctx: RequestContext, shelterId: string, daysAgo: number, result: string, findings: string): Promise<void> {
  await ctx.manager.query(`INSERT INTO shelter_inspection (shelter_id, inspected_on, result, findings) VALUES ($1, ($5::timestamptz - make_interval(days => $2::int))::date, $3, $4)`, [shelterId, daysAgo, result, findings, ctx.clock.now()]);
}

/** A demo fire facility, last inspected `inspectedDaysAgo` days before the first seeding, every 30 days. */
export interface SeedFireFacility {
  readonly id: string;
  readonly organizationId: string;
  readonly kind: string;
  readonly description: string;
  readonly quantity: number;
  readonly inspectedDaysAgo: number;
  readonly status: string;
}

/** Inserts the fire facility unless its id exists; whether it did. */
export async function insertSeedFireFacility(ctx: RequestContext, f: SeedFireFacility): Promise<boolean> {
  const rows: unknown[] = await ctx.manager.query(
    `INSERT INTO fire_facility (id, organization_id, kind, description, quantity, last_inspected_on, inspection_interval_days, status)
     VALUES ($1, $2, $3, $4, $5, ($8::timestamptz - make_interval(days => $6::int))::date, 30, $7) ON CONFLICT (id) DO NOTHING RETURNING id`,
    [f.id, f.organizationId, f.kind, f.description, f.quantity, f.inspectedDaysAgo, f.status, ctx.clock.now()],
  );
  return rows.length > 0;
}

/**
 * The villages' 灾害信息员 positions become A-post officers and their 应急专干 (when another person)
 * the B post, each with the district's yearly training; ids derive from the position ids. Answers
 * how many rows were new.
 */
export async function insertSeedDisasterOfficers(ctx: RequestContext): Promise<number> {
  const officers: unknown[] = await ctx.manager.query(
    `INSERT INTO disaster_information_officer (id, organization_id, person_id, role, appointed_on)
     SELECT md5('officer:' || pp.id)::uuid, pp.organization_id, pp.person_id,
            CASE WHEN pp.title = '灾害信息员' THEN 'A' ELSE 'B' END, coalesce(pp.started_on, DATE '2023-01-01')
     FROM person_position pp JOIN organization o ON o.id = pp.organization_id
     WHERE o.kind IN ('VILLAGE', 'COMMUNITY') AND pp.ended_on IS NULL
       AND (pp.title = '灾害信息员'
            OR (pp.title = '应急专干' AND NOT EXISTS (SELECT 1 FROM person_position a WHERE a.organization_id = pp.organization_id AND a.person_id = pp.person_id AND a.title = '灾害信息员')))
     ON CONFLICT DO NOTHING RETURNING id`,
  );
  const trainings: unknown[] = await ctx.manager.query(
    `INSERT INTO training_record (id, person_id, topic, kind, trained_on, hours, provider)
     SELECT md5('training:' || d.id)::uuid, d.person_id, '灾害信息员业务能力提升培训', 'DISASTER_INFORMATION', DATE '2025-04-18', 8, '南川区应急管理局'
     FROM disaster_information_officer d
     ON CONFLICT DO NOTHING RETURNING id`,
  );
  return officers.length + trainings.length;
}
