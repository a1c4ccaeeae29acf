import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import type { DataSource, EntityManager } from 'typeorm';
import { ConflictError, ErrorCode, type Every, type IdempotencyMark, type PeriodicJob, type Principal, type RequestContext } from '@platform/core';
import { HttpError, type Call, type RequestPipeline } from './pipeline';

/** The request header (IETF draft "The Idempotency-Key HTTP Header Field"), as Node lower-cases it. */
export const IDEMPOTENCY_HEADER = 'idempotency-key';
/** Set on a response that repeats the first one for a retried key. */
export const REPLAYED_HEADER = 'idempotent-replayed';
/** A key: 1 to 255 visible ASCII characters (a UUID is the usual choice). */
const KEY = /^[\x21-\x7e]{1,255}$/;

export interface IdempotencyOptions {
  /** How long a key and its first response are kept for retries (IDEMPOTENCY_KEY_TTL_S). */
  readonly ttlSeconds: number;
  /** How long a retry waits for the first request with its key to finish before CONFLICT (IDEMPOTENCY_WAIT_S). */
  readonly waitMs: number;
  /**
   * How long a request holds its claim: past it, a claim never marked committed (the gateway died
   * before its change committed) is taken over by a retry. Longer than any mutation runs.
   */
  readonly leaseSeconds: number;
  /** Between looks at a key another request holds. */
  readonly pollMs?: number;
}

/** What a mutation request is, for telling a retry from a different request under the same key. */
export interface IdempotentRequest {
  /** The document's text (after persisted queries are resolved). */
  readonly source: string;
  readonly operationName: string | null | undefined;
  readonly variables: Readonly<Record<string, unknown>> | null | undefined;
}

/** The outcome of claiming a key: run the request under the claim, or answer with the first response. */
export type IdempotencyOutcome = { readonly kind: 'claimed'; readonly claim: IdempotencyClaim } | { readonly kind: 'replay'; readonly status: number; readonly body: string };

interface KeyRow {
  fingerprint: string;
  state: 'pending' | 'committed' | 'done';
  status: number | null;
  response: string | null;
  leased: boolean;
}

/** JSON with object keys sorted, so `{a,b}` and `{b,a}` are one request. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** The request's fingerprint: SHA-256 of its document, operation name and variables (key order ignored). */
export function fingerprintOf(request: IdempotentRequest): string {
  return createHash('sha256')
    .update(JSON.stringify([request.source, request.operationName ?? null, canonical(request.variables ?? {})]))
    .digest('base64url');
}

/** Whether a GraphQL result changed or returned anything: `data` with at least one root field that is not null. */
export function producedData(result: { readonly data?: Record<string, unknown> | null }): boolean {
  return Boolean(result.data && Object.values(result.data).some((v) => v !== null));
}

/**
 * A request's hold on its key. Its transactions mark it committed before they commit (the kernel's
 * `transaction()` calls `markCommitted`); `settle` keeps the response for retries, `abandon` lets go.
 * The token fences a holder whose lease ran out: its mark then finds nothing and the transaction
 * rolls back with CONFLICT, so two holders never both commit.
 */
export class IdempotencyClaim implements IdempotencyMark {
  private settled = false;

  constructor(
    private readonly dataSource: DataSource,
    readonly principal: string,
    readonly key: string,
    private readonly token: string,
  ) {}

  async markCommitted(manager: EntityManager): Promise<void> {
    const [, updated] = (await manager.query(
      `UPDATE idempotency_key SET state = 'committed' WHERE principal = $1 AND key = $2 AND token = $3 AND state IN ('pending', 'committed')`,
      [this.principal, this.key, this.token],
    )) as [unknown, number];
    if (!updated) throw new ConflictError('Idempotency-Key: this request held the key too long and a retry took it over; nothing was written here.', { reason: 'IDEMPOTENCY_KEY_LOST' });
  }

  /**
   * The request has been answered: keep the answer for retries when something was written (a
   * transaction committed) or returned, else release the key (every field failed and nothing was
   * written, so a retry may run the request again).
   */
  async settle(status: number, body: string, produced: boolean): Promise<void> {
    if (this.settled) return;
    this.settled = true;
    const [, kept] = (await this.dataSource.query(
      `UPDATE idempotency_key SET state = 'done', status = $4, response = $5
        WHERE principal = $1 AND key = $2 AND token = $3 AND (state = 'committed' OR $6)`,
      [this.principal, this.key, this.token, status, body, produced],
    )) as [unknown, number];
    if (!kept) await this.release();
  }

