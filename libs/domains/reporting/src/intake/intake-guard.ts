import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { RateLimitedError, type Limiter, type ModuleRuntime, type RequestContext } from '@platform/core';
import { intakeSettings, type IntakeSettings } from './intake.settings';
import { intakeRules } from './intake.rules';

/** The started part's service name (`ctx.service`). */
export const INTAKE_SERVICE = 'reporting.intake';

/** Anonymous submissions per address per window (`reporting-tip-submit`). */
export const SUBMITS_PER_IP = 5;
export const SUBMIT_WINDOW_SECONDS = 600;
/** Submissions per address per hour that need no proof of work (`reporting-tip-free`). */
export const FREE_SUBMITS_PER_HOUR = 1;
/** Failed tracking attempts per tracking code per hour (`reporting-tip-track`): counted before the secret is compared. */
export const TRACK_FAILURES_PER_CODE = 10;
export const TRACK_WINDOW_SECONDS = 3600;
/** How long a proof-of-work challenge may be used. */
export const CHALLENGE_SECONDS = 600;

/** A signed proof-of-work challenge (`tipChallenge`). */
export interface Challenge {
  readonly challenge: string;
  readonly difficulty: number;
  readonly expiresAt: Date;
}

/** A proof of work as the client sends it. */
export interface ProofOfWork {
  readonly challenge: string;
  readonly nonce: string;
}

