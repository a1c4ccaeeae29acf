import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, DateTimeScalar, Node } from '@platform/core';
import { Gender } from './gender.enum';

@ObjectType({ implements: Node, description: '人员。A person the platform knows: officials, village cadres, grid workers, enterprise staff, team members. Phone and ID number are personal data and come back masked unless the caller may read them.' })
@Entity('person')
@Index('person_name_idx', ['name'])
export class Person extends BaseRecord {

  @Field({ description: '姓名。Full name.' })
  @Column({ type: 'text' })
  name: string;

  @Field(() => Gender, { nullable: true, description: '性别。Gender, if recorded.' })
  @Column({ type: 'text', nullable: true })
  gender: Gender | null;

  /** Sensitive: exposed through a masking field resolver. */
  @Column({ type: 'text', nullable: true })
  phone: string | null;

  /** Sensitive (居民身份证号码): exposed through a masking field resolver. */
  @Column({ type: 'text', nullable: true })
  idNumber: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '归档时间。When the person was archived (left the town or the role); null while active.' })
  @Column({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null;



}
