import { defineSettings, integerSetting, type ModuleRuntime, type RequestContext, type StartedModule } from '@platform/core';

/** The service name under which the relief settings are reachable (`ctx.services`). */
export const RELIEF_SETTINGS = 'rescue.relief.settings';
/** 公示期: the shortest public notice of a relief case, in days, unless RELIEF_NOTICE_DAYS says otherwise. */
export const DEFAULT_NOTICE_DAYS = 5;

/** Rules of the relief area kept as data (settings of the deployment). */
export interface ReliefSettings {
  /** The shortest public notice, in days counted inclusively (a notice from the 1st to the 5th lasts 5 days). */
  readonly noticeDays: number;
}

/** The response module's settings (environment variables), checked with the gateway's at start. */
export const responseSettings = defineSettings({
  /** 公示期: the shortest public notice of a relief case, in days (1–60). */
  RELIEF_NOTICE_DAYS: integerSetting(1, 60).default(DEFAULT_NOTICE_DAYS),
});

/** Reads RELIEF_NOTICE_DAYS; a bad value has stopped the gateway's start already rather than shorten notices silently. */
export function readReliefSettings(settings: Readonly<Record<string, string | undefined>>): ReliefSettings {
  return { noticeDays: responseSettings.read(settings).RELIEF_NOTICE_DAYS };
}

/** The relief area's start hook: publishes its settings as a service. */
export async function startRelief(runtime: ModuleRuntime): Promise<StartedModule> {
  return { services: { [RELIEF_SETTINGS]: readReliefSettings(runtime.settings) } };
}

/** The settings in force for a request (the defaults where the gateway did not start the area, e.g. in seeds). */
export function reliefSettings(ctx: RequestContext): ReliefSettings {
  return (ctx.services.get(RELIEF_SETTINGS) as ReliefSettings | undefined) ?? { noticeDays: DEFAULT_NOTICE_DAYS };
}
