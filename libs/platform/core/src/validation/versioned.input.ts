import { Field, InputType, Int } from 'type-graphql';
import { IsInt, IsUUID, Min } from 'class-validator';
import type { ClassType } from '../graphql/class-type';
import { UUIDScalar } from '../scalars/scalars';

/**
 * Adds `id` and `version` to an input class: the record to change and the version the client read
 * (optimistic concurrency). `Versioned(FooDetailsInput)` keeps Foo's own fields and their rules.
 */
export function Versioned<TBase extends ClassType<object>>(Base: TBase) {
  @InputType(`Versioned${Base.name}`, { description: '版本化输入。Names a record and the version the client read.' })
  class VersionedInput extends Base {
    @Field(() => UUIDScalar, { description: '标识。The record to change.' })
    @IsUUID()
    id: string;

    @Field(() => Int, { description: '版本号。The version you read; a stale version is refused with CONFLICT.' })
    @IsInt()
    @Min(1)
    version: number;
  }
  return VersionedInput;
}

@InputType({ description: '空输入基类。Base of inputs that only name a record.' })
class NoFields {}

@InputType({ description: '归档输入。Which record to archive, with the version you read.' })
export class ArchiveInput extends Versioned(NoFields) {}
