// The communications part's public face (re-exported by the module's index.ts). Other parts (the
// enterprise picture, the duty ledger) read terminals, tests and drills through these declarations.
export { BlackoutDrill, CommunicationTerminal, TerminalTest } from './communication-terminal.entity';
export { BlackoutDrillResult, TerminalKind, TerminalStatus, TerminalTestResult } from './communications.enums';
export { BlackoutDrills, CommunicationTerminals, TerminalTests } from './communications.entities';
export { TerminalPermission } from './communications.permissions';
export { communicationsRules, type CommunicationsRule } from './communications.rules';
export { TERMINAL_READINESS_RULE, type TerminalReadiness } from '../business-rules/terminals';
export { CommunicationTerminalReference } from './communications.loaders';
export { terminalReadySql, villageFallbackRowsSql } from './communications.sql';
export { VillageFallback } from './communications.types';
export { BLACKOUT_DRILL_SEED_ID, terminalSeedId } from './communications.seed';
export { terminalReadiness, villagesWithoutFallback } from './communications-indicators';
export { communicationsEvents, type CommunicationsEvents } from './communications.events';
