import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, LocalDateScalar, Node, ReadByColumnSelection, UUIDScalar } from '@platform/core';
import { FourOnesItemKind } from './registries.enums';

/** One item of a department's 行业消防安全"四个一" for a year, done on a day, with evidence. */
@ObjectType({ implements: Node, description: '“四个一”事项记录。One item of an industry department\'s fire-safety "四个一" for a year (meeting, training, inspection, publicity), done on a day, with a note and evidence attachments.' })
@ReadByColumnSelection()
@Entity('fire_four_ones_item')
@Index('fire_four_ones_item_idx', ['departmentId', 'year', 'kind'], { unique: true })
export class FireFourOnesItem extends BaseRecord {
  @Field(() => UUIDScalar, { description: '部门标识。The industry department (an organization of kind DEPARTMENT); scope is measured from it.' })
  @Column({ type: 'uuid' })
  departmentId: string;

  @Field(() => Int, { description: '年度。The year the item counts for.' })
  @Column({ type: 'int' })
  year: number;

  @Field(() => FourOnesItemKind, { description: '事项。Which of the four items (one record per item and year).' })
  @Column({ type: 'text' })
  kind: FourOnesItemKind;

  @Field(() => LocalDateScalar, { description: '完成日期。The day it was done (in the year, not in the future).' })
  @Column({ type: 'date' })
  doneOn: string;

  @Field({ description: '情况说明。What was done: the meeting, the units trained or inspected, the publicity.' })
  @Column({ type: 'text' })
  note: string;
}
