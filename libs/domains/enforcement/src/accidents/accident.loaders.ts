import { defineChildPages, defineReference, records, sql, type RequestContext } from '@platform/core';
import { DamageReports, Incidents } from '@domains/response';
import type DataLoader from 'dataloader';
import type { AccidentInvestigation } from './accident.entity';
import { FINDING_KEYS, MEASURE_KEYS, POSITION_KEYS } from './accident.orders';
import { AccidentCategories, AccidentFourNotSpareds, AccidentInvestigations, AccidentMeasures, AccidentOversightFindings, AccidentTeamMembers } from './accidents.entities';

/** Investigations by id, within the caller's read scope (others load as null). */
export const AccidentInvestigationReference = defineReference(AccidentInvestigations, 'enforcement.accidentInvestigation.byId');
export const accidentInvestigationById = (ctx: RequestContext): DataLoader<string, AccidentInvestigation | null> => AccidentInvestigationReference.byId(ctx);

/** GB 6441 categories by id. */
export const AccidentCategoryReference = defineReference(AccidentCategories, 'enforcement.accidentCategory.byId');

/** The incident an investigation is over, read through the response module's declaration (its scope applies). */
export const AccidentIncidentReference = defineReference(Incidents, 'enforcement.accident.incident');
/** The damage report the grade's loss came from, through the response module's declaration. */
export const AccidentBasisReportReference = defineReference(DamageReports, 'enforcement.accident.basisReport');

/** An investigation's team, 四不放过 items, 一案双查 findings and measures: one page per investigation. */
export const AccidentTeamPages = defineChildPages(AccidentTeamMembers, { name: 'enforcement.accident.team', parentColumn: 'investigation_id', keys: POSITION_KEYS });
export const AccidentFourNotSparedPages = defineChildPages(AccidentFourNotSpareds, { name: 'enforcement.accident.fourNotSpared', parentColumn: 'investigation_id', keys: POSITION_KEYS });
export const AccidentOversightFindingPages = defineChildPages(AccidentOversightFindings, { name: 'enforcement.accident.oversightFindings', parentColumn: 'investigation_id', keys: FINDING_KEYS });
export const AccidentMeasurePages = defineChildPages(AccidentMeasures, { name: 'enforcement.accident.measures', parentColumn: 'investigation_id', keys: MEASURE_KEYS });

/** The team roles present per investigation, batched per request level (one statement). */
export const teamRolesOf = (ctx: RequestContext): DataLoader<string, string[]> =>
  ctx.loaders.get('enforcement.accident.teamRoles', undefined, async (ids: readonly string[]) => {
    const rows = await records(ctx, AccidentTeamMembers)
      .where(sql`t.investigation_id = ANY(${[...ids]}::uuid[])`)
      .aggregate<{ id: string; roles: string[] }>(sql`t.investigation_id AS "id", array_agg(DISTINCT t.role) AS "roles"`, { groupBy: sql`t.investigation_id` });
    const byId = new Map(rows.map((r) => [r.id, r.roles]));
    return ids.map((id) => byId.get(id) ?? []);
  });
