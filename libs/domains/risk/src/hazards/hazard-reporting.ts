import type { RequestContext } from '@platform/core';
import type { Hazard } from './hazard.entity';
import type { HazardCategory, HazardSource } from './hazard.enums';
import { HazardService } from './hazard.service';

/** A hazard another module reports (e.g. a problem found in a drill). */
export interface HazardReport {
  readonly organizationId: string;
  readonly title: string;
  readonly description?: string | null;
  readonly category: HazardCategory;
  readonly source: HazardSource;
  readonly foundAt?: Date;
  /** The record it came from, as a global id (`globalIdOf(Drills, drill.id)`); shown as `Hazard.origin`. */
  readonly originNodeId?: string | null;
}

const service = new HazardService();

/**
 * The risk module's public way to report a hazard: the same checks, history, audit entry and event
 * as `reportHazard`, within the caller's risk.hazard:report scope (else NOT_FOUND for the
 * `Organization`, as for a missing one). Inside another module's `transaction()` it joins that transaction.
 */
export function reportHazard(ctx: RequestContext, report: HazardReport): Promise<Hazard> {
  const { originNodeId, ...input } = report;
  return service.report(ctx, input, originNodeId ?? null);
}