/** Leading zero bits of a digest. */
export function leadingZeroBits(digest: Buffer): number {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

/** Whether SHA-256(challenge + nonce) has `difficulty` leading zero bits. */
export function provesWork(challenge: string, nonce: string, difficulty: number): boolean {
  return leadingZeroBits(createHash('sha256').update(challenge + nonce, 'utf8').digest()) >= difficulty;
}

/** A nonce that proves the work for a challenge (tests, the README's example; a browser does the same in JavaScript). */
export function solveChallenge(challenge: string, difficulty: number): string {
  for (let n = 0; ; n++) if (provesWork(challenge, String(n), difficulty)) return String(n);
}

/**
 * The key challenges are signed with: REPORTING_TIP_POW_SECRET; else, embedded, a random one kept in
 * DATA_DIR/reporting-tip.secret; else one derived from JWT_SECRET (every replica has the same).
 */
function challengeKey(runtime: ModuleRuntime, settings: IntakeSettings): Buffer {
  if (settings.REPORTING_TIP_POW_SECRET) return Buffer.from(settings.REPORTING_TIP_POW_SECRET, 'utf8');
  if (runtime.embedded) {
    const file = path.resolve(runtime.dataDir, 'reporting-tip.secret');
    if (!existsSync(file)) {
      mkdirSync(runtime.dataDir, { recursive: true });
      writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
    }
    return Buffer.from(readFileSync(file, 'utf8').trim(), 'utf8');
  }
  const jwt = runtime.settings['JWT_SECRET'];
  if (!jwt) throw new Error('REPORTING_TIP_POW_SECRET (or JWT_SECRET) is required when DATABASE_URL is set (every gateway replica must sign challenges with the same key).');
  return createHmac('sha256', jwt).update('reporting.tip.proof-of-work').digest();
}

/**
 * The intake's abuse control, made once when the module starts (its limiters are shared through Redis
 * when REDIS_URL is set): the per-address submission limit, the free submission per address per hour,
 * signed single-use proof-of-work challenges, and the per-code limit of failed tracking attempts.
 */
export class IntakeGuard {
  private readonly submits: Limiter;
  private readonly free: Limiter;
  private readonly spent: Limiter;
  private readonly tracking: Limiter;
  private readonly key: Buffer;
  readonly difficulty: number;
  readonly accessDays: number;

  constructor(runtime: ModuleRuntime) {
    const settings = intakeSettings.read(runtime.settings);
    this.key = challengeKey(runtime, settings);
    this.difficulty = settings.REPORTING_TIP_POW_BITS;
    this.accessDays = settings.REPORTING_TIP_ACCESS_DAYS;
    this.submits = runtime.limiter({ name: 'reporting-tip-submit', points: SUBMITS_PER_IP, windowSeconds: SUBMIT_WINDOW_SECONDS });
    this.free = runtime.limiter({ name: 'reporting-tip-free', points: FREE_SUBMITS_PER_HOUR, windowSeconds: 3600 });
    this.spent = runtime.limiter({ name: 'reporting-tip-pow-spent', points: 1, windowSeconds: CHALLENGE_SECONDS + 60 });
    this.tracking = runtime.limiter({ name: 'reporting-tip-track', points: TRACK_FAILURES_PER_CODE, windowSeconds: TRACK_WINDOW_SECONDS });
  }

  /** A new challenge, valid CHALLENGE_SECONDS from now. */
  challenge(now: Date): Challenge {
    const expiresAt = new Date(now.getTime() + CHALLENGE_SECONDS * 1000);
    const body = `v1.${expiresAt.getTime()}.${this.difficulty}.${randomBytes(16).toString('base64url')}`;
    return { challenge: `${body}.${this.mac(body)}`, difficulty: this.difficulty, expiresAt };
  }

  /**
   * Counts an anonymous submission from `address` (RATE_LIMITED past SUBMITS_PER_IP per window) and,
   * beyond the free one per hour, checks its proof of work and spends its challenge (BAD_USER_INPUT
   * naming `field`). The free submission is taken when admitted, in one atomic count (shared through
   * Redis): of two first submissions racing from one address, one goes free and the other must prove
   * its work; a free submission refused later (bad input) has used the hour's free one.
   */
  async admit(ctx: RequestContext, proof: ProofOfWork | null | undefined, field: string): Promise<void> {
    const address = `ip:${ctx.ip ?? 'unknown'}`;
    const wait = await this.submits.consume(address);
    if (wait) throw new RateLimitedError(`Too many tips from this address: at most ${SUBMITS_PER_IP} per ${SUBMIT_WINDOW_SECONDS / 60} minutes; wait ${wait} s.`, wait);
    const needsProof = this.difficulty > 0 && (await this.free.consume(address)) > 0;
    if (needsProof) await this.verify(ctx, proof, field);
  }

  /** Refuses tracking of a code that has used up its failed attempts (before the secret is compared). */
  async beforeTracking(code: string): Promise<void> {
    const wait = await this.tracking.check(`code:${code}`);
    if (wait) throw new RateLimitedError(`Too many failed attempts for this tracking code: wait ${wait} s.`, wait);
  }

  /** Counts a failed tracking attempt of a code (wrong secret, no such code, access expired alike). */
  async trackingFailed(code: string): Promise<void> {
    await this.tracking.consume(`code:${code}`);
  }

  private async verify(ctx: RequestContext, proof: ProofOfWork | null | undefined, field: string): Promise<void> {
    if (!proof) throw intakeRules.field(field, 'proofOfWork', 'more than one tip from this address within an hour: ask `tipChallenge` for a challenge and send a nonce with which SHA-256(challenge + nonce) has `difficulty` leading zero bits.');
    const parts = proof.challenge.split('.');
    const body = parts.slice(0, 4).join('.');
    const valid = parts.length === 5 && parts[0] === 'v1' && this.sameMac(parts[4]!, this.mac(body));
    if (!valid) throw intakeRules.field(`${field}.challenge`, 'proofOfWork', 'not a challenge this service issued: ask `tipChallenge` for one.');
    if (Number(parts[1]) <= ctx.clock.now().getTime()) throw intakeRules.field(`${field}.challenge`, 'proofOfWork', 'the challenge has expired: ask `tipChallenge` for a new one.');
    if ((await this.spent.check(proof.challenge)) > 0) throw spentChallenge(field);
    if (!provesWork(proof.challenge, proof.nonce, Number(parts[2]))) throw intakeRules.field(`${field}.nonce`, 'proofOfWork', `SHA-256(challenge + nonce) does not have ${parts[2]} leading zero bits.`);
    // Spent as soon as it proved the work (atomic across replicas: of two submissions racing with one challenge, one wins).
    if ((await this.spent.consume(proof.challenge)) > 0) throw spentChallenge(field);
  }

  private mac(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }

  private sameMac(given: string, expected: string): boolean {
    const a = Buffer.from(given);
    const b = Buffer.from(expected);
    return a.length === b.length && timingSafeEqual(a, b);
  }
}

const spentChallenge = (field: string) => intakeRules.field(`${field}.challenge`, 'proofOfWork', 'the challenge was already used: ask `tipChallenge` for a new one.');

/** The started intake guard. */
export const intakeGuard = (ctx: RequestContext): IntakeGuard => ctx.service<IntakeGuard>(INTAKE_SERVICE);
