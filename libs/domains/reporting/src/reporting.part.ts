import type { ModulePart } from '@platform/core';

/**
 * One part of the reporting module (a folder: the tips model, the intake, the handling, rewards,
 * insurance, publicity, the Open311 view): the kernel's `ModulePart`. The module is the parts put
 * together (`reporting.module.ts`, `moduleFromParts`).
 */
export type ReportingPart = ModulePart;
