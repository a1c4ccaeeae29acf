import { destinationProblem, guardedLookup, isPrivateAddress } from './destination';

describe('webhook destinations (SSRF)', () => {
  it('takes private, loopback, link-local, CGNAT, multicast and reserved addresses for private, IPv4 and IPv6 (mapped too)', () => {
    const privateOnes = ['10.1.2.3', '127.0.0.1', '169.254.169.254', '172.16.0.1', '172.31.255.255', '192.168.1.1', '100.64.0.1', '0.0.0.0', '224.0.0.1', '255.255.255.255', '::1', '::', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1'];
    const publicOnes = ['8.8.8.8', '172.32.0.1', '100.128.0.1', '2400:3200::1', '::ffff:8.8.8.8', 'receiver.example.gov.cn'];
    expect(privateOnes.filter((a) => !isPrivateAddress(a))).toEqual([]);
    expect(publicOnes.filter((a) => isPrivateAddress(a))).toEqual([]);
  });

  it('accepts https only, plain http and private hosts only when listed as internal', () => {
    const none = new Set<string>();
    const internal = new Set(['127.0.0.1', 'hooks.internal', '::1']);
    expect(destinationProblem('https://receiver.example.gov.cn/hooks?x=1', none)).toBeNull();
    expect(destinationProblem('http://receiver.example.gov.cn/hooks', none)).toMatch(/must start with https:\/\//);
    expect(destinationProblem('https://10.0.0.5/hooks', none)).toMatch(/10\.0\.0\.5 is on a private/);
    expect(destinationProblem('https://[::1]:8443/hooks', none)).toMatch(/::1 is on a private/);
    expect(destinationProblem('https://localhost/hooks', none)).toMatch(/localhost is on a private/);
    expect(destinationProblem('https://user:secret@receiver.example.gov.cn/', none)).toMatch(/user name or password/);
    expect(destinationProblem('https://receiver.example.gov.cn/#x', none)).toMatch(/fragment/);
    expect(destinationProblem('receiver.example.gov.cn/hooks', none)).toMatch(/absolute URL/);
    expect(destinationProblem('http://127.0.0.1:8080/hooks', internal)).toBeNull();
    expect(destinationProblem('http://[::1]:8080/hooks', internal)).toBeNull();
    expect(destinationProblem('http://HOOKS.internal/x', internal)).toBeNull();
    expect(destinationProblem('http://127.0.0.2/hooks', internal)).toMatch(/must start with https/);
  });

  it('refuses, where the name is resolved for the connection, a host whose address is private unless it is internal', async () => {
    const resolve = (host: string, internal: ReadonlySet<string>, all: boolean) =>
      new Promise<{ error: string | null; address: unknown }>((done) => guardedLookup(internal)(host, { all }, (error, address) => done({ error: error ? `${error.code}: ${error.message}` : null, address })));
    expect(await resolve('localhost', new Set(), true)).toEqual({ error: expect.stringMatching(/^EDESTINATION: localhost resolves to (127\.0\.0\.1|::1), on a private network$/), address: [] });
    expect(await resolve('localhost', new Set(['localhost']), false)).toEqual({ error: null, address: expect.stringMatching(/^(127\.0\.0\.1|::1)$/) });
    expect((await resolve('no-such-host.invalid', new Set(), true)).error).toMatch(/^(ENOTFOUND|EAI_AGAIN)/);
  });
});
