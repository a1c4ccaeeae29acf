import { ArgsType, Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { IsEnum, IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { FilterField, OrderByField, PageArgs, PrincipalKind, UUIDScalar, Versioned, type OrderInput } from '@platform/core';
import { EffectivePermissionFilter, EffectivePermissionOrder } from './role-lists.types';

export enum GrantScopeValue {
  ALL = 'ALL',
  ORG_SUBTREE = 'ORG_SUBTREE',
  OWN_ORG = 'OWN_ORG',
}

registerEnumType(GrantScopeValue, {
  name: 'GrantScope',
  description: '授权范围。How far a granted permission reaches from the organization a role is assigned at.',
  valuesConfig: {
    ALL: { description: '全部。Everywhere in the town.' },
    ORG_SUBTREE: { description: '本级及下级。The assignment\'s organization and everything below it.' },
    OWN_ORG: { description: '本单位。The assignment\'s organization only.' },
  },
});

/** Roles are assigned to users and API clients only: the other kinds of `PrincipalKind` are refused on input (rule isIn). */
const Assignable = () =>
  IsIn([PrincipalKind.USER, PrincipalKind.API_CLIENT], { message: 'principalKind must be USER or API_CLIENT: roles are held by users and API clients.' });

@ObjectType({ description: '权限。A permission a module declares; roles grant it.' })
export class PermissionInfo {
  @Field({ description: '代码。<module>.<entity>:<action>, e.g. directory.organization:read.' })
  code: string;

  @Field({ description: '中文名称。Chinese name, e.g. 查看组织机构.' })
  nameZh: string;

  @Field({ description: '说明。What it allows, in English.' })
  description: string;

  @Field({ description: '敏感。True when it reveals personal data.' })
  sensitive: boolean;

  @Field({ description: '模块。The module that declares it.' })
  module: string;
}

@ObjectType({ description: '授权。A permission a role holds and how far it reaches.' })
export class RoleGrant {
  @Field({ description: '权限代码。The permission.' })
  permission: string;

  @Field(() => GrantScopeValue, { description: '范围。How far it reaches from the assignment\'s organization.' })
  scope: GrantScopeValue;
}

@InputType({ description: '新建角色输入。A custom role.' })
export class CreateRoleInput {
  @Field({ description: '代码。Lower-case letters, digits and hyphens, e.g. flood-duty-officer.' })
  @Matches(/^[a-z][a-z0-9-]{2,40}$/, { message: 'code must be 3–41 lower-case letters, digits or hyphens, starting with a letter' })
  code: string;

  @Field({ description: '名称。Chinese name.' })
  @IsString()
  @Length(1, 40)
  nameZh: string;

  @Field({ description: '说明。What the role is for.' })
  @IsString()
  @Length(1, 300)
  description: string;
}

@InputType({ description: '角色信息。Changeable fields of a custom role.' })
export class RoleDetailsInput {
  @Field(() => String, { nullable: true, description: '名称。New Chinese name.' })
  @IsOptional()
  @Length(1, 40)
  nameZh?: string;

  @Field(() => String, { nullable: true, description: '说明。New description.' })
  @IsOptional()
  @Length(1, 300)
  description?: string;
}

@InputType({ description: '修改角色输入。Changes to a custom role.' })
export class UpdateRoleInput extends Versioned(RoleDetailsInput) {}

@InputType({ description: '收回权限输入。Takes a permission from a custom role.' })
export class RevokePermissionInput {
  @Field(() => UUIDScalar, { description: '角色标识。The custom role.' })
  @IsUUID()
  roleId: string;

  @Field({ description: '权限代码。A permission from `permissions`.' })
  @IsString()
  @Length(3, 100)
  permission: string;
}

@InputType({ description: '授予权限输入。Grants a permission to a custom role.' })
export class GrantPermissionInput extends RevokePermissionInput {
  @Field(() => GrantScopeValue, { description: '范围。How far it reaches.' })
  @IsEnum(GrantScopeValue)
  scope: GrantScopeValue;
}

@InputType({ description: '分配角色输入。Gives a user or API client a role at an organization.' })
export class AssignRoleInput {
  @Field(() => PrincipalKind, { description: '主体类型。USER or API_CLIENT (the other kinds hold no roles).' })
  @Assignable()
  principalKind: PrincipalKind;

  @Field(() => UUIDScalar, { description: '主体标识。The user or API client.' })
  @IsUUID()
  principalId: string;

  @Field(() => UUIDScalar, { description: '角色标识。The role.' })
  @IsUUID()
  roleId: string;

  @Field(() => UUIDScalar, { description: '锚点组织。Where the role applies from (its scopes are measured from here).' })
  @IsUUID()
  organizationId: string;
}

@ArgsType()
export class EffectivePermissionsArgs extends PageArgs {
  @Field(() => PrincipalKind, { description: '主体类型。USER or API_CLIENT (the other kinds hold no roles).' })
  @Assignable()
  principalKind: PrincipalKind;

  @Field(() => UUIDScalar, { description: '主体标识。The user or API client.' })
  @IsUUID()
  principalId: string;

  @FilterField(() => EffectivePermissionFilter, '筛选条件。Which of its permissions to list.')
  filter?: EffectivePermissionFilter;

  @OrderByField(EffectivePermissionOrder, 'by permission code')
  orderBy?: OrderInput<keyof typeof EffectivePermissionOrder.Field>[];
}

