import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, DateTimeScalar, Node, ReadByColumnSelection, UUIDScalar } from '@platform/core';
import { KnowledgeEntryKind, KnowledgeSourceType } from './knowledge.enums';

/** An entry of the emergency knowledge base (应急百事通): searched by the public once published. */
@ObjectType({ implements: Node, description: '应急百事通条目。A knowledge entry (a Q&A, a plan excerpt, a law article, a guide): title, body, tags and the record it was taken from; published entries answer the public search.' })
@ReadByColumnSelection()
@Entity('knowledge_entry')
@Index('knowledge_entry_kind_idx', ['kind', 'id'])
export class KnowledgeEntry extends BaseRecord {
  @Field(() => KnowledgeEntryKind, { description: '类型。What kind of entry.' })
  @Column({ type: 'text' })
  kind: KnowledgeEntryKind;

  @Field({ description: '标题。The title (2–120 characters), e.g. 发现山体裂缝怎么办？; searched first.' })
  @Column({ type: 'text' })
  title: string;

  @Field({ description: '正文。The answer or text (2–4000 characters).' })
  @Column({ type: 'text' })
  body: string;

  @Field(() => KnowledgeSourceType, { nullable: true, description: '来源类型。The type of the record it was taken from; null when none.' })
  @Column({ type: 'text', nullable: true })
  sourceType: KnowledgeSourceType | null;

  @Field(() => UUIDScalar, { nullable: true, description: '来源标识。The id of that record (an emergency plan or a law article); null when none.' })
  @Column({ type: 'uuid', nullable: true })
  sourceId: string | null;

  @Field(() => [String], { description: '标签。Up to 10 tags (1–20 characters each), e.g. 地质灾害, 防汛; searched too.' })
  @Column({ type: 'text', array: true })
  tags: string[];

  @Field(() => DateTimeScalar, { nullable: true, description: '发布时间。When it was published; null while unpublished (the public does not see it).' })
  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;
}
