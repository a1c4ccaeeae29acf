import { sentFields } from './sent-fields';

interface Input {
  id: string;
  name?: string;
  note?: string | null;
  count?: number;
  done?: boolean;
}

describe('sentFields', () => {
  it('copies the listed fields that were sent', () => {
    const input: Input = { id: 'a', name: 'Dam', count: 0, done: false };
    expect(sentFields(input, ['name', 'count', 'done'])).toEqual({ name: 'Dam', count: 0, done: false });
  });

  it('skips a field left out or undefined', () => {
    const input: Input = { id: 'a', name: undefined };
    const sent = sentFields(input, ['name', 'note', 'count']);
    expect(sent).toEqual({});
    expect(Object.keys(sent)).toEqual([]);
  });

  it('copies null: a sent null clears the field', () => {
    const sent = sentFields<Input, 'note' | 'name'>({ id: 'a', note: null }, ['note', 'name']);
    expect(sent).toEqual({ note: null });
    expect(Object.hasOwn(sent, 'note')).toBe(true);
  });

  it('copies only the listed keys', () => {
    const input: Input = { id: 'a', name: 'Dam', note: 'n', count: 3 };
    expect(Object.keys(sentFields(input, ['note']))).toEqual(['note']);
  });

  it('copies the values themselves (no deep copy, no transformation)', () => {
    const kinds = ['VILLAGE', 'VILLAGE'];
    const sent = sentFields({ kinds, on: new Date(0) }, ['kinds', 'on']);
    expect(sent.kinds).toBe(kinds);
    expect(sent.on).toEqual(new Date(0));
  });

  it('never copies a key the input only inherits', () => {
    const input = Object.create({ name: 'inherited', note: null }) as Input;
    input.id = 'a';
    expect(sentFields(input, ['name', 'note'])).toEqual({});
    // Nor anything of Object.prototype, even when asked for by name.
    expect(sentFields({ id: 'a' } as Record<string, unknown>, ['constructor', 'toString', '__proto__'])).toEqual({});
  });

  it('works on class instances, as type-graphql builds inputs', () => {
    class UpdateInput {
      id!: string;
      name?: string;
      note?: string | null;
    }
    const input = Object.assign(new UpdateInput(), { id: 'a', note: null });
    const sent = sentFields(input, ['name', 'note']);
    expect(sent).toEqual({ note: null });
    expect(Object.getPrototypeOf(sent)).toBe(Object.prototype);
  });
});
