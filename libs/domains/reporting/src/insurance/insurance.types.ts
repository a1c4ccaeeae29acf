import { Field, Int, ObjectType } from 'type-graphql';
import { BusinessRuleVersion, DecimalScalar, UUIDScalar } from '@platform/core';

/** One sector of the mandatory list as a version of the rule names it. */
@ObjectType({ description: '强制投保行业。One sector where work-safety liability insurance is mandatory, as a version of reporting.insurance-mandatory-sectors lists it; whether the directory has the sector.' })
export class InsuranceMandatorySector {
  @Field({ description: '行业代码。The sector code: the directory\'s where it has the sector, else the rule\'s own (e.g. FISHERY).' })
  code: string;

  @Field({ description: '行业类别。The sector as the document names it, e.g. 危险化学品.' })
  category: string;

  @Field({ description: '目录中存在。True when the directory\'s industry sectors have this code (enterprises can be classified under it); false: "not in directory", no enterprise can count.' })
  inDirectory: boolean;

  @Field(() => String, { nullable: true, description: '目录名称。The directory sector\'s Chinese name; null when not in the directory.' })
  directoryName: string | null;
}

/** The mandate in force on a day. */
@ObjectType({ description: '安责险强制投保规定。The version of reporting.insurance-mandatory-sectors in force on a day: the mandatory sectors, the minimum per-person limit and the lapse window.' })
export class InsuranceMandate {
  @Field(() => BusinessRuleVersion, { description: '规则版本。The rule version (document, article, effective period).' })
  ruleVersion: BusinessRuleVersion;

  @Field(() => [InsuranceMandatorySector], { description: '强制投保行业。The mandatory sectors, in the document\'s order.' })
  sectors: InsuranceMandatorySector[];

  @Field(() => DecimalScalar, { description: '每人最低限额（元）。The minimum per-person death and disability limit.' })
  minPerPersonLimitYuan: string;

  @Field(() => Int, { description: '到期预警天数。Days before a policy\'s last day from which it is listed as lapsing.' })
  lapseWarningDays: number;
}

/** One enterprise's coverage today. */
@ObjectType({ description: '安责险覆盖情况。One enterprise\'s work-safety liability insurance coverage today: whether its sector is mandatory under the rule version in force, and whether an active policy meeting its limit covers it.' })
export class LiabilityInsuranceCoverage {
  @Field(() => UUIDScalar, { description: '企业标识。The enterprise.' })
  enterpriseId: string;

  @Field({ description: '企业名称。The enterprise\'s name.' })
  enterpriseName: string;

  @Field(() => String, { nullable: true, description: '行业代码。Its directory sector; null when it has no profile.' })
  sectorCode: string | null;

  @Field({ description: '强制投保。True when its sector is on the mandatory list in force today.' })
  mandatory: boolean;

  @Field({ description: '已覆盖。True when an ACTIVE policy whose per-person limit meets its rule version\'s minimum covers it today.' })
  covered: boolean;

  @Field(() => UUIDScalar, { nullable: true, description: '有效保单标识。The covering policy ending last; null when not covered.' })
  coveringPolicyId: string | null;

  @Field(() => UUIDScalar, { description: '规则版本标识。The version of reporting.insurance-mandatory-sectors in force today that decided `mandatory`.' })
  ruleVersionId: string;
}
