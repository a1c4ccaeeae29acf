import { IsOptional, Length, ValidateNested } from 'class-validator';
import type { ResolverData } from 'type-graphql';
import { BadUserInputError } from '../errors/errors';
import { Versioned } from './versioned.input';
import { Untrimmed, isKnownValid, trimStrings, validateArgument } from './validate-argument';

class ContactInput {
  @Length(1, 20)
  name: string;
}

class NoteInput {
  @Length(1, 20)
  title: string;

  @IsOptional()
  @Length(1, 20)
  note?: string | null;

  @IsOptional()
  @Untrimmed()
  @Length(10, 128)
  password?: string;

  tags?: string[];

  @Untrimmed()
  documents?: string[];

  @ValidateNested({ each: true })
  contacts?: ContactInput[];

  /** A JSON scalar value (e.g. GeoJSON): a plain object, stored as sent. */
  area?: Record<string, unknown>;
}

class UpdateNoteInput extends Versioned(NoteInput) {}

const make = <T extends object>(type: new () => T, fields: Partial<T>): T => Object.assign(new type(), fields);
const resolverData = (args: Record<string, unknown>) => ({ args }) as unknown as ResolverData<object>;

describe('trimStrings', () => {
  it('trims fields, nested input objects and lists in place', () => {
    const input = make(NoteInput, { title: '  隐患  ', note: '\t备注\n', tags: [' a ', 'b '], contacts: [make(ContactInput, { name: ' 张三 ' })] });
    trimStrings(input);
    expect(input).toEqual(make(NoteInput, { title: '隐患', note: '备注', tags: ['a', 'b'], contacts: [make(ContactInput, { name: '张三' })] }));
  });

  it('keeps @Untrimmed fields exact, also in a subclass such as Versioned(…)', () => {
    const input = make(UpdateNoteInput, { id: ' x ', version: 1, title: ' t ', password: ' secret pass 1 ' });
    trimStrings(input);
    expect(input).toMatchObject({ id: 'x', title: 't', password: ' secret pass 1 ' });
  });

  it('keeps an @Untrimmed list of strings exact (texts identified by their hash) and still trims other lists', () => {
    const input = make(NoteInput, { title: ' t ', tags: [' a '], documents: ['{ viewer { kind } }\n', ' query Q { x }'] });
    trimStrings(input);
    expect(input).toMatchObject({ title: 't', tags: ['a'], documents: ['{ viewer { kind } }\n', ' query Q { x }'] });
  });

  it('leaves plain objects (JSON scalar values) as sent', () => {
    const input = make(NoteInput, { title: ' t ', area: { type: ' Point ', coordinates: [1, 2] } });
    trimStrings(input);
    expect(input.area).toEqual({ type: ' Point ', coordinates: [1, 2] });
  });

  it('walks a deeply nested list without recursion', () => {
    const deep: unknown[] = [' leaf '];
    let outer: unknown[] = deep;
    for (let i = 0; i < 50_000; i++) outer = [outer];
    expect(() => trimStrings(outer)).not.toThrow();
    expect(deep).toEqual(['leaf']);
  });

  it('trims a list argument of strings or input objects', () => {
    const list = [' a ', make(ContactInput, { name: ' b ' })];
    trimStrings(list);
    expect(list).toEqual(['a', make(ContactInput, { name: 'b' })]);
  });
});

describe('validateArgument', () => {
  it('refuses a blank string by its length rule, naming the argument path', async () => {
    const input = make(NoteInput, { title: '     ', contacts: [make(ContactInput, { name: '  ' })] });
    const error = await validateArgument(input, NoteInput, resolverData({ input })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadUserInputError);
    expect((error as BadUserInputError).extensions['fields']).toEqual([
      { field: 'input.title', rule: 'isLength', message: 'title must be longer than or equal to 1 characters' },
      { field: 'input.contacts.0.name', rule: 'isLength', message: 'name must be longer than or equal to 1 characters' },
    ]);
  });

  it('hands the resolver the trimmed value it validated', async () => {
    const input = make(NoteInput, { title: ' 配电房 ', note: ' 已整改 ' });
    await validateArgument(input, NoteInput, resolverData({ input }));
    expect(input).toMatchObject({ title: '配电房', note: '已整改' });
  });

  it('validates an @Untrimmed field as sent: its spaces count', async () => {
    const input = make(NoteInput, { title: 't', password: '  12345678  ' });
    await validateArgument(input, NoteInput, resolverData({ input }));
    expect(input.password).toBe('  12345678  ');
  });

  it('remembers a valid value per class, not per class name: a same-named class with stricter rules still validates', async () => {
    // Two modules may each declare a `ListArgs`; the memo must not let one's valid value pass the other.
    const lenient = (() => {
      class ListArgs {
        @Length(1, 20)
        q: string;
      }
      return ListArgs;
    })();
    const strict = (() => {
      class ListArgs {
        @Length(5, 20)
        q: string;
      }
      return ListArgs;
    })();
    expect(lenient.name).toBe(strict.name);
    const ok = make(lenient, { q: 'abc' });
    await validateArgument(ok, lenient, resolverData({ q: 'abc' }));
    expect(isKnownValid(make(lenient, { q: 'abc' }))).toBe(true);
    expect(isKnownValid(make(strict, { q: 'abc' }))).toBe(false);
    await expect(validateArgument(make(strict, { q: 'abc' }), strict, resolverData({ q: 'abc' }))).rejects.toBeInstanceOf(BadUserInputError);
  });
});
