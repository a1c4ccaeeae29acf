// The QR codes part's public face (re-exported by the module's index.ts): the entities and their
// declarations, the permissions, the resolution and the seeded codes (other parts, tests, the README).
export { QrCode } from './qr-code.entity';
export { SelfCheckSubmission, type StoredSelfCheckItem } from './self-check.entity';
export { QrCodeKind, QrCodeStatus, SelfCheckArea, SelfCheckResult } from './qr-code.enums';
export { QrCodes, SelfCheckSubmissions } from './qr-codes.entities';
export { QrCodePermission } from './qr-codes.permissions';
export { qrCodeEvents, type QrCodeEvents } from './qr-codes.events';
export { qrCodeRules, type QrCodeRule } from './qr-codes.rules';
export { QR_SECTOR_LISTS_RULE, sectorListOf, type QrSectorLists, type QrSectorList } from '../business-rules/qr-codes';
export { QrCodeReference, qrCodeById, QrCodeSelfCheckPages } from './qr-code.loaders';
export { QrCodeResolution, QrTipPrefill, QrSelfCheckForm } from './qr-code.types';
export { normalizeQrCode, qrCodeSeedCode, QR_CODE_PATTERN } from './qr-code-values';
export { QR_CODE_SEED, qrCodeSeedId, selfCheckSeedId } from './qr-codes.seed';
export { selfCheckMissingSql } from './self-check.sql';
export { QR_CODE_SERVICE, QrCodeGuard } from './qr-code-guard';
