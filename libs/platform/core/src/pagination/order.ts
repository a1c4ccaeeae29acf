import { Field, InputType, registerEnumType } from 'type-graphql';
import { ArrayMaxSize, ArrayUnique, IsEnum, IsIn, IsOptional, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import type { ClassType } from '../graphql/class-type';
import { SortDirection } from './sort-direction';
import type { SortKey } from './paginate';

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

/** One sort key as a client sends it. */
export interface OrderInput<F extends string = string> {
  field: F;
  direction: SortDirection;
}

/** What `defineOrder` makes for one list type. */
export interface OrderDefinition<F extends string> {
  /** The `<Name>SortField` enum (values are the field names). */
  readonly Field: { readonly [K in F]: K };
  /** The `<Name>Order` input: `{ field, direction = ASC }`. */
  readonly Input: ClassType<OrderInput<F>>;
  /** The keyset order for a request's `orderBy`: its keys, then the id (unless a key is unique); the list's default when none. */
  keys(orderBy: readonly OrderInput<F>[] | null | undefined): SortKey[];
}

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
): OrderDefinition<F> {
  const names = Object.keys(fields) as F[];
  const values = Object.fromEntries(names.map((f) => [f, f])) as { readonly [K in F]: K };
  registerEnumType(values, {
    name: `${name}SortField`,
    description: `${description}排序字段。What the list can be sorted by.`,
    valuesConfig: Object.fromEntries(names.map((f) => [f, { description: fields[f].description }])) as Partial<Record<F, { description: string }>>,
  });

  @InputType(`${name}Order`, { description: `${description}排序键。One sort key: a field and a direction.` })
  class Order implements OrderInput<F> {
    @Field(() => values, { description: '排序字段。What to sort by.' })
    @IsIn(names)
    field: F;

    @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: '排序方向。Ascending (default) or descending.' })
    @IsEnum(SortDirection)
    direction: SortDirection;
  }

  return {
    Field: values,
    Input: Order,
    keys(orderBy) {
      if (!orderBy?.length) return [...defaultKeys];
      const keys: SortKey[] = orderBy.map((o) => ({ column: fields[o.field].column, direction: o.direction ?? SortDirection.ASC }));
      if (!orderBy.some((o) => fields[o.field].unique)) keys.push({ column: 't.id', direction: keys[keys.length - 1]!.direction });
      return keys;
    },
  };
}

/**
 * The `orderBy` argument of a list: `[<Name>Order!]`, up to `MAX_ORDER_KEYS` keys, each field once,
 * applied in order (the first sorts, the next break its ties). Registered as the stacked decorators
 * `@Field(…) @IsOptional() @ArrayMaxSize() @ArrayUnique() @ValidateNested() @Type()` would be.
 */
export function OrderByField<F extends string>(order: OrderDefinition<F>, defaultDescription: string): PropertyDecorator {
  return (target, key) => {
    Type(() => order.Input)(target, key);
    ValidateNested({ each: true })(target, key);
    ArrayUnique((o: OrderInput<F>) => o.field, { message: 'must name each field once.' })(target, key);
    ArrayMaxSize(MAX_ORDER_KEYS, { message: `must have at most ${MAX_ORDER_KEYS} sort keys.` })(target, key);
    IsOptional()(target, key);
    Field(() => [order.Input], { nullable: true, description: `排序。Sort keys, applied in order (at most ${MAX_ORDER_KEYS}, each field once); default ${defaultDescription}.` })(target, key);
  };
}
