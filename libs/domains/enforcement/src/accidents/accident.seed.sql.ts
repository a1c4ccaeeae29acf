import type { RequestContext } from '@platform/core';
import { DamageReports, Incidents } from '@domains/response';

/*
 * The statements of the demo accidents (`seedAccidents`): their incidents and damage reports written
 * into the response module's entities (through its declarations' entities, with fixed ids; rows that
 * exist are kept). Hand-written because seeding is not on a caller's behalf and is idempotent, and the
 * response module offers no service to other modules.
 */

/** An incident as the seed writes it. */
export interface SeedIncidentRow {
  readonly id: string;
  readonly reportingOrganizationId: string;
  readonly type: string;
  readonly title: string;
  readonly occurredAt: Date;
  readonly place: string;
  readonly status: string;
  readonly description: string;
}

/** A damage report as the seed writes it. */
export interface SeedReportRow {
  readonly id: string;
  readonly incidentId: string;
  readonly kind: string;
  readonly sequence: number;
  readonly reportedAt: Date;
  readonly deaths: number;
  readonly injured: number;
  readonly seriouslyInjured: number;
  readonly directEconomicLossYuan: string;
  readonly note: string;
}

/** Inserts the incident and its reports unless they exist. */
export async function insertSeedIncident(ctx: RequestContext, incident: SeedIncidentRow, reports: readonly SeedReportRow[]): Promise<void> {
  await ctx.manager.createQueryBuilder().insert().into(Incidents.entity).values(incident as never).orIgnore().execute();
  if (reports.length) await ctx.manager.createQueryBuilder().insert().into(DamageReports.entity).values(reports as never).orIgnore().execute();
}
