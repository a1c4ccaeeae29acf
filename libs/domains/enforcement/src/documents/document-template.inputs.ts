import { ArgsType, Field, InputType } from 'type-graphql';
import { ArrayMaxSize, IsBoolean, IsEnum, IsOptional, IsUUID, Length, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { FilterField, ListFilter, OrderByField, PageArgs, UUIDScalar, Versioned, type OrderInput } from '@platform/core';
import { EnforcementDocumentFieldType } from './document.enums';
import { EnforcementDocumentFormOrder, EnforcementDocumentIssuerOrder } from './document.orders';

@InputType({ description: '执法文书种类筛选。Filters for the document kinds.' })
export class EnforcementDocumentFormFilter extends ListFilter {}

@ArgsType()
export class EnforcementDocumentFormListArgs extends PageArgs {
  @FilterField(() => EnforcementDocumentFormFilter, '筛选条件。Which kinds to list.')
  filter?: EnforcementDocumentFormFilter;

  @OrderByField(EnforcementDocumentFormOrder, 'in the order of a case file')
  orderBy?: OrderInput<keyof typeof EnforcementDocumentFormOrder.Field>[];
}

@InputType({ description: '文书模板字段输入。A field the new template version declares.' })
export class EnforcementDocumentTemplateFieldInput {
  @Field({ description: '字段名。Lower camel case, e.g. deadline; not one of the renderer\'s own names.' })
  @Length(1, 40)
  name: string;

  @Field({ description: '字段说明。What it holds, e.g. 整改期限 (1–40 characters).' })
  @Length(1, 40)
  label: string;

  @Field(() => EnforcementDocumentFieldType, { description: '字段类型。Text, a day or a list of rows.' })
  @IsEnum(EnforcementDocumentFieldType)
  type: EnforcementDocumentFieldType;

  @Field({ description: '是否必填。Whether an issue must give it.' })
  @IsBoolean()
  required: boolean;
}

@InputType({ description: '文书模板内容。The templates of a new version (Mustache) and the fields they declare.' })
export class EnforcementDocumentTemplateDetails {
  @Field({ description: '标题模板。The title, rendered as text (1–500 characters).' })
  @Length(1, 500)
  titleTemplate: string;

  @Field({ description: '文本模板。The document as plain text (1–20000 characters).' })
  @Length(1, 20000)
  textTemplate: string;

  @Field({ description: 'HTML 模板。The document as an HTML page (1–50000 characters); values only as {{name}} (escaped).' })
  @Length(1, 50000)
  htmlTemplate: string;

  @Field(() => [EnforcementDocumentTemplateFieldInput], { description: '字段。The fields the templates use besides the renderer\'s own (at most 50).' })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => EnforcementDocumentTemplateFieldInput)
  fields: EnforcementDocumentTemplateFieldInput[];

  @Field(() => String, { nullable: true, description: '版本说明。Why the version is added (up to 500 characters).' })
  @IsOptional()
  @Length(1, 500)
  note?: string;
}

@InputType({ description: '新增文书模板版本。Adds the next template version of a kind (named by its id, with the version of the kind you read); documents issued from then on use it, those issued before keep theirs.' })
export class AddEnforcementDocumentTemplateInput extends Versioned(EnforcementDocumentTemplateDetails) {}

@InputType({ description: '发文机关代字筛选。Filters for the issuers\' short names.' })
export class EnforcementDocumentIssuerFilter extends ListFilter {}

@ArgsType()
export class EnforcementDocumentIssuerListArgs extends PageArgs {
  @FilterField(() => EnforcementDocumentIssuerFilter, '筛选条件。Which short names to list.')
  filter?: EnforcementDocumentIssuerFilter;

  @OrderByField(EnforcementDocumentIssuerOrder, 'by short name')
  orderBy?: OrderInput<keyof typeof EnforcementDocumentIssuerOrder.Field>[];
}

@InputType({ description: '发文机关代字内容。The short name document numbers start with.' })
export class EnforcementDocumentIssuerDetails {
  @Field({ description: '机关代字。2–20 characters, no spaces or 〔〕, e.g. 南平镇应急; unique.' })
  @Length(2, 20)
  shortName: string;
}

@InputType({ description: '设置发文机关代字。Gives an organization that has none a short name, so it can number documents.' })
export class CreateEnforcementDocumentIssuerInput extends EnforcementDocumentIssuerDetails {
  @Field(() => UUIDScalar, { description: '发文机关标识。The issuing organization (a legal subject: the town government, an entrusted body).' })
  @IsUUID()
  organizationId: string;
}

@InputType({ description: '修改发文机关代字。Changes a short name; documents already issued keep their numbers, the sequences go on.' })
export class UpdateEnforcementDocumentIssuerInput extends Versioned(EnforcementDocumentIssuerDetails) {}
