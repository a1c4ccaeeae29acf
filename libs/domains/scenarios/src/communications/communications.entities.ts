/*
 * The communications part's entities with their row scope and permissions, declared once: every read
 * and write goes through `records(ctx, <declaration>)`, which applies the scope.
 */
import { defineScopedEntity } from '@platform/core';
import { BlackoutDrill, CommunicationTerminal, TerminalTest } from './communication-terminal.entity';
import { TerminalPermission } from './communications.permissions';

/** A terminal belongs to the village or community keeping it. */
export const CommunicationTerminals = defineScopedEntity(CommunicationTerminal, {
  table: 'communication_terminal',
  scope: { organizationColumn: 'organization_id' },
  read: TerminalPermission.Read,
  write: TerminalPermission.Manage,
});

/** A test belongs to the terminal's village (copied when recorded). */
export const TerminalTests = defineScopedEntity(TerminalTest, {
  table: 'communication_terminal_test',
  scope: { organizationColumn: 'organization_id' },
  read: TerminalPermission.Read,
  write: TerminalPermission.Manage,
});

/** A 三断 drill belongs to the village drilled. */
export const BlackoutDrills = defineScopedEntity(BlackoutDrill, {
  table: 'blackout_drill',
  scope: { organizationColumn: 'organization_id' },
  read: TerminalPermission.Read,
  write: TerminalPermission.Manage,
});

/** The declarations reachable by `node(nodeId:)`. */
export const communicationsNodeEntities = [CommunicationTerminals, TerminalTests, BlackoutDrills];
