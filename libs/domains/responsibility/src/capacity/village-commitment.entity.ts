import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, Node, ReadByColumnSelection, UUIDScalar } from '@platform/core';

/**
 * A village's emergency commitment (村级应急承诺): within how many minutes its responders reach a
 * scene, and where they assemble. The rest of its capacity (responders on call, latest drill, teams'
 * readiness) is read live from the rescue libraries.
 */
@ObjectType({ implements: Node, description: '村级应急承诺。A village\'s commitment: the minutes within which its responders reach a scene in its area, and where they assemble.' })
@ReadByColumnSelection()
@Entity('village_emergency_commitment')
@Index('village_emergency_commitment_organization_idx', ['organizationId'], { unique: true })
export class VillageEmergencyCommitment extends BaseRecord {
  @Field(() => UUIDScalar, { description: '村（居）标识。The village or community; one commitment each.' })
  @Column({ type: 'uuid' })
  organizationId: string;

  @Field(() => Int, { description: '承诺到场分钟数。Minutes within which its responders reach a scene in its area (1–240).' })
  @Column({ type: 'int' })
  arrivalMinutes: number;

  @Field(() => String, { nullable: true, description: '集结地点。Where responders assemble, e.g. 村委会院坝.' })
  @Column({ type: 'text', nullable: true })
  assemblyPoint: string | null;

  @Field(() => String, { nullable: true, description: '说明。How the commitment is kept, e.g. 民兵救援队分两班轮值.' })
  @Column({ type: 'text', nullable: true })
  note: string | null;
}
