import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { DateTimeScalar, LocatedRecord, Node, UUIDScalar } from '@platform/core';
import { OrganizationKind } from './organization-kind.enum';
import { Contact } from './contact.type';

@ObjectType({ implements: Node, description: '组织机构。A body in the town directory: the government, its departments, villages, communities, grids, enterprises and public institutions, as one tree.' })
@Entity('organization')
@Index('organization_parent_idx', ['parentId'])
export class Organization extends LocatedRecord {

  @Field(() => OrganizationKind, { description: '组织类型。What kind of body this is.' })
  @Column({ type: 'text' })
  kind: OrganizationKind;

  @Field({ description: '名称。Full registered name, e.g. 南平镇人民政府.' })
  @Column({ type: 'text' })
  name: string;

  @Field(() => String, { nullable: true, description: '简称。Short name used on screens, e.g. 镇安办.' })
  @Column({ type: 'text', nullable: true })
  shortName: string | null;

  @Field(() => String, {
    nullable: true,
    description: '代码。Unified social credit code (统一社会信用代码) for enterprises and institutions, administrative division code (行政区划代码) for the town and villages.',
  })
  @Column({ type: 'text', nullable: true })
  code: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: '上级组织标识。Id of the parent organization; null for the town government.' })
  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  /** Materialized path (ltree of id labels) from the root; the tree queries run on its GiST index. */
  @Column({ type: 'ltree' as never })
  path: string;

  @Field(() => Int, { description: '层级。Depth in the tree: 0 for the town government.' })
  @Column({ type: 'int' })
  depth: number;

  @Field(() => String, { nullable: true, description: '地址。Street address.' })
  @Column({ type: 'text', nullable: true })
  address: string | null;

  @Field(() => [Contact], { description: '联系方式。Public contacts: duty phone, office, liaison.' })
  @Column({ type: 'jsonb', default: () => "'[]'" })
  contacts: Contact[];

  @Field(() => DateTimeScalar, { nullable: true, description: '归档时间。When the organization was archived (dissolved, merged, closed); null while active.' })
  @Column({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null;



}
