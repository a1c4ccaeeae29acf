import 'reflect-metadata';
import { IsInt, IsOptional, Length, Max, Min, MetadataStorage, getMetadataStorage, registerDecorator, validate } from 'class-validator';
import { InternalsChangedError } from './internals-check';
import { memoizeValidationMetadata, validationMetadataProblems } from './validation-metadata';

class PageInput {
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  first?: number;
}

class ShelterInput extends PageInput {
  @Length(1, 10)
  name!: string;

  @IsInt({ groups: ['strict'] })
  capacity?: unknown;
}

const make = <T extends object>(cls: new () => T, values: Partial<T>): T => Object.assign(new cls(), values);
const rules = async (value: object, options = {}) => (await validate(value, { forbidUnknownValues: false, ...options })).map((e) => `${e.property}:${Object.keys(e.constraints ?? {}).sort().join(',')}`);

describe('class-validator rules kept per class (perf/validation-metadata.ts)', () => {
  it('answers every validation as class-validator alone does, inherited rules and groups included', async () => {
    const cases: Array<[object, object?]> = [
      [make(ShelterInput, { name: '', first: 0 })],
      [make(ShelterInput, { name: '南坪村避难所', first: 20 })],
      [make(ShelterInput, { name: '一个很长很长很长很长的名字', first: 101, capacity: 'x' }), { groups: ['strict'] }],
      [make(ShelterInput, { name: 'ok', capacity: 'x' }), { groups: ['strict'] }],
      [make(PageInput, { first: 1.5 })],
    ];
    const before = await Promise.all(cases.map(([v, o]) => rules(v, o)));
    memoizeValidationMetadata();
    const after = await Promise.all(cases.map(([v, o]) => rules(v, o)));
    expect(after).toEqual(before);
    // The values themselves: the subclass's own and inherited (`first`) rules; a grouped rule runs
    // without groups too, and with a group given only that group's rules run (class-validator's semantics).
    expect(before[0]).toEqual(['name:isLength', 'capacity:isInt', 'first:min']);
    expect(before[1]).toEqual(['capacity:isInt']);
    expect(before[2]).toEqual(['capacity:isInt']);
    expect(before[4]).toEqual(['first:isInt']);
  });

  it('looks a class up once, and again after a rule is registered later', async () => {
    memoizeValidationMetadata();
    const storage = getMetadataStorage();
    const first = storage.getTargetValidationMetadatas(ShelterInput, '', false, false);
    expect(storage.getTargetValidationMetadatas(ShelterInput, '', false, false)).toBe(first);
    expect(storage.getTargetValidationMetadatas(ShelterInput, '', false, false, ['strict'])).not.toBe(first);
    const grouped = storage.groupByPropertyName(first);
    expect(storage.groupByPropertyName(first)).toBe(grouped);
    expect(Object.keys(grouped).sort()).toEqual(['capacity', 'first', 'name']);

    // A rule added to the class after the first lookup (a decorator applied late) is seen at once.
    registerDecorator({ name: 'notShouting', target: ShelterInput, propertyName: 'name', validator: { validate: (v: unknown) => typeof v === 'string' && v !== v.toUpperCase() } });
    const again = storage.getTargetValidationMetadatas(ShelterInput, '', false, false);
    expect(again).not.toBe(first);
    expect(again.length).toBe(first.length + 1);
    expect(await rules(make(ShelterInput, { name: 'LOUD', capacity: 5 }))).toEqual(['name:notShouting']);
  });

  it('is idempotent: a second gateway in the process does not wrap the wrappers', () => {
    const storage = new MetadataStorage();
    memoizeValidationMetadata(storage);
    const wrapped = storage.getTargetValidationMetadatas;
    memoizeValidationMetadata(storage);
    expect(storage.getTargetValidationMetadatas).toBe(wrapped);
  });

  it('refuses to start, naming the version, when an upgrade changed the storage', () => {
    expect(validationMetadataProblems({ getTargetValidationMetadatas: 1, groupByPropertyName: () => ({}), addValidationMetadata: () => undefined })).toEqual([
      'getMetadataStorage().getTargetValidationMetadatas is number, not a function',
      'getMetadataStorage().addConstraintMetadata is undefined, not a function',
    ]);
    expect(() => memoizeValidationMetadata({})).toThrow(InternalsChangedError);
    expect(() => memoizeValidationMetadata({})).toThrow(/^class-validator \d+\.\d+\.\d+ no longer has .*getTargetValidationMetadatas is undefined/);
  });
});
