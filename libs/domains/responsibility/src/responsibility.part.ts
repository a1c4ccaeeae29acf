import type { ModulePart } from '@platform/core';

/**
 * One part of the responsibility module (a folder: key tasks, supervision actions, the problem list,
 * duty lists, registries, village capacity): the kernel's `ModulePart`. The module is the parts put
 * together (`responsibility.module.ts`, `moduleFromParts`).
 */
export type ResponsibilityPart = ModulePart;
