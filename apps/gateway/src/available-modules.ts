import type { DomainModule } from '@platform/core';
import { directoryModule } from '@platform/directory';
import { accessModule } from '@platform/access';
import { riskModule } from '@domains/risk';
import { rescueModule } from '@domains/rescue';

/**
 * Every module this gateway build can run. `MODULES` picks from these (default: all).
 * To add a module: create `libs/domains/<name>`, export its `DomainModule`, and list it here.
 */
export const AVAILABLE_MODULES: readonly DomainModule[] = [directoryModule, accessModule, riskModule, rescueModule];
