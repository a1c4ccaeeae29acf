import { EMPTY_PART, type ResponsibilityPart } from '../responsibility.part';

/** 村级应急能力与季度晾晒 (point 四): village emergency capacity and the quarterly ranking. Under construction. */
export const capacityPart: ResponsibilityPart = EMPTY_PART;
