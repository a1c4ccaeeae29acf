import { Extensions } from 'type-graphql';
import type { GrantScope } from '../context/principal';

/**
 * The system roles every installation has (seeded, not deletable). Modules say which of them get
 * each permission; the access module keeps the roles' grants in step with these declarations.
 */
export const SYSTEM_ROLES = [
  'super-admin',
  'town-safety-office',
  'department-officer',
  'village-officer',
  'grid-worker',
  'enterprise-safety-manager',
  'inspector',
  'expert',
  'integration-readonly',
  'sensor-feed',
  'public',
] as const;
export type SystemRole = (typeof SYSTEM_ROLES)[number];

/**
 * A permission a module declares, e.g. `directory.organization:read`. The access layer grants
 * permissions to roles; every Query/Mutation/Subscription field names the one it requires.
 */
export interface PermissionDeclaration {
  /** `<module>.<entity>:<action>`, lower-case. */
  readonly code: string;
  /** Chinese term (e.g. 查看组织机构). */
  readonly nameZh: string;
  /** One English sentence. */
  readonly description: string;
  /** True when the permission reveals personal data (phone, ID number). */
  readonly sensitive?: boolean;
  /** System roles that hold the permission, with the scope from their anchor organization. The super admin holds every permission everywhere. */
  readonly grantedTo?: Readonly<Partial<Record<Exclude<SystemRole, 'super-admin'>, GrantScope>>>;
}

/** Every staff role (not the super admin, who holds everything, nor machine clients or the public) with scope ALL: for what is the same for everyone, such as uploading a file or the calendar. */
export const EVERY_STAFF_ROLE: Readonly<Partial<Record<Exclude<SystemRole, 'super-admin'>, GrantScope>>> = {
  'town-safety-office': 'ALL',
  'department-officer': 'ALL',
  'village-officer': 'ALL',
  'grid-worker': 'ALL',
  'enterprise-safety-manager': 'ALL',
  inspector: 'ALL',
  expert: 'ALL',
};

const PERMISSION_CODE = /^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*:[a-z][a-z0-9-]*$/;

/** Declares a module's permissions, checking the code format once at start. */
export function definePermissions<const T extends readonly PermissionDeclaration[]>(list: T): T {
  for (const p of list) {
    if (!PERMISSION_CODE.test(p.code)) throw new Error(`Permission code "${p.code}" is not <module>.<entity>:<action>.`);
  }
  return list;
}

/** Permission code for operations anyone may call, such as a health probe or public reporting. */
export const PUBLIC_OPERATION = 'public';

/**
 * Ties a Query/Mutation/Subscription field to the permission it requires. The code is stored in the
 * field's schema extensions (`extensions.permission`), where the access layer reads it; the gateway
 * refuses to start when an operation field has none.
 */
export function RequirePermission(code: string): MethodDecorator {
  return Extensions({ permission: code }) as MethodDecorator;
}

/** The permission code stored on a schema field by `@RequirePermission`. */
export function permissionOfField(field: { extensions?: Readonly<Record<string, unknown>> | null }): string | undefined {
  const code = field.extensions?.['permission'];
  return typeof code === 'string' ? code : undefined;
}
