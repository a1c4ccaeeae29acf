import { Field, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { BaseRecord, Node, ReadByColumnSelection, UUIDScalar } from '@platform/core';
import { LinearFeatureKind } from './registries.enums';
import type { GeoJsonLineString } from './line-string';

/** 公路、铁路及库岸沿线: a section of a linear feature with the organization and department answering for disaster prevention along it. */
@ObjectType({ implements: Node, description: '沿线责任段。A road, railway or reservoir-bank section (GeoJSON LineString) with the organization and department responsible for disaster prevention along it; either may be missing (a gap).' })
@ReadByColumnSelection()
@Entity('linear_feature_section')
export class LinearFeatureSection extends BaseRecord {
  @Field(() => LinearFeatureKind, { description: '类型。Road, railway or reservoir bank.' })
  @Column({ type: 'text' })
  kind: LinearFeatureKind;

  @Field({ description: '名称。The section, e.g. G65包茂高速南平段.' })
  @Column({ type: 'text' })
  name: string;

  /** The section's line (WGS 84), served by the `geometry` field resolver. */
  @Column({ type: 'jsonb' })
  geometry: GeoJsonLineString;

  @Field(() => UUIDScalar, { nullable: true, description: '责任单位标识。The organization (a village, community or the town) responsible along the section; null when none is named (a gap). Scope is measured from it: a section without one is read only with a town-wide scope.' })
  @Column({ type: 'uuid', nullable: true })
  responsibleOrganizationId: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: '责任部门标识。The town department responsible (e.g. 规建环保办 for roads); null when none is named (a gap).' })
  @Column({ type: 'uuid', nullable: true })
  responsibleDepartmentId: string | null;

  @Field(() => String, { nullable: true, description: '说明。Hazards along it and measures, e.g. 边坡落石、库岸垮塌.' })
  @Column({ type: 'text', nullable: true })
  note: string | null;
}
