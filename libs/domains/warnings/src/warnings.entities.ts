/*
 * The warnings module's entities with their row scope and permissions, declared once: every read and
 * write of the module goes through `records(ctx, <declaration>)`, which applies the scope.
 */
import { ALL_ROWS, NO_ROWS, defineScopedEntity, raw, rowScopeSql, sql, type Principal, type Sql } from '@platform/core';
import { PreparednessPermission } from '@domains/preparedness';
import { Warning, WarningTarget } from './model/warning.entity';
import { WarningDelivery, WarningEscalationPolicy } from './model/warning-delivery.entity';
import { WarningEscalation, WarningResponseAction, WarningResponseTemplate } from './escalation/escalation.entity';
import { WarningPermission } from './permissions';

/** A warning record's targets: in scope where the targeted village or community is (no id of its own: read as `Warning.targets`). */
export const WarningTargets = defineScopedEntity(WarningTarget, {
  table: 'warning_target',
  scope: { organizationColumn: 'organization_id' },
  read: WarningPermission.WarningRead,
  write: WarningPermission.WarningIssue,
});

/** Warning records as kept by their issuer (the town government): the rule for issuing, updating and cancelling them. */
const IssuedWarnings = defineScopedEntity(Warning, {
  table: 'warning',
  scope: { organizationColumn: 'issuer_organization_id' },
  read: WarningPermission.WarningRead,
  write: WarningPermission.WarningIssue,
});

/**
 * SQL: the warning record under `alias` is in the principal's scope for `permission`. Read (and
 * respond): one of its targets is in scope (`WarningTargets`), or its issuer is, so a village
 * officer sees what is aimed at their subtree only. Issue (update, cancel): its issuer is in scope.
 */
export function warningRowScope(principal: Principal, permission: string, alias: string): Sql {
  const issuer = rowScopeSql(principal, permission, IssuedWarnings, alias);
  if (permission === WarningPermission.WarningIssue) return issuer;
  const target = `${alias}_wt`;
  const targets = rowScopeSql(principal, permission, WarningTargets, target);
  // Everything or nothing: the issuer's organization is no different.
  if (targets === ALL_ROWS || targets === NO_ROWS) return targets;
  return sql`(EXISTS (SELECT 1 FROM warning_target ${raw(target)} WHERE ${raw(`${target}.warning_id = ${alias}.id`)} AND ${targets}) OR ${issuer})`;
}

/** Warning records: aimed at villages and communities (several per record), issued by the town government. */
export const Warnings = defineScopedEntity(Warning, {
  table: 'warning',
  scope: { custom: warningRowScope },
  read: WarningPermission.WarningRead,
  write: WarningPermission.WarningIssue,
});

/** A delivery belongs to the village or community it was delivered to (which acknowledges it). */
export const WarningDeliveries = defineScopedEntity(WarningDelivery, {
  table: 'warning_delivery',
  scope: { organizationColumn: 'organization_id' },
  read: WarningPermission.WarningRead,
  write: WarningPermission.WarningRespond,
});

/** An escalation is kept at the delivery's village or community (its own column, the delivery's organization). */
export const WarningEscalations = defineScopedEntity(WarningEscalation, {
  table: 'warning_escalation',
  scope: { organizationColumn: 'organization_id' },
  read: WarningPermission.WarningRead,
});

/** A response action is kept at the delivery's village or community, which completes it. */
export const WarningResponseActions = defineScopedEntity(WarningResponseAction, {
  table: 'warning_response_action',
  scope: { organizationColumn: 'organization_id' },
  read: WarningPermission.WarningRead,
  write: WarningPermission.WarningRespond,
});

/** Response templates are town-wide data: every row in scope for whoever may read warnings; rule managers change them. */
export const WarningResponseTemplates = defineScopedEntity(WarningResponseTemplate, {
  table: 'warning_response_template',
  scope: { custom: () => ALL_ROWS },
  read: WarningPermission.WarningRead,
  write: PreparednessPermission.RuleManage,
});

/** The escalation policy per level (keyed by its level), town-wide: not reachable by `node(nodeId:)`. */
export const WarningEscalationPolicies = defineScopedEntity(WarningEscalationPolicy, {
  table: 'warning_escalation_policy',
  scope: { custom: () => ALL_ROWS },
  read: WarningPermission.WarningRead,
  write: WarningPermission.WarningIssue,
});

/** The declarations reachable by `node(nodeId:)` (their GraphQL types implement `Node`). */
export const warningsNodeEntities = [Warnings, WarningDeliveries, WarningEscalations, WarningResponseActions, WarningResponseTemplates];
