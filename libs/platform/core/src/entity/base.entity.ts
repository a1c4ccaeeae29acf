import { Field, Int, ObjectType } from 'type-graphql';
import { CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { DateTimeScalar, UUIDScalar } from '../scalars/scalars';

/**
 * Columns every record has: UUID key, creation and update times, and `version` for optimistic
 * concurrency (updates go through `updateWithVersion`, which checks it in the WHERE clause).
 */
@ObjectType({ description: "记录。Columns every record has (not used as a type by itself)." })
export abstract class BaseRecord {
  @Field(() => UUIDScalar, { description: '标识。Stable unique id of the record.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => DateTimeScalar, { description: '创建时间。When the record was created.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Field(() => DateTimeScalar, { description: '更新时间。When the record last changed.' })
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Field(() => Int, { description: '版本号。Optimistic-concurrency version: send it back with an update; a stale one is refused with CONFLICT.' })
  @VersionColumn({ default: 1 })
  version: number;
}
