import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { InspectionPlan } from './inspection-plan.entity';

/*
 * The annual plan calculator (安监总政法〔2017〕150号), as pure functions so that a saved plan, the
 * preview and a hand computation agree:
 *
 *   监督检查工作日 I = 法定工作日 L × 持证执法人员 n − 其他执法工作日 o − 非执法工作日 x   (refused when negative)
 *
 * Allocation (this platform's reading of the circular, which divides the inspection working days by
 * the working days per key or ordinary inspection): key enterprises come first. The key list needs
 * K = (planned inspections of its key enterprises) × (days per key inspection); it gets min(K, I), and
 * what it lacks is the shortfall max(0, K − I). The key enterprises coverable are all of them when
 * there is no shortfall, else as many as fit, those with the fewest planned inspections first. The
 * days left, I − min(K, I), go to ordinary enterprises: ⌊left ÷ days per ordinary inspection⌋ of them
 * can be inspected once; the ordinary list as planned needs (its planned inspections) × (days per
 * ordinary inspection), and lacks max(0, that − left).
 */

/** The calculator's inputs of a plan. */
export interface CalculatorInputs {
  readonly legalWorkingDays: number;
  readonly certifiedInspectors: number;
  readonly otherEnforcementDays: number;
  readonly nonEnforcementDays: number;
  readonly keyInspectionDays: number;
  readonly ordinaryInspectionDays: number;
}

/** What the calculator needs of a plan's enterprise list. */
export interface ListFigures {
  readonly keyEnterprises: number;
  readonly keyInspections: number;
  /** Key enterprises whose planned inspections fit in the inspection working days (see `keyEnterprisesCoverable`). */
  readonly keyEnterprisesCoverable: number;
  readonly ordinaryEnterprises: number;
  readonly ordinaryInspections: number;
}

/** Day figures keep two decimals (days per inspection are half days; a rule may give finer ones). */
const days = (x: number): number => Math.round(x * 100) / 100;

/** 监督检查工作日: L × n − o − x (may be negative: the caller refuses that). */
export const inspectionWorkingDaysOf = (i: Omit<CalculatorInputs, 'keyInspectionDays' | 'ordinaryInspectionDays'>): number =>
  i.legalWorkingDays * i.certifiedInspectors - i.otherEnforcementDays - i.nonEnforcementDays;

/**
 * How many key enterprises fit in `available` days when each needs its planned inspections × `keyDays`,
 * those with the fewest planned inspections first (the most enterprises that can be covered).
 * `groups`: how many key enterprises plan each number of inspections.
 */
export function keyEnterprisesCoverable(groups: ReadonlyArray<{ readonly inspections: number; readonly enterprises: number }>, available: number, keyDays: number): number {
  let left = available;
  let covered = 0;
  for (const g of [...groups].sort((a, b) => a.inspections - b.inspections)) {
    const need = g.inspections * keyDays;
    const fit = need <= 0 ? g.enterprises : Math.min(g.enterprises, Math.floor(left / need + 1e-9));
    covered += fit;
    left -= fit * need;
    if (fit < g.enterprises) break;
  }
  return covered;
}

@ObjectType({ description: '检查计划测算。The annual plan calculator (安监总政法〔2017〕150号) with its figures, so it can be checked by hand: inspection working days = legal working days × certified inspectors − other enforcement days − non-enforcement days; key enterprises first, the days left for ordinary ones.' })
export class InspectionPlanCalculation {
  @Field(() => Int, { description: '法定工作日。Working days of the period on the kernel calendar (Monday to Friday, less the State Council\'s days off, plus its make-up working days), both ends included.' })
  legalWorkingDays: number;

  @Field(() => Int, { description: '持证执法人员数。Certified inspectors (n).' })
  certifiedInspectors: number;

  @Field(() => Int, { description: '执法人员总工作日。legalWorkingDays × certifiedInspectors.' })
  inspectorWorkingDays: number;

