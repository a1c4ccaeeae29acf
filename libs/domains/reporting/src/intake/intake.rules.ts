import { defineRules, type RuleOf } from '@platform/core';
import { reportingRules } from '../reporting.rules';

/** The validation rule names of the intake, on top of the module's (and the kernel's). */
export const intakeRules = defineRules(
  [
    /** An anonymous submission beyond the free one per address per hour without a valid, unexpired, unused proof of work. */
    'proofOfWork',
    /** 从业人员举报 (应急〔2020〕69号) without the reporter's real name and phone. */
    'employeeIdentity',
    /** A tip involving deaths without the number reported (at least 1), or a number without involvesDeaths. */
    'deaths',
    /** Coordinates outside China's WGS 84 bounding box, or only one of latitude and longitude. */
    'coordinates',
    /** A place code that names no QR place (no enterprise with that code or credit code). */
    'placeCode',
    /** An organization named as where the tip is that is not a village or community. */
    'organizationKind',
    /** A thread that has reached its most messages. */
    'tooManyMessages',
  ] as const,
  reportingRules,
);

export type IntakeRule = RuleOf<typeof intakeRules>;
