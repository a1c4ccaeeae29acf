import type { ModuleParts } from '../shared/module-parts';
import { ReliefCase, ReliefCaseStep, ReliefPayment } from './relief.entity';
import { ReliefCaseResolver, ReliefPaymentCheckResolver, ReliefPaymentResolver } from './relief.resolver';
import { seedRelief } from './relief.seed';
import { startRelief } from './relief.settings';
import { CreateRelief1764402700000 } from '../migrations/1764402700000-create-relief';

/** 救灾救助 (work-plan point 十五): relief cases on their approval path, paid in full to the right person, with the payment check. */
export const reliefParts: ModuleParts = {
  entities: [ReliefCase, ReliefCaseStep, ReliefPayment],
  resolvers: [ReliefCaseResolver, ReliefPaymentResolver, ReliefPaymentCheckResolver],
  migrations: [CreateRelief1764402700000],
  seed: seedRelief,
  start: startRelief,
};
