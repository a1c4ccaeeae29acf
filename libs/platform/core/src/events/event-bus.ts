import { EventEmitter } from 'node:events';

/** A fact a module announces after its transaction committed, e.g. `directory.organization.created`. */
export interface DomainEvent<P = unknown> {
  readonly type: string;
  readonly payload: P;
  readonly occurredAt: Date;
  readonly requestId: string;
}

/** Delivers committed domain events to subscribers (in process; a Redis-backed bus can replace it). */
export interface EventBus {
  publish(event: DomainEvent): Promise<void>;
  subscribe(type: string, handler: (event: DomainEvent) => void): () => void;
}

export class InProcessEventBus implements EventBus {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  async publish(event: DomainEvent): Promise<void> {
    this.emitter.emit(event.type, event);
    this.emitter.emit('*', event);
  }

  subscribe(type: string, handler: (event: DomainEvent) => void): () => void {
    this.emitter.on(type, handler);
    return () => this.emitter.off(type, handler);
  }
}
