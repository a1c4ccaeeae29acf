import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CORS_ALLOWED_HEADERS, corsHandler, originProblem } from './cors';
import { loadConfig } from './config';

const APP = 'https://app.example.gov.cn';
const OTHER = 'https://evil.example.com';

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A server that runs the handler first and answers `next` (200) when the handler lets the request go on. */
async function serve(origins: readonly string[]): Promise<{ send(method: string, headers: Record<string, string>): Promise<Answer>; close(): Promise<void> }> {
  const cors = corsHandler(origins);
  const server = http.createServer((req, res) => {
    if (cors?.(req, res)) return;
    res.setHeader('x-request-id', 'r-1');
    res.end('next');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    send: (method, headers) =>
      new Promise((resolve, reject) => {
        const req = http.request({ host: '127.0.0.1', port, path: '/graphql', method, headers, agent: false }, (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
        });
        req.on('error', reject);
        req.end();
      }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const preflight = (origin: string) => ({
  origin,
  'access-control-request-method': 'POST',
  'access-control-request-headers': 'authorization,content-type,x-request-id',
});

describe('corsHandler', () => {
  let s: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    s = await serve([APP, 'http://127.0.0.1:5173']);
  });
  afterAll(() => s.close());

  it('lets a listed origin read the response and the exposed headers, and goes on', async () => {
    const res = await s.send('POST', { origin: APP });
    expect(res.status).toBe(200);
    expect(res.body).toBe('next');
    expect(res.headers['access-control-allow-origin']).toBe(APP);
    expect(res.headers['access-control-expose-headers']?.split(',')).toEqual(expect.arrayContaining(['x-request-id', 'Retry-After', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset', 'RateLimit-Policy']));
    expect(res.headers['vary']).toBe('Origin');
    // No credentials mode: tokens travel in headers, never cookies.
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('adds no Access-Control-* header for an origin not on the list (or none), only Vary: Origin, and goes on', async () => {
    const cases: Record<string, string>[] = [{ origin: OTHER }, { origin: 'https://app.example.gov.cn:8443' }, { origin: 'http://app.example.gov.cn' }, { origin: 'null' }, {}];
    for (const headers of cases) {
      const res = await s.send('POST', headers);
      expect({ headers, status: res.status, body: res.body }).toEqual({ headers, status: 200, body: 'next' });
      expect({ headers, cors: Object.keys(res.headers).filter((h) => h.startsWith('access-control-')) }).toEqual({ headers, cors: [] });
      expect(res.headers['vary']).toBe('Origin');
    }
  });

  it('answers a listed origin’s preflight itself: 204 with the methods, every allowed header and a max-age', async () => {
    const res = await s.send('OPTIONS', preflight(APP));
    expect(res.status).toBe(204);
    expect(res.body).toBe('');
    expect(res.headers['access-control-allow-origin']).toBe(APP);
    expect(res.headers['access-control-allow-methods']).toBe('GET,POST,OPTIONS');
    expect(res.headers['access-control-allow-headers']?.split(',')).toEqual([...CORS_ALLOWED_HEADERS]);
    expect(CORS_ALLOWED_HEADERS).toEqual(
      expect.arrayContaining(['content-type', 'authorization', 'x-api-key', 'x-request-id', 'apollo-require-preflight', 'x-apollo-operation-name', 'idempotency-key', 'traceparent']),
    );
    expect(res.headers['access-control-max-age']).toBe('600');
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    expect(res.headers['vary']).toBe('Origin');
  });

  it('answers another origin’s preflight itself too, with 204 and no Access-Control-* header', async () => {
    const res = await s.send('OPTIONS', preflight(OTHER));
    expect(res.status).toBe(204);
    expect(Object.keys(res.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    expect(res.headers['vary']).toBe('Origin');
  });

  it('lets an OPTIONS request that is no preflight (no Origin) go on', async () => {
    const res = await s.send('OPTIONS', {});
    expect(res.body).toBe('next');
  });
});

describe('corsHandler with no origins configured', () => {
  it('is null, and nothing is added to any response', async () => {
    expect(corsHandler([])).toBeNull();
    const s = await serve([]);
    try {
      for (const [method, headers] of [['POST', { origin: APP }], ['OPTIONS', preflight(APP)]] as const) {
        const res = await s.send(method, headers);
        expect({ method, body: res.body, vary: res.headers['vary'], cors: Object.keys(res.headers).filter((h) => h.startsWith('access-control-')) }).toEqual({ method, body: 'next', vary: undefined, cors: [] });
      }
    } finally {
      await s.close();
    }
  });
});

describe('origins', () => {
  it('takes exact origins only', () => {
    expect(originProblem('https://app.example.gov.cn')).toBeNull();
    expect(originProblem('http://127.0.0.1:5173')).toBeNull();
    expect(originProblem('http://[::1]:8080')).toBeNull();
    for (const bad of ['https://app.example.gov.cn/', 'https://app.example.gov.cn/app', 'https://App.example.gov.cn', 'https://app.example.gov.cn:443', 'app.example.gov.cn', '*', 'null', 'ftp://files.example.com', 'https://app.example.gov.cn?x=1']) {
      expect({ bad, problem: originProblem(bad) }).toEqual({ bad, problem: expect.stringContaining('must be an origin') });
    }
    expect(originProblem('https://app.example.gov.cn/app')).toContain('did you mean https://app.example.gov.cn?');
    expect(() => corsHandler(['https://app.example.gov.cn/'])).toThrow(/CORS_ORIGINS: "https:\/\/app.example.gov.cn\/" must be an origin/);
  });

  it('reads CORS_ORIGINS as a comma list, empty by default, and refuses bad entries at start naming the variable', () => {
    expect(loadConfig({}).cors.origins).toEqual([]);
    expect(loadConfig({ CORS_ORIGINS: ' https://app.example.gov.cn , http://localhost:5173,' }).cors.origins).toEqual(['https://app.example.gov.cn', 'http://localhost:5173']);
    expect(() => loadConfig({ CORS_ORIGINS: 'https://app.example.gov.cn,https://ok.example.com/path' })).toThrow(/Invalid configuration:\n {2}CORS_ORIGINS: "https:\/\/ok.example.com\/path" must be an origin/);
  });
});
