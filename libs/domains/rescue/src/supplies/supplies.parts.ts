import type { ModuleParts } from '../shared/module-parts';
import { SupplyDepot, SupplyItem, SupplyMinimum, SupplyMovement, SupplyStock } from './supply.entity';
import { SupplyDepotResolver, SupplyItemResolver, SupplyMinimumResolver, SupplyMovementResolver, SupplyStockGapResolver, SupplyStockResolver } from './supply.resolver';
import { seedSupplies } from './supplies.seed';
import { CreateSupplies1764402800000 } from '../migrations/1764402800000-create-supplies';

/** 救灾物资 (work-plan point 十五): depots, the catalog, stock by batch, movements, minimums, gaps and expiring stock. */
export const suppliesParts: ModuleParts = {
  entities: [SupplyDepot, SupplyItem, SupplyStock, SupplyMinimum, SupplyMovement],
  resolvers: [SupplyDepotResolver, SupplyItemResolver, SupplyStockResolver, SupplyMinimumResolver, SupplyStockGapResolver, SupplyMovementResolver],
  migrations: [CreateSupplies1764402800000],
  seed: seedSupplies,
};
