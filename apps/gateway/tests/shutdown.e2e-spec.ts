import { startTestGateway } from '@platform/testing';
import { directoryModule } from '@platform/directory';
import { accessModule } from '@platform/access';

/**
 * Shutdown behind a load balancer: readiness fails first while requests are still answered
 * (READINESS_DRAIN_MS), then the listener stops taking new ones and those under way finish.
 */
describe('shutdown', () => {
  it('answers 503 on /readyz while it still serves requests, then answers every request it had received', async () => {
    // A drain of 3 s: the request sent during it must be answered within it, which 600 ms did not always
    // allow on a loaded machine (eight lists of 100 organizations under way; the clean-clone CI saw a 503).
    const t = await startTestGateway([directoryModule, accessModule], { seed: true, env: { READINESS_DRAIN_MS: '3000', SHUTDOWN_TIMEOUT_MS: '8000' } });
    const ready = async () => {
      const res = await fetch(`${t.origin}/readyz`);
      return { status: res.status, body: await res.json() };
    };
    expect(await ready()).toEqual({ status: 200, body: { status: 'ready' } });
    const anban = await t.as('anban');
    const list = `{ organizations(first: 100) { totalCount edges { node { id name } } } }`;
    // Eight requests received before the signal.
    const before = Array.from({ length: 8 }, () => anban(list));
    await new Promise((r) => setTimeout(r, 5));
    const closed = t.close();
    await new Promise((r) => setTimeout(r, 100));
    // Not ready any more, but still serving.
    expect(await ready()).toEqual({ status: 503, body: { status: 'shutting down' } });
    const during = await anban(list);
    expect(during.status).toBe(200);
    expect(during.body.data!['organizations'].totalCount).toBeGreaterThan(0);
    const answered = await Promise.all(before);
    expect(answered.map((r) => r.status)).toEqual(Array(8).fill(200));
    await closed;
  });
});
