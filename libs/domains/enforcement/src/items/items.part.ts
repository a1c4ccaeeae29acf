import { EMPTY_PART, type EnforcementPart } from '../enforcement.part';

/** 执法事项清单 (point 十七): versioned lists of statutory, delegated and entrusted enforcement items with their legal basis and discretion bands. */
export const itemsPart: EnforcementPart = EMPTY_PART;
