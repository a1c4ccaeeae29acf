import { audit, raw, unscoped, type RequestContext } from '@platform/core';
import { Organizations, seedId } from '@platform/directory';
import { RiskPoints } from '@domains/risk';
import { insertSeedDatastream, insertSeedSeries, insertSeedThing } from './sensors.seed.sql';

const SEEDING = 'seeding demo data, on no caller\'s behalf';

/** The id of a seeded thing or datastream, by its key below (e.g. `wenfeng-rain`). */
export const sensorThingSeedId = (key: string): string => seedId(`scenarios:sensor-thing:${key}`);
export const datastreamSeedId = (key: string): string => seedId(`scenarios:datastream:${key}`);

/** The demo week of observations (China time): 2026-11-22 10:00 to 2026-11-29 09:55. */
export const DEMO_WEEK = { from: '2026-11-22T10:00:00+08:00', to: '2026-11-29T09:55:00+08:00' } as const;
/** The rainstorm at 文凤村: 1.5 mm per 5 minutes from 02:00, 2.5 from 04:00, 0.5 from 05:00 to 06:00 on 2026-11-27. */
export const RAINSTORM = { start: '2026-11-27T02:00:00+08:00', end: '2026-11-27T06:00:00+08:00', total: 72 } as const;
/** The instant the 3-hour rain sum at 文凤村 first reaches 50 mm (51.0 mm; 暴雨橙色 window): 2026-11-27 04:30. */
export const RAINSTORM_ORANGE_AT = '2026-11-27T04:30:00+08:00';
/** The GNSS station at 文凤村 stops reporting after this observation (a stale device). */
export const GNSS_LAST_REPORT = '2026-11-28T06:00:00+08:00';
/** The gas peak at the 南平 filling station during an unloading: ≥ 25 %LEL at 15:25 and 15:30 on 2026-11-25. */
export const GAS_PEAK = { first: '2026-11-25T15:25:00+08:00', last: '2026-11-25T15:30:00+08:00' } as const;

// Unit definitions as QUDT unit URIs (STA asks for a definition URI; UCUM has no per-unit pages).
const UCUM_MM = 'http://qudt.org/vocab/unit/MilliM';
const UCUM_M = 'http://qudt.org/vocab/unit/M';
const UCUM_PERCENT = 'http://qudt.org/vocab/unit/PERCENT';

/** A deterministic wiggle: sin of the step number. */
const wave = (amplitude: number, rate: number) => `${amplitude} * sin(s.n * ${rate})`;

interface SeedDevice {
  readonly key: string;
  readonly org: string;
  readonly enterprise: boolean;
  /** The village whose seeded natural-hazard risk point it watches. */
  readonly riskPointOf?: string;
  readonly name: string;
  readonly description: string;
  readonly kind: string;
  readonly offset: readonly [number, number];
  readonly model: string;
  readonly stream: { key: string; property: string; name: string; unitName: string; unitSymbol: string; unitDefinition: string; interval: number; until?: string; result: string };
}

