export { accessModule } from './access.module';
export { AccessPermission } from './permissions';
export { DEMO_PASSWORD, DEMO_USERS } from './seed/demo-users';
export { createApiClientWithRole, createUserWithRole } from './admin-commands';
export { CreateUserInput } from './users/user.types';
export { PrincipalCache } from './auth/principal-cache';
export { apiClientPrincipal } from './auth/api-client-principal';
export { Users, ApiClients, Roles, RoleAssignments, TrustedDocuments } from './access.entities';
export { accessEvents, type AccessEvents, type AccessChange, type AccessChangedPayload } from './access.events';
export { accessRules, type AccessRule } from './access.rules';
// Who acted or holds a role (a user or an API client), for other modules' `actor` fields.
export { Actor, actorOf, apiClientById, userById, type ActorRecord } from './actor';
// The accounts other modules' `User` fields refer to, declared for the read compiler.
export { UserReference } from './actor';
export { User } from './users/user.entity';
export { ApiClient } from './api-clients/api-client.entity';
