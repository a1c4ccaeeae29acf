import type { ModuleParts } from '../shared/module-parts';
import { Warning, WarningTarget } from './warning.entity';
import { WarningDelivery, WarningEscalationPolicy } from './warning-delivery.entity';
import { NeverAcknowledgedOrganizationResolver, WarningDeliveryResolver, WarningEscalationPolicyResolver, WarningResolver } from './warning.resolver';
import { DeliveryAcknowledgedResolver, WarningSubscriptionResolver } from './warning-subscription.resolver';
import { CreateWarnings1764402400000 } from '../migrations/1764402400000-create-warnings';
import { CreateWarningDeliveries1764402500000 } from '../migrations/1764402500000-create-warning-deliveries';
import { seedWarnings } from './warning.seed';
import { WARNING_ISSUER_SERVICE, warningIssuerCode } from './warning-identifier';

/**
 * Graded warnings with call-and-response (预警 + 叫应). Setting `WARNING_ISSUER_CODE`: the town's 发布单位代码
 * (GB/T 35965.1-2018 A.1.2, `ZZZZZZDDDUUUXX`) that identifiers and CAP senders carry, checked at start
 * (service `rescue.warningIssuer`); unset, the issuer's county code + `00000000` (set the real GB/T 4657
 * institution code in production).
 */
export const warningsParts: ModuleParts = {
  entities: [Warning, WarningTarget, WarningDelivery, WarningEscalationPolicy],
  resolvers: [WarningResolver, WarningDeliveryResolver, WarningEscalationPolicyResolver, NeverAcknowledgedOrganizationResolver, WarningSubscriptionResolver, DeliveryAcknowledgedResolver],
  migrations: [CreateWarnings1764402400000, CreateWarningDeliveries1764402500000],
  seed: seedWarnings,
  start: async (runtime) => ({ services: { [WARNING_ISSUER_SERVICE]: warningIssuerCode(runtime.settings, runtime.log) } }),
};
