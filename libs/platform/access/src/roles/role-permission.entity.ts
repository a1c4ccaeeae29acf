import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { GrantScope } from '@platform/core';

/** A grant: the role holds the permission with this scope (from the assignment's anchor organization). */
@Entity('role_permission')
export class RolePermission {
  @PrimaryColumn({ type: 'uuid' })
  roleId: string;

  @PrimaryColumn({ type: 'text' })
  permission: string;

  @Column({ type: 'text' })
  scope: GrantScope;
}
