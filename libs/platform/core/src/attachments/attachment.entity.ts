import { Field, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeScalar, UUIDScalar } from '../scalars/scalars';

/**
 * An uploaded file (photo, scan, PDF): evidence of a hazard, a rectification, an inspection. It is
 * uploaded first (`POST /attachments`), then claimed by the mutation that references its id, which
 * links it to a record and sets who may download it.
 */
@ObjectType({ description: '附件。An uploaded file linked to a record (photos, scans, PDFs); download it from `url` with your credentials.' })
@Entity('attachment')
@Index(['entityType', 'entityId'])
export class Attachment {
  @Field(() => UUIDScalar, { description: '标识。Id of the attachment; mutations reference it.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: '文件名。The name the file was uploaded with.' })
  @Column({ type: 'text' })
  fileName: string;

  @Field({ description: '文件类型。Content type checked from the file\'s own bytes, e.g. image/jpeg.' })
  @Column({ type: 'text' })
  contentType: string;

  @Field(() => Int, { description: '大小。Size in bytes.' })
  @Column({ type: 'int' })
  sizeBytes: number;

  @Field({ description: '校验值（SHA-256）。Hex digest of the content, to prove it was not changed.' })
  @Column({ type: 'text' })
  sha256: string;

  /** Where the store keeps the bytes (relative to its root). */
  @Column({ type: 'text' })
  storageKey: string;

  @Column({ type: 'text' })
  uploadedByKind: string;

  @Column({ type: 'uuid', nullable: true })
  uploadedById: string | null;

  /** Set when a mutation claims the file. */
  @Column({ type: 'text', nullable: true })
  entityType: string | null;

  @Column({ type: 'uuid', nullable: true })
  entityId: string | null;

  /** The permission (and organization, for its scope) a downloader needs once linked. */
  @Column({ type: 'text', nullable: true })
  readPermission: string | null;

  @Column({ type: 'uuid', nullable: true })
  organizationId: string | null;

  @Column({ type: 'text', nullable: true })
  organizationPath: string | null;

  @Field(() => DateTimeScalar, { description: '上传时间。When the file was uploaded.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Field({ description: '下载地址。Path to download the file (GET with the same credentials as the API).' })
  get url(): string {
    return `/attachments/${this.id}`;
  }
}
