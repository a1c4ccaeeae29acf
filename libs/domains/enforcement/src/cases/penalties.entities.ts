/*
 * The penalties part's entities with their row scope and permissions, declared once: every read and
 * write goes through `records(ctx, <declaration>)`, which applies the scope.
 */
import { defineScopedEntity } from '@platform/core';
import { CasePermission } from './cases.permissions';
import { PenaltyCases } from './cases.entities';
import { PenaltyLine, PenaltyPayment } from './penalty-line.entity';
import { OnTheSpotPenalty } from './on-the-spot-penalty.entity';
import { PenaltyPermission } from './penalties.permissions';

const through = { entity: PenaltyCases, column: 'case_id' };

/** A penalty line is in scope when its case is (the party enterprise's scope). */
export const PenaltyLines = defineScopedEntity(PenaltyLine, { table: 'enforcement_penalty_line', scope: { through }, read: CasePermission.Read, write: CasePermission.Manage });

/** A payment is in scope when its case is. */
export const PenaltyPayments = defineScopedEntity(PenaltyPayment, { table: 'enforcement_penalty_payment', scope: { through }, read: CasePermission.Read, write: CasePermission.Manage });

/** An on-the-spot penalty belongs to the party organization (or, for a citizen, the enterprise where it happened). */
export const OnTheSpotPenalties = defineScopedEntity(OnTheSpotPenalty, {
  table: 'enforcement_on_the_spot_penalty',
  scope: { organizationColumn: 'enterprise_id' },
  read: PenaltyPermission.OnTheSpotRead,
  write: PenaltyPermission.OnTheSpotManage,
});

/** The declarations reachable by `node(nodeId:)`. */
export const penaltyNodeEntities = [PenaltyLines, PenaltyPayments, OnTheSpotPenalties];
