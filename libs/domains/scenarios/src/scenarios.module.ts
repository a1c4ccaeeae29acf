import { defineSettings, moduleFromParts, type DomainModule, type StartedModule } from '@platform/core';
import type { ScenariosPart } from './scenarios.part';
import { sensorsPart } from './sensors/sensors.part';
import { alarmsPart } from './alarms/alarms.part';
import { healthPart } from './health/health.part';
import { equipmentPart } from './equipment/equipment.part';
import { communicationsPart } from './communications/communications.part';
import { qrCodesPart } from './qr-codes/qr-codes.part';
import { knowledgePart } from './knowledge/knowledge.part';
import { dutyLedgerPart } from './duty-ledger/duty-ledger.part';
import { closedLoopPart } from './closed-loop/closed-loop.part';
import { enterprisePicturePart } from './enterprise-picture/enterprise-picture.part';

/** The module's parts, in seeding order (each one's seed may use what the ones before it seeded). */
const PARTS: readonly ScenariosPart[] = [sensorsPart, alarmsPart, healthPart, equipmentPart, communicationsPart, qrCodesPart, knowledgePart, dutyLedgerPart, closedLoopPart, enterprisePicturePart];

const parts = moduleFromParts(PARTS);

/**
 * 数字应急场景 (work-plan points 二十二–二十四): sensors and observations after the OGC SensorThings API with
 * batched ingestion, rules and alarms, data health; the closed loop, the enterprise safety butler, the
 * duty ledger, QR codes, the emergency knowledge base; communication terminals and equipment renewal:
 * each a part (`ScenariosPart`).
 */
export const scenariosModule: DomainModule = {
  name: 'scenarios',
  description: '数字应急场景。Digital scenarios (points 二十二–二十四): sensors and observations shaped after the OGC SensorThings API with batched ingestion, rules, alarms and data health; the hazard closed loop, the enterprise safety butler and red list, the officials\' duty ledger, QR codes, the emergency knowledge base; emergency communication terminals and equipment renewal.',
  // It reads every other module through their public faces: the directory (organizations, persons, enterprises), access (API
  // clients), risk (risk points, hazards; alarms raise hazards), preparedness (plans, drills), command (who is on duty), warnings
  // (alarms draft warnings), response, responsibility (duties, key tasks), enforcement (laws, certificates, inspections, cases),
  // reporting (tips, insurance, internal reward mechanisms).
  dependsOn: ['directory', 'access', 'risk', 'preparedness', 'command', 'community', 'warnings', 'response', 'responsibility', 'enforcement', 'reporting'],
  ...parts,
  settings: defineSettings(Object.assign({}, ...PARTS.map((p) => p.settings ?? {}))),
  // The parts' routes, then each part's services and background jobs.
  start: async (runtime) => {
    const started = (await parts.start?.(runtime)) ?? {};
    const partsStarted: Pick<StartedModule, 'services' | 'stop'>[] = [];
    for (const part of PARTS) if (part.startPart) partsStarted.push(await part.startPart(runtime));
    return {
      ...started,
      services: Object.assign({}, started.services, ...partsStarted.map((p) => p.services ?? {})),
      stop: async () => {
        for (const p of partsStarted.reverse()) await p.stop?.();
        await started.stop?.();
      },
    };
  },
};
