import type { DomainModule } from './module/domain-module';
import { EVERY_STAFF_ROLE, definePermissions } from './access/permission';
import { AuditEntry } from './audit/audit-entry.entity';
import { Attachment } from './attachments/attachment.entity';
import { CreateAttachments1764400400000 } from './migrations/1764400400000-create-attachments';
import { AuditLogResolver } from './audit-log/audit-log.resolver';
import { CreateAuditLog1764400000000 } from './migrations/1764400000000-create-audit-log';
import { AddAuditIp1764400200000 } from './migrations/1764400200000-add-audit-ip';
import { AddAuditOrganization1764404300000 } from './migrations/1764404300000-add-audit-organization';
import { CreateIdempotencyKeys1764403050000 } from './migrations/1764403050000-create-idempotency-keys';
import { CreateEventOutbox1764403400000 } from './migrations/1764403400000-create-event-outbox';
import { NodeResolver, SCOPED_ENTITIES } from './data/node';
import { AuditEntryRecordResolver } from './audit-log/audit-entity.resolver';
import { ChangeFeedResolver } from './data/change-feed';
import { CalendarDay } from './calendar/calendar-day.entity';
import { CalendarDays } from './calendar/calendar.entities';
import { calendarEvents } from './calendar/calendar.events';
import { calendarPermissions } from './calendar/calendar.permissions';
import { CalendarResolver } from './calendar/calendar.resolver';
import { CreateCalendar1764403600000 } from './migrations/1764403600000-create-calendar';
import { CreateBusinessRules1764403700000 } from './migrations/1764403700000-create-business-rules';
import { CreateYearlyNumbers1764404040000 } from './migrations/1764404040000-create-yearly-numbers';
import { BusinessRuleVersion } from './business-rules/business-rule-version.entity';
import { BusinessRuleVersions } from './business-rules/business-rules.entities';
import { businessRuleEvents } from './business-rules/business-rules.events';
import { businessRulePermissions } from './business-rules/business-rules.permissions';
import { BusinessRuleResolver } from './business-rules/business-rules.resolver';
import { BUSINESS_RULES, registerBusinessRules } from './business-rules/business-rule';
import { INDICATORS, registerIndicators } from './indicators/indicator';
import { indicatorPermissions } from './indicators/indicators.permissions';
import { IndicatorResolver } from './indicators/indicators.resolver';

/** The kernel's own tables and API (audit log). Always enabled; every other module builds on it. */
export const kernelModule: DomainModule = {
  name: 'kernel',
  description: '平台内核。Platform kernel: audit log, attachments, the working-day calendar, versioned business rules, the indicator registry and shared conventions.',
  entities: [AuditEntry, Attachment, CalendarDay, BusinessRuleVersion],
  resolvers: [AuditLogResolver, AuditEntryRecordResolver, NodeResolver, ChangeFeedResolver, CalendarResolver, BusinessRuleResolver, IndicatorResolver],
  migrations: [CreateAuditLog1764400000000, AddAuditIp1764400200000, CreateAttachments1764400400000, CreateIdempotencyKeys1764403050000, CreateEventOutbox1764403400000, CreateCalendar1764403600000, CreateBusinessRules1764403700000, CreateYearlyNumbers1764404040000, AddAuditOrganization1764404300000],
  scopedEntities: [CalendarDays, BusinessRuleVersions],
  events: [calendarEvents, businessRuleEvents],
  // Every enabled module's declared entities by GraphQL type name, for node(nodeId:), its declared business rules and its registered indicators by code.
  start: async (runtime) => ({
    services: {
      [SCOPED_ENTITIES]: new Map(runtime.modules.flatMap((m) => m.scopedEntities ?? []).map((e) => [e.typeName, e])),
      [BUSINESS_RULES]: registerBusinessRules(runtime.modules),
      [INDICATORS]: registerIndicators(runtime.modules),
    },
  }),
  permissions: definePermissions([
    ...calendarPermissions,
    ...businessRulePermissions,
    ...indicatorPermissions,
    { code: 'kernel.audit:read', nameZh: '查看审计日志', description: 'Read the audit log of every recorded change.', grantedTo: { 'town-safety-office': 'ALL' } },
    {
      code: 'kernel.attachment:upload',
      nameZh: '上传附件',
      description: 'Upload files (photos, scans, PDFs) that a following mutation links to a record.',
      grantedTo: EVERY_STAFF_ROLE,
    },
  ]),
};