const DEVICES: readonly SeedDevice[] = [
  {
    key: 'wenfeng-rain',
    org: 'village-wenfeng',
    enterprise: false,
    riskPointOf: 'village-wenfeng',
    name: '文凤村隐患点雨量站',
    description: '文凤村地质灾害隐患点坡顶翻斗式雨量计（群测群防自动监测）',
    kind: 'RAIN_GAUGE',
    offset: [0.0021, 0.0014],
    model: 'JDZ05-1 翻斗式雨量传感器',
    stream: {
      key: 'wenfeng-rain-5min',
      property: 'precipitation',
      name: '5分钟降雨量',
      unitName: 'millimetre',
      unitSymbol: 'mm',
      unitDefinition: UCUM_MM,
      interval: 300,
      result: `CASE
        WHEN s.t > '2026-11-27T02:00:00+08:00' AND s.t <= '2026-11-27T04:00:00+08:00' THEN 1.5
        WHEN s.t > '2026-11-27T04:00:00+08:00' AND s.t <= '2026-11-27T05:00:00+08:00' THEN 2.5
        WHEN s.t > '2026-11-27T05:00:00+08:00' AND s.t <= '2026-11-27T06:00:00+08:00' THEN 0.5
        WHEN s.t > '2026-11-23T14:00:00+08:00' AND s.t <= '2026-11-23T18:00:00+08:00' THEN 0.2 + 0.1 * (s.n % 3)
        ELSE 0 END`,
    },
  },
  {
    key: 'wenfeng-gnss',
    org: 'village-wenfeng',
    enterprise: false,
    riskPointOf: 'village-wenfeng',
    name: '文凤村滑坡体GNSS监测站',
    description: '文凤村地质灾害隐患点滑坡体中部GNSS位移监测站（2026-11-28 起停止上报）',
    kind: 'GNSS_DISPLACEMENT',
    offset: [0.0012, 0.0009],
    model: '北斗/GNSS 一体化位移监测站',
    stream: {
      key: 'wenfeng-gnss-displacement',
      property: 'displacement',
      name: '累计水平位移',
      unitName: 'millimetre',
      unitSymbol: 'mm',
      unitDefinition: UCUM_MM,
      interval: 600,
      until: GNSS_LAST_REPORT,
      result: `12.0 + 0.05 * s.n / 6 + ${wave(0.3, 0.7)} + CASE WHEN s.t > '2026-11-27T05:00:00+08:00' THEN 0.6 * least(extract(epoch FROM s.t - '2026-11-27T05:00:00+08:00'::timestamptz) / 3600, 12) ELSE 0 END`,
    },
  },
  {
    key: 'shuanghe-level',
    org: 'village-shuanghe',
    enterprise: false,
    riskPointOf: 'village-shuanghe',
    name: '双河村山洪沟水位站',
    description: '双河村山洪沟下游桥墩雷达水位计',
    kind: 'WATER_LEVEL',
    offset: [-0.0018, 0.0011],
    model: 'RLS-100 雷达水位计',
    stream: {
      key: 'shuanghe-water-level',
      property: 'water_level',
      name: '水位',
      unitName: 'metre',
      unitSymbol: 'm',
      unitDefinition: UCUM_M,
      interval: 600,
      result: `1.20 + 0.03 * sin(2 * pi() * extract(epoch FROM s.t) / 86400) + CASE WHEN s.t >= '2026-11-27T03:00:00+08:00' THEN 1.6 * exp(-abs(extract(epoch FROM s.t - '2026-11-27T07:00:00+08:00'::timestamptz)) / 3600 / CASE WHEN s.t < '2026-11-27T07:00:00+08:00' THEN 1.5 ELSE 8 END) ELSE 0 END`,
    },
  },
  {
    key: 'sinopec-nanping-gas-1',
    org: 'ent-sinopec-nanping',
    enterprise: true,
    name: '南平加油站卸油区可燃气体探测器',
    description: '南平加油站卸油口旁固定式可燃气体探测器（点型催化燃烧）',
    kind: 'GAS_DETECTOR',
    offset: [0.0003, -0.0002],
    model: 'GT-AEC2232bX 点型可燃气体探测器',
    stream: {
      key: 'sinopec-nanping-gas-lel',
      property: 'gas_lel',
      name: '可燃气体浓度',
      unitName: 'percent of lower explosive limit',
      unitSymbol: '%LEL',
      unitDefinition: UCUM_PERCENT,
      interval: 300,
      result: `greatest(0, 1.0 + ${wave(0.8, 0.37)} + ${wave(0.5, 0.11)}) + CASE s.t
        WHEN '2026-11-25T15:20:00+08:00' THEN 17 WHEN '2026-11-25T15:25:00+08:00' THEN 26
        WHEN '2026-11-25T15:30:00+08:00' THEN 30 WHEN '2026-11-25T15:35:00+08:00' THEN 21 ELSE 0 END`,
    },
  },
  {
    key: 'xinyuan-lpg-gas-1',
    org: 'ent-xinyuan-lpg',
    enterprise: true,
    name: '鑫源液化气储罐区可燃气体探测器',
    description: '鑫源液化气储配站储罐区固定式可燃气体探测器',
    kind: 'GAS_DETECTOR',
    offset: [-0.0004, 0.0003],
    model: 'GT-AEC2232bX 点型可燃气体探测器',
    stream: {
      key: 'xinyuan-lpg-gas-lel',
      property: 'gas_lel',
      name: '可燃气体浓度',
      unitName: 'percent of lower explosive limit',
      unitSymbol: '%LEL',
      unitDefinition: UCUM_PERCENT,
      interval: 300,
      result: `greatest(0, 0.6 + ${wave(0.5, 0.23)} + ${wave(0.3, 0.05)})`,
    },
  },
  {
    key: 'fengxiang-smoke-1',
    org: 'ent-fengxiang-liquor',
    enterprise: true,
    name: '凤香酒厂酿造车间烟感探测器',
    description: '凤香酒厂酿造车间顶棚光电感烟探测器',
    kind: 'SMOKE_DETECTOR',
    offset: [0.0002, 0.0002],
    model: 'JTY-GD-G3 点型光电感烟火灾探测器',
    stream: {
      key: 'fengxiang-smoke',
      property: 'smoke',
      name: '烟雾浓度',
      unitName: 'percent obscuration per metre',
      unitSymbol: '%/m',
      unitDefinition: UCUM_PERCENT,
      interval: 300,
      result: `greatest(0, 0.05 + ${wave(0.04, 0.3)})`,
    },
  },
];

