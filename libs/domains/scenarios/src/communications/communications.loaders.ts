import { defineChildPages, defineReference } from '@platform/core';
import { CommunicationTerminals, TerminalTests } from './communications.entities';
import { TESTS_LATEST_FIRST } from './communications.orders';

/** Terminals by id, within the caller's read scope (others load as null): one statement per request level. */
export const CommunicationTerminalReference = defineReference(CommunicationTerminals, 'scenarios.communicationTerminal.byId');

/** A terminal's tests, the latest first: one statement per nesting level. */
export const TerminalTestPages = defineChildPages(TerminalTests, { name: 'scenarios.communicationTerminal.tests', parentColumn: 'terminal_id', keys: TESTS_LATEST_FIRST });
