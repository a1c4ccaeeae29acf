import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pause } from '@platform/testing';

/** Short settings: attempts of at most 1 s, three of them, backoff from 1 s, polling every 500 ms. */
export const FAST_WEBHOOKS = {
  WEBHOOK_INTERNAL_HOSTS: '127.0.0.1',
  WEBHOOK_TIMEOUT_MS: '1000',
  WEBHOOK_MAX_ATTEMPTS: '3',
  WEBHOOK_RETRY_DELAY_S: '1',
  WEBHOOK_POLL_INTERVAL_MS: '500',
  WEBHOOK_MAINTENANCE_INTERVAL_S: '1',
};
/** A request the receiver got, and what it answered (null: it held the request without answering). */
export interface Received {
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: string;
  readonly at: number;
  answered: number | null;
}

/** How the receiver answers a request on a path: a status, or `hang` (keep the request open, never answer). */
export type Answer = number | 'hang';

/**
 * A webhook receiver on 127.0.0.1 for the tests: records every request (headers, raw body, time) and
 * answers by path as told (`answer(path, …statuses)`: one status per request in turn, the last one
 * repeated; 200 by default; `hang` holds the request open until the receiver closes).
 */
export class Receiver {
  readonly received: Received[] = [];
  private readonly plans = new Map<string, Answer[]>();
  private readonly held = new Set<http.ServerResponse>();
  private server: http.Server | null = null;
  origin = '';

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const path = req.url ?? '/';
        const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]));
        const entry: Received = { path, headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now(), answered: null };
        this.received.push(entry);
        const plan = this.plans.get(path) ?? [];
        const answer: Answer = plan.length > 1 ? plan.shift()! : (plan[0] ?? 200);
        if (answer === 'hang') {
          this.held.add(res);
          res.on('close', () => this.held.delete(res));
          return;
        }
        entry.answered = answer;
        res.writeHead(answer, { 'content-type': 'text/plain' }).end(answer < 300 ? 'ok' : `refused with ${answer}`);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** The URL of a path of this receiver. */
  url(path: string): string {
    return `${this.origin}${path}`;
  }

  /** How the next requests on `path` are answered, in turn; the last answer stays. */
  answer(path: string, ...answers: Answer[]): void {
    this.plans.set(path, answers);
  }

  /** The requests received on `path`, in order. */
  on(path: string): Received[] {
    return this.received.filter((r) => r.path === path);
  }

  /** The requests on `path` answered 2xx. */
  delivered(path: string): Received[] {
    return this.on(path).filter((r) => r.answered !== null && r.answered >= 200 && r.answered < 300);
  }

  async close(): Promise<void> {
    for (const res of this.held) res.destroy();
    this.server?.closeAllConnections();
    await new Promise((resolve) => (this.server ? this.server.close(resolve) : resolve(undefined)));
  }
}

/** Like the testing library's `until`, for a condition that must ask the database: polls it until it holds, else fails saying what was seen. */
export async function eventually(check: () => Promise<boolean>, seen: () => string, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out; last seen: ${seen()}`);
    await pause(50);
  }
}
