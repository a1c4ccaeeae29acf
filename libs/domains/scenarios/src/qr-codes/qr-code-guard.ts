import { RateLimitedError, type Limiter, type ModuleRuntime, type RequestContext } from '@platform/core';
import { qrCodeSettingsShape } from './qr-codes.settings';
import { z } from 'zod';

/** The started part's service name (`ctx.service`). */
export const QR_CODE_SERVICE = 'scenarios.qr-codes';

const settingsSchema = z.object(qrCodeSettingsShape);

/**
 * The QR codes' abuse control, made once when the module starts (its limiters are shared through
 * Redis when REDIS_URL is set): resolutions per address and per code within a window, counted
 * before the code is looked up (a missing code is limited like an existing one), and the link base
 * the images carry.
 */
export class QrCodeGuard {
  private readonly perAddress: Limiter;
  private readonly perCode: Limiter;
  readonly addressPoints: number;
  readonly codePoints: number;
  readonly windowSeconds: number;
  readonly linkBase: string | null;

  constructor(runtime: ModuleRuntime) {
    const s = settingsSchema.parse(runtime.settings);
    this.addressPoints = s.SCENARIOS_QR_RESOLVES_PER_ADDRESS;
    this.codePoints = s.SCENARIOS_QR_RESOLVES_PER_CODE;
    this.windowSeconds = s.SCENARIOS_QR_RATE_WINDOW_SECONDS;
    this.linkBase = s.SCENARIOS_QR_LINK_BASE ?? null;
    this.perAddress = runtime.limiter({ name: 'scenarios-qr-address', points: this.addressPoints, windowSeconds: this.windowSeconds });
    this.perCode = runtime.limiter({ name: 'scenarios-qr-code', points: this.codePoints, windowSeconds: this.windowSeconds });
  }

  /** Counts one resolution (or rendering) from the caller's address of `code`; RATE_LIMITED past either limit. */
  async admit(ctx: RequestContext, code: string): Promise<void> {
    const addressWait = await this.perAddress.consume(`ip:${ctx.ip ?? 'unknown'}`);
    if (addressWait) throw new RateLimitedError(`Too many QR code scans from this address: at most ${this.addressPoints} per ${this.windowSeconds} s; wait ${addressWait} s.`, addressWait);
    const codeWait = await this.perCode.consume(`code:${code}`);
    if (codeWait) throw new RateLimitedError(`Too many scans of this QR code: at most ${this.codePoints} per ${this.windowSeconds} s; wait ${codeWait} s.`, codeWait);
  }

  /** The link a code's image carries. */
  linkOf(code: string, origin: string): string {
    const base = this.linkBase ?? `${origin}/qr/`;
    return `${base}${base.endsWith('/') ? '' : '/'}${code}`;
  }
}

/** The started guard. */
export const qrCodeGuard = (ctx: RequestContext): QrCodeGuard => ctx.service<QrCodeGuard>(QR_CODE_SERVICE);
