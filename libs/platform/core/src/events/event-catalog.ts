import type { DomainEvent, EventBus } from './event-bus';

/** Type-only brand: which name and payload a declared event carries (nothing of it exists at run time). */
declare const declared: unique symbol;

/** What `payload<P>()` gives: the payload type of one catalog entry. */
export interface PayloadSpec<P> {
  readonly [declared]: P;
}

/**
 * A declared event: at run time its name (so it goes wherever an event name does: `createRecord`'s
 * `event`, `EventBus.subscribe`, `eventStream`), at compile time also its payload type.
 */
export type EventType<P = unknown, N extends string = string> = N & { readonly [declared]: { readonly name: N; readonly payload: P } };

/** The payload an event carries. */
export type PayloadOf<E> = E extends { readonly [declared]: { readonly payload: infer P } } ? P : unknown;

/** The committed event a subscriber receives for a declared event (union of names: union of events, told apart by `type`); `DomainEvent` for a plain name. */
export type EventOf<E> = E extends { readonly [declared]: { readonly name: infer N; readonly payload: infer P } } ? DomainEvent<P> & { readonly type: N } : DomainEvent;

/** A module's declared events, by name. */
export type EventCatalog<D extends Record<string, PayloadSpec<unknown>> = Record<string, PayloadSpec<unknown>>> = {
  readonly [N in keyof D & string]: EventType<D[N] extends PayloadSpec<infer P> ? P : never, N>;
};

const PAYLOAD_SPEC = Symbol('payload');
const CATALOG = Symbol('event catalog');
const SUBJECTS = Symbol('event subjects');
const EVENT_NAME = /^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*(-[a-z][a-zA-Z0-9]*)*)+$/;

/** The payload's fields that hold a string (an id), by name. */
export type IdField<P> = { [K in keyof P & string]: P[K] extends string ? K : never }[keyof P & string];

/**
 * An entity declared with `defineScopedEntity` (`ScopedEntity`), as a catalog refers to it: by shape,
 * so the event catalogs need nothing of the data layer (`isScopedEntity` tells a real declaration).
 */
export interface SubjectEntity {
  readonly typeName: string;
  readonly table: string;
  readonly read: string;
  readonly scope: unknown;
}

/**
 * The record an event is about: a declared entity (`defineScopedEntity`) and the payload field
 * holding the record's id. Whoever passes the event on outside the process (webhooks) checks with it
 * that the receiver may read that record, and names it (type and global id).
 */
export interface EventSubject {
  readonly entity: SubjectEntity;
  readonly field: string;
}

/**
 * Declares an event's payload type in `defineEvents`, and optionally its subject, the record it is
 * about: `payload<{ id: string; moved: boolean }>(Organizations)` (the id in `id`), or
 * `payload<{ id: string; bodyId: string }>({ entity: CommandBodies, field: 'bodyId' })` when the
 * record is named by another field (e.g. the parent of a record that was deleted). An event without
 * a subject stays in the process (subscriptions) and is not offered to webhooks.
 */
export function payload<P extends Record<string, unknown>>(): PayloadSpec<P>;
export function payload<P extends Record<string, unknown> & { id: string }>(subject: SubjectEntity): PayloadSpec<P>;
export function payload<P extends Record<string, unknown>>(subject: { readonly entity: SubjectEntity; readonly field: IdField<P> }): PayloadSpec<P>;
export function payload(subject?: SubjectEntity | { readonly entity: SubjectEntity; readonly field: string }): PayloadSpec<unknown> {
  const declared: EventSubject | null = !subject ? null : 'field' in subject ? { entity: subject.entity, field: subject.field } : { entity: subject, field: 'id' };
  return { [PAYLOAD_SPEC]: true, subject: declared } as unknown as PayloadSpec<unknown>;
}