  /** The request failed before an answer (an exception): release the key unless a change committed. */
  async abandon(): Promise<void> {
    if (this.settled) return;
    this.settled = true;
    await this.release();
  }

  private async release(): Promise<void> {
    await this.dataSource.query(`DELETE FROM idempotency_key WHERE principal = $1 AND key = $2 AND token = $3 AND state = 'pending'`, [this.principal, this.key, this.token]);
  }
}

/**
 * Idempotency keys of mutation requests (the Stripe model, per the IETF draft): a client sends
 * `Idempotency-Key: <unique value>` with a mutation; a retry with the same key and the same request
 * gets the first response again (`Idempotent-Replayed: true`) and nothing runs twice, even when the
 * retries arrive together (one runs, the others wait for its answer); the same key with a different
 * request is a CONFLICT. Keys belong to the principal that sent them and are kept `ttlSeconds`.
 * Stored in PostgreSQL (`idempotency_key`), so every replica sees them.
 */
export class IdempotencyKeys {
  private readonly pollMs: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: IdempotencyOptions,
  ) {
    this.pollMs = options.pollMs ?? 50;
  }

  /** The request's key; null when it sent none. BAD_REQUEST for a malformed one. */
  static keyOf(headers: IncomingMessage['headers']): string | null {
    const value = headers[IDEMPOTENCY_HEADER];
    if (value === undefined) return null;
    if (typeof value !== 'string' || !KEY.test(value)) {
      throw new HttpError(400, ErrorCode.BAD_REQUEST, 'Idempotency-Key must be one value of 1 to 255 visible ASCII characters (a UUID, say).', { header: 'Idempotency-Key' });
    }
    return value;
  }

  /**
   * Claims the key for a mutation request, or finds the first response to replay. Waits while
   * another request holds the key (up to `waitMs`). CONFLICT (409) when the key was used for a
   * different request, when its holder is still running after the wait, or when its change was
   * written but its answer was lost (the gateway stopped in between).
   */
  async claim(principal: Principal, key: string, request: IdempotentRequest): Promise<IdempotencyOutcome> {
    if (!principal.id) throw new HttpError(400, ErrorCode.BAD_REQUEST, 'Idempotency-Key needs credentials: keys belong to the user or API client that sends them.', { header: 'Idempotency-Key' });
    const owner = `${principal.kind}:${principal.id}`;
    const fingerprint = fingerprintOf(request);
    const deadline = performance.now() + this.options.waitMs;
    for (;;) {
      const token = randomUUID();
      // A new key, or one whose time is up (expired, or a holder that never committed and ran out of lease): ours.
      const taken = (await this.dataSource.query(
        `INSERT INTO idempotency_key AS k (principal, key, fingerprint, state, token, lease_until, expires_at)
         VALUES ($1, $2, $3, 'pending', $4, now() + make_interval(secs => $5), now() + make_interval(secs => $6))
         ON CONFLICT (principal, key) DO UPDATE
            SET fingerprint = EXCLUDED.fingerprint, state = 'pending', token = EXCLUDED.token, status = NULL, response = NULL,
                created_at = now(), lease_until = EXCLUDED.lease_until, expires_at = EXCLUDED.expires_at
          WHERE k.expires_at <= now() OR (k.state = 'pending' AND k.lease_until <= now())
         RETURNING k.token`,
        [owner, key, fingerprint, token, this.options.leaseSeconds, this.options.ttlSeconds],
      )) as Array<{ token: string }>;
      if (taken[0]?.token === token) return { kind: 'claimed', claim: new IdempotencyClaim(this.dataSource, owner, key, token) };
      const [row] = (await this.dataSource.query(
        `SELECT fingerprint, state, status, response, lease_until > now() AS leased FROM idempotency_key WHERE principal = $1 AND key = $2`,
        [owner, key],
      )) as KeyRow[];
      // Released between the two statements: try again.
      if (!row) continue;
      if (row.fingerprint !== fingerprint) {
        throw new HttpError(409, ErrorCode.CONFLICT, 'Idempotency-Key was already used for a different request: use a new key for a new request.', { reason: 'IDEMPOTENCY_KEY_REUSED' });
      }
      if (row.state === 'done') return { kind: 'replay', status: row.status ?? 200, body: row.response! };
      if (row.state === 'committed' && !row.leased) {
        throw new HttpError(409, ErrorCode.CONFLICT, 'The request with this Idempotency-Key was carried out, but its answer was not kept: read the current state instead of retrying.', {
          reason: 'IDEMPOTENCY_RESPONSE_LOST',
        });
      }
      if (performance.now() >= deadline) {
        throw new HttpError(409, ErrorCode.CONFLICT, 'A request with this Idempotency-Key is still running: retry a little later.', { reason: 'IDEMPOTENCY_KEY_IN_USE' });
      }
      await new Promise((resolve) => setTimeout(resolve, this.pollMs));
    }
  }

  /** Deletes keys past their time, in batches; how many. */
  async removeExpired(): Promise<number> {
    let removed = 0;
    for (;;) {
      const rows = (await this.dataSource.query(
        `WITH gone AS (
           DELETE FROM idempotency_key WHERE ctid IN (SELECT ctid FROM idempotency_key WHERE expires_at <= now() LIMIT 1000 FOR UPDATE SKIP LOCKED)
           RETURNING 1)
         SELECT count(*)::int AS n FROM gone`,
      )) as Array<{ n: number }>;
      removed += rows[0]!.n;
      if (rows[0]!.n < 1000) return removed;
    }
  }
}

