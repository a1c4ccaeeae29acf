import { definePermissions } from '@platform/core';

/**
 * Permissions of the duty ledger (安全履职一本账). Scopes are measured from the organization of the
 * official's position, as for duty lists: a village officer reaches the ledgers of its village's
 * officials (its own included). There is no "own ledger only" grant: the platform's scopes are
 * organizational, and an official's ledger is read through the organization they serve.
 */
export const DutyLedgerPermission = {
  Read: 'scenarios.duty-ledger:read',
  Snapshot: 'scenarios.duty-ledger:snapshot',
} as const;

export const dutyLedgerPermissions = definePermissions([
  {
    code: DutyLedgerPermission.Read,
    nameZh: '查看安全履职一本账',
    description: 'Read officials\' duty ledgers: per official, the duties of their signed list in force, the key tasks they own, the actions recorded (duty actions, task updates, inspections they took part in, drills of their organization, hazard verifications) with their evidence and the gaps; and the period snapshots taken for the duty report (述职).',
    grantedTo: { 'town-safety-office': 'ALL', 'department-officer': 'ALL', 'village-officer': 'ORG_SUBTREE', inspector: 'ALL', 'integration-readonly': 'ALL' },
  },
  {
    code: DutyLedgerPermission.Snapshot,
    nameZh: '固化履职台账',
    description: 'Take a period snapshot of an official\'s duty ledger (immutable, audited), the figures and summary the duty report (述职) quotes.',
    grantedTo: { 'town-safety-office': 'ALL', 'village-officer': 'ORG_SUBTREE' },
  },
]);
