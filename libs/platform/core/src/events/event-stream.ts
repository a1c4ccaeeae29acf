import type { DomainEvent, EventBus } from './event-bus';

/**
 * Committed domain events of the given types as an async iterator, for a subscription: each event
 * passes `accept` (checked per event, e.g. the subscriber's scope) before it is delivered. Ending the
 * iteration (client unsubscribes or disconnects) detaches from the bus. Events wait in a bounded
 * queue; a subscriber that falls 1000 events behind loses the oldest.
 */
export function eventStream(bus: EventBus, types: readonly string[], accept: (event: DomainEvent) => boolean | Promise<boolean>): AsyncIterableIterator<DomainEvent> {
  const queue: DomainEvent[] = [];
  let wake: (() => void) | null = null;
  let done = false;
  const offs = types.map((type) =>
    bus.subscribe(type, (event) => {
      if (queue.length >= 1000) queue.shift();
      queue.push(event);
      wake?.();
    }),
  );
  const finish = (): IteratorResult<DomainEvent> => {
    done = true;
    offs.forEach((off) => off());
    wake?.();
    return { value: undefined, done: true };
  };
  const iterator: AsyncIterableIterator<DomainEvent> = {
    async next(): Promise<IteratorResult<DomainEvent>> {
      while (!done) {
        const event = queue.shift();
        if (event) {
          if (await accept(event)) return { value: event, done: false };
          continue;
        }
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
      }
      return { value: undefined, done: true };
    },
    async return(): Promise<IteratorResult<DomainEvent>> {
      return finish();
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
