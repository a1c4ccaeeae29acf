import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { BaseRecord, DateTimeScalar, UUIDScalar, Node } from '@platform/core';

export enum AccountStatus {
  ACTIVE = 'ACTIVE',
  DISABLED = 'DISABLED',
}

registerEnumType(AccountStatus, {
  name: 'AccountStatus',
  description: '账号状态。Whether an account may sign in or call the API.',
  valuesConfig: { ACTIVE: { description: '启用。May sign in.' }, DISABLED: { description: '停用。Refused at sign-in and on every request.' } },
});

@ObjectType({ implements: Node, description: '用户。A person\'s account: signs in with username and password and acts with the roles assigned to it.' })
@Entity('app_user')
export class User extends BaseRecord {
  @Field({ description: '用户名。Login name, unique, lower-case.' })
  @Column({ type: 'text' })
  username: string;

  /** argon2id hash; never leaves the server. */
  @Column({ type: 'text' })
  passwordHash: string;

  @Field({ description: '显示名。Name shown in apps and the audit log.' })
  @Column({ type: 'text' })
  displayName: string;

  @Field(() => UUIDScalar, { nullable: true, description: '人员标识。The directory person this account belongs to.' })
  @Column({ type: 'uuid', nullable: true })
  personId: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: '所属组织。The organization the account belongs to: administrators manage it only where their reach covers this organization and every role it holds.' })
  @Column({ type: 'uuid', nullable: true })
  organizationId: string | null;

  @Field(() => AccountStatus, { description: '状态。Active or disabled.' })
  @Column({ type: 'text' })
  status: AccountStatus;

  @Column({ type: 'int', default: 0 })
  failedLogins: number;

  @Field(() => DateTimeScalar, { nullable: true, description: '锁定至。Sign-in is refused until this time after repeated failures.' })
  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '上次登录。Time of the last successful sign-in.' })
  @Column({ type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null;
}
