import type { ModuleRuntime, StartedModule } from '@platform/core';
import type { ScenariosPart } from '../scenarios.part';
import { CreateQrCodes1764404240000 } from '../migrations/1764404240000-create-qr-codes';
import { QrCode } from './qr-code.entity';
import { SelfCheckSubmission } from './self-check.entity';
import { QrCodeResolver } from './qr-code.resolver';
import { QrSelfCheckFormResolver, QrTipPrefillResolver, SelfCheckItemResultResolver, SelfCheckResolver } from './self-check.resolver';
import { qrCodeNodeEntities } from './qr-codes.entities';
import { qrCodeEvents } from './qr-codes.events';
import { qrCodePermissions } from './qr-codes.permissions';
import { QR_SECTOR_LISTS_RULE } from '../business-rules/qr-codes';
import { qrCodeIndicators } from './qr-code-indicators';
import { qrCodeRoutes } from './qr-codes.routes';
import { qrCodeSettingsShape } from './qr-codes.settings';
import { QR_CODE_SERVICE, QrCodeGuard } from './qr-code-guard';
import { seedQrCodes } from './qr-codes.seed';

/**
 * 安全隐患码上除 (issue 22, point 二十二): QR codes of enterprises and places resolving, without an
 * account, to the public tip form prefilled (place code, enterprise, categories by sector) and for
 * the owner to the monthly self-check list; scans counted per day; per-address and per-code limits;
 * SVG/PNG images and a printable label; owners' self-checks raising SELF_CHECK hazards.
 */
export const qrCodesPart: ScenariosPart = {
  entities: [QrCode, SelfCheckSubmission],
  resolvers: [QrCodeResolver, SelfCheckResolver, SelfCheckItemResultResolver, QrTipPrefillResolver, QrSelfCheckFormResolver],
  migrations: [CreateQrCodes1764404240000],
  permissions: qrCodePermissions,
  scopedEntities: qrCodeNodeEntities,
  events: [qrCodeEvents],
  businessRules: [QR_SECTOR_LISTS_RULE],
  indicators: qrCodeIndicators,
  seed: seedQrCodes,
  httpRoutes: qrCodeRoutes,
  settings: qrCodeSettingsShape,
  // The guard (its limiters, made by the runtime and shared through Redis) as the service `scenarios.qr-codes`; no background work.
  startPart: async (runtime: ModuleRuntime): Promise<Pick<StartedModule, 'services' | 'stop'>> => ({ services: { [QR_CODE_SERVICE]: new QrCodeGuard(runtime) } }),
};
