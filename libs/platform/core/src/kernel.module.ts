import type { DomainModule } from './module/domain-module';
import { definePermissions } from './module/permission';
import { AuditEntry } from './audit/audit-entry.entity';
import { AuditLogResolver } from './audit/audit-log.resolver';
import { CreateAuditLog1764400000000 } from './migrations/1764400000000-create-audit-log';
import { AddAuditIp1764400200000 } from './migrations/1764400200000-add-audit-ip';

/** The kernel's own tables and API (audit log). Always enabled; every other module builds on it. */
export const kernelModule: DomainModule = {
  name: 'kernel',
  description: '平台内核。Platform kernel: audit log and shared conventions.',
  entities: [AuditEntry],
  resolvers: [AuditLogResolver],
  migrations: [CreateAuditLog1764400000000, AddAuditIp1764400200000],
  permissions: definePermissions([
    { code: 'kernel.audit:read', nameZh: '查看审计日志', description: 'Read the audit log of every recorded change.', grantedTo: { 'town-safety-office': 'ALL' } },
  ]),
};
