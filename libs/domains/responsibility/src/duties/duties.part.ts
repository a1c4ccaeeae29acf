import { EMPTY_PART, type ResponsibilityPart } from '../responsibility.part';

/** 职责清单与述职 (point 一): duty lists per official and year, and duty reports. Under construction. */
export const dutiesPart: ResponsibilityPart = EMPTY_PART;
