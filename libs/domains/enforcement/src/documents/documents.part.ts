import type { EnforcementPart } from '../enforcement.part';
import { CreateEnforcementDocuments1764403935000 } from '../migrations/1764403935000-create-enforcement-documents';
import { EnforcementDocument } from './document.entity';
import { EnforcementDocumentForm, EnforcementDocumentIssuer, EnforcementDocumentTemplate } from './document-template.entity';
import { EnforcementDocumentResolver } from './document.resolver';
import { EnforcementDocumentFormResolver, EnforcementDocumentIssuerResolver } from './document-template.resolver';
import { documentDownloadRoute } from './document.route';
import { seedDocumentIssuers } from './document.seed';
import { documentNodeEntities } from './documents.entities';
import { documentEvents } from './documents.events';
import { documentPermissions } from './documents.permissions';

/** 执法文书: numbered documents rendered from versioned templates and kept as issued (inspections issue them; the cases of the next issue too). */
export const documentsPart: EnforcementPart = {
  entities: [EnforcementDocument, EnforcementDocumentForm, EnforcementDocumentTemplate, EnforcementDocumentIssuer],
  resolvers: [EnforcementDocumentResolver, EnforcementDocumentFormResolver, EnforcementDocumentIssuerResolver],
  migrations: [CreateEnforcementDocuments1764403935000],
  permissions: documentPermissions,
  scopedEntities: documentNodeEntities,
  events: [documentEvents],
  businessRules: [],
  indicators: [],
  seed: seedDocumentIssuers,
  httpRoutes: [documentDownloadRoute],
};
