import { accessModule } from '@platform/access';
import type { DomainModule } from '@platform/core';
import { directoryModule } from '@platform/directory';
import { riskModule } from '@domains/risk';
import { preparednessModule } from '@domains/preparedness';
import { commandModule } from '@domains/command';
import { communityModule } from '@domains/community';
import { warningsModule } from '@domains/warnings';
import { responseModule } from '@domains/response';
import { enforcementModule } from '../src/index';

/** The modules the enforcement tests start: the module and every one it reads (response, for accident investigations, with the modules it reads). */
export const MODULES: DomainModule[] = [directoryModule, accessModule, riskModule, preparednessModule, commandModule, communityModule, warningsModule, responseModule, enforcementModule];

/** The request helpers every module's tests share. */
export { dataOf, mutation, mutated } from '@platform/testing';
