import { defineEvents, payload } from '@platform/core';
import { BlackoutDrills, CommunicationTerminals, TerminalTests } from './communications.entities';

/** What a terminal's events carry. */
export type TerminalPayload = { id: string; organizationId: string; kind: string; status: string };
/** What a test's event carries. */
export type TerminalTestPayload = { id: string; terminalId: string; organizationId: string; result: string; testedAt: string };
/** What a drill's event carries. */
export type BlackoutDrillPayload = { id: string; organizationId: string; heldOn: string; result: string; hazardId: string | null };

/** Every event of the communications part (ids, statuses and days only). */
export const communicationsEvents = defineEvents({
  'scenarios.terminal.registered': payload<TerminalPayload>(CommunicationTerminals),
  'scenarios.terminal.updated': payload<TerminalPayload>(CommunicationTerminals),
  'scenarios.terminal.tested': payload<TerminalTestPayload>(TerminalTests),
  'scenarios.blackout-drill.recorded': payload<BlackoutDrillPayload>(BlackoutDrills),
});

export type CommunicationsEvents = typeof communicationsEvents;
