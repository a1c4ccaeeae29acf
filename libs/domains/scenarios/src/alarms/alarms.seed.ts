import { audit, type RequestContext } from '@platform/core';
import { seedId } from '@platform/directory';
import { evaluateAlarms } from './alarm-evaluation';
import { gasDatastreamsOfOneEnterprise, insertSeedRules, type SeedRuleRow } from './alarms.seed.sql';

/** The id of a seeded alarm rule, by its code (e.g. `rain.orange-3h`). */
export const alarmRuleSeedId = (code: string): string => seedId(`scenarios:alarm-rule:${code}`);

/** The demo week of observations (issue 22): 2026-11-22 10:00 to 2026-11-29 09:55 China time. */
export const DEMO_WEEK_FROM = new Date('2026-11-22T02:00:00Z');
export const DEMO_WEEK_TO = new Date('2026-11-29T01:55:00Z');

const RAIN_BASIS = '气象灾害预警信号发布与传播办法（中国气象局令第16号）暴雨预警信号';
const GAS_BASIS = 'GB/T 50493-2019 石油化工可燃气体和有毒气体检测报警设计标准：一级报警≤25%LEL，二级报警≤50%LEL';

type Rule = Omit<SeedRuleRow, 'id' | 'datastreamIds' | 'minDatastreams' | 'comparison' | 'basis'> & Partial<Pick<SeedRuleRow, 'datastreamIds' | 'minDatastreams' | 'comparison' | 'basis'>>;
const rain = (code: string, name: string, windowHours: number, trigger: number, clear: number, level: string): Rule => ({
  code, name, observedProperty: 'precipitation', kind: 'WINDOW_SUM', windowHours, triggerValue: trigger, clearValue: clear, minimumDurationMinutes: 0, level,
  conversionTarget: 'WARNING', hazardCategory: 'FLOOD', warningHazardType: 'RAINSTORM', basis: RAIN_BASIS,
});

/**
 * The town's rules: the four 暴雨 signal windows (blue 12 h ≥ 50 mm, yellow 6 h ≥ 50, orange 3 h ≥ 50,
 * red 3 h ≥ 100, each clearing 10 mm / 20 mm below: hysteresis), the flood water level, GNSS
 * displacement in 24 hours, gas at 25 % and 50 % LEL (the combined rule when an enterprise has two
 * detectors) and smoke.
 */
const RULES: readonly Rule[] = [
  rain('rain.blue-12h', '暴雨蓝色（12小时雨量≥50毫米）', 12, 50, 40, 'BLUE'),
  rain('rain.yellow-6h', '暴雨黄色（6小时雨量≥50毫米）', 6, 50, 40, 'YELLOW'),
  rain('rain.orange-3h', '暴雨橙色（3小时雨量≥50毫米）', 3, 50, 40, 'ORANGE'),
  rain('rain.red-3h', '暴雨红色（3小时雨量≥100毫米）', 3, 100, 80, 'RED'),
  {
    code: 'level.flood-warning', name: '山洪沟水位超警戒（持续10分钟）', observedProperty: 'water_level', kind: 'THRESHOLD', windowHours: null, triggerValue: 2.5, clearValue: 2.3, minimumDurationMinutes: 10,
    level: 'ORANGE', conversionTarget: 'WARNING', hazardCategory: 'FLOOD', warningHazardType: 'FLOOD', basis: '南平镇山洪灾害防御预案：警戒水位2.5米（站点水尺）',
  },
  {
    code: 'gnss.displacement-24h', name: '滑坡体24小时位移≥5毫米', observedProperty: 'displacement', kind: 'RATE_OF_CHANGE', windowHours: 24, triggerValue: 5, clearValue: 3, minimumDurationMinutes: 0,
    level: 'YELLOW', conversionTarget: 'HAZARD', hazardCategory: 'GEOLOGICAL', warningHazardType: null, basis: '地质灾害监测预警：日位移速率阈值（县级地灾防治方案）',
  },
  { code: 'gas.first-25', name: '可燃气体一级报警（≥25%LEL）', observedProperty: 'gas_lel', kind: 'THRESHOLD', windowHours: null, triggerValue: 25, clearValue: 20, minimumDurationMinutes: 0, level: 'YELLOW', conversionTarget: 'HAZARD', hazardCategory: 'WORK_SAFETY', warningHazardType: null, basis: GAS_BASIS },
  { code: 'gas.second-50', name: '可燃气体二级报警（≥50%LEL）', observedProperty: 'gas_lel', kind: 'THRESHOLD', windowHours: null, triggerValue: 50, clearValue: 40, minimumDurationMinutes: 0, level: 'RED', conversionTarget: 'HAZARD', hazardCategory: 'WORK_SAFETY', warningHazardType: null, basis: GAS_BASIS },
  { code: 'smoke.detected', name: '烟感报警（≥3%/m，持续1分钟）', observedProperty: 'smoke', kind: 'THRESHOLD', windowHours: null, triggerValue: 3, clearValue: 1.5, minimumDurationMinutes: 1, level: 'ORANGE', conversionTarget: 'HAZARD', hazardCategory: 'FIRE', warningHazardType: null, basis: 'GB 4715-2005 点型感烟火灾探测器响应阈值' },
];

/**
 * The demo alarm rules and their evaluation over the week of observations the sensors part seeded
 * (the rainstorm of 2026-11-27 raises its signal alarms). Idempotent (the rules keep their ids; the
 * evaluation raises one alarm per run); nothing but the rules when no datastream was seeded.
 */
export async function seedAlarms(ctx: RequestContext): Promise<void> {
  const gas = await gasDatastreamsOfOneEnterprise(ctx);
  const rules: SeedRuleRow[] = RULES.map((r) => ({ comparison: 'AT_LEAST', datastreamIds: [], minDatastreams: null, basis: '', ...r, id: alarmRuleSeedId(r.code) }));
  if (gas.length >= 2) {
    rules.push({
      id: alarmRuleSeedId('gas.combined-2'), code: 'gas.combined-2', name: '两台可燃气体探测器同时≥20%LEL', observedProperty: 'gas_lel', datastreamIds: gas.slice(0, 2), kind: 'COMBINED', windowHours: null, comparison: 'AT_LEAST',
      triggerValue: 20, clearValue: 15, minimumDurationMinutes: 0, minDatastreams: 2, level: 'ORANGE', conversionTarget: 'HAZARD', hazardCategory: 'WORK_SAFETY', warningHazardType: null, basis: '多点联动：两台探测器同时报警视为泄漏扩散',
    });
  }
  const inserted = await insertSeedRules(ctx, rules, DEMO_WEEK_FROM);
  if (inserted) await audit(ctx, { action: 'scenarios.alarm-rule.seed', entityType: 'AlarmRule', entityId: null, changes: { rules: inserted } });
  const now = ctx.clock.now();
  const to = now < DEMO_WEEK_TO ? now : DEMO_WEEK_TO;
  if (to > DEMO_WEEK_FROM) await evaluateAlarms(ctx, { from: DEMO_WEEK_FROM, to });
}
