import type { EnforcementPart } from '../enforcement.part';
import { CreateLawCatalog1764403900000 } from '../migrations/1764403900000-create-law-catalog';
import { LawArticle, LawArticleSupersession, LawDocument } from './law.entity';
import { LawDocumentResolver } from './law-document.resolver';
import { LawArticleResolver, LawArticleSupersessionResolver } from './law-article.resolver';
import { lawNodeEntities } from './laws.entities';
import { lawEvents } from './laws.events';
import { lawPermissions } from './laws.permissions';

/**
 * 法律法规库 (point 十六): laws, regulations, rules and standards with their articles, effective
 * periods and supersession. The catalog itself is reference data every installation needs, so its
 * migration inserts it; the part has no demo seed.
 */
export const lawsPart: EnforcementPart = {
  entities: [LawDocument, LawArticle, LawArticleSupersession],
  resolvers: [LawDocumentResolver, LawArticleResolver, LawArticleSupersessionResolver],
  migrations: [CreateLawCatalog1764403900000],
  permissions: lawPermissions,
  scopedEntities: lawNodeEntities,
  events: [lawEvents],
  businessRules: [],
  indicators: [],
};
