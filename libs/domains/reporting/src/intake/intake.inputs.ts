import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsEnum, IsIn, IsOptional, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { DateTimeScalar, LocationField, PageArgs, UUIDScalar, type GeoPointInput } from '@platform/core';
import { PHONE_PATTERN } from '@platform/directory';
import { TipCategory, TipChannel, TipReporterKind } from '../tips/public';
import { MAX_TIP_ATTACHMENTS } from './submit-tip';
import { MESSAGE_MAX_LENGTH } from './tip-message.entity';

/** The channels the public submits on themselves (the others are recorded by staff, or come through Open311). */
export const PUBLIC_CHANNELS = [TipChannel.ONLINE, TipChannel.QR_CODE] as const;

@InputType({ description: '工作量证明。The challenge from `tipChallenge` and a nonce with which SHA-256(challenge + nonce) has its difficulty\'s leading zero bits.' })
export class ProofOfWorkInput {
  @Field({ description: '挑战。The challenge as `tipChallenge` gave it.' })
  @Length(1, 200)
  challenge: string;

  @Field({ description: '随机数。The nonce found (1–64 characters).' })
  @Length(1, 64)
  nonce: string;
}

/** What every way in asks of a tip. */
@InputType({ description: '举报内容。What a tip says and who reports it (the fields of submitTip and recordTip).' })
export class TipDetailsInput {
  @Field(() => TipCategory, { description: '类别。What it is about (重大事故隐患, 一般事故隐患, 非法违法生产经营建设, 瞒报谎报事故, 消防安全, 其他).' })
  @IsEnum(TipCategory)
  category: TipCategory;

  @Field({ description: '标题。A short title (1–100 characters).' })
  @Length(1, 100)
  title: string;

  @Field({ description: '内容。What you saw, where and when (10–4000 characters).' })
  @Length(10, 4000)
  description: string;

  @Field(() => UUIDScalar, { nullable: true, description: '被举报企业。The enterprise it is about, when you know it.' })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @Field(() => UUIDScalar, { nullable: true, description: '所在村（社区）。The village, community or grid where it is, when no enterprise is named.' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @Field(() => String, { nullable: true, description: '场所码。The code of the QR place scanned (an enterprise\'s code or unified social credit code, 1–64 characters).' })
  @IsOptional()
  @Length(1, 64)
  placeCode?: string;

  @Field(() => String, { nullable: true, description: '地址。Where it is, in words (1–200 characters).' })
  @IsOptional()
  @Length(1, 200)
  address?: string;

  @LocationField('位置。Where it is as WGS 84 longitude/latitude (convert GCJ-02 map coordinates first), within China.')
  location?: GeoPointInput;

  @Field(() => Boolean, { nullable: true, description: '涉及死亡。True when people died: the tip is escalated to the district (安全生产法 第七十三条).' })
  @IsOptional()
  @IsBoolean()
  involvesDeaths?: boolean;

  @Field(() => Int, { nullable: true, description: '死亡人数。How many died (1–10000); required with involvesDeaths.' })
  @IsOptional()
  @Min(1)
  @Max(10000)
  reportedDeaths?: number;

  @Field(() => TipReporterKind, { description: '举报人类型。ANONYMOUS (no identity), NAMED, or EMPLOYEE (从业人员举报: real name and phone required, 应急〔2020〕69号).' })
  @IsEnum(TipReporterKind)
  reporterKind: TipReporterKind;

  @Field(() => String, { nullable: true, description: '举报人姓名。Your name (1–50 characters); not for ANONYMOUS.' })
  @IsOptional()
  @Length(1, 50)
  reporterName?: string;

  @Field(() => String, { nullable: true, description: '联系电话。An 11-digit mobile (optionally +86) or a landline such as 023-71234567; not for ANONYMOUS. Nobody sends anything to it automatically.' })
  @IsOptional()
  @Matches(PHONE_PATTERN)
  reporterPhone?: string;

  @Field(() => String, { nullable: true, description: '其他联系方式。Another way to reach you (1–200 characters); not for ANONYMOUS.' })
  @IsOptional()
  @Length(1, 200)
  reporterContact?: string;

  @Field(() => [UUIDScalar], { nullable: true, description: '附件。Up to 5 uploaded files (photos, scans) by id (POST /attachments first).' })
  @IsOptional()
  @ArrayMaxSize(MAX_TIP_ATTACHMENTS)
  @IsUUID('all', { each: true })
  attachmentIds?: string[];
}

@InputType({ description: '提交举报。A tip from the public web form or a QR code scan, anonymous or named.' })
export class SubmitTipInput extends TipDetailsInput {
  @Field(() => TipChannel, { description: '渠道。ONLINE (the web form) or QR_CODE (a place\'s QR code); the others are recorded by staff.' })
  @IsIn(PUBLIC_CHANNELS)
  channel: TipChannel;

  @Field(() => ProofOfWorkInput, { nullable: true, description: '工作量证明。Needed from anonymous callers beyond the first tip per address per hour (ask `tipChallenge`).' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProofOfWorkInput)
  proofOfWork?: ProofOfWorkInput;
}

@InputType({ description: '登记举报。A tip staff record from a hotline call (12350, 12345 with its ticket number), a letter or a visit.' })
export class RecordTipInput extends TipDetailsInput {
  @Field(() => TipChannel, { description: '渠道。How it came in.' })
  @IsEnum(TipChannel)
  channel: TipChannel;

  @Field(() => String, { nullable: true, description: '外部编号。The 12345 ticket number or the letter\'s number (1–100 characters).' })
  @IsOptional()
  @Length(1, 100)
  externalReference?: string;

  @Field(() => DateTimeScalar, { nullable: true, description: '接收时间。When it came in (default now; not in the future): the channel\'s clock runs from it.' })
  @IsOptional()
  receivedAt?: Date;
}

@ArgsType()
export class TipCredentialArgs {
  @Field({ description: '流水号。The tracking code, e.g. JB-2026-000123.' })
  @Length(1, 40)
  code: string;

  @Field({ description: '提取码。The secret from the receipt.' })
  @Length(1, 64)
  secret: string;
}

@ArgsType()
export class TrackTipMessagesArgs extends PageArgs {}

@ArgsType()
export class PostTipMessageArgs extends TipCredentialArgs {
  @Field({ description: '内容。Your message to the office (1–2000 characters).' })
  @Length(1, MESSAGE_MAX_LENGTH)
  body: string;
}

@ArgsType()
export class DiscloseTipIdentityArgs extends TipCredentialArgs {
  @Field({ description: '姓名。Your real name (1–50 characters).' })
  @Length(1, 50)
  name: string;

  @Field(() => String, { nullable: true, description: '联系电话。An 11-digit mobile (optionally +86) or a landline such as 023-71234567.' })
  @IsOptional()
  @Matches(PHONE_PATTERN)
  phone?: string;

  @Field(() => String, { nullable: true, description: '其他联系方式。Another way to reach you (1–200 characters).' })
  @IsOptional()
  @Length(1, 200)
  contact?: string;
}

@ArgsType()
export class ReplyToTipArgs {
  @Field(() => UUIDScalar, { description: '举报标识。The tip to reply to.' })
  @IsUUID()
  tipId: string;

  @Field({ description: '内容。The reply the reporter reads when tracking (1–2000 characters); nothing is sent to them.' })
  @Length(1, MESSAGE_MAX_LENGTH)
  body: string;
}
