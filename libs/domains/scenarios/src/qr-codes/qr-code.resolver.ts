import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { IsOptional } from 'class-validator';
import {
  Connection,
  GeoPoint,
  LocalDateScalar,
  PageArgs,
  ReadsColumns,
  ReadsRelation,
  RequirePermission,
  UUIDScalar,
  addDays,
  daysBetween,
  selectedProperties,
  selectsField,
  type ConnectionResult,
  type RequestContext,
} from '@platform/core';
import { Organization, OrganizationReference, organizationById } from '@platform/directory';
import { QrCode } from './qr-code.entity';
import { SelfCheckSubmission } from './self-check.entity';
import { QrCodePermission } from './qr-codes.permissions';
import { qrCodeRules } from './qr-codes.rules';
import { QrCodeResolution, QrScanDay } from './qr-code.types';
import { IssueQrCodeInput, QrCodeListArgs, RevokeQrCodeInput, UpdateQrCodeInput } from './qr-code.inputs';
import { QR_CODE_KEY_PROPERTIES, QrCodeService } from './qr-code.service';
import { QrCodeSelfCheckPages, scanDaysLoader } from './qr-code.loaders';
import { SelfCheckConnection } from './self-check.resolver';

export const QrCodeConnection = Connection(QrCode, '安全隐患码');
const input = { description: '输入。The fields of the request.' };
const NODE = ['edges', 'node'] as const;
const SELF = [] as const;
/** The longest period of daily scans one field reads. */
export const MAX_SCAN_DAYS = 366;
/** The default period: the last 30 days. */
const DEFAULT_SCAN_DAYS = 30;

@ArgsType()
export class ScanPeriodArgs {
  @Field(() => LocalDateScalar, { nullable: true, description: '起始日。The first day (default 29 days before `to`).' })
  @IsOptional()
  from?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '截止日。The last day, included (default today, China time).' })
  @IsOptional()
  to?: string;
}

/** The period asked, or BAD_USER_INPUT naming `from` (after `to`, or longer than 366 days). */
function periodOf(ctx: RequestContext, args: ScanPeriodArgs): { from: string; to: string } {
  const to = args.to ?? ctx.clock.today();
  const from = args.from ?? addDays(to, -(DEFAULT_SCAN_DAYS - 1));
  if (from > to) throw qrCodeRules.field('from', 'range', `the first day (${from}) is after the last (${to}).`);
  if (daysBetween(from, to) >= MAX_SCAN_DAYS) throw qrCodeRules.field('from', 'range', `at most ${MAX_SCAN_DAYS} days at a time.`);
  return { from, to };
}

@Resolver(() => QrCode)
export class QrCodeResolver {
  private readonly service = new QrCodeService();

  @Query(() => QrCodeResolution, { description: '扫码。Resolves a scanned QR code (安全隐患码上除), without an account: the place, the tip form prefilled (send its fields with submitTip) and, for the owner (a caller who may submit self-checks at this code), this month\'s self-check form. Counts the scan; RATE_LIMITED beyond SCENARIOS_QR_RESOLVES_PER_ADDRESS per address or SCENARIOS_QR_RESOLVES_PER_CODE per code within the window; NOT_FOUND for a missing or revoked code.' })
  @RequirePermission(QrCodePermission.Resolve)
  resolveQrCode(@Ctx() ctx: RequestContext, @Arg('code', { description: '码值。The code from the QR link (dashes, spaces and lower case allowed).' }) code: string): Promise<QrCodeResolution> {
    if (code.length > 64) throw qrCodeRules.field('code', 'qrCode', 'a QR code is 12 characters.');
    return this.service.resolve(ctx, code, 'code');
  }

  @Query(() => QrCode, { nullable: true, description: '安全隐患码详情。One code by id; null when there is none in your scope.' })
  @RequirePermission(QrCodePermission.Manage)
  qrCode(@Ctx() ctx: RequestContext, @Arg('id', () => UUIDScalar, { description: '标识。Code id.' }) id: string, @Info() info: GraphQLResolveInfo): Promise<QrCode | null> {
    return this.service.byId(ctx, id, selectedProperties(ctx.manager, QrCode, info, SELF));
  }

