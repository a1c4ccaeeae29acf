import { randomUUID } from 'node:crypto';
import { directoryModule } from '@platform/directory';
import { accessModule } from '@platform/access';
import { RequestContext, SYSTEM, transaction, yearlyNumbers } from '@platform/core';
import { startTestGateway, type TestGateway } from '@platform/testing';

/**
 * Gap-free yearly numbers (年度编号, kernel): numbers taken by concurrent transactions are 1..N with
 * no repeat; a rolled-back transaction gives its number back; years and series count apart; a seed's
 * fixed numbers raise the counter, never lower it.
 */
describe('gap-free yearly numbers (年度编号)', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway([directoryModule, accessModule], { seed: false });
  });
  afterAll(() => t?.close());

  const ctx = () =>
    new RequestContext({ requestId: `numbers-${randomUUID()}`, principal: SYSTEM, dataSource: t.gateway.database.dataSource, events: { publish: async () => undefined, subscribe: () => () => undefined }, log: t.gateway.log });
  const take = (series: string, year: number) => transaction(ctx(), (tx) => yearlyNumbers.next(tx, series, year));

  it('numbers concurrent takers 1..N without gaps or repeats, each series and year on its own', async () => {
    const N = 24;
    const numbers = await Promise.all(Array.from({ length: N }, () => take('test.concurrent', 2026)));
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: N }, (_, i) => i + 1));
    expect(await take('test.concurrent', 2027)).toBe(1);
    expect(await take('test.other', 2026)).toBe(1);
  });

  it('gives a rolled-back number back and raises the counter to a seed\'s numbers without lowering it', async () => {
    expect(await take('test.rollback', 2026)).toBe(1);
    await expect(
      transaction(ctx(), async (tx) => {
        expect(await yearlyNumbers.next(tx, 'test.rollback', 2026)).toBe(2);
        throw new Error('the record could not be written');
      }),
    ).rejects.toThrow('the record could not be written');
    expect(await take('test.rollback', 2026)).toBe(2);

    await transaction(ctx(), (tx) => yearlyNumbers.raiseTo(tx, 'test.rollback', 2026, 10));
    expect(await take('test.rollback', 2026)).toBe(11);
    await transaction(ctx(), (tx) => yearlyNumbers.raiseTo(tx, 'test.rollback', 2026, 5));
    expect(await take('test.rollback', 2026)).toBe(12);
  });

  it('refuses a series name that is not module.record', async () => {
    await expect(take('Not A Series', 2026)).rejects.toThrow();
  });
});
