import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { DateTimeScalar } from '@platform/core';

@ObjectType({ description: '行业类别。An industry sector of the code list used to classify enterprises and assign supervising departments.' })
@Entity('industry_sector')
export class IndustrySector {
  @Field({ description: '代码。Stable code, e.g. HAZARDOUS_CHEMICALS.' })
  @PrimaryColumn({ type: 'text' })
  code: string;

  @Field({ description: '中文名称。Chinese name, e.g. 危险化学品.' })
  @Column({ type: 'text' })
  nameZh: string;

  @Field({ description: '英文名称。English name.' })
  @Column({ type: 'text' })
  nameEn: string;

  @Field({ description: '高危行业。True when the sector counts as high-risk (高危行业领域).' })
  @Column({ type: 'boolean' })
  highRisk: boolean;

  @Field(() => Int, { description: '排序。Display order in pickers.' })
  @Column({ type: 'int' })
  sortOrder: number;

  @Field(() => DateTimeScalar, { description: '更新时间。When the sector was added or last changed (by a platform release).' })
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
