import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { BaseRecord } from '../entity/base.entity';
import { Node } from '../data/node';
import { DateTimeScalar, JSONObjectScalar, LocalDateScalar } from '../scalars/scalars';

/**
 * The level of government whose document sets a rule version. Where versions of several levels are
 * in force on one day, the most local applies (TOWN over DISTRICT over PROVINCE over NATIONAL): a
 * local document narrows a national one for its area.
 */
export enum RuleJurisdiction {
  NATIONAL = 'NATIONAL',
  PROVINCE = 'PROVINCE',
  DISTRICT = 'DISTRICT',
  TOWN = 'TOWN',
}

registerEnumType(RuleJurisdiction, {
  name: 'RuleJurisdiction',
  description: '制定层级。The level of government whose document sets a rule version; the most local version in force applies.',
  valuesConfig: {
    NATIONAL: { description: '国家。A national law, regulation, ministry order or State Council document.' },
    PROVINCE: { description: '省级（重庆市）。A document of the province-level government, e.g. 重庆市.' },
    DISTRICT: { description: '区县（南川区）。A document of the district or county, e.g. 南川区.' },
    TOWN: { description: '镇街。A document of the town itself, e.g. the town safety committee.' },
  },
});

/**
 * One version of a business rule (规则版本): a value (thresholds, deadlines, tiers, rates) set by one
 * document for a period. Versions are only ever added: a record that used a version keeps its id,
 * so later versions never change what was computed. A version not yet in force may be withdrawn.
 */
@ObjectType({
  implements: Node,
  description: '规则版本。One version of a business rule: its value as one document (文号, 条款) sets it for a period and jurisdiction. Versions are added, never changed; records keep the version they used.',
})
@Entity('business_rule_version')
export class BusinessRuleVersion extends BaseRecord {
  @Field({ description: '规则代码。The rule this is a version of, e.g. responsibility.supervision.interview (see `businessRules`).' })
  @Column({ type: 'text' })
  ruleCode: string;

  @Field(() => RuleJurisdiction, { description: '制定层级。The level of government whose document sets this version.' })
  @Column({ type: 'text' })
  jurisdiction: RuleJurisdiction;

  @Field({ description: '制定机关辖区。The area the document governs, e.g. 全国, 重庆市, 南川区 or the town.' })
  @Column({ type: 'text' })
  jurisdictionName: string;

  @Field({ description: '文号。The document number, e.g. 安委〔2018〕2号 or 应急管理部令第18号.' })
  @Column({ type: 'text' })
  documentNumber: string;

  @Field(() => String, { nullable: true, description: '文件名称。The document title, e.g. 《安全生产约谈实施办法》.' })
  @Column({ type: 'text', nullable: true })
  documentTitle: string | null;

  @Field(() => String, { nullable: true, description: '条款。The article the value comes from, e.g. 第十二条; null when the whole document sets it.' })
  @Column({ type: 'text', nullable: true })
  article: string | null;

  @Field(() => JSONObjectScalar, { description: '规则值。The rule\'s value, shaped as the rule\'s `valueSchema` says (checked when the version is added).' })
  @Column({ type: 'jsonb' })
  value: Record<string, unknown>;

  @Field(() => LocalDateScalar, { description: '生效日期。The first day the version applies (China time).' })
  @Column({ type: 'date' })
  effectiveFrom: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '失效日期。The last day the version applies; null when the document sets no end (a later version of the same level takes over from its first day).' })
  @Column({ type: 'date', nullable: true })
  effectiveTo: string | null;

  @Field(() => String, { nullable: true, description: '说明。Why the version was added, or where the value was checked (e.g. "unverified local practice: confirm with the district").' })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '撤回时间。When the version was withdrawn before it came into force; null otherwise.' })
  @Column({ type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;

  @Field(() => String, { nullable: true, description: '撤回原因。Why it was withdrawn.' })
  @Column({ type: 'text', nullable: true })
  withdrawnReason: string | null;
}
