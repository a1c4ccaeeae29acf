import type { EventBus } from './event-bus';
import type { EventOf } from './event-catalog';

/**
 * Committed domain events of the given types as an async iterator, for a subscription: each event
 * passes `accept` (checked per event, e.g. the subscriber's scope) before it is delivered. Ending the
 * iteration (client unsubscribes or disconnects) detaches from the bus. Events wait in a bounded
 * queue; a subscriber that falls 1000 events behind loses the oldest. Given catalog entries
 * (`defineEvents`), the events come typed by the catalog (`EventOf`); given plain names, as `DomainEvent`.
 */
export function eventStream<T extends string>(bus: EventBus, types: readonly T[], accept: (event: EventOf<T>) => boolean | Promise<boolean>): AsyncIterableIterator<EventOf<T>> {
  const queue: EventOf<T>[] = [];
  let wake: (() => void) | null = null;
  let done = false;
  const offs = types.map((type) =>
    bus.subscribe(type, (event) => {
      if (queue.length >= 1000) queue.shift();
      queue.push(event as EventOf<T>);
      wake?.();
    }),
  );
  const finish = (): IteratorResult<EventOf<T>> => {
    done = true;
    offs.forEach((off) => off());
    wake?.();
    return { value: undefined, done: true };
  };
  const iterator: AsyncIterableIterator<EventOf<T>> = {
    async next(): Promise<IteratorResult<EventOf<T>>> {
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
    async return(): Promise<IteratorResult<EventOf<T>>> {
      return finish();
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