  @Field(() => Int, { description: '其他执法工作日。Deducted for other enforcement work.' })
  otherEnforcementDays: number;

  @Field(() => Int, { description: '非执法工作日。Deducted for work other than enforcement.' })
  nonEnforcementDays: number;

  @Field(() => Int, { description: '监督检查工作日。inspectorWorkingDays − otherEnforcementDays − nonEnforcementDays (never negative: such inputs are refused).' })
  inspectionWorkingDays: number;

  @Field(() => Float, { description: '重点企业每次检查工作日。Working days one inspection of a key enterprise takes: the plan\'s own, else rule enforcement.inspection-workload\'s.' })
  keyInspectionDays: number;

  @Field(() => Float, { description: '一般企业每次检查工作日。Working days one inspection of an ordinary enterprise takes: the plan\'s own, else the rule\'s.' })
  ordinaryInspectionDays: number;

  @Field(() => Int, { description: '重点企业数。Key enterprises on the list.' })
  keyEnterprises: number;

  @Field(() => Int, { description: '重点企业计划检查次数。Inspections planned for them in all.' })
  keyInspections: number;

  @Field(() => Float, { description: '重点企业所需工作日。keyInspections × keyInspectionDays.' })
  keyDaysRequired: number;

  @Field(() => Float, { description: '重点企业分配工作日。The days given to key enterprises first: the lesser of keyDaysRequired and inspectionWorkingDays.' })
  keyDaysAllocated: number;

  @Field(() => Float, { description: '重点企业工作日缺口。keyDaysRequired − inspectionWorkingDays when positive, else 0: a plan with a shortfall is not approved.' })
  keyShortfallDays: number;

  @Field(() => Int, { description: '可覆盖重点企业数。Key enterprises whose planned inspections fit in the inspection working days: all of them without a shortfall, else as many as fit, fewest planned inspections first.' })
  keyEnterprisesCoverable: number;

  @Field(() => Float, { description: '一般企业可用工作日。inspectionWorkingDays − keyDaysAllocated.' })
  ordinaryDaysAvailable: number;

  @Field(() => Int, { description: '可覆盖一般企业数。Ordinary enterprises the days left can cover at one inspection each: ⌊ordinaryDaysAvailable ÷ ordinaryInspectionDays⌋.' })
  ordinaryEnterprisesCoverable: number;

  @Field(() => Int, { description: '一般企业数。Ordinary enterprises on the list.' })
  ordinaryEnterprises: number;

  @Field(() => Int, { description: '一般企业计划检查次数。Inspections planned for them in all.' })
  ordinaryInspections: number;

  @Field(() => Float, { description: '一般企业所需工作日。ordinaryInspections × ordinaryInspectionDays.' })
  ordinaryDaysRequired: number;

  @Field(() => Float, { description: '一般企业工作日缺口。ordinaryDaysRequired − ordinaryDaysAvailable when positive, else 0.' })
  ordinaryShortfallDays: number;

  @Field({ description: '测算公式。The whole computation in words with its figures, e.g. 监督检查工作日 = 法定工作日 248 × 持证执法人员 4 − … = 422；重点企业 22 家….' })
  formula: string;
}

