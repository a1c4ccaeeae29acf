import type { ModulePart } from '@platform/core';

/**
 * One part of the enforcement module (a folder: the law catalog, enforcement items, certificates,
 * annual plans, documents, inspections): the kernel's `ModulePart`. The module is the parts put
 * together (`enforcement.module.ts`, `moduleFromParts`).
 */
export type EnforcementPart = ModulePart;
