import { Field, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { BaseRecord, DateTimeScalar, Node, ReadByColumnSelection } from '@platform/core';

/** A search synonym (同义词): the term is searched also as its canonical term, and the canonical as each of its terms. */
@ObjectType({ implements: Node, description: '检索同义词。A search synonym: a query containing the term also finds entries with its canonical term or the canonical\'s other terms, and a query containing the canonical finds its terms (地灾 = 地质灾害, 119 = 火警); applied at query time.' })
@ReadByColumnSelection()
@Entity('knowledge_synonym')
export class KnowledgeSynonym extends BaseRecord {
  @Field({ description: '词语。The term (1–20 characters, lower-case letters, digits or CJK), e.g. 地灾; unique among active synonyms.' })
  @Column({ type: 'text' })
  term: string;

  @Field({ description: '标准词。The canonical term it stands for, e.g. 地质灾害.' })
  @Column({ type: 'text' })
  canonical: string;

  @Field(() => String, { nullable: true, description: '说明。Why, e.g. 群众常用简称.' })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '删除时间。When it was removed; null while it applies.' })
  @Column({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null;
}
