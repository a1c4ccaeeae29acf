import { EMPTY_PART, type ResponsibilityPart } from '../responsibility.part';

/** 安全生产和自然灾害问题清单 (point 三): problems from every source, closure with an effectiveness check, reviews, repeats. Under construction. */
export const problemsPart: ResponsibilityPart = EMPTY_PART;