/**
 * The demo monitoring of 南平镇 (deterministic, idempotent): a rain gauge and a GNSS station at 文凤村's
 * natural-hazard risk point, a water-level gauge at 双河村's, gas detectors at the 南平 filling station and
 * the 鑫源 LPG depot, a smoke detector at the 凤香 distillery, each with a datastream and a week of
 * observations (one `generate_series` statement per stream): one rainstorm on 2026-11-27 whose 3-hour
 * sum reaches 50 mm at 04:30 (RAINSTORM_ORANGE_AT), one gas peak at the filling station, and the GNSS
 * station silent from 2026-11-28 06:00 on (stale). Nothing when the directory holds no town.
 */
export async function seedSensors(ctx: RequestContext): Promise<void> {
  if (!(await unscoped(ctx, Organizations, SEEDING).exists(seedId('org:town')))) return;
  let things = 0;
  let observations = 0;
  for (const d of DEVICES) {
    const org = await unscoped(ctx, Organizations, SEEDING).one(seedId(`org:${d.org}`), ['id', 'longitude', 'latitude']);
    if (!org) continue;
    const riskPoint = d.riskPointOf ? await unscoped(ctx, RiskPoints, SEEDING).one(seedId(`risk-point:village:${seedId(`org:${d.riskPointOf}`)}`), ['id']) : null;
    const thingId = sensorThingSeedId(d.key);
    const longitude = Number(org.longitude ?? 107.07) + d.offset[0];
    const latitude = Number(org.latitude ?? 29.05) + d.offset[1];
    if (
      await insertSeedThing(ctx, {
        id: thingId,
        organizationId: org.id,
        enterpriseId: d.enterprise ? org.id : null,
        riskPointId: riskPoint?.id ?? null,
        name: d.name,
        description: d.description,
        kind: d.kind,
        longitude: Math.round(longitude * 1e6) / 1e6,
        latitude: Math.round(latitude * 1e6) / 1e6,
        properties: { model: d.model, installedOn: '2026-10-28' },
      })
    ) {
      things++;
    }
    const s = d.stream;
    const datastreamId = datastreamSeedId(s.key);
    await insertSeedDatastream(ctx, {
      id: datastreamId,
      thingId,
      organizationId: org.id,
      observedProperty: s.property,
      name: s.name,
      unitName: s.unitName,
      unitSymbol: s.unitSymbol,
      unitDefinition: s.unitDefinition,
      samplingIntervalSeconds: s.interval,
      sensorName: d.model,
    });
    observations += await insertSeedSeries(ctx, datastreamId, DEMO_WEEK.from, s.until ?? DEMO_WEEK.to, s.interval, raw(s.result));
  }
  if (things || observations) await audit(ctx, { action: 'scenarios.sensors.seed', entityType: 'SensorThing', entityId: null, changes: { things, observations } });
}
