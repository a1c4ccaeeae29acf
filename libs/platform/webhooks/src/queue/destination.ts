import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions } from 'node:dns';
import { BlockList, isIP } from 'node:net';

/**
 * Where the gateway sends webhooks (against SSRF: a subscription must not make the gateway call into
 * its own network). Refused unless the host is listed in WEBHOOK_INTERNAL_HOSTS: plain `http://`, and
 * every address on a private, loopback, link-local (cloud metadata: 169.254.169.254), carrier-grade
 * NAT, multicast or reserved network, IPv4 and IPv6 (IPv4-mapped IPv6 included). A host name is
 * checked where it is resolved, for the connection itself (`guardedLookup`), so a name that changes its
 * address after the subscription was made (DNS rebinding) cannot reach those networks either.
 * Redirects are never followed. Not covered: NAT64 prefixes (64:ff9b::/96) and proxies.
 */
const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
  ['2001:db8::', 32],
] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv6');
}

/** Whether an IP address lies on a network webhooks are not sent to (see above). */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return PRIVATE.check(address, 'ipv4');
  if (family !== 6) return false;
  // IPv4-mapped (::ffff:a.b.c.d): the IPv4 address decides.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? PRIVATE.check(mapped[1]!, 'ipv4') : PRIVATE.check(address, 'ipv6');
}

/** The host of a URL as compared with WEBHOOK_INTERNAL_HOSTS: lower-case, IPv6 without brackets. */
export function hostOf(url: URL): string {
  return url.hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
}

/** Why the gateway does not send to `text`, or null when it does (checked when a subscription is made and before each attempt). */
export function destinationProblem(text: string, internalHosts: ReadonlySet<string>): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'must be an absolute URL, e.g. https://receiver.example.gov.cn/webhooks';
  }
  const host = hostOf(url);
  const internal = internalHosts.has(host);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && internal)) return `must start with https:// (http:// only for the hosts of WEBHOOK_INTERNAL_HOSTS), not ${url.protocol}//`;
  if (url.username || url.password) return 'must not carry a user name or password: the signature authenticates the messages.';
  if (url.hash) return 'must not have a fragment (#…).';
  if (!internal && (isPrivateAddress(host) || host === 'localhost' || host.endsWith('.localhost'))) {
    return `${host} is on a private, loopback or link-local network: list it in WEBHOOK_INTERNAL_HOSTS to send there.`;
  }
  return null;
}

/** The error a refused address fails the connection with (its code names the failure class). */
export class DestinationRefusedError extends Error {
  readonly code = 'EDESTINATION';
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for `http.request`: resolves like the default one, and fails the connection when any
 * address of a host not listed in WEBHOOK_INTERNAL_HOSTS lies on a private network.
 */
export function guardedLookup(internalHosts: ReadonlySet<string>) {
  return (hostname: string, options: { family?: number; all?: boolean; hints?: number }, callback: LookupCallback): void => {
    const lookupOptions: LookupAllOptions = { ...(options as object), all: true };
    dnsLookup(hostname, lookupOptions, (error, addresses) => {
      if (error) return callback(error, options.all ? [] : '');
      const internal = internalHosts.has(hostname.toLowerCase());
      const refused = internal ? undefined : addresses.find((a) => isPrivateAddress(a.address));
      if (refused) return callback(new DestinationRefusedError(`${hostname} resolves to ${refused.address}, on a private network`), options.all ? [] : '');
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '');
      callback(null, first.address, first.family);
    });
  };
}
