import type { IncomingMessage, ServerResponse } from 'node:http';
import { GatewayMetrics } from './metrics';
import { metricsEndpoint } from './metrics-http';

/** A request from `remoteAddress` and what the endpoint answered. */
async function scrape(settings: { token?: string; public: boolean }, remoteAddress: string, headers: Record<string, string> = {}) {
  const reply = { status: 0, headers: {} as Record<string, unknown>, body: '' };
  const res = {
    set statusCode(s: number) {
      reply.status = s;
    },
    setHeader: (name: string, value: unknown) => (reply.headers[name.toLowerCase()] = value),
    end: (body: Buffer | string) => (reply.body = body.toString()),
  } as unknown as ServerResponse;
  await metricsEndpoint(new GatewayMetrics(), settings)({ headers, socket: { remoteAddress } } as unknown as IncomingMessage, res);
  return reply;
}

describe('/metrics access', () => {
  it('answers loopback callers only by default, whatever X-Forwarded-For says', async () => {
    for (const address of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) expect((await scrape({ public: false }, address)).status).toBe(200);
    const remote = await scrape({ public: false }, '192.0.2.7', { 'x-forwarded-for': '127.0.0.1' });
    expect(remote.status).toBe(403);
    expect(JSON.parse(remote.body)).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'FORBIDDEN' } }] });
    expect((await scrape({ public: true }, '192.0.2.7')).status).toBe(200);
  });

  it('with a token requires it from every caller, loopback included', async () => {
    const token = 'a-metrics-token-of-some-length';
    expect((await scrape({ token, public: true }, '127.0.0.1')).status).toBe(401);
    expect((await scrape({ token, public: false }, '127.0.0.1', { authorization: `Bearer ${token}x` })).status).toBe(401);
    expect((await scrape({ token, public: false }, '127.0.0.1', { authorization: token })).status).toBe(401);
    const ok = await scrape({ token, public: false }, '192.0.2.7', { authorization: `Bearer ${token}` });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatch(/process_cpu_seconds_total/);
  });
});

describe('operation labels', () => {
  it('keeps the first well-formed names up to the bound; the rest count as other, no name as anonymous', () => {
    const metrics = new GatewayMetrics(3);
    expect(['A', 'B', 'A', 'x'.repeat(65), 'C', 'D', 'B'].map((n) => metrics.operationLabel(n))).toEqual(['A', 'B', 'A', 'other', 'C', 'other', 'B']);
    expect([null, undefined, ''].map((n) => metrics.operationLabel(n))).toEqual(['anonymous', 'anonymous', 'anonymous']);
    expect(new GatewayMetrics(10).operationLabel('bad-name')).toBe('other');
  });
});
