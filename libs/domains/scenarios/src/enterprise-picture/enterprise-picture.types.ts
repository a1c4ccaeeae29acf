import { Field, ID, Int, InterfaceType, ObjectType } from 'type-graphql';
import { LocalDateScalar, UUIDScalar } from '@platform/core';
import { EnterpriseReasonCode, EnterpriseStatus } from './enterprise-picture.enums';

/** One reason an enterprise is not green. */
@ObjectType({ description: '企业状态原因。One reason an enterprise is not green today: its code, level and weight under the rule scenarios.enterprise-status, its words in Chinese and English, and the record it is about (when one).' })
export class EnterpriseStatusReason {
  @Field(() => EnterpriseReasonCode, { description: '原因代码。What holds, e.g. MAJOR_HAZARD_OPEN.' })
  code: EnterpriseReasonCode;

  @Field(() => EnterpriseStatus, { description: '级别。RED or YELLOW, as the rule in force today sets it for the code.' })
  level: EnterpriseStatus;

  @Field(() => Int, { description: '权重。What it adds to the enterprise\'s red-list score, as the rule sets it for the code.' })
  weight: number;

  @Field({ description: '中文说明。The reason in Chinese, with the record\'s detail, e.g. 存在未销号的重大事故隐患：储罐区防雷接地失效.' })
  textZh: string;

  @Field({ description: '英文说明。The reason in English, with the record\'s detail.' })
  textEn: string;

  @Field(() => String, { nullable: true, description: '详情。The record\'s own words (a hazard\'s title, a certificate\'s number, a plan\'s title); null when the reason has no record.' })
  detail: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '日期。Since when it holds, where known (the day a hazard was found, the day after a deadline or due day passed, the day a case was filed); for a reason about something coming due (a certificate, a policy), the due day.' })
  since: string | null;

  @Field(() => ID, { nullable: true, description: '记录全局标识。The global id of the record it is about (a Hazard, SpecialOperationCertificate, LiabilityInsurancePolicy, Inspection, PenaltyCase, EmergencyPlan or DrillRule; read it with node(id:)); null when none.' })
  recordId: string | null;
}

/** How the enterprise stands against its drill rule. */
@ObjectType({ description: '演练达标情况。How the enterprise stands today against the drill rule that applies to it (preparedness), for the current period and the one before.' })
export class EnterpriseDrillStanding {
  @Field(() => UUIDScalar, { description: '规则标识。The drill rule that applies.' })
  ruleId: string;

  @Field({ description: '规则名称。Its name, e.g. 高危企业每半年至少1次演练.' })
  ruleName: string;

  @Field(() => Int, { description: '要求次数。Qualifying drills required per period.' })
  required: number;

  @Field(() => LocalDateScalar, { description: '本期开始。First day of the current period.' })
  startsOn: string;

  @Field(() => LocalDateScalar, { description: '本期结束。Last day of the current period.' })
  endsOn: string;

  @Field(() => Int, { description: '本期已演练。Qualifying drills held in the current period.' })
  held: number;

  @Field(() => Int, { description: '上期已演练。Qualifying drills held in the previous period.' })
  previousHeld: number;

  @Field(() => LocalDateScalar, { description: '上期结束。Last day of the previous period.' })
  previousEndsOn: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '最近合格演练。Day of the last qualifying drill in the two periods; null when none.' })
  lastHeldOn: string | null;

  @Field({ description: '逾期。True when the previous period ended short of the required drills, or the current one is short and ends within the rule\'s drillDueWarningDays.' })
  overdue: boolean;
}

/** The enterprise's liability insurance today. */
@ObjectType({ description: '安责险状态。The enterprise\'s work-safety liability insurance today (reporting): whether its sector is mandatory under the rule in force and whether an active policy meeting the minimum limit covers it.' })
export class EnterpriseInsuranceStanding {
  @Field({ description: '强制投保。True when its sector is on the mandatory list in force today (应急〔2025〕27号).' })
  mandatory: boolean;

  @Field({ description: '已覆盖。True when an ACTIVE policy whose per-person limit meets the minimum covers it today.' })
  covered: boolean;

  @Field(() => UUIDScalar, { nullable: true, description: '有效保单标识。The covering policy ending last; null when not covered.' })
  coveringPolicyId: string | null;
}

/** The enterprise's monitoring today. */
@ObjectType({ description: '监测状态。The enterprise\'s monitoring today (sensors and alarms of the scenarios module).' })
export class EnterpriseMonitoringStanding {
  @Field(() => Int, { description: '在用监测设备。Its monitoring devices (things) in status ACTIVE.' })
  activeSensors: number;