/** The calculator's answer for a plan's inputs and list. */
export function calculate(i: CalculatorInputs, list: ListFigures): InspectionPlanCalculation {
  const inspectorWorkingDays = i.legalWorkingDays * i.certifiedInspectors;
  const inspectionWorkingDays = inspectionWorkingDaysOf(i);
  const keyDaysRequired = days(list.keyInspections * i.keyInspectionDays);
  const keyDaysAllocated = Math.min(keyDaysRequired, inspectionWorkingDays);
  const keyShortfallDays = days(Math.max(0, keyDaysRequired - inspectionWorkingDays));
  const ordinaryDaysAvailable = days(inspectionWorkingDays - keyDaysAllocated);
  const ordinaryEnterprisesCoverable = Math.floor(ordinaryDaysAvailable / i.ordinaryInspectionDays + 1e-9);
  const ordinaryDaysRequired = days(list.ordinaryInspections * i.ordinaryInspectionDays);
  const ordinaryShortfallDays = days(Math.max(0, ordinaryDaysRequired - ordinaryDaysAvailable));
  const key = `重点企业 ${list.keyEnterprises} 家计划检查 ${list.keyInspections} 次 × 每次 ${i.keyInspectionDays} 日 = ${keyDaysRequired} 日${keyShortfallDays > 0 ? `（缺 ${keyShortfallDays} 日，可覆盖 ${list.keyEnterprisesCoverable} 家）` : ''}`;
  const ordinary = `余 ${ordinaryDaysAvailable} 日 ÷ 一般企业每次 ${i.ordinaryInspectionDays} 日 = 可覆盖一般企业 ${ordinaryEnterprisesCoverable} 家（每家 1 次）`;
  const listed = `已列一般企业 ${list.ordinaryEnterprises} 家计划检查 ${list.ordinaryInspections} 次需 ${ordinaryDaysRequired} 日${ordinaryShortfallDays > 0 ? `（缺 ${ordinaryShortfallDays} 日）` : ''}`;
  return {
    legalWorkingDays: i.legalWorkingDays,
    certifiedInspectors: i.certifiedInspectors,
    inspectorWorkingDays,
    otherEnforcementDays: i.otherEnforcementDays,
    nonEnforcementDays: i.nonEnforcementDays,
    inspectionWorkingDays,
    keyInspectionDays: i.keyInspectionDays,
    ordinaryInspectionDays: i.ordinaryInspectionDays,
    keyEnterprises: list.keyEnterprises,
    keyInspections: list.keyInspections,
    keyDaysRequired,
    keyDaysAllocated,
    keyShortfallDays,
    keyEnterprisesCoverable: list.keyEnterprisesCoverable,
    ordinaryDaysAvailable,
    ordinaryEnterprisesCoverable,
    ordinaryEnterprises: list.ordinaryEnterprises,
    ordinaryInspections: list.ordinaryInspections,
    ordinaryDaysRequired,
    ordinaryShortfallDays,
    formula: `监督检查工作日 = 法定工作日 ${i.legalWorkingDays} × 持证执法人员 ${i.certifiedInspectors} − 其他执法工作日 ${i.otherEnforcementDays} − 非执法工作日 ${i.nonEnforcementDays} = ${inspectionWorkingDays}；${key}；${ordinary}；${listed}`,
  };
}

/** The stored columns `calculationOf` reads (for `@ReadsColumns`). */
export const CALCULATION_COLUMNS = [
  'legalWorkingDays',
  'certifiedInspectors',
  'otherEnforcementDays',
  'nonEnforcementDays',
  'keyInspectionDaysApplied',
  'ordinaryInspectionDaysApplied',
  'keyEnterpriseCount',
  'keyInspectionCount',
  'keyEnterprisesCoverable',
  'ordinaryEnterpriseCount',
  'ordinaryInspectionCount',
] as const;

/** A saved plan's calculation, from what it stored when last saved. */
export function calculationOf(p: Pick<InspectionPlan, (typeof CALCULATION_COLUMNS)[number]>): InspectionPlanCalculation {
  return calculate(
    {
      legalWorkingDays: p.legalWorkingDays,
      certifiedInspectors: p.certifiedInspectors,
      otherEnforcementDays: p.otherEnforcementDays,
      nonEnforcementDays: p.nonEnforcementDays,
      keyInspectionDays: p.keyInspectionDaysApplied,
      ordinaryInspectionDays: p.ordinaryInspectionDaysApplied,
    },
    {
      keyEnterprises: p.keyEnterpriseCount,
      keyInspections: p.keyInspectionCount,
      keyEnterprisesCoverable: p.keyEnterprisesCoverable,
      ordinaryEnterprises: p.ordinaryEnterpriseCount,
      ordinaryInspections: p.ordinaryInspectionCount,
    },
  );
}
