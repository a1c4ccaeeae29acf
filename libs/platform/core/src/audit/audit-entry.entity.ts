import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One recorded change: who did what to which record, written in the same transaction as the change. */
@Entity('audit_log')
@Index(['entityType', 'entityId'])
@Index(['occurredAt'])
export class AuditEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @CreateDateColumn({ type: 'timestamptz' })
  occurredAt: Date;

  @Column({ type: 'text' })
  requestId: string;

  @Column({ type: 'text' })
  actorKind: string;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  /** `<module>.<entity>.<verb>`, e.g. `directory.organization.update`. */
  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'text' })
  entityType: string;

  @Column({ type: 'uuid', nullable: true })
  entityId: string | null;

  /** Changed fields: `{ field: [before, after] }`, or the created record's fields. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  changes: Record<string, unknown>;
}
