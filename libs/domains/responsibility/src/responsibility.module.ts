import { moduleFromParts, type DomainModule } from '@platform/core';
import { keyTasksPart } from './key-tasks/key-tasks.part';
import { supervisionPart } from './supervision/supervision.part';
import { problemsPart } from './problems/problems.part';
import { dutiesPart } from './duties/duties.part';
import { registriesPart } from './registries/registries.part';
import { capacityPart } from './capacity/capacity.part';

/** The module's parts, in seeding order. */
const PARTS = [keyTasksPart, dutiesPart, registriesPart, supervisionPart, problemsPart, capacityPart];

/**
 * 安全责任体系 (work-plan points 一–四): annual key tasks, duty lists, supervision actions, the problem
 * list, the supervision map and registries, village capacity: each a part (`ResponsibilityPart`).
 */
export const responsibilityModule: DomainModule = {
  name: 'responsibility',
  description: '安全责任体系。Safety responsibility (points 一–四): annual key tasks with progress rolled up and bound to indicators, duty lists, supervision actions, the problem list, the supervision map and village capacity.',
  // risk: hazards (listed supervision); preparedness, command, community: drills, teams and consultations (problem sources, village capacity).
  // Targets bound to indicators of modules not enabled fall back to the reported progress.
  // access: who closed or checked a record (`Actor`).
  dependsOn: ['directory', 'access', 'risk', 'preparedness', 'command', 'community'],
  ...moduleFromParts(PARTS),
};
