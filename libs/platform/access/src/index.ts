export { accessModule } from './access.module';
export { AccessPermission } from './permissions';
export { DEMO_PASSWORD, DEMO_USERS } from './seed/demo-users';
export { createApiClientWithRole, createUserWithRole } from './admin-commands';
export { CreateUserInput } from './users/user.types';
export { PrincipalCache } from './auth/principal-cache';
export { Users, ApiClients, Roles, RoleAssignments } from './access.entities';
export { accessEvents, type AccessEvents, type AccessChange, type AccessChangedPayload } from './access.events';
export { accessRules, type AccessRule } from './access.rules';
