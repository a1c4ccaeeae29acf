import { EMPTY_PART, type ResponsibilityPart } from '../responsibility.part';

/** 督办 (points 二, 三): supervision actions 通报 / 督促函 / 约谈 / 挂牌督办 and the supervision map. Under construction. */
export const supervisionPart: ResponsibilityPart = EMPTY_PART;
