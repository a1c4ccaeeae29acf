import { SortDirection, defineListOrder, defineOrder, rankOf } from '@platform/core';
import { DutyItemChangeKind, DutyListStatus, DutyReportStatus } from './duty.enums';
import type { DutyItemChange } from './duty-diff';

/** `dutyLists(orderBy:)`: latest year first, then by title; then by id, so the order (and the cursor) is total. */
export const DutyListOrder = defineOrder(
  'DutyList',
  '职责清单',
  {
    YEAR: { column: 't.year', description: '年度。By year.' },
    TITLE: { column: 't.title', description: '标题。By title.' },
    STATUS: { column: rankOf('t.status', [DutyListStatus.DRAFT, DutyListStatus.SIGNED]), description: '状态。By status: DRAFT, SIGNED.' },
    SIGNED_AT: { column: 't.signed_at', description: '签订时间。By when the list was signed; drafts last ascending.' },
    CREATED_AT: { column: 't.created_at', description: '创建时间。By when the list was created.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when the list last changed (for syncing).' },
  },
  [
    { column: 't.year', direction: SortDirection.DESC },
    { column: 't.title', direction: SortDirection.ASC },
    { column: 't.id', direction: SortDirection.ASC },
  ],
);

/** Items of a list, and `dutyItemsWithoutAction(orderBy:)`: by place in the list. */
export const DutyItemOrder = defineOrder(
  'DutyItem',
  '职责条目',
  {
    POSITION: { column: 't.position', description: '排序号。By place in the list.' },
    KEY: { column: 't.key', description: '条目键。By key.' },
    CATEGORY: { column: 't.category', description: '类别。By category (as spelt).' },
    CREATED_AT: { column: 't.created_at', description: '创建时间。By when the item was created.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when the item last changed (for syncing).' },
  },
  [
    { column: 't.position', direction: SortDirection.ASC },
    { column: 't.id', direction: SortDirection.ASC },
  ],
);

/** `dutyActions(orderBy:)` and an item's `actions`: latest first. */
export const DutyActionOrder = defineOrder(
  'DutyAction',
  '履职记录',
  {
    ACTED_ON: { column: 't.acted_on', description: '履职日期。By the day it was done.' },
    CREATED_AT: { column: 't.created_at', description: '记录时间。By when it was recorded.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when it last changed (for syncing).' },
  },
  [
    { column: 't.acted_on', direction: SortDirection.DESC },
    { column: 't.id', direction: SortDirection.DESC },
  ],
);

/** `dutyReports(orderBy:)`: latest period first. */
export const DutyReportOrder = defineOrder(
  'DutyReport',
  '述职报告',
  {
    PERIOD_TO: { column: 't.period_to', description: '述职期间止。By the period\'s last day.' },
    DUE_ON: { column: 't.due_on', description: '提交期限。By due day.' },
    STATUS: { column: rankOf('t.status', [DutyReportStatus.DRAFT, DutyReportStatus.SUBMITTED]), description: '状态。By status: DRAFT, SUBMITTED.' },
    CREATED_AT: { column: 't.created_at', description: '创建时间。By when the report was generated.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when the report last changed (for syncing).' },
  },
  [
    { column: 't.period_to', direction: SortDirection.DESC },
    { column: 't.id', direction: SortDirection.DESC },
  ],
);

/** `dutyListDiff(orderBy:)`, over the computed list: by key by default. */
export const DutyItemChangeOrder = defineListOrder<DutyItemChange, 'KEY' | 'KIND'>(
  'DutyItemChange',
  '职责条目变化',
  {
    KEY: { value: (c) => c.key, description: '条目键。By key.' },
    KIND: { value: (c) => [DutyItemChangeKind.ADDED, DutyItemChangeKind.REMOVED, DutyItemChangeKind.CHANGED].indexOf(c.kind), description: '变化类型。By kind: ADDED, REMOVED, CHANGED.' },
  },
  [{ field: 'KEY', direction: SortDirection.ASC }],
  (c) => c.key,
);
