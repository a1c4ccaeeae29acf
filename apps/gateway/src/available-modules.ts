import type { DomainModule } from '@platform/core';
import { directoryModule } from '@platform/directory';
import { accessModule } from '@platform/access';
import { webhooksModule } from '@platform/webhooks';
import { riskModule } from '@domains/risk';
import { preparednessModule } from '@domains/preparedness';
import { commandModule } from '@domains/command';
import { communityModule } from '@domains/community';
import { warningsModule } from '@domains/warnings';
import { responseModule } from '@domains/response';
import { responsibilityModule } from '@domains/responsibility';
import { enforcementModule } from '@domains/enforcement';
import { reportingModule } from '@domains/reporting';
import { scenariosModule } from '@domains/scenarios';

/**
 * Every module this gateway build can run. `MODULES` picks from these (default: all).
 * To add a module: create `libs/domains/<name>`, export its `DomainModule`, and list it here.
 */
export const AVAILABLE_MODULES: readonly DomainModule[] = [directoryModule, accessModule, webhooksModule, riskModule, preparednessModule, commandModule, communityModule, warningsModule, responseModule, responsibilityModule, enforcementModule, reportingModule, scenariosModule];

/** Names in `MODULES` that stand for several modules: `rescue` is the five libraries it was split into (issue 14). */
export const MODULE_GROUPS: Readonly<Record<string, readonly string[]>> = { rescue: ['preparedness', 'command', 'community', 'warnings', 'response'] };

/** MODULES with its group names expanded (`rescue` → the five rescue libraries), as `selectModules` takes it. */
export function expandModuleGroups(wanted: readonly string[] | 'all'): readonly string[] | 'all' {
  return wanted === 'all' ? wanted : [...new Set(wanted.flatMap((name) => MODULE_GROUPS[name] ?? [name]))];
}
