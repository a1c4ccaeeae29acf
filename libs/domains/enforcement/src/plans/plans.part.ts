import { EMPTY_PART, type EnforcementPart } from '../enforcement.part';

/** 年度监督检查计划 (point 十八): the annual plan calculator, key and ordinary enterprise lists and the frequency cap. */
export const plansPart: EnforcementPart = EMPTY_PART;
