/*
 * The accidents part's entities with their row scope and permissions, declared once: every read and
 * write goes through `records(ctx, <declaration>)`, which applies the scope.
 */
import { ALL_ROWS, defineScopedEntity } from '@platform/core';
import { AccidentCategory, AccidentFourNotSpared, AccidentInvestigation, AccidentMeasure, AccidentOversightFinding, AccidentTeamMember } from './accident.entity';
import { AccidentPermission } from './accidents.permissions';

/** The GB 6441-1986 categories are a town-wide code list: every row is in scope for whoever may read accidents. */
export const AccidentCategories = defineScopedEntity(AccidentCategory, {
  table: 'accident_category',
  scope: { custom: () => ALL_ROWS },
  read: AccidentPermission.Read,
});

/** An investigation belongs to its organization (the enterprise of a work-safety accident, else the incident's reporting organization). */
export const AccidentInvestigations = defineScopedEntity(AccidentInvestigation, {
  table: 'accident_investigation',
  scope: { organizationColumn: 'organization_id' },
  read: AccidentPermission.Read,
  write: AccidentPermission.Investigate,
});

/** A team member is in scope when the investigation is. */
export const AccidentTeamMembers = defineScopedEntity(AccidentTeamMember, {
  table: 'accident_team_member',
  scope: { through: { entity: AccidentInvestigations, column: 'investigation_id' } },
  read: AccidentPermission.Read,
  write: AccidentPermission.Investigate,
});

/** A 四不放过 item is in scope when the investigation is. */
export const AccidentFourNotSpareds = defineScopedEntity(AccidentFourNotSpared, {
  table: 'accident_four_not_spared',
  scope: { through: { entity: AccidentInvestigations, column: 'investigation_id' } },
  read: AccidentPermission.Read,
  write: AccidentPermission.Investigate,
});

/** A 一案双查 finding is in scope when the investigation is. */
export const AccidentOversightFindings = defineScopedEntity(AccidentOversightFinding, {
  table: 'accident_oversight_finding',
  scope: { through: { entity: AccidentInvestigations, column: 'investigation_id' } },
  read: AccidentPermission.Read,
  write: AccidentPermission.Investigate,
});

/** A follow-up measure is in scope when the investigation is. */
export const AccidentMeasures = defineScopedEntity(AccidentMeasure, {
  table: 'accident_measure',
  scope: { through: { entity: AccidentInvestigations, column: 'investigation_id' } },
  read: AccidentPermission.Read,
  write: AccidentPermission.Investigate,
});

/** The declarations reachable by `node(nodeId:)` (their GraphQL types implement `Node`). */
export const accidentNodeEntities = [AccidentCategories, AccidentInvestigations, AccidentTeamMembers, AccidentFourNotSpareds, AccidentOversightFindings, AccidentMeasures];
