import { ArgsType, Field, InputType } from 'type-graphql';
import { ArrayMaxSize, IsBoolean, IsEnum, IsOptional, IsString, Length, Matches } from 'class-validator';
import { ListFilter } from '../data/change-feed';
import { PageArgs } from '../pagination/page.args';
import { FilterField, OrderByField, defineListOrder, defineOrder, type OrderInput } from '../pagination/order';
import { SortDirection } from '../pagination/sort-direction';
import { JSONObjectScalar, LocalDateScalar } from '../scalars/scalars';
import { Versioned } from '../validation/versioned.input';
import { BUSINESS_RULE_CODE } from './business-rule';
import { RuleJurisdiction } from './business-rule-version.entity';

/** A declared rule as the API lists it (`businessRules`). */
export interface BusinessRuleItem {
  readonly code: string;
  readonly module: string;
  readonly name: string;
  readonly description: string;
}

@InputType({ description: '业务规则筛选。Which declared rules to list; all given filters must match.' })
export class BusinessRuleFilter {
  @Field(() => [String], { nullable: true, description: '模块。Only the rules of these modules, e.g. ["responsibility"] (at most 20).' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 50, { each: true })
  modules?: string[];

  @Field(() => [String], { nullable: true, description: '规则代码。Only these rules (at most 50).' })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(3, 100, { each: true })
  codes?: string[];
}

/** `orderBy` of `businessRules` (declared by the enabled modules, sorted in memory). */
export const BusinessRuleOrder = defineListOrder<BusinessRuleItem, 'CODE' | 'MODULE'>(
  'BusinessRule',
  '业务规则',
  {
    CODE: { value: (r) => r.code, description: '代码。By rule code.' },
    MODULE: { value: (r) => r.module, description: '模块。By declaring module.' },
  },
  [{ field: 'CODE', direction: SortDirection.ASC }],
  (r) => r.code,
);

@ArgsType()
export class BusinessRuleListArgs extends PageArgs {
  @FilterField(() => BusinessRuleFilter, '筛选条件。Which rules.')
  filter?: BusinessRuleFilter;

  @OrderByField(BusinessRuleOrder, 'by code')
  orderBy?: OrderInput<keyof typeof BusinessRuleOrder.Field>[];
}

@InputType({ description: '规则版本筛选。Which rule versions to list; all given filters must match.' })
export class BusinessRuleVersionFilter extends ListFilter {
  @Field(() => [String], { nullable: true, description: '规则代码。Only versions of these rules (at most 50).' })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(3, 100, { each: true })
  ruleCodes?: string[];

  @Field(() => [RuleJurisdiction], { nullable: true, description: '制定层级。Only versions set at these levels.' })
  @IsOptional()
  @ArrayMaxSize(4)
  @IsEnum(RuleJurisdiction, { each: true })
  jurisdictions?: RuleJurisdiction[];

  @Field(() => LocalDateScalar, { nullable: true, description: '适用日。Only versions whose period contains this day (YYYY-MM-DD) and not withdrawn: those that could apply; `businessRuleInForce` says which one does.' })
  @IsOptional()
  inForceOn?: string;

  @Field(() => Boolean, { nullable: true, description: '含已撤回。Include withdrawn versions (default false).' })
  @IsOptional()
  @IsBoolean()
  includeWithdrawn?: boolean;
}

/** `orderBy` of `businessRuleVersions`; the id breaks ties. */
export const BusinessRuleVersionOrder = defineOrder(
  'BusinessRuleVersion',
  '规则版本',
  {
    RULE_CODE: { column: 't.rule_code', description: '规则代码。By rule code.' },
    EFFECTIVE_FROM: { column: 't.effective_from', description: '生效日期。By first day in force.' },
    CREATED_AT: { column: 't.created_at', description: '添加时间。By when the version was added.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when the version was added or withdrawn.' },
  },
  [
    { column: 't.rule_code', direction: SortDirection.ASC },
    { column: 't.effective_from', direction: SortDirection.DESC },
    { column: 't.id', direction: SortDirection.ASC },
  ],
);

@ArgsType()
export class BusinessRuleVersionListArgs extends PageArgs {
  @FilterField(() => BusinessRuleVersionFilter, '筛选条件。Which versions to list.')
  filter?: BusinessRuleVersionFilter;

  @OrderByField(BusinessRuleVersionOrder, 'by rule code, then the latest first day first')
  orderBy?: OrderInput<keyof typeof BusinessRuleVersionOrder.Field>[];
}

@InputType({ description: '新增规则版本。A new version of a declared rule, as a document sets it; earlier versions stay as they are.' })
export class AddBusinessRuleVersionInput {
  @Field({ description: '规则代码。The declared rule (see `businessRules`), e.g. responsibility.supervision.interview.' })
  @Length(3, 100)
  @Matches(BUSINESS_RULE_CODE, { message: 'must be a declared rule code (module.dotted-lower-case)' })
  ruleCode: string;

  @Field(() => RuleJurisdiction, { description: '制定层级。The level of government whose document sets it.' })
  @IsEnum(RuleJurisdiction)
  jurisdiction: RuleJurisdiction;

  @Field({ description: '制定机关辖区。The area the document governs, e.g. 重庆市 (1–40 characters).' })
  @Length(1, 40)
  jurisdictionName: string;

  @Field({ description: '文号。The document number, e.g. 渝府办发〔2025〕28号 (2–100 characters).' })
  @Length(2, 100)
  documentNumber: string;

  @Field(() => String, { nullable: true, description: '文件名称。The document title (1–200 characters).' })
  @IsOptional()
  @Length(1, 200)
  documentTitle?: string;

  @Field(() => String, { nullable: true, description: '条款。The article, e.g. 第十二条 (1–60 characters).' })
  @IsOptional()
  @Length(1, 60)
  article?: string;

  @Field(() => JSONObjectScalar, { description: '规则值。The value, shaped as the rule\'s `valueSchema` says; a part that breaks it is named in `extensions.fields` as input.value.<path>.' })
  value: Record<string, unknown>;

  @Field(() => LocalDateScalar, { description: '生效日期。The first day it applies (YYYY-MM-DD).' })
  effectiveFrom: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '失效日期。The last day it applies, not before `effectiveFrom`; omit when the document sets no end.' })
  @IsOptional()
  effectiveTo?: string;

  @Field(() => String, { nullable: true, description: '说明。Why it was added, or how the value was checked (1–500 characters).' })
  @IsOptional()
  @Length(1, 500)
  note?: string;
}

@InputType({ description: '撤回规则版本详情。Why a version is withdrawn.' })
export class WithdrawBusinessRuleVersionDetails {
  @Field({ description: '撤回原因。Why (2–500 characters).' })
  @Length(2, 500)
  reason: string;
}

@InputType({ description: '撤回规则版本。Withdraws a version before its first day; needs the version you read.' })
export class WithdrawBusinessRuleVersionInput extends Versioned(WithdrawBusinessRuleVersionDetails) {}
