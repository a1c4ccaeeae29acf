import { IsOptional, validate } from 'class-validator';
import { DecimalRange } from './decimal-inputs';

class Payment {
  @DecimalRange({ positive: true, max: '1000000' })
  amountYuan: string;

  @IsOptional()
  @DecimalRange({ min: '0', max: '999999999999.99' })
  lossYuan?: string | null;
}

const rulesOf = async (values: Partial<Payment>) => (await validate(Object.assign(new Payment(), values))).map((e) => [e.property, e.constraints]);

describe('DecimalRange', () => {
  it('accepts amounts within the range, compared exactly', async () => {
    expect(await rulesOf({ amountYuan: '0.01', lossYuan: '999999999999.99' })).toEqual([]);
    expect(await rulesOf({ amountYuan: '1000000.00', lossYuan: '0.00' })).toEqual([]);
    expect(await rulesOf({ amountYuan: '12.30', lossYuan: null })).toEqual([]);
  });

  it('refuses with the rules class-validator names for numbers: isPositive, min, max', async () => {
    expect(await rulesOf({ amountYuan: '0.00' })).toEqual([['amountYuan', { isPositive: 'amountYuan must be a positive number' }]]);
    expect(await rulesOf({ amountYuan: '-5.00' })).toEqual([['amountYuan', { isPositive: 'amountYuan must be a positive number' }]]);
    expect(await rulesOf({ amountYuan: '1000000.01' })).toEqual([['amountYuan', { max: 'amountYuan must not be greater than 1000000' }]]);
    expect(await rulesOf({ amountYuan: '1.00', lossYuan: '-0.01' })).toEqual([['lossYuan', { min: 'lossYuan must not be less than 0' }]]);
  });
});
