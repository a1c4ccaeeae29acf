import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { RESPONSE_CAP_BYTES, messageBody, sendMessage, type WebhookMessage } from './send';
import { WebhookAttemptError } from '../webhooks.enums';

const SECRET = `whsec_${Buffer.alloc(32, 9).toString('base64')}`;
const MESSAGE: WebhookMessage = { id: '0f8d2c9a-6b1e-4c3d-9a7f-5e2b1c0d4a6f', type: 'risk.hazard.reported', occurredAt: new Date('2026-11-29T02:05:12.481Z'), data: { id: 'h1', subject: { type: 'Hazard', id: 'h1' } } };

describe('sending a webhook', () => {
  let server: http.Server;
  let origin = '';
  const requests: Array<{ url: string; headers: http.IncomingHttpHeaders; body: string }> = [];
  const never: http.ServerResponse[] = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        requests.push({ url: req.url!, headers: req.headers, body: Buffer.concat(chunks).toString() });
        if (req.url === '/ok') res.writeHead(200).end('accepted');
        else if (req.url === '/moved') res.writeHead(302, { location: '/ok' }).end();
        else if (req.url === '/big') res.writeHead(500).end('x'.repeat(RESPONSE_CAP_BYTES * 4));
        else if (req.url === '/nul') res.writeHead(400).end('bad\u0000input');
        else never.push(res);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    never.forEach((res) => res.destroy());
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  const send = (path: string, options: { timeoutMs?: number; internal?: string[]; signal?: AbortSignal } = {}) =>
    sendMessage(`${origin}${path}`, MESSAGE, { secret: SECRET, timeoutMs: options.timeoutMs ?? 2000, internalHosts: new Set(options.internal ?? ['127.0.0.1']), signal: options.signal ?? new AbortController().signal });

  it('POSTs the Standard Webhooks body and headers that the reference library verifies, and reports a 2xx as delivered', async () => {
    const outcome = await send('/ok');
    expect(outcome).toMatchObject({ delivered: true, statusCode: 200, error: null, errorMessage: null, responseBody: 'accepted' });
    const got = requests.at(-1)!;
    expect(got.body).toBe(messageBody(MESSAGE));
    expect(JSON.parse(got.body)).toEqual({ type: 'risk.hazard.reported', timestamp: '2026-11-29T02:05:12.481Z', data: MESSAGE.data });
    expect(new Webhook(SECRET).verify(got.body, got.headers as Record<string, string>)).toEqual(JSON.parse(got.body));
    expect(got.headers['webhook-id']).toBe(MESSAGE.id);
  });

  it('does not follow redirects, reads at most the cap of an answer, and keeps no NUL character', async () => {
    expect(await send('/moved')).toMatchObject({ delivered: false, statusCode: 302, error: WebhookAttemptError.REDIRECT });
    expect(requests.filter((r) => r.url === '/ok')).toHaveLength(1);
    const big = await send('/big');
    expect(big).toMatchObject({ delivered: false, statusCode: 500, error: WebhookAttemptError.HTTP_STATUS });
    expect(big.responseBody).toHaveLength(RESPONSE_CAP_BYTES);
    expect((await send('/nul')).responseBody).toBe('badinput');
  });

  it('gives up after the timeout, and at once when the gateway stops', async () => {
    const slow = await send('/never', { timeoutMs: 300 });
    expect(slow).toMatchObject({ delivered: false, statusCode: null, error: WebhookAttemptError.TIMEOUT });
    expect(slow.durationMs).toBeGreaterThanOrEqual(300);
    const stopping = new AbortController();
    const pending = send('/never', { timeoutMs: 10_000, signal: stopping.signal });
    stopping.abort();
    expect(await pending).toMatchObject({ delivered: false, error: WebhookAttemptError.SHUTDOWN });
  });

  it('refuses a private destination without connecting, and names connection failures', async () => {
    const before = requests.length;
    expect(await send('/ok', { internal: [] })).toMatchObject({ delivered: false, error: WebhookAttemptError.DESTINATION_REFUSED, durationMs: null });
    expect(requests).toHaveLength(before);
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expect(await sendMessage(`http://127.0.0.1:${port}/`, MESSAGE, { secret: SECRET, timeoutMs: 2000, internalHosts: new Set(['127.0.0.1']), signal: new AbortController().signal })).toMatchObject({
      delivered: false,
      error: WebhookAttemptError.CONNECTION,
      errorMessage: expect.stringContaining('ECONNREFUSED'),
    });
    expect(await sendMessage('https://no-such-host.invalid/hooks', MESSAGE, { secret: SECRET, timeoutMs: 5000, internalHosts: new Set(), signal: new AbortController().signal })).toMatchObject({ delivered: false, error: WebhookAttemptError.DNS });
  });
});
