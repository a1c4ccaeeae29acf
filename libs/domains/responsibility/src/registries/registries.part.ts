import { EMPTY_PART, type ResponsibilityPart } from '../responsibility.part';

/** 三管三必须、重点建设项目三同时、沿线责任、四个一 (point 二): the supervision map and gaps, key projects, linear features, 四个一 records. Under construction. */
export const registriesPart: ResponsibilityPart = EMPTY_PART;
