import type { ScenariosPart } from '../scenarios.part';
import { CreateTerminals1764404260000 } from '../migrations/1764404260000-create-terminals';
import { BlackoutDrill, CommunicationTerminal, TerminalTest } from './communication-terminal.entity';
import { communicationsNodeEntities } from './communications.entities';
import { communicationsEvents } from './communications.events';
import { communicationsPermissions } from './communications.permissions';
import { communicationsIndicators } from './communications-indicators';
import { BlackoutDrillResolver, CommunicationTerminalResolver, TerminalTestResolver, VillageFallbackResolver } from './communications.resolver';
import { seedCommunications } from './communications.seed';
import { TERMINAL_READINESS_RULE } from '../business-rules/terminals';

/** 基层保底通信 (points 二十三/二十四, 工信部联信管〔2024〕256号): villages' fallback terminals, their tests and readiness, villages without a ready one, 三断 drills. */
export const communicationsPart: ScenariosPart = {
  entities: [CommunicationTerminal, TerminalTest, BlackoutDrill],
  resolvers: [CommunicationTerminalResolver, TerminalTestResolver, VillageFallbackResolver, BlackoutDrillResolver],
  migrations: [CreateTerminals1764404260000],
  permissions: communicationsPermissions,
  scopedEntities: communicationsNodeEntities,
  events: [communicationsEvents],
  businessRules: [TERMINAL_READINESS_RULE],
  indicators: communicationsIndicators,
  seed: seedCommunications,
};
