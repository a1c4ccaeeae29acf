import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { BaseRecord, DateTimeScalar, Node, PrincipalKind, UUIDScalar, type Principal } from '@platform/core';

/** The kind of a GraphQL operation. */
export enum GraphQLOperationType {
  QUERY = 'query',
  MUTATION = 'mutation',
  SUBSCRIPTION = 'subscription',
}

registerEnumType(GraphQLOperationType, {
  name: 'GraphQLOperationType',
  description: 'GraphQL 操作类型。The kind of a GraphQL operation.',
  valuesConfig: {
    QUERY: { description: '查询。A query.' },
    MUTATION: { description: '变更。A mutation.' },
    SUBSCRIPTION: { description: '订阅。A subscription (over WebSocket).' },
  },
});

/** One operation of a trusted document, as stored (jsonb). */
@ObjectType({ description: '文档中的操作。One operation a trusted document defines.' })
export class TrustedDocumentOperation {
  @Field(() => String, { nullable: true, description: '操作名。The operation\'s name (`operationName` selects it); null for an anonymous operation.' })
  name: string | null;

  @Field(() => GraphQLOperationType, { description: '操作类型。Query, mutation or subscription.' })
  type: GraphQLOperationType;
}

/**
 * 可信文档: a GraphQL document an admin approved for one API client. The client sends its
 * `documentId` instead of the text, and a client locked to its documents (`trustedDocumentsOnly`)
 * may run nothing else.
 */
@ObjectType({ implements: Node, description: '可信文档。A GraphQL document an administrator approved for an API client: the client sends its documentId instead of the text; a locked client may run nothing else.' })
@Entity('trusted_document')
export class TrustedDocument extends BaseRecord {
  @Field(() => UUIDScalar, { description: '接口客户端标识。The API client the document is registered for.' })
  @Column({ type: 'uuid' })
  apiClientId: string;

  @Field({ description: '文档标识。`sha256:` and the lower-case hex SHA-256 of the UTF-8 text: what the client sends as `documentId`.' })
  @Column({ type: 'text' })
  documentId: string;

  @Field({ description: '文档文本。The GraphQL document exactly as registered.' })
  @Column({ type: 'text' })
  document: string;

  @Field(() => [TrustedDocumentOperation], { description: '操作。The operations the document defines, in order.' })
  @Column({ type: 'jsonb' })
  operations: TrustedDocumentOperation[];

  @Field(() => PrincipalKind, { description: '登记者类型。Who registered the document: USER, API_CLIENT or SYSTEM.' })
  @Column({ type: 'text' })
  registeredByKind: Principal['kind'];

  @Field(() => UUIDScalar, { nullable: true, description: '登记者标识。The user or API client who registered the document; null for the system.' })
  @Column({ type: 'uuid', nullable: true })
  registeredById: string | null;

  @Field({ description: '登记者名称。Display name of who registered the document.' })
  @Column({ type: 'text' })
  registeredByName: string;

  @Field(() => DateTimeScalar, { nullable: true, description: '吊销时间。When the document was revoked (the client can no longer run it); null while in force.' })
  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
