import { defineSettings, integerSetting, type ModuleRuntime, type RequestContext, type StartedModule } from '@platform/core';

/**
 * The Open311 part's settings (environment variables), checked with the gateway's at start once the
 * module declares them (`reporting.module.ts`: `settings`).
 */
export const open311Settings = defineSettings({
  /**
   * Decimal places of the latitude and longitude the public Open311 feed shows (rounded half away
   * from zero): 3 ≈ 110 m (the default), 2 ≈ 1.1 km, 4 ≈ 11 m. The stored location is untouched.
   */
  OPEN311_LOCATION_DECIMALS: integerSetting(0, 6).default(3),
});

/** The default precision (also when the part was not started: a seed, a command). */
export const DEFAULT_LOCATION_DECIMALS = 3;

/** The started part's service name (`ctx.service`). */
export const OPEN311_SERVICE = 'reporting.open311';

/** What the routes read of the settings. */
export interface Open311Config {
  readonly locationDecimals: number;
}

/** Starts the part: its settings as the service the routes read (the module's `start` calls it). */
export async function startOpen311(runtime: Pick<ModuleRuntime, 'settings'>): Promise<StartedModule> {
  const config: Open311Config = { locationDecimals: open311Settings.read(runtime.settings).OPEN311_LOCATION_DECIMALS };
  return { services: { [OPEN311_SERVICE]: config } };
}

/** The settings the routes apply: the started part's, else the defaults. */
export function open311Config(ctx: RequestContext): Open311Config {
  try {
    return ctx.service<Open311Config>(OPEN311_SERVICE);
  } catch {
    return { locationDecimals: DEFAULT_LOCATION_DECIMALS };
  }
}
