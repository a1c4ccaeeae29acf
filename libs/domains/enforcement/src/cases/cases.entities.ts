/*
 * The cases part's entities with their row scope and permissions, declared once: every read and write
 * goes through `records(ctx, <declaration>)`, which applies the scope.
 */
import { defineScopedEntity } from '@platform/core';
import { PenaltyCase } from './penalty-case.entity';
import { PenaltyCaseEvidence, PenaltyCaseRecusal, PenaltyCaseStatement, PenaltyCaseSuspension } from './case-record.entity';
import { CasePermission } from './cases.permissions';

/** A case belongs to the party enterprise: the enterprise reaches its own, a village those of its enterprises. */
export const PenaltyCases = defineScopedEntity(PenaltyCase, {
  table: 'enforcement_case',
  scope: { organizationColumn: 'enterprise_id' },
  read: CasePermission.Read,
  write: CasePermission.Manage,
});

const through = { entity: PenaltyCases, column: 'case_id' };

/** A declaration is in scope when its case is. */
export const PenaltyCaseRecusals = defineScopedEntity(PenaltyCaseRecusal, { table: 'enforcement_case_recusal', scope: { through }, read: CasePermission.Read, write: CasePermission.Manage });

/** An evidence item is in scope when its case is. */
export const PenaltyCaseEvidenceItems = defineScopedEntity(PenaltyCaseEvidence, { table: 'enforcement_case_evidence', scope: { through }, read: CasePermission.Read, write: CasePermission.Manage });

/** A statement is in scope when its case is. */
export const PenaltyCaseStatements = defineScopedEntity(PenaltyCaseStatement, { table: 'enforcement_case_statement', scope: { through }, read: CasePermission.Read, write: CasePermission.Manage });

/** A suspension is in scope when its case is. */
export const PenaltyCaseSuspensions = defineScopedEntity(PenaltyCaseSuspension, { table: 'enforcement_case_suspension', scope: { through }, read: CasePermission.Read, write: CasePermission.Manage });

/** The declarations reachable by `node(nodeId:)`. */
export const caseNodeEntities = [PenaltyCases, PenaltyCaseRecusals, PenaltyCaseEvidenceItems, PenaltyCaseStatements, PenaltyCaseSuspensions];
