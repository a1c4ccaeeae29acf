/*
 * The problem list's entities with their row scope and permissions, declared once: every read and
 * write of the part goes through `records(ctx, <declaration>)`, which applies the scope.
 */
import { defineScopedEntity } from '@platform/core';
import { Problem, ProblemReview, ProblemUpdate } from './problem.entity';
import { ProblemPermission } from './problems.permissions';

/** A problem belongs to the organization it was found in. */
export const Problems = defineScopedEntity(Problem, {
  table: 'problem',
  scope: { organizationColumn: 'organization_id' },
  read: ProblemPermission.ProblemRead,
  write: ProblemPermission.ProblemManage,
});

/** A timeline entry is in scope when its problem is. */
export const ProblemUpdates = defineScopedEntity(ProblemUpdate, {
  table: 'problem_update',
  scope: { through: { entity: Problems, column: 'problem_id' } },
  read: ProblemPermission.ProblemRead,
  write: ProblemPermission.ProblemRectify,
});

/** A review belongs to the organization that held it. */
export const ProblemReviews = defineScopedEntity(ProblemReview, {
  table: 'problem_review',
  scope: { organizationColumn: 'organization_id' },
  read: ProblemPermission.ProblemRead,
  write: ProblemPermission.ProblemManage,
});

/** The declarations reachable by `node(nodeId:)` (their GraphQL types implement `Node`). */
export const problemNodeEntities = [Problems, ProblemUpdates, ProblemReviews];
