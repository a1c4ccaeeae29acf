import type { EnforcementPart } from '../enforcement.part';
import { CreateCertificates1764403920000 } from '../migrations/1764403920000-create-certificates';
import { certificateBusinessRules } from '../business-rules/certificates';
import { EnforcementCertificate } from './enforcement-certificate.entity';
import { SpecialOperationCertificate, SpecialOperationCertificateReview } from './special-operation-certificate.entity';
import { EnforcementCertificateResolver } from './enforcement-certificate.resolver';
import { SpecialOperationCertificateResolver, SpecialOperationCertificateReviewResolver } from './special-operation-certificate.resolver';
import { certificateNodeEntities } from './certificates.entities';
import { certificateEvents } from './certificates.events';
import { certificatePermissions } from './certificates.permissions';
import { seedCertificates } from './certificates.seed';
import { dueSpecialOperationCertificates } from './certificate-indicators';

/** 证件: enforcement certificates (执法证) of inspectors and special-operation certificates (特种作业操作证) of workers. */
export const certificatesPart: EnforcementPart = {
  entities: [EnforcementCertificate, SpecialOperationCertificate, SpecialOperationCertificateReview],
  resolvers: [EnforcementCertificateResolver, SpecialOperationCertificateResolver, SpecialOperationCertificateReviewResolver],
  migrations: [CreateCertificates1764403920000],
  permissions: certificatePermissions,
  scopedEntities: certificateNodeEntities,
  events: [certificateEvents],
  businessRules: certificateBusinessRules,
  indicators: [dueSpecialOperationCertificates],
  seed: seedCertificates,
};