/**
 * A module's events, declared once with their payloads, e.g.
 * `defineEvents({ 'directory.organization.updated': payload<{ id: string; moved: boolean }>() })`.
 * Producers emit through it (`emitEvent`, `recordEvent`), consumers subscribe by its entries
 * (`onEvent`, `eventStream`) and get the payload type from it instead of re-declaring it.
 * Names are `module.entity.verb` (dot-separated, lower camel case; an entity of two words may be
 * kebab-case, e.g. `risk.fire-facility.created`).
 */
export function defineEvents<D extends Record<string, PayloadSpec<Record<string, unknown>>>>(declarations: D): EventCatalog<D> {
  const catalog: Record<string, string> = {};
  const subjects = new Map<string, EventSubject | null>();
  for (const [name, spec] of Object.entries(declarations)) {
    if (!EVENT_NAME.test(name)) throw new Error(`Event name ${JSON.stringify(name)} is not of the form module.entity.verb.`);
    if (!spec || !(spec as unknown as Record<symbol, unknown>)[PAYLOAD_SPEC]) throw new Error(`Event ${name}: declare its payload with payload<…>().`);
    catalog[name] = name;
    subjects.set(name, (spec as unknown as { subject: EventSubject | null }).subject ?? null);
  }
  Object.defineProperty(catalog, CATALOG, { value: true });
  Object.defineProperty(catalog, SUBJECTS, { value: subjects });
  return Object.freeze(catalog) as unknown as EventCatalog<D>;
}

/** A declared event as the gateway lists it (e.g. the event types webhooks offer): its name and its subject, if declared. */
export interface EventDeclaration {
  readonly name: string;
  readonly subject: EventSubject | null;
}

/** Every event a catalog declares, in declaration order, with its subject (null when it has none). */
export function eventDeclarations(catalog: EventCatalog): EventDeclaration[] {
  const subjects = (catalog as unknown as Record<symbol, ReadonlyMap<string, EventSubject | null> | undefined>)[SUBJECTS];
  if (!subjects) throw new Error('Not an event catalog: make it with defineEvents().');
  return [...subjects].map(([name, subject]) => ({ name, subject }));
}

/** The catalog's entry for a name; throws for a name the catalog does not declare. */
export function eventType<C extends EventCatalog, N extends keyof C & string>(catalog: C, name: N): C[N] {
  if (!(catalog as unknown as Record<symbol, unknown>)[CATALOG]) throw new Error('Not an event catalog: make it with defineEvents().');
  if (typeof name !== 'string' || !Object.prototype.hasOwnProperty.call(catalog, name)) throw new Error(`Event ${String(name)} is not declared in this catalog.`);
  return catalog[name];
}

/**
 * Emits a declared event with its payload type-checked: queued in the open transaction (delivered
 * after commit), published at once outside one, like `RequestContext.emit`.
 */
export async function emitEvent<C extends EventCatalog, N extends keyof C & string>(
  tx: { emit(type: string, payload: unknown): Promise<void> },
  catalog: C,
  name: N,
  payload: PayloadOf<C[N]>,
): Promise<void> {
  return tx.emit(eventType(catalog, name), payload);
}

/**
 * The `event` and `payload` options of `createRecord`/`updateRecord`/`archiveRecord` for a declared
 * event, the payload type-checked: `...recordEvent(events['x.y.created'], (row: Y) => ({ id: row.id }))`.
 */
export function recordEvent<E extends EventType<Record<string, unknown>>>(event: E, payload: PayloadOf<E>): { readonly event: string; readonly payload: PayloadOf<E> };
export function recordEvent<E extends EventType<Record<string, unknown>>, R>(event: E, payload: (record: R) => PayloadOf<E>): { readonly event: string; readonly payload: (record: R) => PayloadOf<E> };
export function recordEvent(event: string, payload: unknown): { readonly event: string; readonly payload: unknown } {
  return { event, payload };
}

/** Subscribes to a declared event, the handler's event typed by the catalog; returns how to unsubscribe. */
export function onEvent<E extends EventType>(bus: EventBus, event: E, handler: (event: EventOf<E>) => void): () => void {
  return bus.subscribe(event, handler as (event: DomainEvent) => void);
}
