import type { LawArticle, LawDocument } from './law.entity';
import { LawArticleStatus, LawDocumentStatus } from './law.enums';

/** A document's or an article's period contains the day. */
export const periodContains = (p: Pick<LawDocument, 'effectiveFrom' | 'effectiveTo'>, day: string): boolean => p.effectiveFrom <= day && (p.effectiveTo === null || p.effectiveTo >= day);

/** Where a document stands on a day. */
export function documentStatus(d: Pick<LawDocument, 'effectiveFrom' | 'effectiveTo'>, day: string): LawDocumentStatus {
  if (day < d.effectiveFrom) return LawDocumentStatus.NOT_YET_IN_FORCE;
  return periodContains(d, day) ? LawDocumentStatus.IN_FORCE : LawDocumentStatus.REPEALED;
}

/** Where an article stands on a day: after its period it is SUPERSEDED when a supersession ended it, else REPEALED. */
export function articleStatus(a: Pick<LawArticle, 'effectiveFrom' | 'effectiveTo' | 'supersededOn'>, day: string): LawArticleStatus {
  if (day < a.effectiveFrom) return LawArticleStatus.NOT_YET_IN_FORCE;
  if (periodContains(a, day)) return LawArticleStatus.IN_FORCE;
  return a.supersededOn !== null ? LawArticleStatus.SUPERSEDED : LawArticleStatus.REPEALED;
}
