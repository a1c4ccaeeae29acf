import type { ModuleParts } from '../../shared/module-parts';
import { WarningEscalation, WarningResponseAction, WarningResponseTemplate } from './escalation.entity';
import { WarningDeliveryEscalationResolver, WarningEscalationResolver, WarningResponseActionResolver, WarningResponseTemplateResolver } from './escalation.resolver';
import { WARNING_ESCALATION_SERVICE, escalationInterval, startEscalationSweep } from './escalation.sweep';
import { seedWarningEscalations } from './escalation.seed';
import { CreateWarningEscalations1764402550000 } from '../../migrations/1764402550000-create-warning-escalations';

/**
 * 预警叫应升级与分级响应: escalation of deliveries nobody acknowledged in time (a durable sweep over the
 * deliveries' deadlines, service `rescue.warningEscalation`), and response actions per level as data.
 */
export const escalationParts: ModuleParts = {
  entities: [WarningEscalation, WarningResponseTemplate, WarningResponseAction],
  resolvers: [WarningEscalationResolver, WarningResponseTemplateResolver, WarningResponseActionResolver, WarningDeliveryEscalationResolver],
  migrations: [CreateWarningEscalations1764402550000],
  seed: seedWarningEscalations,
  start: async (runtime) => {
    return { services: { [WARNING_ESCALATION_SERVICE]: startEscalationSweep(runtime, escalationInterval(runtime.settings)) } };
  },
};