  @Field(() => Int, { description: '未解除报警。Its alarms not cleared (triggered, acknowledged or converted).' })
  openAlarms: number;

  @Field(() => Int, { description: '未确认报警。Its alarms triggered and not yet acknowledged.' })
  unacknowledgedAlarms: number;
}

/** The enterprise's equipment renewal today. */
@ObjectType({ description: '设备更新状态。The enterprise\'s equipment renewal today (设备更新): renewal plans past their due day and eliminated processes or equipment still in service.' })
export class EnterpriseEquipmentStanding {
  @Field(() => Int, { description: '逾期更新计划。Renewal plans not done after their due day.' })
  overdueRenewals: number;

  @Field(() => LocalDateScalar, { nullable: true, description: '最早逾期日期。The earliest due day among the overdue plans; null when none is overdue.' })
  earliestOverdueOn: string | null;

  @Field(() => Int, { description: '在用淘汰设备。Eliminated processes or equipment (淘汰落后工艺设备目录) still in service.' })
  eliminatedInService: number;
}

/** What the picture and a red-list entry share: the enterprise, its status, score and reasons. */
@InterfaceType({ description: '企业安全状态。What an enterprise\'s picture and its red-list entry share: the enterprise, its composite status today, its score and the reasons.' })
export abstract class EnterpriseStanding {
  @Field(() => UUIDScalar, { description: '企业标识。The enterprise.' })
  enterpriseId: string;

  @Field({ description: '企业名称。The enterprise\'s name.' })
  enterpriseName: string;

  @Field(() => String, { nullable: true, description: '行业代码。Its directory sector; null without a profile.' })
  sectorCode: string | null;

  @Field(() => EnterpriseStatus, { description: '综合状态。RED, YELLOW or GREEN today, from its reasons.' })
  status: EnterpriseStatus;

  @Field(() => Int, { description: '风险分值。The sum of its reasons\' weights (rule scenarios.enterprise-status); the red list ranks by it.' })
  score: number;

  @Field(() => [EnterpriseStatusReason], { description: '原因。Why it is not green: RED reasons first, then by weight, code and day.' })
  reasons: EnterpriseStatusReason[];

  @Field(() => UUIDScalar, { nullable: true, description: '规则版本标识。The version of scenarios.enterprise-status in force today that set the levels and weights; null when none is (every reason then YELLOW with weight 0).' })
  ruleVersionId: string | null;
}

/** An enterprise's whole picture. */
@ObjectType({ implements: EnterpriseStanding, description: '企业安全画像。An enterprise\'s whole safety picture today (企业安全管家): profile, risk points, open hazards major first, inspections and penalty cases, special-operation certificates needing action, liability insurance, drills against their rule, emergency plans, the internal reward mechanism, sensors and open alarms, equipment renewal, with the composite status and its reasons.' })
export class EnterprisePicture extends EnterpriseStanding {
  @Field(() => LocalDateScalar, { description: '日期。The day (China time) the picture is of.' })
  asOf: string;

  @Field(() => Boolean, { nullable: true, description: '高危企业。The directory\'s high-risk flag; null without a profile.' })
  highRisk: boolean | null;

  @Field(() => EnterpriseInsuranceStanding, { description: '安责险。Its liability insurance today.' })
  insurance: EnterpriseInsuranceStanding;

  @Field(() => EnterpriseDrillStanding, { nullable: true, description: '演练达标。How it stands against its drill rule; null when no rule applies.' })
  drills: EnterpriseDrillStanding | null;

  @Field({ description: '内部举报奖励机制。True when an internal reward mechanism is recorded as in place (reporting).' })
  internalRewardMechanismInPlace: boolean;

  @Field(() => EnterpriseMonitoringStanding, { description: '监测。Its sensors and alarms today.' })
  monitoring: EnterpriseMonitoringStanding;

  @Field(() => EnterpriseEquipmentStanding, { description: '设备更新。Its equipment renewal today.' })
  equipment: EnterpriseEquipmentStanding;
}

/** One enterprise on the red list. */
@ObjectType({ implements: EnterpriseStanding, description: '企业红黑榜条目。One enterprise of the red list: its rank by score, status and reasons today.' })
export class EnterpriseRedListEntry extends EnterpriseStanding {
  @Field(() => Int, { description: '排名。Its rank by score among the enterprises in your scope (equal scores share a rank; 1 is the highest score).' })
  rank: number;
}
