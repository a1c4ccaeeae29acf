import { defineEvents, payload } from '@platform/core';
import { ProblemReviews, Problems } from './problems.entities';

/** What a problem's events carry: the problem, its organization and category. */
type ProblemPayload = { id: string; organizationId: string; category: string };

/**
 * Every event of the problem list (ids only). The workflow's steps emit
 * `responsibility.problem.rectifying|closed|verified-effective|reopened`.
 */
export const problemEvents = defineEvents({
  'responsibility.problem.recorded': payload<ProblemPayload>(Problems),
  'responsibility.problem.updated': payload<ProblemPayload>(Problems),
  'responsibility.problem.rectifying': payload<ProblemPayload>(Problems),
  'responsibility.problem.closed': payload<ProblemPayload>(Problems),
  'responsibility.problem.verified-effective': payload<ProblemPayload>(Problems),
  'responsibility.problem.reopened': payload<ProblemPayload>(Problems),
  'responsibility.problem-review.recorded': payload<{ id: string; organizationId: string }>(ProblemReviews),
});

export type ProblemEvents = typeof problemEvents;
