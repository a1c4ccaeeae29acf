import { SortDirection, defineOrder, rankOf, type SortKey } from '@platform/core';
import { EnforcementDocumentKind } from './document.enums';

/** `enforcementDocuments(orderBy:)`: the most recently issued first by default; then by id, so the order (and the cursor) is total. */
export const EnforcementDocumentOrder = defineOrder(
  'EnforcementDocument',
  '执法文书',
  {
    ISSUED_ON: { column: 't.issued_on', description: '签发日期。By the day it was issued.' },
    KIND: { column: rankOf('t.kind', Object.values(EnforcementDocumentKind)), description: '文书种类。By kind, in the order of a case file.' },
    CREATED_AT: { column: 't.created_at', description: '签发时间。By when it was issued (recorded).' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when it was written (documents never change: the same as CREATED_AT; for syncing).' },
  },
  [
    { column: 't.issued_on', direction: SortDirection.DESC },
    { column: 't.created_at', direction: SortDirection.DESC },
    { column: 't.id', direction: SortDirection.DESC },
  ],
);

/** The documents of one subject (an inspection's): in the order they were issued, as a file is kept. */
export const SUBJECT_DOCUMENT_KEYS: readonly SortKey[] = [
  { column: 't.issued_on', direction: SortDirection.ASC },
  { column: 't.created_at', direction: SortDirection.ASC },
  { column: 't.id', direction: SortDirection.ASC },
];

/** A kind's template versions: the newest first. */
export const TEMPLATE_VERSION_KEYS: readonly SortKey[] = [
  { column: 't.template_version', direction: SortDirection.DESC },
  { column: 't.id', direction: SortDirection.DESC },
];

/** `enforcementDocumentKinds(orderBy:)`: in the order of a case file by default. */
export const EnforcementDocumentFormOrder = defineOrder(
  'EnforcementDocumentForm',
  '执法文书种类',
  {
    SORT_ORDER: { column: 't.sort_order', description: '排序。By display order (the order of a case file).' },
    KIND: { column: 't.kind', description: '文书种类。By the kind\'s code.', unique: true },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when a template version was last added (for syncing).' },
  },
  [
    { column: 't.sort_order', direction: SortDirection.ASC },
    { column: 't.id', direction: SortDirection.ASC },
  ],
);

/** `enforcementDocumentIssuers(orderBy:)`: by short name by default. */
export const EnforcementDocumentIssuerOrder = defineOrder(
  'EnforcementDocumentIssuer',
  '发文机关代字',
  {
    SHORT_NAME: { column: 't.short_name', description: '机关代字。By short name (Unicode code point order).', unique: true },
    CREATED_AT: { column: 't.created_at', description: '登记时间。By when it was set.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when it last changed (for syncing).' },
  },
  [
    { column: 't.short_name', direction: SortDirection.ASC },
    { column: 't.id', direction: SortDirection.ASC },
  ],
);
