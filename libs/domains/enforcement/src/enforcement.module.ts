import { moduleFromParts, type DomainModule } from '@platform/core';
import { lawsPart } from './laws/laws.part';
import { itemsPart } from './items/items.part';
import { certificatesPart } from './certificates/certificates.part';
import { plansPart } from './plans/plans.part';
import { documentsPart } from './documents/documents.part';
import { inspectionsPart } from './inspections/inspections.part';

/** The module's parts, in seeding order (each one's seed may use what the ones before it seeded). */
const PARTS = [lawsPart, itemsPart, certificatesPart, plansPart, documentsPart, inspectionsPart];

/**
 * 监管执法 (work-plan points 十六–十八): the law catalog with supersession, the town's enforcement
 * items, certificates of inspectors and special operators, the annual inspection plan and the
 * inspections themselves: each a part (`EnforcementPart`).
 */
export const enforcementModule: DomainModule = {
  name: 'enforcement',
  description: '监管执法。Supervision and law enforcement (points 十六–十八): the law catalog with supersession, enforcement items, certificates, the annual inspection plan and inspections by legal subjects with certified inspectors.',
  // directory: enterprises and persons; access: who approved or recorded (`Actor`); risk: findings raise hazards
  // through its public API, and risk grades of enterprises' risk points decide the key enterprise list.
  dependsOn: ['directory', 'access', 'risk'],
  ...moduleFromParts(PARTS),
};
