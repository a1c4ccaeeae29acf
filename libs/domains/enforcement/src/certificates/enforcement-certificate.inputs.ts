import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsEnum, IsInt, IsOptional, IsUUID, Length, Max, Min } from 'class-validator';
import { FilterField, ListFilter, LocalDateScalar, OrderByField, PageArgs, UUIDScalar, Versioned, type OrderInput } from '@platform/core';
import { EnforcementCertificateStatus } from './certificate.enums';
import { EnforcementCertificateOrder } from './certificates.orders';

/** The longest look-ahead of an "expiring within" filter: a year and a day. */
export const MAX_LOOK_AHEAD_DAYS = 366;

@InputType({ description: '行政执法证筛选。Filters for enforcement certificates; all given filters must match.' })
export class EnforcementCertificateFilter extends ListFilter {
  @Field(() => UUIDScalar, { nullable: true, description: '持证人。Only the certificates of this person.' })
  @IsOptional()
  @IsUUID()
  personId?: string;

  @Field(() => UUIDScalar, { nullable: true, description: '执法主体。Only certificates issued for this legal subject.' })
  @IsOptional()
  @IsUUID()
  legalSubjectOrganizationId?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '有效日。Only certificates valid on this day (within their period, not revoked by it).' })
  @IsOptional()
  validOn?: string;

  @Field(() => Int, { nullable: true, description: `即将到期天数。Only certificates valid today whose last valid day is at most this many days away (0 to ${MAX_LOOK_AHEAD_DAYS}; 0: today).` })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_LOOK_AHEAD_DAYS)
  expiringWithinDays?: number;

  @Field(() => [EnforcementCertificateStatus], { nullable: true, description: '状态。Only certificates in these statuses today (China time).' })
  @IsOptional()
  @ArrayMaxSize(4)
  @IsEnum(EnforcementCertificateStatus, { each: true })
  statuses?: EnforcementCertificateStatus[];
}

@ArgsType()
export class EnforcementCertificateListArgs extends PageArgs {
  @FilterField(() => EnforcementCertificateFilter, '筛选条件。Which certificates to list.')
  filter?: EnforcementCertificateFilter;

  @OrderByField(EnforcementCertificateOrder, 'by number')
  orderBy?: OrderInput<keyof typeof EnforcementCertificateOrder.Field>[];
}

@InputType({ description: '登记行政执法证。An enforcement certificate issued to a person for a legal subject.' })
export class RegisterEnforcementCertificateInput {
  @Field(() => UUIDScalar, { description: '持证人标识。The holder.' })
  @IsUUID()
  personId: string;

  @Field({ description: '证号。The number printed on the badge (4–40 characters, unique).' })
  @Length(4, 40)
  number: string;

  @Field({ description: '发证机关。The issuing government, e.g. 重庆市人民政府 (2–100 characters).' })
  @Length(2, 100)
  issuingAuthority: string;

  @Field(() => UUIDScalar, { description: '执法主体标识。The legal subject it is issued for (the town government, a department or an institution in your scope).' })
  @IsUUID()
  legalSubjectOrganizationId: string;

  @Field({ description: '执法类别。The enforcement field printed on it, e.g. 安全生产 (2–50 characters).' })
  @Length(2, 50)
  enforcementField: string;

  @Field(() => LocalDateScalar, { description: '有效期起。The first valid day.' })
  validFrom: string;

  @Field(() => LocalDateScalar, { description: '有效期止。The last valid day (after validFrom).' })
  validTo: string;
}

@InputType({ description: '换发行政执法证详情。The new certificate that renews an old one; holder, legal subject and field stay unless given.' })
export class RenewEnforcementCertificateDetails {
  @Field({ description: '新证号。The new certificate\'s number (4–40 characters, unique).' })
  @Length(4, 40)
  number: string;

  @Field(() => LocalDateScalar, { description: '有效期起。The new certificate\'s first valid day (after the old one\'s first); the old one ends the day before when it would run longer.' })
  validFrom: string;

  @Field(() => LocalDateScalar, { description: '有效期止。The new certificate\'s last valid day (after validFrom).' })
  validTo: string;

  @Field(() => String, { nullable: true, description: '发证机关。The issuing government; the old one\'s when omitted (2–100 characters).' })
  @IsOptional()
  @Length(2, 100)
  issuingAuthority?: string;

  @Field(() => String, { nullable: true, description: '执法类别。The enforcement field; the old one\'s when omitted (2–50 characters).' })
  @IsOptional()
  @Length(2, 50)
  enforcementField?: string;
}

@InputType({ description: '换发行政执法证。Renews a certificate that is not revoked with a new one. Needs the version of the old one you read.' })
export class RenewEnforcementCertificateInput extends Versioned(RenewEnforcementCertificateDetails) {}

@InputType({ description: '注销证件详情。The day and reason of a revocation.' })
export class RevokeCertificateDetails {
  @Field(() => LocalDateScalar, { nullable: true, description: '注销日期。The first day it is no longer valid (default today; not in the future; for a special-operation certificate not before its issue day).' })
  @IsOptional()
  revokedOn?: string;

  @Field({ description: '注销原因。Why, e.g. 调离执法岗位 or 违章作业造成事故 (2–500 characters).' })
  @Length(2, 500)
  reason: string;
}

@InputType({ description: '注销证件。Revokes a certificate that is not revoked yet. Needs the version you read.' })
export class RevokeCertificateInput extends Versioned(RevokeCertificateDetails) {}
