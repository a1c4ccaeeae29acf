import { SortDirection, defineListOrder, defineOrder, rankOf } from '@platform/core';
import { KeyProjectStage, LinearFeatureKind, NewBusinessFormatStatus } from './registries.enums';
import type { FourOnesGap } from './fire-four-ones.types';

/** `supervisionAssignments(orderBy:)`: by sector, then the newest first; ties by id. */
export const SupervisionAssignmentOrder = defineOrder(
  'SupervisionAssignment',
  '行业监管职责',
  {
    SECTOR: { column: 't.sector_code', description: '行业代码。By sector code.' },
    STARTED_ON: { column: 't.started_on', description: '起始日期。By the first day it applies.' },
    CREATED_AT: { column: 't.created_at', description: '创建时间。By when it was recorded.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when it last changed (for syncing).' },
  },
  [
    { column: 't.sector_code', direction: SortDirection.ASC },
    { column: 't.started_on', direction: SortDirection.DESC },
    { column: 't.id', direction: SortDirection.ASC },
  ],
);

/** `newBusinessFormats(orderBy:)`: pending first, then by the day reported. */
export const NewBusinessFormatOrder = defineOrder(
  'NewBusinessFormat',
  '新兴业态',
  {
    STATUS: { column: rankOf('t.status', [NewBusinessFormatStatus.PENDING, NewBusinessFormatStatus.ASSIGNED]), description: '状态。PENDING before ASSIGNED.' },
    REPORTED_ON: { column: 't.reported_on', description: '发现日期。By the day it was reported.' },
    CREATED_AT: { column: 't.created_at', description: '创建时间。By when it was recorded.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when it last changed (for syncing).' },
  },
  [
    { column: rankOf('t.status', [NewBusinessFormatStatus.PENDING, NewBusinessFormatStatus.ASSIGNED]), direction: SortDirection.ASC },
    { column: 't.reported_on', direction: SortDirection.ASC },
    { column: 't.id', direction: SortDirection.ASC },
  ],
);

/** `keyProjects(orderBy:)`: by name by default. */
export const KeyProjectOrder = defineOrder(
  'KeyProject',
  '重点建设项目',
  {
    NAME: { column: 't.name', description: '名称。By name.' },
    STAGE: {
      column: rankOf('t.stage', [KeyProjectStage.PLANNING, KeyProjectStage.DESIGN, KeyProjectStage.CONSTRUCTION, KeyProjectStage.TRIAL_OPERATION, KeyProjectStage.COMPLETED]),
      description: '阶段。By stage: PLANNING, DESIGN, CONSTRUCTION, TRIAL_OPERATION, COMPLETED.',
    },
    CREATED_AT: { column: 't.created_at', description: '创建时间。By when it was registered.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when it last changed (for syncing).' },
  },
  [
    { column: 't.name', direction: SortDirection.ASC },
    { column: 't.id', direction: SortDirection.ASC },
  ],
);

/** A project's 三同时 stages, in the stages' order. */
export const ThreeSimultaneityOrder = defineOrder(
  'ThreeSimultaneityRecord',
  '三同时记录',
  {
    APPROVED_ON: { column: 't.approved_on', description: '日期。By the day of the approval or acceptance.' },
  },
  [
    { column: rankOf('t.stage', ['DESIGN', 'CONSTRUCTION', 'OPERATION']), direction: SortDirection.ASC },
    { column: 't.id', direction: SortDirection.ASC },
  ],
);

/** `linearFeatureSections(orderBy:)`: by kind, then name. */
export const LinearFeatureSectionOrder = defineOrder(
  'LinearFeatureSection',
  '沿线责任段',
  {
    KIND: { column: rankOf('t.kind', [LinearFeatureKind.ROAD, LinearFeatureKind.RAILWAY, LinearFeatureKind.RESERVOIR_BANK]), description: '类型。ROAD, RAILWAY, RESERVOIR_BANK.' },
    NAME: { column: 't.name', description: '名称。By name.' },
    CREATED_AT: { column: 't.created_at', description: '创建时间。By when it was registered.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when it last changed (for syncing).' },
  },
  [
    { column: rankOf('t.kind', [LinearFeatureKind.ROAD, LinearFeatureKind.RAILWAY, LinearFeatureKind.RESERVOIR_BANK]), direction: SortDirection.ASC },
    { column: 't.name', direction: SortDirection.ASC },
    { column: 't.id', direction: SortDirection.ASC },
  ],
);

/** `fireFourOnesItems(orderBy:)`: by year, department, then item. */
export const FireFourOnesItemOrder = defineOrder(
  'FireFourOnesItem',
  '“四个一”事项记录',
  {
    DONE_ON: { column: 't.done_on', description: '完成日期。By the day it was done.' },
    CREATED_AT: { column: 't.created_at', description: '创建时间。By when it was recorded.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when it last changed (for syncing).' },
  },
  [
    { column: 't.year', direction: SortDirection.ASC },
    { column: 't.department_id', direction: SortDirection.ASC },
    { column: rankOf('t.kind', ['MEETING', 'TRAINING', 'INSPECTION', 'PUBLICITY']), direction: SortDirection.ASC },
    { column: 't.id', direction: SortDirection.ASC },
  ],
);

/** `fireFourOnesGaps(orderBy:)` over the computed list: most items missing first. */
export const FourOnesGapOrder = defineListOrder<FourOnesGap, 'MISSING' | 'DEPARTMENT_NAME'>(
  'FireFourOnesGap',
  '“四个一”缺项部门',
  {
    MISSING: { value: (g) => g.missingKinds.length, description: '缺项数。By how many of the four items are missing.' },
    DEPARTMENT_NAME: { value: (g) => g.departmentName, description: '部门名称。By the department\'s name.' },
  },
  [{ field: 'MISSING', direction: SortDirection.DESC }],
  (g) => g.departmentId,
);
