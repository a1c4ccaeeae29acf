import type { ModuleRuntime, StartedModule } from '@platform/core';
import type { ReportingPart } from '../reporting.part';
import { CreateTipMessages1764404105000 } from '../migrations/1764404105000-create-tip-messages';
import { TipMessage } from './tip-message.entity';
import { intakeNodeEntities } from './intake.entities';
import { TipIntakeResolver, TipMessageRelationsResolver, TipReporterResolver, TrackedTipResolver } from './intake.resolver';
import { INTAKE_SERVICE, IntakeGuard } from './intake-guard';
import { seedTips } from './tip.seed';

/**
 * 举报受理 (issue 21): public intake without an account and staff recording, the tracking code and
 * secret, the reporter's thread with the office, identity disclosure, abuse control (per-address and
 * per-code limits, proof of work) and the masking of the reporter's identity.
 */
export const intakePart: ReportingPart = {
  entities: [TipMessage],
  resolvers: [TipIntakeResolver, TrackedTipResolver, TipReporterResolver, TipMessageRelationsResolver],
  migrations: [CreateTipMessages1764404105000],
  permissions: [],
  scopedEntities: intakeNodeEntities,
  events: [],
  businessRules: [],
  indicators: [],
  seed: seedTips,
};

/**
 * What the intake needs started (the module's `start` calls it; `ModulePart` has no start of its own):
 * its guard, with the rate limiters the runtime makes and the challenge key, as the service
 * `reporting.intake`.
 */
export function startIntake(runtime: ModuleRuntime): StartedModule {
  return { services: { [INTAKE_SERVICE]: new IntakeGuard(runtime) } };
}
