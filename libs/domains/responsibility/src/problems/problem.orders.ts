import { SortDirection, defineListOrder, defineOrder, rankOf } from '@platform/core';
import { ProblemCategory, ProblemStatus } from './problem.enums';

/** `problems(orderBy:)`: the most recently found first by default; then by id, so the order (and the cursor) is total. */
export const ProblemOrder = defineOrder(
  'Problem',
  '问题清单',
  {
    FOUND_ON: { column: 't.found_on', description: '发现日期。By the day it was found.' },
    DUE_ON: { column: 't.due_on', description: '整改时限。By deadline.' },
    STATUS: { column: rankOf('t.status', [ProblemStatus.OPEN, ProblemStatus.RECTIFYING, ProblemStatus.CLOSED, ProblemStatus.EFFECTIVE]), description: '状态。By status: OPEN, RECTIFYING, CLOSED, EFFECTIVE.' },
    CATEGORY: { column: rankOf('t.category', Object.values(ProblemCategory)), description: '问题类别。By category, in the order of the work plan\'s areas.' },
    CREATED_AT: { column: 't.created_at', description: '登记时间。By when the problem was recorded.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when the problem last changed (for syncing).' },
  },
  [
    { column: 't.found_on', direction: SortDirection.DESC },
    { column: 't.id', direction: SortDirection.DESC },
  ],
);

/** A problem's timeline: in the order written. */
export const ProblemUpdateOrder = defineOrder(
  'ProblemUpdate',
  '问题整改记录',
  {
    CREATED_AT: { column: 't.created_at', description: '记录时间。By when the entry was written.' },
    RECORDED_ON: { column: 't.recorded_on', description: '日期。By the day the entry is about.' },
  },
  [
    { column: 't.created_at', direction: SortDirection.ASC },
    { column: 't.id', direction: SortDirection.ASC },
  ],
);

/** `problemReviews(orderBy:)` and a problem's `reviews`: the most recent first by default. */
export const ProblemReviewOrder = defineOrder(
  'ProblemReview',
  '复盘',
  {
    HELD_ON: { column: 't.held_on', description: '复盘日期。By the day it was held.' },
    CREATED_AT: { column: 't.created_at', description: '登记时间。By when the review was recorded.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when the review last changed (for syncing).' },
  },
  [
    { column: 't.held_on', direction: SortDirection.DESC },
    { column: 't.id', direction: SortDirection.DESC },
  ],
);

/** One figure of `problemRepeatFigures`: an organization and category with its problems and repeats in the period. */
export interface RepeatFigure {
  readonly key: string;
  readonly organizationId: string;
  readonly category: ProblemCategory;
  readonly problemCount: number;
  readonly repeatCount: number;
}

/** `problemRepeatFigures(orderBy:)`, over the computed figures: most repeats first by default. */
export const RepeatFigureOrder = defineListOrder<RepeatFigure, 'REPEAT_COUNT' | 'PROBLEM_COUNT' | 'CATEGORY'>(
  'ProblemRepeatFigure',
  '重复问题统计',
  {
    REPEAT_COUNT: { value: (f) => f.repeatCount, description: '重复问题数。By the number of repeat problems.' },
    PROBLEM_COUNT: { value: (f) => f.problemCount, description: '问题数。By the number of problems.' },
    CATEGORY: { value: (f) => Object.values(ProblemCategory).indexOf(f.category), description: '问题类别。By category, in the order of the work plan\'s areas.' },
  },
  [{ field: 'REPEAT_COUNT', direction: SortDirection.DESC }],
  (f) => f.key,
);
