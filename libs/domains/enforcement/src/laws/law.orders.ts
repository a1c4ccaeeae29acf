import { SortDirection, defineOrder } from '@platform/core';

/** `lawDocuments(orderBy:)`: the most recently in force first by default; then by id, so the order (and the cursor) is total. */
export const LawDocumentOrder = defineOrder(
  'LawDocument',
  '法律法规文件',
  {
    EFFECTIVE_FROM: { column: 't.effective_from', description: '施行日期。By the first day in force.' },
    CODE: { column: 't.code', description: '文件代码。By the document\'s code.', unique: true },
    CREATED_AT: { column: 't.created_at', description: '登记时间。By when it was added to the catalog.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when it last changed (for syncing).' },
  },
  [
    { column: 't.effective_from', direction: SortDirection.DESC },
    { column: 't.id', direction: SortDirection.DESC },
  ],
);

/** `lawArticles(orderBy:)`, a document's `articles`: article by article of each document (by ordinal) by default. */
export const LawArticleOrder = defineOrder(
  'LawArticle',
  '法律条文',
  {
    DOCUMENT: { column: 't.document_id', description: '文件。By document (its articles together).' },
    ORDINAL: { column: 't.ordinal', description: '序号。By article number.' },
    EFFECTIVE_FROM: { column: 't.effective_from', description: '施行日期。By the first day in force.' },
    CREATED_AT: { column: 't.created_at', description: '登记时间。By when it was added.' },
    UPDATED_AT: { column: 't.updated_at', description: '更新时间。By when it last changed (for syncing).' },
  },
  [
    { column: 't.document_id', direction: SortDirection.ASC },
    { column: 't.ordinal', direction: SortDirection.ASC },
    { column: 't.id', direction: SortDirection.ASC },
  ],
);

/** An article's `supersededBy` and `supersedes`: by the day the supersession applies, then by id. */
export const LawArticleSupersessionOrder = defineOrder(
  'LawArticleSupersession',
  '条文取代关系',
  {
    EFFECTIVE_ON: { column: 't.effective_on', description: '取代日期。By the day the supersession applies.' },
    CREATED_AT: { column: 't.created_at', description: '登记时间。By when it was recorded.' },
  },
  [
    { column: 't.effective_on', direction: SortDirection.ASC },
    { column: 't.id', direction: SortDirection.ASC },
  ],
);
