import 'reflect-metadata';
import { ArgsType } from 'type-graphql';
import { validate } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { SortDirection } from './sort-direction';
import { OrderByField, defineListOrder, defineOrder, rankOf, type OrderInput } from './order';

const ThingOrder = defineOrder(
  'Thing',
  '事物',
  {
    NAME: { column: 't.name', description: '名称。By name.' },
    CODE: { column: 't.code', description: '代码。By code (unique).', unique: true },
    CREATED_AT: { column: 't.created_at', description: '创建时间。By when it was created.' },
  },
  [{ column: 't.created_at', direction: SortDirection.DESC }, { column: 't.id', direction: SortDirection.DESC }],
);

@ArgsType()
class ThingArgs {
  @OrderByField(ThingOrder, 'newest first')
  orderBy?: OrderInput<keyof typeof ThingOrder.Field>[];
}

const problems = async (orderBy: unknown) => (await validate(plainToInstance(ThingArgs, { orderBy }))).map((e) => Object.values(e.constraints ?? {}).concat((e.children ?? []).map((c) => c.property)));

describe('defineOrder', () => {
  it('gives the default keys when no order is sent', () => {
    expect(ThingOrder.keys(undefined)).toEqual([{ column: 't.created_at', direction: 'DESC' }, { column: 't.id', direction: 'DESC' }]);
    expect(ThingOrder.keys([])).toEqual(ThingOrder.keys(null));
  });

  it('applies the keys in order and ends in the id, in the last key direction', () => {
    expect(ThingOrder.keys([{ field: 'NAME', direction: SortDirection.ASC }, { field: 'CREATED_AT', direction: SortDirection.DESC }])).toEqual([
      { column: 't.name', direction: 'ASC' },
      { column: 't.created_at', direction: 'DESC' },
      { column: 't.id', direction: 'DESC' },
    ]);
  });

  it('adds no id after a unique key', () => {
    expect(ThingOrder.keys([{ field: 'CODE', direction: SortDirection.DESC }])).toEqual([{ column: 't.code', direction: 'DESC' }]);
  });

  it('closes the order with the tie-break columns of records keyed otherwise than by id', () => {
    const BatchOrder = defineOrder('Batch', '批次', { QUANTITY: { column: 't.quantity', description: '数量。By quantity.' } }, [{ column: 't.depot_id', direction: SortDirection.ASC }], { tieBreak: ['t.depot_id', 't.batch'] });
    expect(BatchOrder.keys([{ field: 'QUANTITY', direction: SortDirection.DESC }])).toEqual([
      { column: 't.quantity', direction: 'DESC' },
      { column: 't.depot_id', direction: 'DESC' },
      { column: 't.batch', direction: 'DESC' },
    ]);
  });

  it('refuses a field named twice and more than three keys', async () => {
    expect(await problems([{ field: 'NAME', direction: 'ASC' }])).toEqual([]);
    expect(await problems([{ field: 'NAME', direction: 'ASC' }, { field: 'NAME', direction: 'DESC' }])).toEqual([['must name each field once.']]);
    const four = ['NAME', 'CODE', 'CREATED_AT', 'NAME'].map((field) => ({ field, direction: 'ASC' }));
    expect((await problems(four))[0]).toContain('must have at most 3 sort keys.');
  });
});

describe('rankOf', () => {
  it('ranks the listed values in their order, quoting them as SQL literals', () => {
    expect(rankOf('t.level', ['BLUE', 'RED'])).toBe("array_position(ARRAY['BLUE', 'RED']::text[], t.level)");
    expect(rankOf('t.note', ["it's"])).toBe("array_position(ARRAY['it''s']::text[], t.note)");
  });
});

describe('defineListOrder (lists computed in memory)', () => {
  interface Grant {
    permission: string;
    scope: string;
    rank: number | null;
  }
  const GrantOrder = defineListOrder<Grant, 'PERMISSION' | 'RANK'>(
    'TestGrant',
    '测试授权',
    {
      PERMISSION: { value: (g) => g.permission, description: '权限。By permission.' },
      RANK: { value: (g) => g.rank, description: '等级。By rank.' },
    },
    [{ field: 'PERMISSION', direction: SortDirection.ASC }],
    (g) => `${g.permission}|${g.scope}`,
  );
  const grants: Grant[] = [
    { permission: 'b', scope: 'ALL', rank: 2 },
    { permission: 'a', scope: 'OWN', rank: null },
    { permission: 'b', scope: 'OWN', rank: 1 },
    { permission: 'a', scope: 'ALL', rank: 2 },
  ];
  const keysOf = (items: Grant[]) => items.map((g) => `${g.permission}|${g.scope}`);

  it('sorts by the default order, ties by the key in the last key direction', () => {
    expect(keysOf(GrantOrder.sort(grants, undefined))).toEqual(['a|ALL', 'a|OWN', 'b|ALL', 'b|OWN']);
    expect(keysOf(GrantOrder.sort(grants, [{ field: 'PERMISSION', direction: SortDirection.DESC }]))).toEqual(['b|OWN', 'b|ALL', 'a|OWN', 'a|ALL']);
  });

  it('puts nulls last ascending and first descending, as PostgreSQL', () => {
    expect(keysOf(GrantOrder.sort(grants, [{ field: 'RANK', direction: SortDirection.ASC }]))).toEqual(['b|OWN', 'a|ALL', 'b|ALL', 'a|OWN']);
    expect(keysOf(GrantOrder.sort(grants, [{ field: 'RANK', direction: SortDirection.DESC }]))).toEqual(['a|OWN', 'b|ALL', 'a|ALL', 'b|OWN']);
  });

  it('applies the keys in order and pages by the unique key, both ways', () => {
    const order = [{ field: 'RANK' as const, direction: SortDirection.DESC }, { field: 'PERMISSION' as const, direction: SortDirection.ASC }];
    expect(keysOf(GrantOrder.sort(grants, order))).toEqual(['a|OWN', 'a|ALL', 'b|ALL', 'b|OWN']);
    const first = GrantOrder.page(grants, order, { first: 2 });
    expect(keysOf(first.edges.map((e) => e.node))).toEqual(['a|OWN', 'a|ALL']);
    const next = GrantOrder.page(grants, order, { first: 2, after: first.pageInfo.endCursor });
    expect(keysOf(next.edges.map((e) => e.node))).toEqual(['b|ALL', 'b|OWN']);
    const back = GrantOrder.page(grants, order, { last: 1, before: next.pageInfo.startCursor });
    expect(keysOf(back.edges.map((e) => e.node))).toEqual(['a|ALL']);
    expect([back.pageInfo.hasPreviousPage, back.pageInfo.hasNextPage]).toEqual([true, true]);
  });
});
