import { Field, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { BaseRecord, Node } from '@platform/core';

@ObjectType({ implements: Node, description: '角色。A named set of permissions with scopes; assigned to users and API clients at an organization.' })
@Entity('role')
export class Role extends BaseRecord {
  @Field({ description: '代码。Stable code, e.g. village-officer.' })
  @Column({ type: 'text' })
  code: string;

  @Field({ description: '名称。Chinese name, e.g. 村（社区）应急专干.' })
  @Column({ type: 'text' })
  nameZh: string;

  @Field({ description: '说明。What the role is for, in English.' })
  @Column({ type: 'text' })
  description: string;

  @Field({ description: '系统角色。System roles come with the platform: their grants follow the modules\' declarations and they cannot be deleted.' })
  @Column({ type: 'boolean', default: false })
  isSystem: boolean;
}
