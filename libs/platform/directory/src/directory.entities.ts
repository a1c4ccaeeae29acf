/*
 * The directory's entities with their row scope and permissions, declared once: every read and
 * write of the directory goes through `records(ctx, <declaration>)`, which applies the scope.
 */
import { ALL_ROWS, NO_ROWS, defineScopedEntity, raw, rowScopeSql, sql, type Principal, type Sql } from '@platform/core';
import { Organization } from './organizations/organization.entity';
import { EnterpriseProfile } from './organizations/enterprise-profile.entity';
import { IndustrySector } from './sectors/industry-sector.entity';
import { Person } from './persons/person.entity';
import { Position } from './persons/position.entity';
import { TrainingRecord } from './trainings/training-record.entity';
import { DirectoryPermission } from './permissions';

/** Organizations are the tree itself: in scope by their own path and id. */
export const Organizations = defineScopedEntity(Organization, {
  table: 'organization',
  scope: { organizationTree: true },
  read: DirectoryPermission.OrganizationRead,
  write: DirectoryPermission.OrganizationWrite,
});

/**
 * Positions are kept at their organization. Read with `directory.person:read` (an organization's
 * staff); a person's own positions are read with `directory.organization:read` instead (see
 * `currentPositionPages`), so that `Position.organization` never points out of scope.
 */
export const Positions = defineScopedEntity(Position, {
  table: 'person_position',
  scope: { organizationColumn: 'organization_id' },
  read: DirectoryPermission.PersonRead,
  write: DirectoryPermission.PersonWrite,
});

/**
 * SQL: the person under `alias` holds a current (not ended) position that is in the principal's
 * scope for `permission` by the `Positions` rule; everyone when that scope is everything. A person
 * without a current position is therefore visible only to callers with an ALL scope.
 */
export function personRowScope(principal: Principal, permission: string, alias: string): Sql {
  const position = `${alias}_pp`;
  const positionInScope = rowScopeSql(principal, permission, Positions, position);
  // The constants pass through as they are, so `through` rules over persons need no subquery either.
  if (positionInScope === ALL_ROWS || positionInScope === NO_ROWS) return positionInScope;
  return sql`EXISTS (SELECT 1 FROM person_position ${raw(position)} WHERE ${raw(`${position}.person_id = ${alias}.id AND ${position}.ended_on IS NULL`)} AND ${positionInScope})`;
}

/** Persons belong to no organization of their own: they are where their current positions are. */
export const Persons = defineScopedEntity(Person, {
  table: 'person',
  scope: { custom: personRowScope },
  read: DirectoryPermission.PersonRead,
  write: DirectoryPermission.PersonWrite,
});

/** A training is in scope when its person is. */
export const TrainingRecords = defineScopedEntity(TrainingRecord, {
  table: 'training_record',
  scope: { through: { entity: Persons, column: 'person_id' } },
  read: DirectoryPermission.PersonRead,
  write: DirectoryPermission.PersonWrite,
});

/**
 * An enterprise's profile is kept at the enterprise (keyed by its organization id). Not reachable
 * by `node(nodeId:)`: it has no id of its own and is read as `Organization.enterprise`.
 */
export const EnterpriseProfiles = defineScopedEntity(EnterpriseProfile, {
  table: 'enterprise_profile',
  scope: { organizationColumn: 'organization_id' },
  read: DirectoryPermission.OrganizationRead,
  write: DirectoryPermission.OrganizationWrite,
});

/**
 * The industry sector code list (keyed by its code) is the same for everyone: every row is in
 * scope, and the operations reading it require their permission as usual.
 */
export const IndustrySectors = defineScopedEntity(IndustrySector, {
  table: 'industry_sector',
  scope: { custom: () => ALL_ROWS },
  read: DirectoryPermission.OrganizationRead,
});

/** The declarations reachable by `node(nodeId:)` (their GraphQL types implement `Node`). */
export const directoryNodeEntities = [Organizations, Persons, Positions, TrainingRecords];
