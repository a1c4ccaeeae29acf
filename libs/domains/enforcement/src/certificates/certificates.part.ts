import { EMPTY_PART, type EnforcementPart } from '../enforcement.part';

/** 证件: enforcement certificates (执法证) of inspectors and special-operation certificates (特种作业操作证) of workers. */
export const certificatesPart: EnforcementPart = EMPTY_PART;
