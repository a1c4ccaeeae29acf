import { defineChildPages, defineReference, type RequestContext } from '@platform/core';
import type DataLoader from 'dataloader';
import { QrCodes, SelfCheckSubmissions } from './qr-codes.entities';
import { SELF_CHECKS_OF_CODE } from './qr-code.orders';
import { scanDaysOf, type ScanDayRow } from './qr-codes.sql';
import type { QrCode } from './qr-code.entity';

/** QR codes by id, within the caller's read scope (others load as null). */
export const QrCodeReference = defineReference(QrCodes, 'scenarios.qrCode.byId');
export const qrCodeById = (ctx: RequestContext): DataLoader<string, QrCode | null> => QrCodeReference.byId(ctx);

/** A code's self-checks, the latest month first. */
export const QrCodeSelfCheckPages = defineChildPages(SelfCheckSubmissions, { name: 'scenarios.qrCode.selfChecks', parentColumn: 'qr_code_id', keys: SELF_CHECKS_OF_CODE });

/** The daily scans of the codes of a request level between two days (one statement per level and period). */
export const scanDaysLoader = (ctx: RequestContext, from: string, to: string): DataLoader<string, ScanDayRow[]> =>
  ctx.loaders.get('scenarios.qrCode.scanDays', `${from}|${to}`, async (ids: readonly string[]) => {
    const rows = await scanDaysOf(ctx, ids, from, to);
    return ids.map((id) => rows.filter((r) => r.qrCodeId === id));
  });
