import type { DataSource, EntityManager } from 'typeorm';
import type { Logger } from 'pino';
import type { DomainEvent, EventBus } from '../events/event-bus';
import { writeOutbox } from '../events/outbox';
import { LoaderRegistry } from '../loaders/loader-registry';
import { SYSTEM, type Principal } from './principal';
import { SYSTEM_CLOCK, type Clock } from '../time/clock';

export interface RequestContextInit {
  readonly requestId: string;
  readonly principal: Principal;
  /** Address the request came from (behind a proxy: per TRUST_PROXY); null for jobs and seeds. */
  readonly ip?: string | null;
  readonly dataSource: DataSource;
  readonly events: EventBus;
  readonly log: Logger;
  /** Services started modules provide, by name. */
  readonly services?: ReadonlyMap<string, unknown>;
  /** Subscriptions: loads the connection's principal afresh, so each event is checked against current grants. */
  readonly reauthenticate?: () => Promise<Principal>;
  /** Where "now" comes from for time-driven rules; the system clock unless a test sets one. */
  readonly clock?: Clock;
}

/**
 * A mutation request's `Idempotency-Key`, claimed by the gateway before the request runs: every
 * transaction of the request marks it inside the transaction, before commit, so a retry can tell a
 * change that was written (never run again) from one that rolled back (run again).
 */
export interface IdempotencyMark {
  markCommitted(manager: EntityManager): Promise<void>;
}

/**
 * Everything a resolver or service needs about the current request: who calls, the database
 * (the transaction's manager inside `transaction()`), per-request loaders, logging and events.
 * Passed as the first argument of every service call.
 */
export class RequestContext {
  readonly requestId: string;
  readonly principal: Principal;
  readonly ip: string | null;
  readonly dataSource: DataSource;
  readonly events: EventBus;
  readonly log: Logger;
  readonly loaders: LoaderRegistry;
  readonly services: ReadonlyMap<string, unknown>;
  /** The principal as it is now (subscriptions re-check it per event); the request's own otherwise. */
  readonly currentPrincipal: () => Promise<Principal>;
  /** The manager queries go through: the pool's, or the open transaction's. */
  readonly manager: EntityManager;
  /** Personal data this request returned unmasked, written to the audit log when it ends. */
  readonly sensitiveReads: Array<{ entityType: string; entityId: string; field: string }>;
  /** Events raised inside the open transaction, delivered after it commits. */
  readonly pendingEvents: DomainEvent[] | null;
  /** Where "now" comes from for time-driven rules (e.g. escalation deadlines). */
  readonly clock: Clock;
  /**
   * The request's claimed `Idempotency-Key`, when it sent one with a mutation (set by the gateway;
   * shared by the request's copies: Apollo's per-operation clone, transactions).
   */
  readonly idempotency: { mark: IdempotencyMark | null };
  /**
   * True in the copy the read compiler plans a request with (`forPlanning`): the data layer then
   * hands back planned reads instead of running them (`read-compiler/planned-read.ts`).
   */
  readonly planning: boolean = false;

  constructor(
    init: RequestContextInit,
    manager?: EntityManager,
    pendingEvents: DomainEvent[] | null = null,
    loaders?: LoaderRegistry,
    sensitiveReads?: RequestContext['sensitiveReads'],
    idempotency?: RequestContext['idempotency'],
  ) {
    this.requestId = init.requestId;
    this.principal = init.principal;
    this.ip = init.ip ?? null;
    this.services = init.services ?? new Map();
    this.currentPrincipal = init.reauthenticate ?? (async () => this.principal);
    this.dataSource = init.dataSource;
    this.events = init.events;
    this.log = init.log;
    this.loaders = loaders ?? new LoaderRegistry();
    this.manager = manager ?? init.dataSource.manager;
    this.pendingEvents = pendingEvents;
    this.sensitiveReads = sensitiveReads ?? [];
    this.clock = init.clock ?? SYSTEM_CLOCK;
    this.idempotency = idempotency ?? { mark: null };
  }

  /** A service a started module provides; throws when the module is not enabled. */
  service<T>(name: string): T {
    const s = this.services.get(name);
    if (s === undefined) throw new Error(`Service ${name} is not available: is its module enabled?`);
    return s as T;
  }

  get inTransaction(): boolean {
    return this.pendingEvents !== null;
  }

  /** A copy bound to a transaction's manager; it shares loaders and identity with this one. */
  withTransaction(manager: EntityManager, pendingEvents: DomainEvent[]): RequestContext {
    return new RequestContext(this, manager, pendingEvents, this.loaders, this.sensitiveReads, this.idempotency);
  }

  /**
   * A copy in which the data layer plans reads instead of running them, for the read compiler: the
   * same caller, clock and services, loaders of its own (planned values must not meet loaded ones).
   */
  forPlanning(): RequestContext {
    const copy = new RequestContext(this, this.manager, this.pendingEvents, new LoaderRegistry(), [], this.idempotency);
    (copy as { planning: boolean }).planning = true;
    return copy;
  }

  /**
   * A copy acting as the system principal (every row in scope) on the same connection, clock and
   * services, with loaders of its own: for a figure that is a property of a record the caller may
   * read (a key task's live progress from an indicator), not a read on the caller's behalf. `reason`
   * says which, so each use is easy to find and review (`grep -rn "asSystem("`).
   */
  asSystem(reason: string): RequestContext {
    if (!reason.trim()) throw new Error('asSystem() needs a reason.');
    const init: RequestContextInit = { requestId: this.requestId, principal: SYSTEM, ip: this.ip, dataSource: this.dataSource, events: this.events, log: this.log, services: this.services, clock: this.clock };
    return new RequestContext(init, this.manager, this.pendingEvents, new LoaderRegistry(), [], this.idempotency);
  }

  /**
   * Queues an event; written to the outbox with the transaction and delivered after commit, dropped
   * on rollback. Outside a transaction: written to the outbox on its own, then published.
   */
  async emit<P>(type: string, payload: P): Promise<void> {
    const event: DomainEvent<P> = { type, payload, occurredAt: new Date(), requestId: this.requestId };
    if (this.pendingEvents) this.pendingEvents.push(event);
    else {
      await writeOutbox(this.manager, [event], this.principal);
      await this.events.publish(event);
    }
  }
}
