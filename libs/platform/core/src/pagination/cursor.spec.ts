import { QueryFailedError } from 'typeorm';
import { decodeCursor, encodeCursor, withCursor } from './cursor';

const cursorError = expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'after', rule: 'cursor', message: expect.any(String) }] } });
const encode = (values: unknown) => Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');

describe('cursors', () => {
  it('round-trips the values a sort key holds', () => {
    const values = ['龙山村', 1700000000000, true, null, '😀'];
    expect(decodeCursor(encodeCursor(values), 5)).toEqual(values);
  });

  it('refuses decoded values no sort key holds: objects, arrays, unstorable text, infinite numbers', () => {
    for (const values of [[{ a: 1 }, 'x'], [[1], 'x'], ['a\u0000', 'x'], ['\ud800', 'x']]) expect(() => decodeCursor(encode(values), 2)).toThrow(cursorError);
    // 1e400 is valid JSON that parses to Infinity.
    expect(() => decodeCursor(Buffer.from('[1e400,"x"]').toString('base64url'), 2)).toThrow(cursorError);
  });

  it("turns a page query's data exception (SQLSTATE class 22) into the cursor error, only when a cursor was given", async () => {
    const invalidUuid = new QueryFailedError('SELECT …', [], Object.assign(new Error('invalid input syntax for type uuid: "x"'), { code: '22P02' }));
    await expect(withCursor({ after: 'abc' }, () => Promise.reject(invalidUuid))).rejects.toEqual(cursorError);
    await expect(withCursor({}, () => Promise.reject(invalidUuid))).rejects.toBe(invalidUuid);
    await expect(withCursor({ after: null, before: null }, () => Promise.reject(invalidUuid))).rejects.toBe(invalidUuid);
    const other = Object.assign(new Error('deadlock detected'), { code: '40P01' });
    await expect(withCursor({ after: 'abc' }, () => Promise.reject(other))).rejects.toBe(other);
    await expect(withCursor({ after: 'abc' }, () => Promise.resolve(3))).resolves.toBe(3);
  });

  it('names the cursor arguments given: before alone, or both when the database cannot say which', async () => {
    const invalidTime = Object.assign(new Error('invalid input syntax for type timestamp with time zone: "x"'), { code: '22007' });
    const violation = (field: string) => ({ field, rule: 'cursor', message: expect.any(String) });
    await expect(withCursor({ before: 'abc' }, () => Promise.reject(invalidTime))).rejects.toEqual(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', fields: [violation('before')] } }));
    await expect(withCursor({ after: 'a', before: 'b' }, () => Promise.reject(invalidTime))).rejects.toEqual(
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', fields: [violation('after'), violation('before')] } }),
    );
    expect(() => decodeCursor('%%%', 1, 'before')).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', fields: [violation('before')] } }));
  });
});
