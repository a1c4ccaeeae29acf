import { EMPTY_PART, type EnforcementPart } from '../enforcement.part';

/** 行政检查 (point 十八): approved inspections by a legal subject with certified inspectors, checklists, findings, documents and re-inspections. */
export const inspectionsPart: EnforcementPart = EMPTY_PART;
