import { InProcessEventBus, type DomainEvent } from './event-bus';
import { defineEvents, emitEvent, eventDeclarations, eventType, onEvent, payload, recordEvent, type EventOf, type PayloadOf } from './event-catalog';
import { eventStream } from './event-stream';

/** Declared entities as catalogs see them (by shape; `defineScopedEntity` makes the real ones). */
const Things = { typeName: 'Thing', table: 'thing', read: 'test.thing:read', scope: { organizationColumn: 'organization_id' } };
const Boxes = { typeName: 'Box', table: 'box', read: 'test.box:read', scope: { organizationColumn: 'organization_id' } };

const events = defineEvents({
  'test.thing.created': payload<{ id: string; kind: string; parentId: string | null }>(),
  'test.thing.updated': payload<{ id: string; moved: boolean }>(),
});

/** A stand-in for a transaction's context: records what `emit` is given. */
function recorder() {
  const emitted: Array<{ type: string; payload: unknown }> = [];
  return { emitted, emit: async (type: string, p: unknown) => void emitted.push({ type, payload: p }) };
}

type Equal<A, B> = (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;
const typeIs = <T extends true>(_: T): void => undefined;

describe('event catalogs', () => {
  it('gives each entry its name at run time and its payload type at compile time', () => {
    expect(events['test.thing.created']).toBe('test.thing.created');
    expect(Object.keys(events)).toEqual(['test.thing.created', 'test.thing.updated']);
    expect(Object.isFrozen(events)).toBe(true);
    typeIs<Equal<PayloadOf<(typeof events)['test.thing.updated']>, { id: string; moved: boolean }>>(true);
    typeIs<Equal<EventOf<(typeof events)['test.thing.updated']>['type'], 'test.thing.updated'>>(true);
    // A plain name stays an untyped event.
    typeIs<Equal<EventOf<string>, DomainEvent>>(true);
  });

  it('emits a declared event with its payload checked', async () => {
    const tx = recorder();
    await emitEvent(tx, events, 'test.thing.updated', { id: 'a', moved: true });
    await emitEvent(tx, events, 'test.thing.created', { id: 'b', kind: 'VILLAGE', parentId: null });
    expect(tx.emitted).toEqual([
      { type: 'test.thing.updated', payload: { id: 'a', moved: true } },
      { type: 'test.thing.created', payload: { id: 'b', kind: 'VILLAGE', parentId: null } },
    ]);
    // @ts-expect-error: `moved` is missing.
    await emitEvent(tx, events, 'test.thing.updated', { id: 'a' });
    // @ts-expect-error: `moved` is a boolean.
    await emitEvent(tx, events, 'test.thing.updated', { id: 'a', moved: 'yes' });
    // @ts-expect-error: not a field of the payload.
    await emitEvent(tx, events, 'test.thing.updated', { id: 'a', moved: true, extra: 1 });
  });

  it('rejects an undeclared name, at compile time and at run time', async () => {
    const tx = recorder();
    // @ts-expect-error: not declared in the catalog.
    await expect(emitEvent(tx, events, 'test.thing.deleted', { id: 'a' })).rejects.toThrow('Event test.thing.deleted is not declared in this catalog.');
    // @ts-expect-error: not declared in the catalog.
    expect(() => eventType(events, 'test.thing.deleted')).toThrow('not declared');
    // Inherited properties are no events either.
    expect(() => eventType(events, 'toString' as never)).toThrow('not declared');
    expect(() => eventType({ 'test.thing.created': 'test.thing.created' } as never, 'test.thing.created' as never)).toThrow('Not an event catalog');
    expect(tx.emitted).toEqual([]);
    expect(eventType(events, 'test.thing.created')).toBe('test.thing.created');
  });

  it('refuses malformed declarations', () => {
    expect(() => defineEvents({ 'Thing created': payload<{ id: string }>() })).toThrow('not of the form module.entity.verb');
    expect(() => defineEvents({ thing: payload<{ id: string }>() })).toThrow('not of the form');
    expect(() => defineEvents({ 'test.fire--facility.created': payload<{ id: string }>() })).toThrow('not of the form');
    expect(() => defineEvents({ 'test.-facility.created': payload<{ id: string }>() })).toThrow('not of the form');
    expect(eventType(defineEvents({ 'test.fire-facility.created': payload<{ id: string }>() }), 'test.fire-facility.created')).toBe('test.fire-facility.created');
    // @ts-expect-error: a payload is declared with payload<…>().
    expect(() => defineEvents({ 'test.thing.created': { id: 'string' } })).toThrow('declare its payload');
  });

  it('builds the event options of the record writers with the payload checked', () => {
    const created = recordEvent(events['test.thing.created'], (row: { id: string; parentId: string | null }) => ({ id: row.id, kind: 'VILLAGE', parentId: row.parentId }));
    expect(created.event).toBe('test.thing.created');
    expect(created.payload({ id: 'x', parentId: null })).toEqual({ id: 'x', kind: 'VILLAGE', parentId: null });
    expect(recordEvent(events['test.thing.updated'], { id: 'x', moved: false })).toEqual({ event: 'test.thing.updated', payload: { id: 'x', moved: false } });
    // @ts-expect-error: `moved` is missing.
    recordEvent(events['test.thing.updated'], { id: 'x' });
    // @ts-expect-error: `kind` is missing.
    recordEvent(events['test.thing.created'], (row: { id: string }) => ({ id: row.id, parentId: null }));
  });

  it('lets subscribers take the payload type from the catalog', async () => {
    const bus = new InProcessEventBus();
    const moved: boolean[] = [];
    const off = onEvent(bus, events['test.thing.updated'], (event) => moved.push(event.payload.moved));
    // @ts-expect-error: the updated event carries no `kind`.
    onEvent(bus, events['test.thing.updated'], (event) => event.payload.kind)();

    const stream = eventStream(bus, [events['test.thing.created'], events['test.thing.updated']], (event) => event.payload.id !== 'hidden');
    const publish = (type: string, p: unknown) => bus.publish({ type, payload: p, occurredAt: new Date(), requestId: 'r' });
    await publish('test.thing.updated', { id: 'hidden', moved: true });
    await publish('test.thing.created', { id: 'a', kind: 'VILLAGE', parentId: null });
    off();
    await publish('test.thing.updated', { id: 'b', moved: false });

    const first = (await stream.next()).value!;
    // The union is told apart by `type`.
    if (first.type === 'test.thing.created') expect(first.payload.kind).toBe('VILLAGE');
    expect(first.type).toBe('test.thing.created');
    expect((await stream.next()).value).toMatchObject({ type: 'test.thing.updated', payload: { id: 'b', moved: false } });
    await stream.return!();
    expect(moved).toEqual([true]);
  });

  it('declares the subject of an event (the record it is about), by the id in `id` or in another field, and lists it', () => {
    const withSubjects = defineEvents({
      'test.thing.created': payload<{ id: string; kind: string }>(Things),
      'test.thing.boxed': payload<{ id: string; boxId: string; count: number }>({ entity: Boxes, field: 'boxId' }),
      'test.thing.counted': payload<{ count: number }>(),
    });
    expect(eventDeclarations(withSubjects)).toEqual([
      { name: 'test.thing.created', subject: { entity: Things, field: 'id' } },
      { name: 'test.thing.boxed', subject: { entity: Boxes, field: 'boxId' } },
      { name: 'test.thing.counted', subject: null },
    ]);
    // The catalog's entries and their payload types are as without subjects.
    expect(withSubjects['test.thing.boxed']).toBe('test.thing.boxed');
    typeIs<Equal<PayloadOf<(typeof withSubjects)['test.thing.boxed']>, { id: string; boxId: string; count: number }>>(true);
    expect(eventDeclarations(withSubjects)[0]!.subject!.entity).toBe(Things);
    // @ts-expect-error: the subject's id is in `id`, which this payload lacks.
    payload<{ count: number }>(Things);
    // @ts-expect-error: `count` holds no id.
    payload<{ id: string; count: number }>({ entity: Boxes, field: 'count' });
    // @ts-expect-error: not a field of the payload.
    payload<{ id: string }>({ entity: Boxes, field: 'boxId' });
    expect(() => eventDeclarations({ 'test.thing.created': 'test.thing.created' } as never)).toThrow('Not an event catalog');
  });
});
