import { entityTag, notModified } from './conditional-get';

describe('conditional GET (RFC 9110 §13.2.2)', () => {
  const etag = entityTag('<feed/>');
  const lastModified = 'Sun, 06 Dec 2026 12:00:00 GMT';

  it('tags a body by its SHA-256: the same body the same strong tag, another body another', () => {
    expect(etag).toBe('"GJxKi-RKvPc6cKlQzu7d31_iPvzZZGRnlQV5jbKc1Uo"');
    expect(entityTag(Buffer.from('<feed/>'))).toBe(etag);
    expect(entityTag('<feed />')).not.toBe(etag);
  });

  it('answers If-None-Match by weak comparison, alone when it is sent', () => {
    expect(notModified({ 'if-none-match': etag }, etag, lastModified)).toBe(true);
    expect(notModified({ 'if-none-match': `W/${etag}` }, etag, lastModified)).toBe(true);
    expect(notModified({ 'if-none-match': `"other", ${etag}` }, etag, lastModified)).toBe(true);
    expect(notModified({ 'if-none-match': '*' }, etag, lastModified)).toBe(true);
    expect(notModified({ 'if-none-match': '"other"' }, etag, lastModified)).toBe(false);
    // A matching date does not help a tag that does not match.
    expect(notModified({ 'if-none-match': '"other"', 'if-modified-since': lastModified }, etag, lastModified)).toBe(false);
    // Cache-Control is for caches: fetch adds no-cache to conditional requests.
    expect(notModified({ 'if-none-match': etag, 'cache-control': 'no-cache' }, etag, lastModified)).toBe(true);
  });

  it('answers If-Modified-Since without If-None-Match: not modified when Last-Modified is not after it', () => {
    expect(notModified({ 'if-modified-since': lastModified }, etag, lastModified)).toBe(true);
    expect(notModified({ 'if-modified-since': 'Sun, 06 Dec 2026 12:00:01 GMT' }, etag, lastModified)).toBe(true);
    expect(notModified({ 'if-modified-since': 'Sun, 06 Dec 2026 11:59:59 GMT' }, etag, lastModified)).toBe(false);
    expect(notModified({ 'if-modified-since': 'yesterday' }, etag, lastModified)).toBe(false);
    expect(notModified({ 'if-modified-since': lastModified }, etag, undefined)).toBe(false);
    expect(notModified({}, etag, lastModified)).toBe(false);
  });
});
