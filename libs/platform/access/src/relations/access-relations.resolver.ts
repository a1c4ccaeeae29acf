import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { AuditEntry, ReadsColumns, ReadsRelation, RequirePermission, type RequestContext } from '@platform/core';
import { DirectoryPermission, Organization, OrganizationReference, Person, PersonReference, organizationById, personById } from '@platform/directory';
import { Actor, actorOf, type ActorRecord } from '../actor';
import { User } from '../users/user.entity';
import { ApiClient } from '../api-clients/api-client.entity';
import { RoleAssignment } from '../roles/role-assignment.entity';
import { EffectivePermission } from '../auth/auth.types';

/*
 * The records the access module's types (and the kernel's audit entries) refer to by id, next to the
 * id: each through a per-request DataLoader, within the caller's scope for the record's own type.
 */

const ACTOR_NULL = 'null for the system and anonymous callers, and when you may not read that account (access.user:read) or client (access.api-client:read) within your administering reach';

@Resolver(() => AuditEntry)
export class AuditEntryActorResolver {
  @FieldResolver(() => Actor, { nullable: true, description: `操作者。The user or API client that made the change (by actorKind and actorId); ${ACTOR_NULL}.` })
  @ReadsColumns('actorKind', 'actorId')
  actor(@Ctx() ctx: RequestContext, @Root() entry: AuditEntry): Promise<ActorRecord | null> | null {
    return actorOf(ctx, entry.actorKind, entry.actorId);
  }

  @FieldResolver(() => Organization, {
    nullable: true,
    description:
      '操作者所属组织。The home organization of the user or API client when the change was made (by organizationId; needs directory.organization:read); null for anonymous and system callers, for entries written before it was recorded, and when it is outside your scope.',
  })
  @RequirePermission(DirectoryPermission.OrganizationRead)
  @ReadsColumns('organizationId')
  @ReadsRelation(OrganizationReference, 'organizationId')
  organization(@Ctx() ctx: RequestContext, @Root() entry: AuditEntry): Promise<Organization | null> | null {
    return entry.organizationId ? organizationById(ctx).load(entry.organizationId) : null;
  }
}

@Resolver(() => RoleAssignment)
export class RoleAssignmentRelationsResolver {
  @FieldResolver(() => Actor, { nullable: true, description: `主体。The user or API client holding the role (by principalKind and principalId); ${ACTOR_NULL}.` })
  @ReadsColumns('principalKind', 'principalId')
  principal(@Ctx() ctx: RequestContext, @Root() a: RoleAssignment): Promise<ActorRecord | null> | null {
    return actorOf(ctx, a.principalKind, a.principalId);
  }

  @FieldResolver(() => Organization, { nullable: true, description: '锚点组织。The organization the role applies from (needs directory.organization:read); null when it is outside your scope.' })
  @RequirePermission(DirectoryPermission.OrganizationRead)
  @ReadsColumns('organizationId')
  @ReadsRelation(OrganizationReference, 'organizationId')
  organization(@Ctx() ctx: RequestContext, @Root() a: RoleAssignment): Promise<Organization | null> {
    return organizationById(ctx).load(a.organizationId);
  }
}

@Resolver(() => User)
export class UserRelationsResolver {
  @FieldResolver(() => Organization, { nullable: true, description: '所属组织。The organization the account belongs to (needs directory.organization:read); null when none is set or it is outside your scope.' })
  @RequirePermission(DirectoryPermission.OrganizationRead)
  @ReadsColumns('organizationId')
  @ReadsRelation(OrganizationReference, 'organizationId')
  organization(@Ctx() ctx: RequestContext, @Root() u: User): Promise<Organization | null> | null {
    return u.organizationId ? organizationById(ctx).load(u.organizationId) : null;
  }

  @FieldResolver(() => Person, { nullable: true, description: '人员。The directory person the account belongs to, phone and ID number masked as everywhere (needs directory.person:read); null when none is linked or the person is outside your scope.' })
  @RequirePermission(DirectoryPermission.PersonRead)
  @ReadsColumns('personId')
  @ReadsRelation(PersonReference, 'personId')
  person(@Ctx() ctx: RequestContext, @Root() u: User): Promise<Person | null> | null {
    return u.personId ? personById(ctx).load(u.personId) : null;
  }
}

@Resolver(() => ApiClient)
export class ApiClientRelationsResolver {
  @FieldResolver(() => Organization, { nullable: true, description: '所属组织。The organization the client belongs to (needs directory.organization:read); null when none is set or it is outside your scope.' })
  @RequirePermission(DirectoryPermission.OrganizationRead)
  @ReadsColumns('organizationId')
  @ReadsRelation(OrganizationReference, 'organizationId')
  organization(@Ctx() ctx: RequestContext, @Root() c: ApiClient): Promise<Organization | null> | null {
    return c.organizationId ? organizationById(ctx).load(c.organizationId) : null;
  }
}

@Resolver(() => EffectivePermission)
export class EffectivePermissionRelationsResolver {
  @FieldResolver(() => Organization, { nullable: true, description: '锚点组织。The organization the scope starts from (needs directory.organization:read); null for ALL or when it is outside your scope.' })
  @RequirePermission(DirectoryPermission.OrganizationRead)
  organization(@Ctx() ctx: RequestContext, @Root() p: EffectivePermission): Promise<Organization | null> | null {
    return p.organizationId ? organizationById(ctx).load(p.organizationId) : null;
  }
}