  @Query(() => QrCodeConnection, { description: '安全隐患码。The codes of enterprises and places in your scope (an enterprise its own), newest first; filter by enterprise, kind, status and a missing self-check this month.' })
  @RequirePermission(QrCodePermission.Manage)
  qrCodes(@Ctx() ctx: RequestContext, @Args(() => QrCodeListArgs) args: QrCodeListArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<QrCode>> {
    return this.service.list(ctx, args, selectsField(info, 'totalCount'), selectedProperties(ctx.manager, QrCode, info, NODE, QR_CODE_KEY_PROPERTIES));
  }

  @FieldResolver(() => GeoPoint, { nullable: true, description: '位置。The place (WGS 84), with GeoJSON for maps; null when not recorded.' })
  @ReadsColumns('longitude', 'latitude')
  location(@Root() q: QrCode): GeoPoint | null {
    return GeoPoint.of(q.longitude, q.latitude);
  }

  @FieldResolver({ description: '图片路径。Where its image is served (GET, public): append .png for a bitmap, or use /qr/<code>/label.svg for a printable label with the place\'s name.' })
  @ReadsColumns('code')
  imagePath(@Root() q: QrCode): string {
    return `/qr/${q.code}.svg`;
  }

  @FieldResolver(() => Organization, { nullable: true, description: '企业。The enterprise; null for a public place or when you may not read organizations there.' })
  @ReadsColumns('enterpriseId')
  @ReadsRelation(OrganizationReference, 'enterpriseId')
  enterprise(@Ctx() ctx: RequestContext, @Root() q: QrCode): Promise<Organization | null> {
    return q.enterpriseId ? organizationById(ctx).load(q.enterpriseId) : Promise.resolve(null);
  }

  @FieldResolver(() => Organization, { nullable: true, description: '所属单位。Where it is kept (the enterprise, else the village); null when you may not read organizations there.' })
  @ReadsColumns('organizationId')
  @ReadsRelation(OrganizationReference, 'organizationId')
  organization(@Ctx() ctx: RequestContext, @Root() q: QrCode): Promise<Organization | null> {
    return organizationById(ctx).load(q.organizationId);
  }

  @FieldResolver(() => SelfCheckConnection, { description: '自查记录。Its self-checks, the latest month first, those you may read.' })
  @ReadsColumns('id')
  @ReadsRelation(QrCodeSelfCheckPages)
  selfChecks(@Ctx() ctx: RequestContext, @Root() q: QrCode, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<SelfCheckSubmission>> {
    return QrCodeSelfCheckPages.load(ctx, q.id, page, info);
  }

  @FieldResolver(() => [QrScanDay], { description: '每日扫码。Its scans per China day in a period (default the last 30 days, at most 366), newest first; days without a scan are left out.' })
  @ReadsColumns('id')
  async scanDays(@Ctx() ctx: RequestContext, @Root() q: QrCode, @Args(() => ScanPeriodArgs) args: ScanPeriodArgs): Promise<QrScanDay[]> {
    const { from, to } = periodOf(ctx, args);
    return (await scanDaysLoader(ctx, from, to).load(q.id)).map((r) => ({ day: r.day, scans: r.scans }));
  }

  @FieldResolver(() => Int, { description: '扫码次数。Its scans in a period (default the last 30 days, at most 366).' })
  @ReadsColumns('id')
  async scanCount(@Ctx() ctx: RequestContext, @Root() q: QrCode, @Args(() => ScanPeriodArgs) args: ScanPeriodArgs): Promise<number> {
    const { from, to } = periodOf(ctx, args);
    return (await scanDaysLoader(ctx, from, to).load(q.id)).reduce((n, r) => n + r.scans, 0);
  }

  @Mutation(() => QrCode, { description: '发放安全隐患码。Issues a code for an enterprise in your scope (an enterprise its own): ENTERPRISE (one active per enterprise) or PLACE; or for a public place of a village in scope. Print its label from imagePath.' })
  @RequirePermission(QrCodePermission.Manage)
  issueQrCode(@Ctx() ctx: RequestContext, @Arg('input', () => IssueQrCodeInput, input) data: IssueQrCodeInput): Promise<QrCode> {
    return this.service.issue(ctx, data);
  }

  @Mutation(() => QrCode, { description: '更正安全隐患码。Corrects an active code\'s place name, address, location or sector.' })
  @RequirePermission(QrCodePermission.Manage)
  updateQrCode(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateQrCodeInput, input) data: UpdateQrCodeInput): Promise<QrCode> {
    return this.service.update(ctx, data);
  }

  @Mutation(() => QrCode, { description: '作废安全隐患码。Revokes an active code (label lost, place closed): it resolves no more; its scans and self-checks stay.' })
  @RequirePermission(QrCodePermission.Manage)
  revokeQrCode(@Ctx() ctx: RequestContext, @Arg('input', () => RevokeQrCodeInput, input) data: RevokeQrCodeInput): Promise<QrCode> {
    return this.service.revoke(ctx, data);
  }
}
