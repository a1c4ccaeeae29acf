import { defineRules, type RuleOf } from '@platform/core';
import { scenariosRules } from '../scenarios.rules';

/**
 * The sensors part's validation rules (`extensions.fields[].rule`, and `rule` of a rejected ingestion
 * row), on top of the module's (`unit`) and the kernel's (`exists`, `state`, `range`, `required`, …).
 */
export const sensorsRules = defineRules(
  [
    /** The organization of a thing is neither a village (community) nor an enterprise. */
    'organizationKind',
    /** The API client named as a feed is missing, revoked, or does not hold the sensor-feed role. */
    'feedClient',
    /** An ingestion's `components` lack phenomenonTime or result, repeat one, or name one the platform does not know. */
    'components',
    /** A dataArray row does not have one value per component. */
    'dataArray',
    /** An ingestion carries more rows than SENSOR_INGEST_MAX_ROWS allows in one call. */
    'batchSize',
    /** A time value is not an ISO 8601 instant with a time zone (or an interval `start/end` for phenomenonTime). */
    'dateTime',
    /** A result is not a finite number (or, for OM_TruthObservation, true/false; for OM_CountObservation, a whole number). */
    'result',
  ] as const,
  scenariosRules,
);

export type SensorsRule = RuleOf<typeof sensorsRules>;
