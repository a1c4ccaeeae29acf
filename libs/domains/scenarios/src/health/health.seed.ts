import type { RequestContext } from '@platform/core';
import { evaluateDataHealth } from './data-health';

/** The instant the README's examples run at: 2026-11-29 10:00 China time. */
export const DEMO_INSTANT = new Date('2026-11-29T02:00:00Z');

/**
 * Data health over the week the sensors part seeded, judged at the demo instant (or now when earlier):
 * the device that stopped reporting on 2026-11-28 has its gap and its STALE alarm (and a lead when it
 * monitors an operating enterprise). Idempotent.
 */
export async function seedDataHealth(ctx: RequestContext): Promise<void> {
  const now = ctx.clock.now();
  await evaluateDataHealth(ctx, now < DEMO_INSTANT ? now : DEMO_INSTANT);
}
