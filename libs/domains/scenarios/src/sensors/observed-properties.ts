import { ObservedPropertyCode } from './sensor.enums';

/** What the platform knows of an observed property (STA ObservedProperty): its names, definition, units and plausible results. */
export interface ObservedPropertyInfo {
  readonly code: ObservedPropertyCode;
  readonly nameZh: string;
  readonly name: string;
  /** The STA ObservedProperty definition URI. */
  readonly definition: string;
  /** Unit symbols a datastream of it may use (rule `unit`). */
  readonly units: readonly string[];
  /** Results outside [min, max] are rejected (rule `range`): a broken sensor, not a reading. */
  readonly min: number;
  readonly max: number;
}

const QUDT = 'http://qudt.org/vocab/quantitykind/';

/** The observed properties, by code. */
export const OBSERVED_PROPERTIES: Readonly<Record<ObservedPropertyCode, ObservedPropertyInfo>> = {
  precipitation: { code: ObservedPropertyCode.precipitation, nameZh: '降雨量', name: 'Precipitation', definition: `${QUDT}Rainfall`, units: ['mm'], min: 0, max: 500 },
  water_level: { code: ObservedPropertyCode.water_level, nameZh: '水位', name: 'Water level', definition: `${QUDT}Height`, units: ['m', 'cm'], min: -100, max: 10000 },
  displacement: { code: ObservedPropertyCode.displacement, nameZh: '累计位移', name: 'Cumulative displacement', definition: `${QUDT}Displacement`, units: ['mm', 'cm', 'm'], min: -100000, max: 100000 },
  gas_lel: { code: ObservedPropertyCode.gas_lel, nameZh: '可燃气体浓度', name: 'Combustible gas (%LEL)', definition: `${QUDT}VolumeFraction`, units: ['%LEL'], min: 0, max: 100 },
  smoke: { code: ObservedPropertyCode.smoke, nameZh: '烟雾浓度', name: 'Smoke obscuration', definition: `${QUDT}Obscuration`, units: ['%/m', 'dB/m'], min: 0, max: 100 },
  temperature: { code: ObservedPropertyCode.temperature, nameZh: '温度', name: 'Air temperature', definition: `${QUDT}Temperature`, units: ['°C', 'Cel'], min: -60, max: 80 },
};
