import type { ResponsibilityPart } from '../responsibility.part';
import { Problem, ProblemReview, ProblemUpdate } from './problem.entity';
import { ProblemRepeatFigureResolver, ProblemResolver, ProblemReviewResolver, ProblemUpdateResolver } from './problem.resolver';
import { problemEffectiveClosure, problemRepeats } from './problem-indicators';
import { seedProblems } from './problem.seed';
import { CreateProblems1764403820000 } from '../migrations/1764403820000-create-problems';
import { problemBusinessRules } from '../business-rules/problems';
import { problemNodeEntities } from './problems.entities';
import { problemEvents } from './problems.events';
import { problemPermissions } from './problems.permissions';

/** 安全生产和自然灾害问题清单 (point 三): problems from every source, closure with a separate effectiveness check, post-event reviews, repeats. */
export const problemsPart: ResponsibilityPart = {
  entities: [Problem, ProblemUpdate, ProblemReview],
  resolvers: [ProblemResolver, ProblemUpdateResolver, ProblemReviewResolver, ProblemRepeatFigureResolver],
  migrations: [CreateProblems1764403820000],
  permissions: problemPermissions,
  scopedEntities: problemNodeEntities,
  events: [problemEvents],
  businessRules: problemBusinessRules,
  indicators: [problemEffectiveClosure, problemRepeats],
  seed: seedProblems,
};
