import { Field, Int, ObjectType } from 'type-graphql';
import { GeoPoint, LocalDateScalar, UUIDScalar } from '@platform/core';
import { TipCategory, TipChannel } from '@domains/reporting';
import { QrCodeKind, SelfCheckArea, SelfCheckResult } from './qr-code.enums';

@ObjectType({ description: '自查项。One item of a self-check list (scenarios.qr-sector-lists).' })
export class SelfCheckItem {
  @Field({ description: '项目代码。The item\'s code in its list, e.g. GAS_HOSE (answers name it).' })
  code: string;

  @Field(() => SelfCheckArea, { description: '类别。The area: 消防、厨房用火、电气、建筑 …' })
  area: SelfCheckArea;

  @Field({ description: '检查内容。What the owner checks.' })
  title: string;
}

@ObjectType({ description: '自查项结果。One item of a submitted self-check, as answered.' })
export class SelfCheckItemResult extends SelfCheckItem {
  @Field(() => SelfCheckResult, { description: '结果。OK or NOT_OK.' })
  result: SelfCheckResult;

  @Field(() => String, { nullable: true, description: '说明。What was found (required for NOT_OK).' })
  note: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: '隐患标识。The SELF_CHECK hazard a NOT_OK answer raised; null for OK.' })
  hazardId: string | null;
}

@ObjectType({ description: '举报预填。What the public tip form (submitTip) is prefilled with when a code is scanned: send these fields with the tip.' })
export class QrTipPrefill {
  @Field(() => TipChannel, { description: '渠道。QR_CODE.' })
  channel: TipChannel;

  @Field(() => String, { nullable: true, description: '场所码。The place code the tip carries (submitTip input.placeCode): the enterprise\'s code the intake resolves; null for a public place without an enterprise.' })
  placeCode: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: '企业标识。The enterprise (submitTip input.enterpriseId); null for a public place.' })
  enterpriseId: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: '所在村（社区）标识。The village, community or grid of a public place (submitTip input.organizationId); null when an enterprise is named.' })
  organizationId: string | null;

  @Field(() => String, { nullable: true, description: '地址。The place\'s address (submitTip input.address).' })
  address: string | null;

  @Field(() => GeoPoint, { nullable: true, description: '位置。The place (submitTip input.location, WGS 84); null when not recorded.' })
  location: GeoPoint | null;

  @Field(() => [TipCategory], { description: '可选类别。The tip categories offered for the place\'s sector, most likely first.' })
  categories: TipCategory[];
}

@ObjectType({ description: '场所自查表。The owner\'s self-check form for the current month at a code: the list of its sector and whether this month\'s check is in.' })
export class QrSelfCheckForm {
  @Field(() => LocalDateScalar, { description: '自查月份。The first day of the current month (China time).' })
  periodMonth: string;

  @Field({ description: '本月已自查。True when this month\'s self-check at the code is submitted.' })
  submitted: boolean;

  @Field(() => UUIDScalar, { description: '规则版本标识。The version of scenarios.qr-sector-lists the list comes from.' })
  ruleVersionId: string;

  @Field(() => [SelfCheckItem], { description: '自查清单。Every item to answer, in the list\'s order.' })
  items: SelfCheckItem[];
}

@ObjectType({ description: '扫码结果。What a scanned QR code resolves to: the place, the tip form prefilled, and for the owner the self-check form.' })
export class QrCodeResolution {
  @Field({ description: '码值。The code as stored (upper case, no dashes).' })
  code: string;

  @Field(() => QrCodeKind, { description: '类型。An enterprise as a whole, or one place.' })
  kind: QrCodeKind;

  @Field({ description: '场所名称。The place\'s name.' })
  placeName: string;

  @Field(() => String, { nullable: true, description: '企业名称。The enterprise\'s registered name; null for a public place.' })
  enterpriseName: string | null;

  @Field(() => String, { nullable: true, description: '所在地。The village, community or grid of a public place; null when an enterprise is named.' })
  organizationName: string | null;

  @Field({ description: '行业代码。The sector whose lists apply.' })
  sectorCode: string;

  @Field(() => QrTipPrefill, { description: '举报预填。The tip form\'s prefilled fields.' })
  tip: QrTipPrefill;

  @Field(() => QrSelfCheckForm, { nullable: true, description: '自查表。For the owner (a caller who may submit self-checks at this code: the enterprise\'s account, the office): this month\'s self-check form; null for anyone else.' })
  selfCheck: QrSelfCheckForm | null;
}

@ObjectType({ description: '每日扫码数。How often a code was scanned on a China day.' })
export class QrScanDay {
  @Field(() => LocalDateScalar, { description: '日期。The China day.' })
  day: string;

  @Field(() => Int, { description: '扫码次数。Resolutions that day.' })
  scans: number;
}
