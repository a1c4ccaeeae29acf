import type { ModuleRuntime, RequestContext, StartedModule } from '@platform/core';

/** The service name under which the relief settings are reachable (`ctx.services`). */
export const RELIEF_SETTINGS = 'rescue.relief.settings';
/** 公示期: the shortest public notice of a relief case, in days, unless RELIEF_NOTICE_DAYS says otherwise. */
export const DEFAULT_NOTICE_DAYS = 5;

/** Rules of the relief area kept as data (settings of the deployment). */
export interface ReliefSettings {
  /** The shortest public notice, in days counted inclusively (a notice from the 1st to the 5th lasts 5 days). */
  readonly noticeDays: number;
}

/** Reads RELIEF_NOTICE_DAYS (an integer from 1 to 60); a bad value stops the gateway rather than shorten notices silently. */
export function readReliefSettings(settings: Readonly<Record<string, string | undefined>>): ReliefSettings {
  const raw = settings['RELIEF_NOTICE_DAYS'];
  if (raw === undefined || raw === '') return { noticeDays: DEFAULT_NOTICE_DAYS };
  const days = Number(raw);
  if (!Number.isInteger(days) || days < 1 || days > 60) throw new Error(`RELIEF_NOTICE_DAYS must be an integer from 1 to 60, not ${JSON.stringify(raw)}.`);
  return { noticeDays: days };
}

/** The relief area's start hook: publishes its settings as a service. */
export async function startRelief(runtime: ModuleRuntime): Promise<StartedModule> {
  return { services: { [RELIEF_SETTINGS]: readReliefSettings(runtime.settings) } };
}

/** The settings in force for a request (the defaults where the gateway did not start the area, e.g. in seeds). */
export function reliefSettings(ctx: RequestContext): ReliefSettings {
  return (ctx.services.get(RELIEF_SETTINGS) as ReliefSettings | undefined) ?? { noticeDays: DEFAULT_NOTICE_DAYS };
}
