import { Field, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeScalar, JSONObjectScalar, UUIDScalar } from '../scalars/scalars';
import { PrincipalKind } from '../context/principal-kind';
import type { Principal } from '../context/principal';

/** One recorded change: who did what to which record, written in the same transaction as the change. */
@ObjectType({ description: '审计日志条目。One recorded change: who did what to which record, when and from where. Entries cannot be edited or deleted through the API.' })
@Entity('audit_log')
@Index(['entityType', 'entityId'])
@Index(['occurredAt'])
export class AuditEntry {
  @Field(() => UUIDScalar, { description: '标识。Id of the entry.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => DateTimeScalar, { description: '发生时间。When the change was committed.' })
  @CreateDateColumn({ type: 'timestamptz' })
  occurredAt: Date;

  @Field({ description: '请求标识。Request id of the change (the x-request-id header), to find it in the logs.' })
  @Column({ type: 'text' })
  requestId: string;

  @Field(() => PrincipalKind, { description: '操作者类型。Who made the change: a user, an API client, the system or an anonymous caller.' })
  @Column({ type: 'text' })
  actorKind: Principal['kind'];

  @Field(() => UUIDScalar, { nullable: true, description: '操作者标识。Id of the user or API client; null for anonymous and system.' })
  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  /** The acting principal's home organization when the entry was written; null for anonymous and system, and for entries written before it was recorded. */
  @Field(() => UUIDScalar, {
    nullable: true,
    description: '操作者所属组织标识。Id of the home organization of the user or API client when the change was made; null for anonymous and system callers, and for entries written before this was recorded.',
  })
  @Column({ type: 'uuid', nullable: true })
  organizationId: string | null;

  @Field(() => String, { nullable: true, description: '来源地址。IP address the request came from.' })
  @Column({ type: 'text', nullable: true })
  ip: string | null;

  /** `<module>.<entity>.<verb>`, e.g. `directory.organization.update`. */
  @Field({ description: '操作。What was done, as <module>.<entity>.<verb>, e.g. directory.organization.update.' })
  @Column({ type: 'text' })
  action: string;

  @Field({ description: '对象类型。Type of the record changed, e.g. Organization.' })
  @Column({ type: 'text' })
  entityType: string;

  @Field(() => UUIDScalar, { nullable: true, description: '对象标识。Id of the record changed.' })
  @Column({ type: 'uuid', nullable: true })
  entityId: string | null;

  /** Changed fields: `{ field: [before, after] }`, or the created record's fields; personal data redacted. */
  @Field(() => JSONObjectScalar, { description: '变更内容。Changed fields as { field: [before, after] }, or the fields of a created record; personal data is redacted.' })
  @Column({ type: 'jsonb', default: () => "'{}'" })
  changes: Record<string, unknown>;
}
