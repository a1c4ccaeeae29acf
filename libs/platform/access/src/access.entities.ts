/*
 * The access module's entities with their row scope and permissions, declared once: accounts, API
 * clients, custom roles and role assignments are read and changed through `records(ctx, <declaration>)`,
 * which applies the rule of access administration (roles/reach.ts): an administrator sees one only
 * within its reach. Out of reach answers like missing.
 */
import { ALL_ROWS, NO_ROWS, defineScopedEntity, raw, sql, type Principal, type ScopedEntity, type Sql } from '@platform/core';
import { User } from './users/user.entity';
import { ApiClient } from './api-clients/api-client.entity';
import { TrustedDocument } from './api-clients/trusted-document.entity';
import { Role } from './roles/role.entity';
import { RoleAssignment } from './roles/role-assignment.entity';
import { assignmentsOfPrincipal, assignmentsOfRole, reachSql } from './roles/reach.sql';
import { AccessPermission } from './permissions';

export type PrincipalKind = 'user' | 'api-client';

/** Accounts within reach: their home organization and every role they hold there (see reach.ts). */
export const Users = defineScopedEntity(User, {
  table: 'app_user',
  scope: { custom: (principal, permission, alias) => reachSql(principal, permission, assignmentsOfPrincipal('user', alias), `${alias}.organization_id`) },
  read: AccessPermission.UserRead,
  write: AccessPermission.UserWrite,
});

/** API clients within reach, by the same rule as accounts. */
export const ApiClients = defineScopedEntity(ApiClient, {
  table: 'api_client',
  scope: { custom: (principal, permission, alias) => reachSql(principal, permission, assignmentsOfPrincipal('api-client', alias), `${alias}.organization_id`) },
  read: AccessPermission.ApiClientRead,
  write: AccessPermission.ApiClientWrite,
});

/** Trusted documents go with their API client: read and changed by whoever may read or change the client. */
export const TrustedDocuments = defineScopedEntity(TrustedDocument, {
  table: 'trusted_document',
  scope: { through: { entity: ApiClients, column: 'api_client_id' } },
  read: AccessPermission.ApiClientRead,
  write: AccessPermission.ApiClientWrite,
});

/**
 * Roles: the system roles (the modules' declarations, the same everywhere: in every caller's scope;
 * the operations still require their permission), and the custom roles within reach: every place
 * they are assigned, everything they grant there.
 */
export const Roles = defineScopedEntity(Role, {
  table: 'role',
  scope: {
    custom: (principal, permission, alias) => {
      const reach = reachSql(principal, permission, assignmentsOfRole(alias));
      return reach === ALL_ROWS ? ALL_ROWS : sql`(${raw(`${alias}.is_system`)} OR ${reach})`;
    },
  },
  read: AccessPermission.RoleRead,
  write: AccessPermission.RoleWrite,
});

/** The permission of the same operation on API clients as `permission` is on accounts (`access.user:write` → `access.api-client:write`); others as they are. */
const API_CLIENT_COUNTERPART: Readonly<Record<string, string>> = {
  [AccessPermission.UserRead]: AccessPermission.ApiClientRead,
  [AccessPermission.UserWrite]: AccessPermission.ApiClientWrite,
};

/**
 * SQL: the assignment under `alias` belongs to an account within reach for `permission`, or to an API
 * client within reach for its API-client counterpart (see `API_CLIENT_COUNTERPART`).
 */
function assignmentRowScope(principal: Principal, permission: string, alias: string): Sql {
  const user = reachSql(principal, permission, assignmentsOfPrincipal('user', 'su'), 'su.organization_id');
  const client = reachSql(principal, API_CLIENT_COUNTERPART[permission] ?? permission, assignmentsOfPrincipal('api-client', 'sc'), 'sc.organization_id');
  if (user === client && (user === ALL_ROWS || user === NO_ROWS)) return user;
  const kindIs = (kind: PrincipalKind): Sql => raw(`${alias}.principal_kind = '${kind}' AND ${alias}.principal_id`);
  return sql`((${kindIs('user')} IN (SELECT su.id FROM app_user su WHERE ${user})) OR (${kindIs('api-client')} IN (SELECT sc.id FROM api_client sc WHERE ${client})))`;
}

/**
 * Role assignments go with their account or API client: in scope when it is (for the account
 * permission named, or its API-client counterpart for a client's assignment).
 */
export const RoleAssignments = defineScopedEntity(RoleAssignment, {
  table: 'role_assignment',
  scope: { custom: assignmentRowScope },
  read: AccessPermission.UserRead,
  write: AccessPermission.UserWrite,
});

/** The declaration of users or API clients. */
export function principalsOf(kind: PrincipalKind): ScopedEntity<User | ApiClient> {
  return kind === 'user' ? Users : ApiClients;
}
