import { Field, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { BaseRecord, DateTimeScalar, UUIDScalar, Node } from '@platform/core';
import { AccountStatus } from '../users/user.entity';

@ObjectType({ implements: Node, description: 'API 客户端。Another government system calling with a key: acts with the roles assigned to it.' })
@Entity('api_client')
export class ApiClient extends BaseRecord {
  @Field({ description: '名称。Which system this is, e.g. 区应急管理局指挥平台.' })
  @Column({ type: 'text' })
  name: string;

  /** Public part of the key, for lookup; the secret part is stored as a SHA-256 hash only. */
  @Field({ description: '密钥前缀。The visible start of the key, to tell keys apart.' })
  @Column({ type: 'text' })
  keyPrefix: string;

  @Column({ type: 'text' })
  keyHash: string;

  @Field(() => AccountStatus, { description: '状态。Active or disabled.' })
  @Column({ type: 'text' })
  status: AccountStatus;

  @Field(() => DateTimeScalar, { description: '到期时间。The key stops working at this time.' })
  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: '最近使用。When the key was last used (to the minute).' })
  @Column({ type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  @Field({ description: '仅限可信文档。When true the client may run only the trusted documents registered for it (see trustedDocuments); any other text is refused with PERSISTED_DOCUMENT_REQUIRED.' })
  @Column({ type: 'boolean', default: false })
  trustedDocumentsOnly: boolean;

  @Field(() => UUIDScalar, { nullable: true, description: '所属组织。The organization the client belongs to: administrators manage it only where their reach covers this organization and every role it holds.' })
  @Column({ type: 'uuid', nullable: true })
  organizationId: string | null;
}
