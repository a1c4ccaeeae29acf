import type { DataSource, EntityManager } from 'typeorm';
import type { Logger } from 'pino';
import type { DomainEvent, EventBus } from '../events/event-bus';
import { LoaderRegistry } from '../loaders/loader-registry';
import type { Principal } from './principal';

export interface RequestContextInit {
  readonly requestId: string;
  readonly principal: Principal;
  /** Address the request came from (behind a proxy: per TRUST_PROXY); null for jobs and seeds. */
  readonly ip?: string | null;
  readonly dataSource: DataSource;
  readonly events: EventBus;
  readonly log: Logger;
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
  /** The manager queries go through: the pool's, or the open transaction's. */
  readonly manager: EntityManager;
  /** Events raised inside the open transaction, delivered after it commits. */
  readonly pendingEvents: DomainEvent[] | null;

  constructor(init: RequestContextInit, manager?: EntityManager, pendingEvents: DomainEvent[] | null = null, loaders?: LoaderRegistry) {
    this.requestId = init.requestId;
    this.principal = init.principal;
    this.ip = init.ip ?? null;
    this.dataSource = init.dataSource;
    this.events = init.events;
    this.log = init.log;
    this.loaders = loaders ?? new LoaderRegistry();
    this.manager = manager ?? init.dataSource.manager;
    this.pendingEvents = pendingEvents;
  }

  get inTransaction(): boolean {
    return this.pendingEvents !== null;
  }

  /** A copy bound to a transaction's manager; it shares loaders and identity with this one. */
  withTransaction(manager: EntityManager, pendingEvents: DomainEvent[]): RequestContext {
    return new RequestContext(this, manager, pendingEvents, this.loaders);
  }

  /** Queues an event; delivered after commit, dropped on rollback. Outside a transaction, publishes now. */
  async emit<P>(type: string, payload: P): Promise<void> {
    const event: DomainEvent<P> = { type, payload, occurredAt: new Date(), requestId: this.requestId };
    if (this.pendingEvents) this.pendingEvents.push(event);
    else await this.events.publish(event);
  }
}
