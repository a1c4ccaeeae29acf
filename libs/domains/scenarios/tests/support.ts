import { accessModule } from '@platform/access';
import type { DomainModule } from '@platform/core';
import { directoryModule } from '@platform/directory';
import { riskModule } from '@domains/risk';
import { preparednessModule } from '@domains/preparedness';
import { commandModule } from '@domains/command';
import { communityModule } from '@domains/community';
import { warningsModule } from '@domains/warnings';
import { responseModule } from '@domains/response';
import { responsibilityModule } from '@domains/responsibility';
import { enforcementModule } from '@domains/enforcement';
import { reportingModule } from '@domains/reporting';
import { scenariosModule } from '../src/index';

/** The modules the scenarios tests start: the module and every one it reads (with the modules they read). */
export const MODULES: DomainModule[] = [
  directoryModule,
  accessModule,
  riskModule,
  preparednessModule,
  commandModule,
  communityModule,
  warningsModule,
  responseModule,
  responsibilityModule,
  enforcementModule,
  reportingModule,
  scenariosModule,
];

/** The request helpers every module's tests share. */
export { dataOf, mutation, mutated } from '@platform/testing';
