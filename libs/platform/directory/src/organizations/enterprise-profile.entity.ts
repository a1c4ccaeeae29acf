import { Field, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { UUIDScalar } from '@platform/core';

@ObjectType({ description: '企业档案。Safety-relevant profile of an enterprise: sector, high-risk flag, size and responsible people.' })
@Entity('enterprise_profile')
@Index('enterprise_profile_sector_idx', ['sectorCode'])
export class EnterpriseProfile {
  @Field(() => UUIDScalar, { description: '企业标识。Id of the enterprise organization this profile belongs to.' })
  @PrimaryColumn({ type: 'uuid' })
  organizationId: string;

  @Field({ description: '行业代码。Code of the industry sector (see `industrySectors`).' })
  @Column({ type: 'text' })
  sectorCode: string;

  @Field({ description: '高危行业。True for high-risk sectors (hazardous chemicals, mines, fireworks, metallurgy…); stricter drill and inspection rules apply.' })
  @Column({ type: 'boolean' })
  highRisk: boolean;

  @Field(() => Int, { nullable: true, description: '从业人数。Number of employees.' })
  @Column({ type: 'int', nullable: true })
  employeeCount: number | null;

  @Field(() => String, { nullable: true, description: '法定代表人。Legal representative (a public register entry).' })
  @Column({ type: 'text', nullable: true })
  legalRepresentative: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: '安全管理人员标识。Id of the person responsible for safety management.' })
  @Column({ type: 'uuid', nullable: true })
  safetyManagerId: string | null;

  @Field(() => String, { nullable: true, description: '经营范围。Main business, in the words of the business licence.' })
  @Column({ type: 'text', nullable: true })
  businessScope: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
