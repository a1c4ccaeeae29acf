// The duty ledger's public face (re-exported by the module's index.ts): the duty report can quote a snapshot through these.
export { DutyLedgerPermission } from './duty-ledger.permissions';
export { DutyLedgerGapKind } from './duty-ledger.enums';
export { DutyLedger, DutyLedgerDuty, DutyLedgerGap, DutyLedgerTask } from './duty-ledger.types';
export { DutyLedgerSnapshot } from './duty-ledger-snapshot.entity';
export { DutyLedgerSnapshots } from './duty-ledger.entities';
export { DutyLedgerSnapshotReference } from './duty-ledger.resolver';
export { dutyLedgerOfList } from './duty-ledger.sql';
export { dutyLedgerSnapshotSeedId } from './duty-ledger.seed';
