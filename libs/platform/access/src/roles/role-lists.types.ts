import { ArgsType, Field, InputType } from 'type-graphql';
import { IsBoolean, IsOptional, IsString, Length } from 'class-validator';
import { FilterField, ListFilter, OrderByField, PageArgs, SortDirection, defineListOrder, defineOrder, type GrantScope, type OrderInput } from '@platform/core';

/** What the permission catalog's order and filter read of an entry (`PermissionInfo`; structural, so this file imports no other types file). */
interface PermissionEntry {
  readonly code: string;
  readonly module: string;
  readonly sensitive: boolean;
}

/** What the effective permissions' order and filter read of a grant (`EffectivePermission`). */
interface GrantEntry {
  readonly permission: string;
  readonly scope: string;
  readonly organizationId?: string | null;
}
import { SCOPE_RANK } from './reach';

/*
 * The filters and orders of the role lists: `roles` (stored), the permission catalog and a
 * principal's effective permissions (both computed in memory from the modules' declarations and the
 * grants, so they have no change feed: a change of them is a change of a role, listed by `roles`).
 */

@InputType({ description: '角色筛选。Filters for the role list.' })
export class RoleFilter extends ListFilter {}

/** `orderBy` of `roles`. */
export const RoleOrder = defineOrder(
  'Role',
  '角色',
  {
    CODE: { column: 't.code', description: '代码。By code.', unique: true },
    NAME: { column: 't.name_zh', description: '名称。By Chinese name (Unicode code point order).' },
    CREATED_AT: { column: 't.created_at', description: '创建时间。By when the role was created.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when the role, or what it grants, last changed.' },
  },
  [{ column: 't.code', direction: SortDirection.ASC }],
);

@ArgsType()
export class RoleListArgs extends PageArgs {
  @FilterField(() => RoleFilter, '筛选条件。Which roles to list.')
  filter?: RoleFilter;

  @OrderByField(RoleOrder, 'by code')
  orderBy?: OrderInput<keyof typeof RoleOrder.Field>[];
}

@InputType({ description: '权限目录筛选。Filters for the permission catalog; all given filters must match.' })
export class PermissionFilter {
  @Field(() => String, { nullable: true, description: '模块。Only the permissions this module declares, e.g. directory.' })
  @IsOptional()
  @IsString()
  @Length(1, 60)
  module?: string;

  @Field(() => Boolean, { nullable: true, description: '敏感。Only permissions that reveal personal data (true) or that do not (false).' })
  @IsOptional()
  @IsBoolean()
  sensitive?: boolean;
}

/** `orderBy` of `permissions` (the catalog, in memory; the code is unique). */
export const PermissionOrder = defineListOrder<PermissionEntry, 'CODE' | 'MODULE'>(
  'Permission',
  '权限',
  {
    CODE: { value: (p) => p.code, description: '代码。By code.' },
    MODULE: { value: (p) => p.module, description: '模块。By the module that declares it (then by code).' },
  },
  [{ field: 'CODE', direction: SortDirection.ASC }],
  (p) => p.code,
);

@ArgsType()
export class PermissionListArgs extends PageArgs {
  @FilterField(() => PermissionFilter, '筛选条件。Which permissions to list.')
  filter?: PermissionFilter;

  @OrderByField(PermissionOrder, 'by code')
  orderBy?: OrderInput<keyof typeof PermissionOrder.Field>[];
}

/** The permission catalog narrowed by a filter. */
export function filterPermissions<P extends PermissionEntry>(catalog: readonly P[], filter: PermissionFilter | null = null): P[] {
  // A filter, or any of its fields, sent as null means no condition (GraphQL lets a client send null for an optional input).
  const { module, sensitive } = filter ?? {};
  return catalog.filter((p) => (module == null || p.module === module) && (sensitive == null || p.sensitive === sensitive));
}

@InputType({ description: '有效权限筛选。Filters for a principal\'s effective permissions.' })
export class EffectivePermissionFilter {
  @Field(() => String, { nullable: true, description: '权限前缀。Only permissions whose code starts with this, e.g. directory. or directory.organization:' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  permissionPrefix?: string;
}

/** `orderBy` of `effectivePermissions` (in memory; a grant is one permission, scope and anchor). */
export const EffectivePermissionOrder = defineListOrder<GrantEntry, 'PERMISSION' | 'SCOPE'>(
  'EffectivePermission',
  '有效权限',
  {
    PERMISSION: { value: (g) => g.permission, description: '权限代码。By permission code.' },
    SCOPE: { value: (g) => SCOPE_RANK[g.scope as GrantScope] ?? null, description: '范围。By reach: OWN_ORG, then ORG_SUBTREE, then ALL (ascending).' },
  },
  [{ field: 'PERMISSION', direction: SortDirection.ASC }],
  (g) => `${g.permission}|${g.scope}|${g.organizationId ?? ''}`,
);

/** A principal's grants narrowed by a filter. */
export function filterEffectivePermissions<G extends GrantEntry>(grants: readonly G[], filter: EffectivePermissionFilter | null = null): G[] {
  const prefix = filter?.permissionPrefix;
  return prefix == null ? [...grants] : grants.filter((g) => g.permission.startsWith(prefix));
}
