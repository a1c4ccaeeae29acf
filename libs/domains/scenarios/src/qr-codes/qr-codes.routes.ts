import { NotFoundError, SortDirection, unscoped, sql, type ModuleHttpResponse, type ModuleHttpRoute, type RequestContext } from '@platform/core';
import { Organizations } from '@platform/directory';
import { QrCodePermission } from './qr-codes.permissions';
import { QrCodeService } from './qr-code.service';
import { qrCodeGuard } from './qr-code-guard';
import { qrLabelSvg, qrPng, qrSvg } from './qr-code-image';
import type { QrCode } from './qr-code.entity';

const service = new QrCodeService();
/** Images of a code do not change: clients may keep them a day. */
const CACHE = { 'cache-control': 'public, max-age=86400' };

/** The active code a route names (counted against the limits like a scan; NOT_FOUND when none). */
async function codeOf(ctx: RequestContext, typed: string): Promise<QrCode> {
  if (typed.length > 64) throw new NotFoundError('QrCode', typed.slice(0, 64), 'code');
  return service.scanned(ctx, typed, 'code');
}

/**
 * `GET /qr/<code>` (also `.json`): the resolution as JSON (`{"data": <QrCodeResolution>}`, the same
 * as the GraphQL query `resolveQrCode`, a scan counted); `.svg` and `.png`: the code's QR image
 * (the link it stands for), not counted as a scan but against the limits.
 */
async function file(ctx: RequestContext, params: Readonly<Record<string, string>>, origin: string): Promise<ModuleHttpResponse> {
  const name = params['file'] ?? '';
  const m = /^(.*?)(?:\.(svg|png|json))?$/i.exec(name)!;
  const typed = m[1]!;
  const format = (m[2] ?? 'json').toLowerCase();
  if (format === 'json') {
    const resolution = await service.resolve(ctx, typed, 'code');
    return { contentType: 'application/json; charset=utf-8', body: JSON.stringify({ data: { ...resolution, tip: { ...resolution.tip, location: resolution.tip.location ? { longitude: resolution.tip.location.longitude, latitude: resolution.tip.location.latitude } : null } } }) };
  }
  const qr = await codeOf(ctx, typed);
  const link = qrCodeGuard(ctx).linkOf(qr.code, origin);
  if (format === 'svg') return { contentType: 'image/svg+xml; charset=utf-8', body: await qrSvg(link), headers: CACHE };
  return { contentType: 'image/png', body: await qrPng(link), headers: CACHE };
}

/** `GET /qr/<code>/label.svg`: a printable label with the place's and the enterprise's names. */
async function label(ctx: RequestContext, params: Readonly<Record<string, string>>, origin: string): Promise<ModuleHttpResponse> {
  const qr = await codeOf(ctx, params['code'] ?? '');
  const [enterprise] = qr.enterpriseId
    ? await unscoped(ctx, Organizations, 'a code\'s label names its enterprise, as the resolution does').where(sql`t.id = ${qr.enterpriseId}`).list({ keys: [{ column: 't.id', direction: SortDirection.ASC }], limit: 1, properties: ['id', 'name'] })
    : [];
  const body = await qrLabelSvg(qrCodeGuard(ctx).linkOf(qr.code, origin), { placeName: qr.placeName, enterpriseName: enterprise?.name ?? null, code: qr.code });
  return { contentType: 'image/svg+xml; charset=utf-8', body, headers: { ...CACHE, 'content-disposition': `inline; filename="qr-${qr.code}-label.svg"` } };
}

/** The plain routes of QR codes, public like the resolution (`scenarios.qr-code:resolve`). */
export const qrCodeRoutes: readonly ModuleHttpRoute[] = [
  { method: 'GET', path: '/qr/:code/label.svg', permission: QrCodePermission.Resolve, handler: (ctx, params, request) => label(ctx, params, request.origin) },
  { method: 'GET', path: '/qr/:file', permission: QrCodePermission.Resolve, handler: (ctx, params, request) => file(ctx, params, request.origin) },
];
