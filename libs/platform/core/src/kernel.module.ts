import type { DomainModule } from './module/domain-module';
import { AuditEntry } from './audit/audit-entry.entity';
import { CreateAuditLog1764400000000 } from './migrations/1764400000000-create-audit-log';

/** The kernel's own tables (audit log). Always enabled; every other module builds on it. */
export const kernelModule: DomainModule = {
  name: 'kernel',
  description: '平台内核。Platform kernel: audit log and shared conventions.',
  entities: [AuditEntry],
  resolvers: [],
  migrations: [CreateAuditLog1764400000000],
  permissions: [],
};
