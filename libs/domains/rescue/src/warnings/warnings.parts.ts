import type { ModuleParts } from '../shared/module-parts';
import { Warning, WarningTarget } from './warning.entity';
import { WarningDelivery, WarningEscalationPolicy } from './warning-delivery.entity';
import { NeverAcknowledgedOrganizationResolver, WarningDeliveryResolver, WarningEscalationPolicyResolver, WarningResolver } from './warning.resolver';
import { DeliveryAcknowledgedResolver, WarningSubscriptionResolver } from './warning-subscription.resolver';
import { CreateWarnings1764402400000 } from '../migrations/1764402400000-create-warnings';
import { CreateWarningDeliveries1764402500000 } from '../migrations/1764402500000-create-warning-deliveries';
import { seedWarnings } from './warning.seed';

/** Graded warnings with call-and-response (预警 + 叫应). */
export const warningsParts: ModuleParts = {
  entities: [Warning, WarningTarget, WarningDelivery, WarningEscalationPolicy],
  resolvers: [WarningResolver, WarningDeliveryResolver, WarningEscalationPolicyResolver, NeverAcknowledgedOrganizationResolver, WarningSubscriptionResolver, DeliveryAcknowledgedResolver],
  migrations: [CreateWarnings1764402400000, CreateWarningDeliveries1764402500000],
  seed: seedWarnings,
};
