import 'reflect-metadata';
import { ArgsType } from 'type-graphql';
import { validate } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { SortDirection } from './sort-direction';
import { OrderByField, defineOrder, type OrderInput } from './order';

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

  it('refuses a field named twice and more than three keys', async () => {
    expect(await problems([{ field: 'NAME', direction: 'ASC' }])).toEqual([]);
    expect(await problems([{ field: 'NAME', direction: 'ASC' }, { field: 'NAME', direction: 'DESC' }])).toEqual([['must name each field once.']]);
    const four = ['NAME', 'CODE', 'CREATED_AT', 'NAME'].map((field) => ({ field, direction: 'ASC' }));
    expect((await problems(four))[0]).toContain('must have at most 3 sort keys.');
  });
});
