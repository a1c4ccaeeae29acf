import { ArgsType, Field, InputType } from 'type-graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsEnum, IsOptional, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { FilterField, ListFilter, LocalDateScalar, LocationField, OrderByField, PageArgs, UUIDScalar, UnlessOmitted, Versioned, type GeoPointInput, type OrderInput } from '@platform/core';
import { QrCodeKind, QrCodeStatus, SelfCheckResult } from './qr-code.enums';
import { QrCodeOrder, SelfCheckOrder } from './qr-code.orders';

/** A directory sector code, e.g. CATERING. */
const SECTOR = /^[A-Z][A-Z0-9_]{1,49}$/;
/** The most files one self-check attaches. */
export const MAX_SELF_CHECK_ATTACHMENTS = 20;

@InputType({ description: '安全隐患码筛选。Filters for QR codes; all given filters must match.' })
export class QrCodeFilter extends ListFilter {
  @Field(() => UUIDScalar, { nullable: true, description: '企业。Only the codes of this enterprise.' })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @Field(() => [QrCodeKind], { nullable: true, description: '类型。Only codes of these kinds.' })
  @IsOptional()
  @ArrayMaxSize(2)
  @IsEnum(QrCodeKind, { each: true })
  kinds?: QrCodeKind[];

  @Field(() => [QrCodeStatus], { nullable: true, description: '状态。Only codes in these statuses.' })
  @IsOptional()
  @ArrayMaxSize(2)
  @IsEnum(QrCodeStatus, { each: true })
  statuses?: QrCodeStatus[];

  @Field(() => Boolean, { nullable: true, description: '本月未自查。Only active enterprise codes whose self-check for the current month is missing (true), or only the others (false).' })
  @IsOptional()
  @IsBoolean()
  selfCheckMissing?: boolean;
}

@ArgsType()
export class QrCodeListArgs extends PageArgs {
  @FilterField(() => QrCodeFilter, '筛选条件。Which codes to list.')
  filter?: QrCodeFilter;

  @OrderByField(QrCodeOrder, 'newest first')
  orderBy?: OrderInput<keyof typeof QrCodeOrder.Field>[];
}

@InputType({ description: '发放安全隐患码。A new QR code for an enterprise, or for one place (of an enterprise, or a public place of a village).' })
export class IssueQrCodeInput {
  @Field(() => QrCodeKind, { description: '类型。ENTERPRISE (one active per enterprise) or PLACE.' })
  @IsEnum(QrCodeKind)
  kind: QrCodeKind;