/** Schedules the removal of expired idempotency keys (hourly; single-flight across replicas). */
export function startIdempotencySweep(every: Every, keys: IdempotencyKeys): PeriodicJob<number> {
  return every('kernel.idempotency-keys', 3_600_000, () => keys.removeExpired(), { firstRunMs: 60_000 });
}

/**
 * For a mutation request (the fast path and Apollo's route both call it): null when it has no
 * key; otherwise the claim (put on the request's context) or the first response to replay.
 */
export async function claimIdempotency(keys: IdempotencyKeys, ctx: RequestContext, headers: IncomingMessage['headers'], request: IdempotentRequest): Promise<IdempotencyOutcome | null> {
  const key = IdempotencyKeys.keyOf(headers);
  if (key === null) return null;
  const outcome = await keys.claim(ctx.principal, key, request);
  if (outcome.kind === 'claimed') ctx.idempotency.mark = outcome.claim;
  return outcome;
}

/**
 * Idempotency keys on Apollo's route: after the operation is resolved and checked, a mutation with a
 * key is claimed (a replay or a refusal answers instead of executing, the refusal formatted by the
 * pipeline as on the fast path); its answer is kept when it is sent.
 */
export function idempotencyApolloPlugin(keys: IdempotencyKeys, pipeline: RequestPipeline): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      let claim: IdempotencyClaim | null = null;
      return {
        async responseForOperation(rc: GraphQLRequestContext<RequestContext>) {
          if (rc.operation?.operation !== 'mutation') return null;
          const call: Call | undefined = pipeline.callOfContext(rc.contextValue);
          const headers = Object.fromEntries(rc.request.http?.headers ?? []);
          try {
            const outcome = await claimIdempotency(keys, rc.contextValue, headers, { source: rc.source ?? '', operationName: rc.request.operationName, variables: rc.request.variables });
            if (!outcome) return null;
            if (outcome.kind === 'claimed') {
              claim = outcome.claim;
              return null;
            }
            return { http: { status: outcome.status, headers: new HeaderMap([[REPLAYED_HEADER, 'true']]) }, body: { kind: 'single', singleResult: JSON.parse(outcome.body) as Record<string, never> } };
          } catch (error) {
            const formatted = pipeline.formatErrors([error as HttpError], call);
            const status = formatted.status === 200 ? 500 : formatted.status;
            return { http: { status, headers: new HeaderMap([...formatted.headers]) }, body: { kind: 'single', singleResult: { errors: formatted.errors } } };
          }
        },
        async willSendResponse(rc) {
          const held = claim;
          if (!held) return;
          const body = rc.response.body;
          if (body.kind !== 'single') return held.abandon();
          await held.settle(rc.response.http.status ?? 200, JSON.stringify(body.singleResult), producedData(body.singleResult));
        },
      };
    },
  };
}
