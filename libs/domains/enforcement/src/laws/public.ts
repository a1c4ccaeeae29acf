// The part's public face (re-exported by the module's index.ts).
// Declared entities: other parts and modules read the catalog through these, never by SQL on its tables.
export { LawArticleSupersessions, LawArticles, LawDocuments } from './laws.entities';
export { LawArticle, LawArticleSupersession, LawDocument } from './law.entity';
export { LawArticleStatus, LawDocumentKind, LawDocumentStatus, LawEvidence } from './law.enums';
export { LawPermission } from './laws.permissions';
export { lawEvents, type LawEvents } from './laws.events';
export { lawRules, type LawRule } from './laws.rules';
export { LawArticleReference, LawDocumentReference, lawArticlesById } from './law.loaders';
export { checkArticlesInForce } from './law-checks';
export { lawArticleSeedId, lawDocumentSeedId } from '../migrations/law-catalog.insert';
export { LawArticleConnection } from './law-document.resolver';
export { LawArticleOrder } from './law.orders';
