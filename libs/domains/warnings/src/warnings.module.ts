import type { DomainModule, ModuleRuntime, StartedModule } from '@platform/core';
import { Warning, WarningTarget } from './model/warning.entity';
import { WarningDelivery, WarningEscalationPolicy } from './model/warning-delivery.entity';
import { NeverAcknowledgedOrganizationResolver, WarningDeliveryResolver, WarningEscalationPolicyResolver, WarningResolver } from './warnings/warning.resolver';
import { DeliveryAcknowledgedResolver, WarningSubscriptionResolver } from './warnings/warning-subscription.resolver';
import { CreateWarnings1764402400000 } from './migrations/1764402400000-create-warnings';
import { CreateWarningDeliveries1764402500000 } from './migrations/1764402500000-create-warning-deliveries';
import { seedWarnings } from './warnings/warning.seed';
import { WARNING_ISSUER_SERVICE, warningIssuerCode } from './warnings/warning-identifier';
import { WarningEscalation, WarningResponseAction, WarningResponseTemplate } from './escalation/escalation.entity';
import { WarningEscalationRecordsResolver, WarningResponseActionRecordsResolver } from './warnings/warning-relations.resolver';
import { EvacuationHouseholdResolver, WarningDeliveryEscalationResolver, WarningEscalationResolver, WarningResponseActionResolver, WarningResponseTemplateResolver } from './escalation/escalation.resolver';
import { WARNING_ESCALATION_SERVICE, startEscalationSweep } from './escalation/escalation.sweep';
import { warningsSettings } from './warnings.settings';
import { seedWarningEscalations } from './escalation/escalation.seed';
import { CreateWarningEscalations1764402550000 } from './migrations/1764402550000-create-warning-escalations';
import { CAP_SERVICE, CapExporter } from './cap/cap.exporter';
import { WarningCapResolver } from './cap/cap.resolver';
import { warningsPermissions } from './permissions';
import { warningsNodeEntities } from './warnings.entities';
import { warningsEvents } from './warnings.events';
import { warningAcknowledgementRate } from './warnings/acknowledgement-indicator';

/** The issuing unit code (setting WARNING_ISSUER_CODE), checked at start. */
const startWarningIssuer = async (runtime: ModuleRuntime): Promise<StartedModule> => ({ services: { [WARNING_ISSUER_SERVICE]: warningIssuerCode(runtime.settings, runtime.log) } });

/** The escalation sweep over unacknowledged deliveries. */
const startEscalation = async (runtime: ModuleRuntime): Promise<StartedModule> => {
    return { services: { [WARNING_ESCALATION_SERVICE]: startEscalationSweep(runtime, warningsSettings.read(runtime.settings).WARNING_ESCALATION_INTERVAL_MS) } };
  };

/** The CAP 1.2 exporter and its HTTP routes: one record, and the Atom feed of the current ones. */
const startCapExport = async (): Promise<StartedModule> => {
    const exporter = new CapExporter();
    return { services: { [CAP_SERVICE]: exporter }, httpRoutes: [exporter.route(), exporter.feedRoute()] };
  };

/**
 * Graded warnings with call-and-response (预警 + 叫应). Setting `WARNING_ISSUER_CODE`: the town's 发布单位代码 (GB/T 35965.1-2018 A.1.2, `ZZZZZZDDDUUUXX`) that identifiers and CAP senders carry, checked at start (service `rescue.warningIssuer`); unset, the issuer's county code + `00000000` (set the real GB/T 4657 institution code in production).
 * 预警叫应升级与分级响应: escalation of deliveries nobody acknowledged in time (a durable sweep over the deliveries' deadlines, service `rescue.warningEscalation`), and response actions per level as data.
 * CAP 1.2 export of warnings (GB/T 35965.1): the `Warning.capXml` field, `GET /cap/warnings/:id`, and `GET /cap/warnings`, an Atom feed of the current ones. Each record's sender is the issuing unit code of its identifier (setting `WARNING_ISSUER_CODE`, see the warnings area).
 */
export const warningsModule: DomainModule = {
  name: 'warnings',
  description: '预警与叫应。Warnings: graded warnings with call-and-response (预警叫应), escalation of unacknowledged deliveries and response actions per level, CAP 1.2 export (GB/T 35965.1).',
  // access: the accounts that sent or acknowledged a record (Warning.sentByUser, WarningDelivery.acknowledgedByUser).
  dependsOn: ['directory', 'access', 'risk', 'preparedness', 'command', 'community'],
  entities: [Warning, WarningTarget, WarningDelivery, WarningEscalationPolicy, WarningEscalation, WarningResponseTemplate, WarningResponseAction],
  resolvers: [WarningResolver, WarningDeliveryResolver, WarningEscalationPolicyResolver, NeverAcknowledgedOrganizationResolver, WarningSubscriptionResolver, DeliveryAcknowledgedResolver, WarningEscalationResolver, WarningResponseTemplateResolver, WarningResponseActionResolver, WarningDeliveryEscalationResolver, WarningEscalationRecordsResolver, WarningResponseActionRecordsResolver, EvacuationHouseholdResolver, WarningCapResolver],
  migrations: [CreateWarnings1764402400000, CreateWarningDeliveries1764402500000, CreateWarningEscalations1764402550000],
  permissions: warningsPermissions,
  scopedEntities: warningsNodeEntities,
  events: [warningsEvents],
  indicators: [warningAcknowledgementRate],
  settings: warningsSettings,
  seed: async (ctx) => {
    await seedWarnings(ctx);
    await seedWarningEscalations(ctx);
  },
  start: async (runtime) => {
    const started: StartedModule[] = [];
    for (const start of [startWarningIssuer, startEscalation, startCapExport]) started.push(await start(runtime));
    return {
      services: Object.assign({}, ...started.map((s) => s.services ?? {})),
      httpRoutes: started.flatMap((s) => s.httpRoutes ?? []),
      stop: async () => {
        for (const s of [...started].reverse()) await s.stop?.();
      },
    };
  },
};
