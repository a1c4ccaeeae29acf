// The part's public face (re-exported by the module's index.ts).
// Declared entities: other modules read the problem list through these, never by SQL on its tables.
export { Problems, ProblemReviews, ProblemUpdates } from './problems.entities';
export { Problem, ProblemReview, ProblemUpdate } from './problem.entity';
export { EffectivenessResult, ProblemCategory, ProblemSourceKind, ProblemStatus } from './problem.enums';
export { ProblemPermission } from './problems.permissions';
export { problemEvents, type ProblemEvents } from './problems.events';
export { problemRules, type ProblemRule } from './problems.rules';
export { PROBLEM_EFFECTIVENESS, PROBLEM_REPEAT } from '../business-rules/problems';
export { ProblemReference, problemById } from './problem.loaders';
