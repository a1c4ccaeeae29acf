import type { DomainModule, StartedModule } from '@platform/core';
import { rescuePermissions } from './permissions';
import type { ModuleParts } from './shared/module-parts';
import { plansParts } from './plans/plans.parts';
import { commandParts } from './command/command.parts';
import { dutyParts } from './duty/duty.parts';
import { consultationsParts } from './consultations/consultations.parts';
import { jointDefenseParts } from './joint-defense/joint-defense.parts';
import { warningsParts } from './warnings/warnings.parts';
import { escalationParts } from './warnings/escalation/escalation.parts';
import { capParts } from './cap/cap.parts';
import { incidentsParts } from './incidents/incidents.parts';
import { reliefParts } from './relief/relief.parts';
import { suppliesParts } from './supplies/supplies.parts';

/** The areas, in seed order (later ones may use earlier ones' rows). */
const AREAS: readonly ModuleParts[] = [plansParts, commandParts, dutyParts, consultationsParts, jointDefenseParts, warningsParts, escalationParts, capParts, incidentsParts, reliefParts, suppliesParts];

/** 救援救灾 (work-plan points 十一–十五): preparedness, command, teams, duty, consultation, joint defense, warnings, incidents, relief, supplies. */
export const rescueModule: DomainModule = {
  name: 'rescue',
  description:
    '救援救灾。Rescue and relief: emergency plans and drills with compliance rules, command headquarters, rescue teams and staffing, duty rosters, consultations (会商研判), ten-household joint defense (十户联防), graded warnings with call-and-response and CAP export, incidents and damage reports, relief to households and relief supplies.',
  dependsOn: ['directory', 'risk'],
  entities: AREAS.flatMap((a) => a.entities),
  resolvers: AREAS.flatMap((a) => a.resolvers),
  migrations: AREAS.flatMap((a) => a.migrations),
  scopedEntities: AREAS.flatMap((a) => a.scopedEntities ?? []),
  permissions: rescuePermissions,
  seed: async (ctx) => {
    for (const area of AREAS) await area.seed?.(ctx);
  },
  start: async (runtime) => {
    const started: StartedModule[] = [];
    for (const area of AREAS) if (area.start) started.push(await area.start(runtime));
    return {
      services: Object.assign({}, ...started.map((s) => s.services ?? {})),
      httpRoutes: started.flatMap((s) => s.httpRoutes ?? []),
      stop: async () => {
        for (const s of started.reverse()) await s.stop?.();
      },
    };
  },
};
