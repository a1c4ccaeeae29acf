import { randomUUID } from 'node:crypto';
import { InProcessEventBus, RequestContext, SYSTEM, onEvent, transaction, type DomainModule } from '@platform/core';
import { directoryEvents } from '@platform/directory';
import { User } from './users/user.entity';
import { Role } from './roles/role.entity';
import { RolePermission } from './roles/role-permission.entity';
import { RoleAssignment } from './roles/role-assignment.entity';
import { ApiClient } from './api-clients/api-client.entity';
import { TrustedDocument } from './api-clients/trusted-document.entity';
import { ApiClientTrustedDocumentsResolver, TrustedDocumentRelationsResolver, TrustedDocumentResolver } from './api-clients/trusted-document.resolver';
import { RefreshToken } from './users/refresh-token.entity';
import { AuthResolver } from './auth/auth.resolver';
import { RoleResolver } from './roles/role.resolver';
import { AssignmentResolver } from './roles/assignment.resolver';
import { UserAssignmentsResolver, UserResolver } from './users/user.resolver';
import { ApiClientAssignmentsResolver, ApiClientResolver } from './api-clients/api-client.resolver';
import type { PermissionInfo } from './roles/role.types';
import { CreateAccess1764400300000 } from './migrations/1764400300000-create-access';
import { accessPermissions } from './permissions';
import { syncSystemRoles } from './roles/system-roles';
import { seedDemoUsers } from './seed/demo-users';
import { signingSecret } from './auth/secrets';
import { TokenSigner } from './auth/tokens';
import { PrincipalLoader } from './auth/principal-loader';
import { PrincipalCache, listenerConnection } from './auth/principal-cache';
import { accessSettings } from './access.settings';
import { accessEvents } from './access.events';
import { ApiClients, RoleAssignments, Roles, TrustedDocuments, Users } from './access.entities';
import { NotifyAccessChanges1764401700000 } from './migrations/1764401700000-notify-access-changes';
import { AddHomeOrganizations1764402900000 } from './migrations/1764402900000-add-home-organizations';
import { CreateTrustedDocuments1764403300000 } from './migrations/1764403300000-create-trusted-documents';
import { NotifyHomeOrganizationChanges1764404310000 } from './migrations/1764404310000-notify-home-organization-changes';
import { PlatformAuthenticator } from './auth/authenticator';
import { AuthService } from './auth/auth.service';
import { ApiClientRelationsResolver, AuditEntryActorResolver, EffectivePermissionRelationsResolver, RoleAssignmentRelationsResolver, UserRelationsResolver } from './relations/access-relations.resolver';

/** 访问控制: users, API clients, roles and grants, sign-in, and the authenticator of every request. */
export const accessModule: DomainModule = {
  name: 'access',
  description: '访问控制。Access control: users, API clients, roles, grants scoped to the organization tree, sign-in.',
  dependsOn: ['directory'],
  entities: [User, Role, RolePermission, RoleAssignment, ApiClient, RefreshToken, TrustedDocument],
  scopedEntities: [Users, ApiClients, Roles, RoleAssignments, TrustedDocuments],
  events: [accessEvents],
  resolvers: [
    AuthResolver,
    RoleResolver,
    AssignmentResolver,
    UserResolver,
    UserAssignmentsResolver,
    ApiClientResolver,
    ApiClientAssignmentsResolver,
    TrustedDocumentResolver,
    ApiClientTrustedDocumentsResolver,
    TrustedDocumentRelationsResolver,
    AuditEntryActorResolver,
    RoleAssignmentRelationsResolver,
    UserRelationsResolver,
    ApiClientRelationsResolver,
    EffectivePermissionRelationsResolver,
  ],
  migrations: [CreateAccess1764400300000, NotifyAccessChanges1764401700000, AddHomeOrganizations1764402900000, CreateTrustedDocuments1764403300000, NotifyHomeOrganizationChanges1764404310000],
  permissions: accessPermissions,
  settings: accessSettings,
  seed: async (ctx, { modules, demoAccounts }) => {
    await syncSystemRoles(ctx, modules);
    if (demoAccounts) await seedDemoUsers(ctx);
  },
  start: async (runtime) => {
    const ctx = new RequestContext({ requestId: `access-start-${randomUUID()}`, principal: SYSTEM, dataSource: runtime.dataSource, events: new InProcessEventBus(), log: runtime.log });
    await transaction(ctx, (tx) => syncSystemRoles(tx, runtime.modules));
    const settings = accessSettings.read(runtime.settings);
    const signer = new TokenSigner(signingSecret(runtime), settings.ACCESS_TOKEN_TTL_S);
    const cache = new PrincipalCache({ connection: listenerConnection(runtime.dataSource), ttlMs: settings.PRINCIPAL_CACHE_TTL_MS, log: runtime.log, strict: settings.ACCESS_FRESHNESS === 'strict' });
    await cache.start();
    // This process's access services empty the cache as their change commits (other processes and plain SQL: the notices).
    const unsubscribe = [
      onEvent(runtime.events, accessEvents['access.changed'], () => cache.clear()),
      // Grants anchored in a moved organization now cover other subtrees (the organization trigger tells other processes).
      onEvent(runtime.events, directoryEvents['directory.organization.updated'], (event) => {
        if (event.payload.moved) cache.clear();
      }),
    ];
    const principals = new PrincipalLoader(runtime.dataSource, cache);
    const catalog: PermissionInfo[] = runtime.modules
      .flatMap((m) => m.permissions.map((p) => ({ code: p.code, nameZh: p.nameZh, description: p.description, sensitive: Boolean(p.sensitive), module: m.name })))
      .sort((a, b) => a.code.localeCompare(b.code));
    return {
      authenticator: new PlatformAuthenticator(signer, principals),
      // The gateway resolves documentIds and checks locked clients with it, through the principal cache.
      trustedDocuments: { find: (principal, documentId) => principals.trustedDocument(principal, documentId) },
      services: { 'access.auth': new AuthService(signer, runtime.limiter({ name: 'login-failures', points: 20, windowSeconds: 300 })), 'access.principals': principals, 'access.catalog': catalog, 'access.principalCache': cache },
      stop: () => {
        unsubscribe.forEach((off) => off());
        return cache.stop();
      },
    };
  },
};