  @Field(() => UUIDScalar, { nullable: true, description: '企业标识。The enterprise (in your scope; an enterprise its own); required for ENTERPRISE.' })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @Field(() => UUIDScalar, { nullable: true, description: '所在村（社区）标识。For a public place without an enterprise: its village, community or grid (in your scope).' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @Field(() => String, { nullable: true, description: '场所名称。The place\'s name on the label (2–100 characters); default the enterprise\'s short or full name. Required for a public place.' })
  @IsOptional()
  @Length(2, 100)
  placeName?: string;

  @Field(() => String, { nullable: true, description: '场所地址。The address (1–200 characters); default the enterprise\'s.' })
  @IsOptional()
  @Length(1, 200)
  address?: string;

  @LocationField('位置。The place as WGS 84 longitude/latitude; default the enterprise\'s.')
  location?: GeoPointInput;

  @Field(() => String, { nullable: true, description: '行业代码。The sector whose lists the code offers (a directory code, e.g. CATERING); default the enterprise\'s, else OTHER.' })
  @IsOptional()
  @Matches(SECTOR)
  sectorCode?: string;
}

@InputType({ description: '更正安全隐患码详情。The fields to correct; omitted ones stay.' })
export class QrCodeChanges {
  @Field(() => String, { nullable: true, description: '场所名称。2–100 characters.' })
  @UnlessOmitted()
  @Length(2, 100)
  placeName?: string;

  @Field(() => String, { nullable: true, description: '场所地址。1–200 characters; null clears it.' })
  @IsOptional()
  @Length(1, 200)
  address?: string | null;

  @LocationField('位置。WGS 84 longitude/latitude; null clears it.')
  location?: GeoPointInput | null;

  @Field(() => String, { nullable: true, description: '行业代码。The sector whose lists the code offers.' })
  @UnlessOmitted()
  @Matches(SECTOR)
  sectorCode?: string;
}

@InputType({ description: '更正安全隐患码。Corrects an active code\'s place; needs the version you read.' })
export class UpdateQrCodeInput extends Versioned(QrCodeChanges) {}

@InputType({ description: '作废详情。Why a code is revoked.' })
export class QrCodeRevocation {
  @Field({ description: '作废原因。E.g. 标签损毁、场所关闭 (2–200 characters).' })
  @Length(2, 200)
  reason: string;
}

@InputType({ description: '作废安全隐患码。Revokes an active code: it resolves no more (a new code can be issued). Needs the version you read.' })
export class RevokeQrCodeInput extends Versioned(QrCodeRevocation) {}

@InputType({ description: '自查项答案。One item of the list answered.' })
export class SelfCheckAnswerInput {
  @Field({ description: '项目代码。The item\'s code in the list (e.g. GAS_HOSE).' })
  @Length(1, 40)
  code: string;

  @Field(() => SelfCheckResult, { description: '结果。OK or NOT_OK (raises a SELF_CHECK hazard).' })
  @IsEnum(SelfCheckResult)
  result: SelfCheckResult;

  @Field(() => String, { nullable: true, description: '说明。What was found (2–500 characters); required for NOT_OK.' })
  @IsOptional()
  @Length(2, 500)
  note?: string;
}

@InputType({ description: '提交场所自查。The month\'s self-check at a code of your enterprise: every item of its list answered once.' })
export class SubmitSelfCheckInput {
  @Field(() => UUIDScalar, { description: '码标识。The QR code (place) checked.' })
  @IsUUID()
  qrCodeId: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '自查月份。Any day of the month checked (default the current month; not a later month).' })
  @IsOptional()
  periodMonth?: string;

  @Field(() => [SelfCheckAnswerInput], { description: '答案。Every item of the list, once each (1–40).' })
  @ArrayMinSize(1)
  @ArrayMaxSize(40)
  @ValidateNested({ each: true })
  @Type(() => SelfCheckAnswerInput)
  answers: SelfCheckAnswerInput[];

  @Field(() => [UUIDScalar], { nullable: true, description: `照片。Your uploads to attach (at most ${MAX_SELF_CHECK_ATTACHMENTS}).` })
  @IsOptional()
  @ArrayMaxSize(MAX_SELF_CHECK_ATTACHMENTS)
  @IsUUID('all', { each: true })
  attachmentIds?: string[];
}

@InputType({ description: '场所自查筛选。Filters for self-checks; all given filters must match.' })
export class SelfCheckFilter extends ListFilter {
  @Field(() => UUIDScalar, { nullable: true, description: '码。Only the self-checks at this code.' })
  @IsOptional()
  @IsUUID()
  qrCodeId?: string;

  @Field(() => UUIDScalar, { nullable: true, description: '企业。Only this enterprise\'s.' })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @Field(() => Boolean, { nullable: true, description: '有不合格项。Only those with a NOT_OK item (true), or only those without (false).' })
  @IsOptional()
  @IsBoolean()
  withFindings?: boolean;
}

@ArgsType()
export class SelfCheckListArgs extends PageArgs {
  @FilterField(() => SelfCheckFilter, '筛选条件。Which self-checks to list.')
  filter?: SelfCheckFilter;

  @OrderByField(SelfCheckOrder, 'latest month first')
  orderBy?: OrderInput<keyof typeof SelfCheckOrder.Field>[];
}
