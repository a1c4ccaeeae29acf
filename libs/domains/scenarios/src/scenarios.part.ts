import type { ModulePart, ModuleRuntime, StartedModule } from '@platform/core';
import type { z } from 'zod';

/**
 * One part of the scenarios module (a folder: sensors, alarms, the closed loop, the enterprise picture,
 * the duty ledger, QR codes, the knowledge base, communications and equipment): the kernel's
 * `ModulePart`, plus what a part adds when the module starts.
 */
export interface ScenariosPart extends ModulePart {
  /** The part's environment variables (a zod shape), checked with the gateway's at start. */
  readonly settings?: z.ZodRawShape;
  /**
   * Started with the module after migrations: the part's services (`ctx.service(name)`) and, when
   * `runtime.background` is true, its periodic jobs; `stop` ends them.
   */
  readonly startPart?: (runtime: ModuleRuntime) => Promise<Pick<StartedModule, 'services' | 'stop'>>;
}
