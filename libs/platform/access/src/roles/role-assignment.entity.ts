import { Field, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeScalar, PrincipalKind, UUIDScalar, Node } from '@platform/core';

/** A user or API client holds a role at an anchor organization (e.g. village officer at 文凤村). */
@ObjectType({ implements: Node, description: '角色分配。A user or API client holds a role at an organization; the role\'s scopes are measured from there.' })
@Entity('role_assignment')
export class RoleAssignment {
  @Field(() => UUIDScalar, { description: '标识。Id of the assignment.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => PrincipalKind, { description: '主体类型。USER or API_CLIENT.' })
  @Column({ type: 'text' })
  principalKind: 'user' | 'api-client';

  @Field(() => UUIDScalar, { description: '主体标识。The user or API client.' })
  @Column({ type: 'uuid' })
  principalId: string;

  @Field(() => UUIDScalar, { description: '角色标识。The role.' })
  @Column({ type: 'uuid' })
  roleId: string;

  @Field(() => UUIDScalar, { description: '锚点组织。The organization the role applies from.' })
  @Column({ type: 'uuid' })
  organizationId: string;

  @Field(() => DateTimeScalar, { description: '分配时间。When the role was assigned.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
