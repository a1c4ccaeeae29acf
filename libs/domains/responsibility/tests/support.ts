import { accessModule } from '@platform/access';
import type { DomainModule } from '@platform/core';
import { directoryModule } from '@platform/directory';
import { riskModule } from '@domains/risk';
import { preparednessModule } from '@domains/preparedness';
import { commandModule } from '@domains/command';
import { communityModule } from '@domains/community';
import { warningsModule } from '@domains/warnings';
import { responsibilityModule } from '../src/index';

/** The modules the responsibility tests start: the module and every one it reads (warnings for its indicator). */
export const MODULES: DomainModule[] = [directoryModule, accessModule, riskModule, preparednessModule, commandModule, communityModule, warningsModule, responsibilityModule];

/** The request helpers every module's tests share. */
export { dataOf, mutation, mutated } from '@platform/testing';
