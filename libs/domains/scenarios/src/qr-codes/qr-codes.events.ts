import { defineEvents, payload } from '@platform/core';
import { QrCodes, SelfCheckSubmissions } from './qr-codes.entities';

/** What a QR code's events carry. */
export type QrCodePayload = { id: string; organizationId: string; enterpriseId: string | null; status: string };
/** What a self-check's event carries. */
export type SelfCheckPayload = { id: string; qrCodeId: string; enterpriseId: string; periodMonth: string; notOkCount: number; hazardIds: string[] };

/** Every event of the QR codes part (ids only, never the code itself). */
export const qrCodeEvents = defineEvents({
  'scenarios.qr-code.issued': payload<QrCodePayload>(QrCodes),
  'scenarios.qr-code.updated': payload<QrCodePayload>(QrCodes),
  'scenarios.qr-code.revoked': payload<QrCodePayload>(QrCodes),
  'scenarios.self-check.submitted': payload<SelfCheckPayload>(SelfCheckSubmissions),
});

export type QrCodeEvents = typeof qrCodeEvents;
