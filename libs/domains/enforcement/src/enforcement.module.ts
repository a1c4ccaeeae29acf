import { moduleFromParts, type DomainModule } from '@platform/core';
import { lawsPart } from './laws/laws.part';
import { itemsPart } from './items/items.part';
import { certificatesPart } from './certificates/certificates.part';
import { plansPart } from './plans/plans.part';
import { documentsPart } from './documents/documents.part';
import { inspectionsPart } from './inspections/inspections.part';
import { accidentsPart } from './accidents/accidents.part';
import { casesPart } from './cases/cases.part';
import { penaltiesPart } from './cases/penalties.part';
import { referralsPart } from './referrals/referrals.part';
import { startAccidentRefresh } from './accidents/accident-refresh';

/** The module's parts, in seeding order (each one's seed may use what the ones before it seeded). */
const PARTS = [lawsPart, itemsPart, certificatesPart, plansPart, documentsPart, inspectionsPart, accidentsPart, casesPart, penaltiesPart, referralsPart];

const parts = moduleFromParts(PARTS);

/**
 * 监管执法 (work-plan points 十六–十八): the law catalog with supersession, the town's enforcement
 * items, certificates of inspectors and special operators, the annual inspection plan, the
 * inspections, accident investigations, penalty cases, their penalty lines and payments, and criminal
 * referrals: each a part (`EnforcementPart`).
 */
export const enforcementModule: DomainModule = {
  name: 'enforcement',
  description: '监管执法。Supervision and law enforcement (points 十六–十八): the law catalog with supersession, enforcement items, certificates, the annual inspection plan, inspections by legal subjects with certified inspectors, accident investigations, penalty cases on their legal clocks with 一案双罚 penalty lines and payments, and criminal referrals.',
  // directory: enterprises and persons; access: who approved or recorded (`Actor`); risk: findings raise hazards
  // through its public API, and risk grades of enterprises' risk points decide the key enterprise list;
  // response: accident investigations are views over its incidents and damage reports (read through its declarations).
  dependsOn: ['directory', 'access', 'risk', 'response'],
  ...parts,
  // The parts' routes, and the accidents part following new damage reports (refreshing grades; in the background only).
  start: async (runtime) => {
    const started = (await parts.start?.(runtime)) ?? {};
    const stopRefresh = runtime.background === false ? () => undefined : startAccidentRefresh(runtime);
    return {
      ...started,
      stop: async () => {
        stopRefresh();
        await started.stop?.();
      },
    };
  },
};
