import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Connection, LocalDateScalar, ReadsColumns, ReadsRelation, RequirePermission, SqlForm, UUIDScalar, selectedProperties, selectsField, type ConnectionResult, type RequestContext } from '@platform/core';
import { Organization, OrganizationReference, Person, PersonReference, organizationById, personById } from '@platform/directory';
import { EnforcementCertificate } from './enforcement-certificate.entity';
import { EnforcementCertificateStatus } from './certificate.enums';
import { certificateStatusOn, enforcementCertificateStatusSql } from './certificate-status';
import { EnforcementCertificateListArgs, RegisterEnforcementCertificateInput, RenewEnforcementCertificateInput, RevokeCertificateInput } from './enforcement-certificate.inputs';
import { ENFORCEMENT_CERTIFICATE_KEY_PROPERTIES, EnforcementCertificateService } from './enforcement-certificate.service';
import { EnforcementCertificateReference, enforcementCertificateById } from './certificates.loaders';
import { EnforcementCertificates } from './certificates.entities';
import { CertificatePermission } from './certificates.permissions';

export const EnforcementCertificateConnection = Connection(EnforcementCertificate, '行政执法证');
const input = { description: '输入。The fields of the request.' };
/** Where a connection's nodes are in its selection. */
const NODE = ['edges', 'node'] as const;
const SELF = [] as const;

@Resolver(() => EnforcementCertificate)
export class EnforcementCertificateResolver {
  private readonly service = new EnforcementCertificateService();

  @Query(() => EnforcementCertificate, { nullable: true, description: '行政执法证详情。One enforcement certificate by id; null when there is none in your scope.' })
  @RequirePermission(CertificatePermission.Read)
  enforcementCertificate(@Ctx() ctx: RequestContext, @Arg('id', () => UUIDScalar, { description: '标识。Certificate id.' }) id: string, @Info() info: GraphQLResolveInfo): Promise<EnforcementCertificate | null> {
    return this.service.byId(ctx, id, selectedProperties(ctx.manager, EnforcementCertificate, info, SELF));
  }

  @Query(() => EnforcementCertificateConnection, { description: '行政执法证。Enforcement certificates of legal subjects in your scope, by number; filter by holder, legal subject, a day they are valid on, expiry within days, and status today.' })
  @RequirePermission(CertificatePermission.Read)
  enforcementCertificates(@Ctx() ctx: RequestContext, @Args(() => EnforcementCertificateListArgs) args: EnforcementCertificateListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<EnforcementCertificate>> {
    return this.service.list(ctx, args, selectsField(info, 'totalCount'), selectedProperties(ctx.manager, EnforcementCertificate, info, NODE, ENFORCEMENT_CERTIFICATE_KEY_PROPERTIES));
  }

  @FieldResolver(() => EnforcementCertificateStatus, { description: '状态。Its status today (China time): REVOKED, NOT_YET_VALID, EXPIRED or VALID.' })
  @ReadsColumns('id')
  @SqlForm((row, ctx) => enforcementCertificateStatusSql(row, ctx.clock.today()))
  status(@Ctx() ctx: RequestContext, @Root() c: EnforcementCertificate): Promise<EnforcementCertificateStatus> {
    return certificateStatusOn(ctx, EnforcementCertificates, enforcementCertificateStatusSql, c.id, ctx.clock.today());
  }

  @FieldResolver(() => EnforcementCertificateStatus, { description: '某日状态。Its status on the day given, e.g. the day of an inspection.' })
  @ReadsColumns('id')
  statusOn(@Ctx() ctx: RequestContext, @Root() c: EnforcementCertificate, @Arg('day', () => LocalDateScalar, { description: '日期。The day to judge.' }) day: string): Promise<EnforcementCertificateStatus> {
    return certificateStatusOn(ctx, EnforcementCertificates, enforcementCertificateStatusSql, c.id, day);
  }

  @FieldResolver(() => Person, { nullable: true, description: '持证人。The holder; null when you may not read persons there.' })
  @ReadsColumns('personId')
  @ReadsRelation(PersonReference, 'personId')
  person(@Ctx() ctx: RequestContext, @Root() c: EnforcementCertificate): Promise<Person | null> {
    return personById(ctx).load(c.personId);
  }

  @FieldResolver(() => Organization, { nullable: true, description: '执法主体。The legal subject it is issued for; null when you may not read that organization.' })
  @ReadsColumns('legalSubjectOrganizationId')
  @ReadsRelation(OrganizationReference, 'legalSubjectOrganizationId')
  legalSubjectOrganization(@Ctx() ctx: RequestContext, @Root() c: EnforcementCertificate): Promise<Organization | null> {
    return organizationById(ctx).load(c.legalSubjectOrganizationId);
  }

  @FieldResolver(() => EnforcementCertificate, { nullable: true, description: '原证。The certificate this one renews; null for a first certificate or when you may not read it.' })
  @ReadsColumns('previousCertificateId')
  @ReadsRelation(EnforcementCertificateReference, 'previousCertificateId')
  previousCertificate(@Ctx() ctx: RequestContext, @Root() c: EnforcementCertificate): Promise<EnforcementCertificate | null> {
    return c.previousCertificateId ? enforcementCertificateById(ctx).load(c.previousCertificateId) : Promise.resolve(null);
  }

  @Mutation(() => EnforcementCertificate, { description: '登记行政执法证。Registers an enforcement certificate of a person for a legal subject in your scope; its number must be new and its period clear of the holder\'s other certificates for that subject.' })
  @RequirePermission(CertificatePermission.Manage)
  registerEnforcementCertificate(@Ctx() ctx: RequestContext, @Arg('input', () => RegisterEnforcementCertificateInput, input) data: RegisterEnforcementCertificateInput): Promise<EnforcementCertificate> {
    return this.service.register(ctx, data);
  }

  @Mutation(() => EnforcementCertificate, { description: '换发行政执法证。Renews a certificate with a new one for the same holder and legal subject (once); the old one ends the day before the new one starts when it would run longer. Answers the new certificate.' })
  @RequirePermission(CertificatePermission.Manage)
  renewEnforcementCertificate(@Ctx() ctx: RequestContext, @Arg('input', () => RenewEnforcementCertificateInput, input) data: RenewEnforcementCertificateInput): Promise<EnforcementCertificate> {
    return this.service.renew(ctx, data);
  }

  @Mutation(() => EnforcementCertificate, { description: '注销行政执法证。Revokes a certificate from a day (default today): from then on the holder may not inspect with it.' })
  @RequirePermission(CertificatePermission.Manage)
  revokeEnforcementCertificate(@Ctx() ctx: RequestContext, @Arg('input', () => RevokeCertificateInput, input) data: RevokeCertificateInput): Promise<EnforcementCertificate> {
    return this.service.revoke(ctx, data);
  }
}
