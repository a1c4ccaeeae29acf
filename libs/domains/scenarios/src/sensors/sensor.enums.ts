import { registerEnumType } from 'type-graphql';

/** What a monitoring device is (the device kinds). */
export enum SensorThingKind {
  RAIN_GAUGE = 'RAIN_GAUGE',
  WATER_LEVEL = 'WATER_LEVEL',
  GNSS_DISPLACEMENT = 'GNSS_DISPLACEMENT',
  GAS_DETECTOR = 'GAS_DETECTOR',
  SMOKE_DETECTOR = 'SMOKE_DETECTOR',
  WEATHER_STATION = 'WEATHER_STATION',
}

/** Whether a thing or a datastream reports. */
export enum SensorStatus {
  ACTIVE = 'ACTIVE',
  MAINTENANCE = 'MAINTENANCE',
  RETIRED = 'RETIRED',
}

/** The observed properties (STA ObservedProperty) the platform knows, by code. */
export enum ObservedPropertyCode {
  precipitation = 'precipitation',
  water_level = 'water_level',
  displacement = 'displacement',
  gas_lel = 'gas_lel',
  smoke = 'smoke',
  temperature = 'temperature',
}

/** STA observation types (O&M) a datastream's results have. */
export enum ObservationType {
  OM_Measurement = 'OM_Measurement',
  OM_CountObservation = 'OM_CountObservation',
  OM_TruthObservation = 'OM_TruthObservation',
}

/** What happened to one row of an ingestion batch. */
export enum IngestRowOutcome {
  ACCEPTED = 'ACCEPTED',
  DUPLICATE = 'DUPLICATE',
  REJECTED = 'REJECTED',
}

registerEnumType(SensorThingKind, {
  name: 'SensorThingKind',
  description: '监测设备类型。What a monitoring device (STA Thing) is.',
  valuesConfig: {
    RAIN_GAUGE: { description: '雨量计。A tipping-bucket rain gauge (precipitation per interval, mm).' },
    WATER_LEVEL: { description: '水位计。A water-level gauge at a river, pond or reservoir (m).' },
    GNSS_DISPLACEMENT: { description: 'GNSS 位移监测站。A GNSS station measuring the displacement of a landslide body (mm).' },
    GAS_DETECTOR: { description: '可燃气体探测器。A combustible gas detector (%LEL).' },
    SMOKE_DETECTOR: { description: '烟感探测器。A smoke detector (obscuration, %/m).' },
    WEATHER_STATION: { description: '气象站。An automatic weather station (temperature, rain).' },
  },
});

registerEnumType(SensorStatus, {
  name: 'SensorStatus',
  description: '设备状态。Whether a thing or datastream reports.',
  valuesConfig: {
    ACTIVE: { description: '运行。Reporting; expected to send data every sampling interval.' },
    MAINTENANCE: { description: '维护。Under maintenance; data is still accepted but silence is expected.' },
    RETIRED: { description: '停用。Retired; no more data is accepted.' },
  },
});

registerEnumType(ObservedPropertyCode, {
  name: 'ObservedPropertyCode',
  description: '观测要素。The observed property (STA ObservedProperty) of a datastream, by code.',
  valuesConfig: {
    precipitation: { description: '降雨量。Precipitation in the interval ending at the phenomenon time (mm).' },
    water_level: { description: '水位。Water level above the gauge datum (m).' },
    displacement: { description: '累计位移。Cumulative displacement from the station\'s reference position (mm).' },
    gas_lel: { description: '可燃气体浓度。Combustible gas concentration as a share of the lower explosive limit (%LEL).' },
    smoke: { description: '烟雾浓度。Smoke obscuration (%/m).' },
    temperature: { description: '温度。Air temperature (°C).' },
  },
});

registerEnumType(ObservationType, {
  name: 'ObservationType',
  description: '观测类型。The O&M observation type of a datastream\'s results (STA observationType).',
  valuesConfig: {
    OM_Measurement: { description: '测量值。A measurement: a number in the unit of measurement.' },
    OM_CountObservation: { description: '计数。A count (whole numbers).' },
    OM_TruthObservation: { description: '真值。A true/false state, sent as 1 or 0.' },
  },
});

registerEnumType(IngestRowOutcome, {
  name: 'IngestRowOutcome',
  description: '入库结果。What happened to one row of an ingestion batch.',
  valuesConfig: {
    ACCEPTED: { description: '已接收。Stored as a new observation.' },
    DUPLICATE: { description: '重复。An observation at the same phenomenon time of the datastream was already stored; the stored one stays.' },
    REJECTED: { description: '拒收。Refused; `field` and `rule` say why.' },
  },
});

/** STA observation type URIs (O&M 2.0). */
export const OBSERVATION_TYPE_URI: Record<ObservationType, string> = {
  OM_Measurement: 'http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement',
  OM_CountObservation: 'http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_CountObservation',
  OM_TruthObservation: 'http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_TruthObservation',
};
