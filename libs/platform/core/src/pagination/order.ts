import { Field, InputType, registerEnumType } from 'type-graphql';
import { ArrayMaxSize, ArrayUnique, IsEnum, IsIn, IsOptional, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import type { ClassType } from '../graphql/class-type';
import { SortDirection } from './sort-direction';
import { paginateList, type SortKey } from './paginate';
import type { PageRequest } from './keyset';
import type { ConnectionResult } from './connection.type';

/** At most this many sort keys in one `orderBy`. */
export const MAX_ORDER_KEYS = 3;

/** One field a list can be sorted by: its SQL over the records' alias `t` and its description. */
export interface OrderField {
  /** SQL expression over alias `t`, e.g. `t.name` or `lower(t.title)`. */
  readonly column: string;
  /** The Chinese term and an English sentence, e.g. `'名称。By name.'`. */
  readonly description: string;
  /** The expression is unique on its own (e.g. a code): no id is added after it. */
  readonly unique?: boolean;
}

/** One sort key as a client sends it (no direction, or null: ascending). */
export interface OrderInput<F extends string = string> {
  field: F;
  direction?: SortDirection | null;
}

/** How `defineOrder` closes an order. */
export interface OrderOptions {
  /**
   * The columns that make the order total after the request's keys (unique together), in the last
   * key's direction: `['t.id']` unless the records are keyed otherwise (a policy by its level, a
   * batch of stock by depot, item and batch).
   */
  readonly tieBreak?: readonly string[];
}

/** What `defineOrder` makes for one list type. */
export interface OrderDefinition<F extends string> {
  /** The `<Name>SortField` enum (values are the field names). */
  readonly Field: { readonly [K in F]: K };
  /** The `<Name>Order` input: `{ field, direction = ASC }`. */
  readonly Input: ClassType<OrderInput<F>>;
  /** The keyset order for a request's `orderBy`: its keys, then the id (or the `tieBreak` columns) unless a key is unique; the list's default when none. */
  keys(orderBy: readonly OrderInput<F>[] | null | undefined): SortKey[];
}

/** The `<Name>SortField` enum and the `<Name>Order` input of a list type, registered once. */
function orderTypes<F extends string>(name: string, description: string, descriptions: { readonly [K in F]: string }): Pick<OrderDefinition<F>, 'Field' | 'Input'> {
  const names = Object.keys(descriptions) as F[];
  const values = Object.fromEntries(names.map((f) => [f, f])) as { readonly [K in F]: K };
  registerEnumType(values, {
    name: `${name}SortField`,
    description: `${description}排序字段。What the list can be sorted by.`,
    valuesConfig: Object.fromEntries(names.map((f) => [f, { description: descriptions[f] }])) as Partial<Record<F, { description: string }>>,
  });

  @InputType(`${name}Order`, { description: `${description}排序键。One sort key: a field and a direction.` })
  class Order implements OrderInput<F> {
    @Field(() => values, { description: '排序字段。What to sort by.' })
    @IsIn(names)
    field: F;

    // Nullable with its default: graphql-jit (the executor) applies an input field's default only to a
    // nullable field, so a non-null one left out of a variable (`orderBy: $o`) would be refused.
    @Field(() => SortDirection, { nullable: true, defaultValue: SortDirection.ASC, description: '排序方向。Ascending (default) or descending.' })
    @IsOptional()
    @IsEnum(SortDirection)
    direction?: SortDirection | null;
  }

  return { Field: values, Input: Order };
}

const descriptionsOf = <F extends string>(fields: { readonly [K in F]: { readonly description: string } }) =>
  Object.fromEntries(Object.entries(fields).map(([f, o]) => [f, (o as { description: string }).description])) as { readonly [K in F]: string };

/**
 * A list's `orderBy: [<Name>Order!]` (the convention of every root list, after PostGraphile and
 * Hasura): an enum of the fields it can be sorted by, an input of one key (field and direction), and
 * the keyset keys a request's order gives, always ending in a unique key so pages never skip or
 * repeat rows. Declared once per list type; add it to the list's arguments with `OrderByField`.
 */
export function defineOrder<F extends string>(
  name: string,
  description: string,
  fields: { readonly [K in F]: OrderField },
  defaultKeys: readonly SortKey[],
  options: OrderOptions = {},
): OrderDefinition<F> {
  const tieBreak = options.tieBreak ?? ['t.id'];
  return {
    ...orderTypes(name, description, descriptionsOf(fields)),
    keys(orderBy) {
      if (!orderBy?.length) return [...defaultKeys];
      const keys: SortKey[] = orderBy.map((o) => ({ column: fields[o.field].column, direction: o.direction ?? SortDirection.ASC }));
      const direction = keys[keys.length - 1]!.direction;
      if (!orderBy.some((o) => fields[o.field].unique)) keys.push(...tieBreak.map((column) => ({ column, direction })));
      return keys;
    },
  };
}

/** One field an in-memory list can be sorted by: the item's value and its description. */
export interface ListOrderField<T> {
  /** The value sorted by: strings by UTF-16 code unit (code point order below U+E000), numbers and booleans (false first) by value; null last ascending, first descending (as PostgreSQL). */
  readonly value: (item: T) => string | number | boolean | null;
  /** The Chinese term and an English sentence. */
  readonly description: string;
}

/** What `defineListOrder` makes for one in-memory list type. */
export interface ListOrderDefinition<T, F extends string> extends Pick<OrderDefinition<F>, 'Field' | 'Input'> {
  /** The items in a request's order (the list's default when none), ties broken by the unique key in the last key's direction. */
  sort<I extends T>(items: readonly I[], orderBy: readonly OrderInput<F>[] | null | undefined): I[];
  /** One page of the items in a request's order (`paginateList` over `sort`, cursors by the unique key). */
  page<I extends T>(items: readonly I[], orderBy: readonly OrderInput<F>[] | null | undefined, page: PageRequest): ConnectionResult<I>;
}

function compareValues(a: string | number | boolean | null, b: string | number | boolean | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * `orderBy: [<Name>Order!]` for a list computed in memory (a small catalog, a principal's grants):
 * the same enum and input as `defineOrder`, and the items sorted by a request's keys, then by `key`,
 * a unique string that is also the page cursor. Deterministic, so paging is lossless for every order.
 */
export function defineListOrder<T, F extends string>(
  name: string,
  description: string,
  fields: { readonly [K in F]: ListOrderField<T> },
  defaultOrder: readonly OrderInput<F>[],
  key: (item: T) => string,
): ListOrderDefinition<T, F> {
  const sort = <I extends T>(items: readonly I[], orderBy: readonly OrderInput<F>[] | null | undefined): I[] => {
    const order = orderBy?.length ? orderBy : defaultOrder;
    const sign = (o: OrderInput<F>) => (o.direction === SortDirection.DESC ? -1 : 1);
    const last = sign(order[order.length - 1]!);
    return [...items].sort((a, b) => {
      for (const o of order) {
        const c = compareValues(fields[o.field].value(a), fields[o.field].value(b));
        if (c) return c * sign(o);
      }
      return compareValues(key(a), key(b)) * last;
    });
  };
  return {
    ...orderTypes(name, description, descriptionsOf(fields)),
    sort,
    page: <I extends T>(items: readonly I[], orderBy: readonly OrderInput<F>[] | null | undefined, page: PageRequest) => paginateList(sort(items, orderBy), page, key),
  };
}

/**
 * The `orderBy` argument of a list: `[<Name>Order!]`, up to `MAX_ORDER_KEYS` keys, each field once,
 * applied in order (the first sorts, the next break its ties). Registered as the stacked decorators
 * `@Field(…) @IsOptional() @ArrayMaxSize() @ArrayUnique() @ValidateNested() @Type()` would be.
 */
export function OrderByField<F extends string>(order: Pick<OrderDefinition<F>, 'Input'>, defaultDescription: string): PropertyDecorator {
  return (target, key) => {
    Type(() => order.Input)(target, key);
    ValidateNested({ each: true })(target, key);
    ArrayUnique((o: OrderInput<F>) => o.field, { message: 'must name each field once.' })(target, key);
    ArrayMaxSize(MAX_ORDER_KEYS, { message: `must have at most ${MAX_ORDER_KEYS} sort keys.` })(target, key);
    IsOptional()(target, key);
    Field(() => [order.Input], { nullable: true, description: `排序。Sort keys, applied in order (at most ${MAX_ORDER_KEYS}, each field once); default ${defaultDescription}.` })(target, key);
  };
}

/**
 * SQL ranking a text column by a fixed list of its values, for an order field whose values have a
 * meaning order that their spelling does not (the states of a workflow, the colours of a level): 1 for
 * the first value, 2 for the next…, NULL for a value not listed (`array_position(ARRAY[…], column)`),
 * e.g. `rankOf('t.level', ['BLUE', 'YELLOW', 'ORANGE', 'RED'])`. Deterministic, so keyset pages over it are exact.
 */
export function rankOf(column: string, values: readonly string[]): string {
  const literals = values.map((v) => `'${v.replace(/'/g, "''")}'`);
  return `array_position(ARRAY[${literals.join(', ')}]::text[], ${column})`;
}

/**
 * The `filter` argument of a list: its filter input, optional, validated field by field (errors name
 * `filter.<field>`). Registered as the stacked decorators
 * `@Field(…) @IsOptional() @ValidateNested() @Type()` would be.
 */
export function FilterField(filter: () => ClassType, description: string): PropertyDecorator {
  return (target, key) => {
    Type(filter)(target, key);
    ValidateNested()(target, key);
    IsOptional()(target, key);
    Field(filter, { nullable: true, description })(target, key);
  };
}
