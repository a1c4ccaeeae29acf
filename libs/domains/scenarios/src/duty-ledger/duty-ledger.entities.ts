import { defineScopedEntity } from '@platform/core';
import { DutyLedgerSnapshot } from './duty-ledger-snapshot.entity';
import { DutyLedgerPermission } from './duty-ledger.permissions';

/** A snapshot belongs to the organization of its official's position, like the duty list it follows. */
export const DutyLedgerSnapshots = defineScopedEntity(DutyLedgerSnapshot, {
  table: 'duty_ledger_snapshot',
  scope: { organizationColumn: 'organization_id' },
  read: DutyLedgerPermission.Read,
  write: DutyLedgerPermission.Snapshot,
});

export const dutyLedgerNodeEntities = [DutyLedgerSnapshots];
