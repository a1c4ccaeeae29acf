import { defineReference, type RequestContext } from '@platform/core';
import type DataLoader from 'dataloader';
import { SensorDataGaps } from './health.entities';
import type { SensorDataGap } from './data-gap.entity';

/** Gaps by id, within the caller's data-health read scope (others load as null): one statement per request level. */
export const SensorDataGapReference = defineReference(SensorDataGaps, 'scenarios.sensorDataGap.byId');
export const sensorDataGapById = (ctx: RequestContext): DataLoader<string, SensorDataGap | null> => SensorDataGapReference.byId(ctx);
