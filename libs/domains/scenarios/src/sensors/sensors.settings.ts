import { defineSettings, integerSetting, type ModuleRuntime, type RequestContext, type StartedModule } from '@platform/core';

/** The sensors part's settings (environment variables), checked with the gateway's at start. */
export const sensorSettings = defineSettings({
  /** The most observation rows one ingestion call may carry (all its datastreams together); 2000 rows of `[time, number]` fit the gateway's default BODY_LIMIT (100kb). */
  SENSOR_INGEST_MAX_ROWS: integerSetting(1, 100000).default(2000),
  /** How far ahead of the server's clock a phenomenon time may lie (device clocks drift) before the row is rejected (notFuture). */
  SENSOR_CLOCK_SKEW_SECONDS: integerSetting(0, 3600).default(300),
});

/** What ingestion reads of the settings. */
export interface SensorConfig {
  readonly maxRows: number;
  readonly clockSkewSeconds: number;
}

/** The defaults, also when the part was not started (a seed, a command). */
export const DEFAULT_SENSOR_CONFIG: SensorConfig = { maxRows: 2000, clockSkewSeconds: 300 };

/** The started part's service name (`ctx.service`). */
export const SENSOR_SERVICE = 'scenarios.sensors';

/** Starts the part: its settings as the service ingestion reads. */
export async function startSensors(runtime: Pick<ModuleRuntime, 'settings'>): Promise<Pick<StartedModule, 'services' | 'stop'>> {
  const s = sensorSettings.read(runtime.settings);
  const config: SensorConfig = { maxRows: s.SENSOR_INGEST_MAX_ROWS, clockSkewSeconds: s.SENSOR_CLOCK_SKEW_SECONDS };
  return { services: { [SENSOR_SERVICE]: config } };
}

/** The settings in force: the started part's, else the defaults. */
export function sensorConfig(ctx: RequestContext): SensorConfig {
  return ctx.services.has(SENSOR_SERVICE) ? ctx.service<SensorConfig>(SENSOR_SERVICE) : DEFAULT_SENSOR_CONFIG;
}
