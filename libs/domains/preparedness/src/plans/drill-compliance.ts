import { Field, Int, ObjectType } from 'type-graphql';
import { UUIDScalar, LocalDateScalar, type ConnectionResult, type RequestContext } from '@platform/core';
import { DrillComplianceStatus } from './plan.enums';
import type { DrillComplianceArgs } from './drill-rule.inputs';
import { compliancePage } from './drill-compliance.sql';
import { DrillComplianceOrder } from './plan.orders';

@ObjectType({ description: '演练考核周期结果。One period of a drill requirement in the year assessed.' })
export class DrillCompliancePeriod {
  @Field({ description: '周期。The period: the year (2026) or a half year (2026-H1, 2026-H2).' })
  label: string;

  @Field(() => LocalDateScalar, { description: '开始日期。First day of the period (YYYY-MM-DD).' })
  startsOn: string;

  @Field(() => LocalDateScalar, { description: '结束日期。Last day of the period (YYYY-MM-DD).' })
  endsOn: string;

  @Field(() => Int, { description: '要求次数。Qualifying drills required in the period.' })
  required: number;

  @Field(() => Int, { description: '已演练次数。Qualifying drills held in the period.' })
  held: number;

  @Field(() => DrillComplianceStatus, { description: '达标状态。MET, NOT_MET (period over, China time) or PENDING (not over and not yet met).' })
  status: DrillComplianceStatus;
}

@ObjectType({ description: '演练达标情况。How an organization stands against the drill rule that applies to it in a year.' })
export class DrillComplianceEntry {
  @Field(() => UUIDScalar, { description: '组织标识。The organization assessed.' })
  organizationId: string;

  /** For the keyset order (organization name, id). */
  organizationName: string;

  @Field(() => UUIDScalar, { description: '规则标识。The rule that applies (the matching active rule of highest priority).' })
  ruleId: string;

  @Field({ description: '是否达标。True when every period of the year is met.' })
  met: boolean;

  @Field(() => LocalDateScalar, { nullable: true, description: '最近合格演练日期。Day of the last qualifying drill in the year (YYYY-MM-DD); null when none.' })
  lastQualifyingDrillOn: string | null;

  @Field(() => [DrillCompliancePeriod], { description: '各周期。The periods of the year with required and held drills and their status.' })
  periods: DrillCompliancePeriod[];
}

/**
 * Drill compliance of a page of organizations in ONE statement (see `compliancePage`): each active
 * organization in the caller's plan scope that a drill rule applies to, with the periods of the year
 * and the qualifying drills held in them, judged against today in China.
 */
export function drillCompliance(ctx: RequestContext, args: DrillComplianceArgs, withCount: boolean): Promise<ConnectionResult<DrillComplianceEntry>> {
  const f = args.filter ?? {};
  return compliancePage<DrillComplianceEntry>(ctx, { year: args.year, today: ctx.clock.today(), withinSubtreeOf: f.withinSubtreeOf ?? null, onlyNonCompliant: f.onlyNonCompliant ?? false }, {
    keys: DrillComplianceOrder.keys(args.orderBy),
    page: args,
    withCount,
    read: (rows) => rows.map((r) => Object.assign(new DrillComplianceEntry(), r)),
  });
}
