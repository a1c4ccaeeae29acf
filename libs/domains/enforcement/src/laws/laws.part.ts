import { EMPTY_PART, type EnforcementPart } from '../enforcement.part';

/** 法律法规库 (point 十六): laws, regulations, rules and standards with their articles, effective periods and supersession. */
export const lawsPart: EnforcementPart = EMPTY_PART;
