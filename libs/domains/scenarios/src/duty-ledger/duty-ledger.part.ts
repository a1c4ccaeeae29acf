import type { ScenariosPart } from '../scenarios.part';
import { CreateDutyLedger1764404230000 } from '../migrations/1764404230000-create-duty-ledger';
import { DutyLedgerSnapshot } from './duty-ledger-snapshot.entity';
import { DutyLedgerResolver, DutyLedgerSnapshotResolver, DutyLedgerDutyResolver, DutyLedgerGapResolver, DutyLedgerTaskResolver } from './duty-ledger.resolver';
import { dutyLedgerPermissions } from './duty-ledger.permissions';
import { dutyLedgerNodeEntities } from './duty-ledger.entities';
import { seedDutyLedger } from './duty-ledger.seed';

/**
 * 安全履职一本账 (point 二十二): per official, duties → key tasks → actions → evidence with the gaps,
 * read from responsibility (duty lists, key tasks), enforcement (inspections), preparedness (drills)
 * and risk (hazard verifications, hazards closed); immutable period snapshots for the duty report.
 */
export const dutyLedgerPart: ScenariosPart = {
  entities: [DutyLedgerSnapshot],
  resolvers: [DutyLedgerResolver, DutyLedgerSnapshotResolver, DutyLedgerDutyResolver, DutyLedgerTaskResolver, DutyLedgerGapResolver],
  migrations: [CreateDutyLedger1764404230000],
  permissions: dutyLedgerPermissions,
  scopedEntities: dutyLedgerNodeEntities,
  events: [],
  businessRules: [],
  indicators: [],
  seed: seedDutyLedger,
};
