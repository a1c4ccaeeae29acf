import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { ArrayMaxSize, IsBoolean, IsEnum, IsOptional, IsUUID, Length } from 'class-validator';
import { FilterField, JSONObjectScalar, ListFilter, LocalDateScalar, OrderByField, PageArgs, UUIDScalar, type OrderInput } from '@platform/core';
import { EnforcementDocumentKind } from './document.enums';
import { EnforcementDocumentOrder } from './document.orders';

@InputType({ description: '执法文书筛选。Filters for enforcement documents; all given filters must match.' })
export class EnforcementDocumentFilter extends ListFilter {
  @Field(() => UUIDScalar, { nullable: true, description: '受文单位标识。Only documents addressed to this organization.' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @Field(() => UUIDScalar, { nullable: true, description: '所属子树。Only documents addressed to this organization or one below it (a village\'s enterprises).' })
  @IsOptional()
  @IsUUID()
  withinSubtreeOf?: string;

  @Field(() => UUIDScalar, { nullable: true, description: '发文机关标识。Only documents this organization issued.' })
  @IsOptional()
  @IsUUID()
  issuingOrganizationId?: string;

  @Field(() => [EnforcementDocumentKind], { nullable: true, description: '文书种类。Only these kinds.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsEnum(EnforcementDocumentKind, { each: true })
  kinds?: EnforcementDocumentKind[];

  @Field(() => ID, { nullable: true, description: '关联对象全局标识。Only documents concerning this record (its `nodeId`, e.g. an inspection\'s).' })
  @IsOptional()
  @Length(8, 200)
  subjectNodeId?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '签发起始日期。Only documents issued on or after this day.' })
  @IsOptional()
  issuedFrom?: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '签发截止日期。Only documents issued on or before this day.' })
  @IsOptional()
  issuedTo?: string;

  @Field(() => String, { nullable: true, description: '文书编号。Only the document with this exact number, e.g. 南平镇应急〔2026〕现检12号.' })
  @IsOptional()
  @Length(1, 100)
  number?: string;

  @Field(() => Boolean, { nullable: true, description: '已被更正。Only documents a correction replaced (true), or only those still in force (false).' })
  @IsOptional()
  @IsBoolean()
  superseded?: boolean;
}

@ArgsType()
export class EnforcementDocumentListArgs extends PageArgs {
  @FilterField(() => EnforcementDocumentFilter, '筛选条件。Which documents to list.')
  filter?: EnforcementDocumentFilter;

  @OrderByField(EnforcementDocumentOrder, 'the most recently issued first')
  orderBy?: OrderInput<keyof typeof EnforcementDocumentOrder.Field>[];
}

@InputType({ description: '更正执法文书。Issues a correction: a new document of the same kind, addressee, issuer and subject, numbered anew, rendered with the current template from the old values changed by `fields`; the old one is kept as it was and marked as superseded.' })
export class CorrectEnforcementDocumentInput {
  @Field(() => UUIDScalar, { description: '文书标识。The document to correct (not one corrected already: correct its correction instead).' })
  @IsUUID()
  id: string;

  @Field({ description: '更正原因。Why it is corrected (2–500 characters); printed on the correction.' })
  @Length(2, 500)
  reason: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '签发日期。The correction\'s issue day (default today; not in the future, not before the old document\'s).' })
  @IsOptional()
  issuedOn?: string;

  @Field(() => JSONObjectScalar, { nullable: true, description: '更正内容。Values to change, by the template\'s field names (a null removes one); the others stay as the old document had them. Checked against the current template.' })
  @IsOptional()
  fields?: Record<string, unknown>;
}
