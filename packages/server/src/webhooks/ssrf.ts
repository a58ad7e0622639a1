// The SSRF guard (ARCHITECTURE.md, "events and webhooks"): webhooks go only to global unicast
// addresses, and only to the address that was checked, so a DNS answer cannot change between
// the check and the connection (rebinding). Redirects are checked again by the sender.
import dns from 'node:dns';
import net from 'node:net';

// Two lists: Node matches IPv4 addresses against IPv4-mapped IPv6 rules, and ::ffff:0:0/96
// must not block all of IPv4.
const blocked = new net.BlockList();
const blocked6 = new net.BlockList();
for (const [prefix, bits] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15],
  ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) blocked.addSubnet(prefix, bits, 'ipv4');
// Cloud metadata services that sit on otherwise public addresses (Azure's wire server).
blocked.addAddress('168.63.129.16', 'ipv4');
for (const [prefix, bits] of [
  ['::', 96], // unspecified, loopback, IPv4-compatible
  ['::ffff:0:0', 96], // IPv4-mapped
  ['64:ff9b::', 96], ['64:ff9b:1::', 48], // NAT64
  ['100::', 64], ['2001::', 32], ['2001:10::', 28], ['2001:db8::', 32], ['2002::', 16], // discard, Teredo, ORCHID, docs, 6to4
  ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8], // unique-local (fd00:ec2::254), link-local, site-local, multicast
] as const) blocked6.addSubnet(prefix, bits, 'ipv6');
// Global unicast IPv6 is 2000::/3; anything outside it is not a public host.
const globalIpv6 = new net.BlockList();
globalIpv6.addSubnet('2000::', 3, 'ipv6');

export class BlockedAddressError extends Error {}

/**
 * Where webhooks may go. Production: https to public addresses only. With
 * CX_WEBHOOK_ALLOW_PRIVATE=true (development, tests): http too, and any address.
 */
export interface TargetPolicy {
  allowHttp: boolean;
  isBlocked(address: string): boolean;
}

export function targetPolicy(allowPrivate: boolean): TargetPolicy {
  return allowPrivate ? { allowHttp: true, isBlocked: () => false } : { allowHttp: false, isBlocked: isBlockedAddress };
}

/** True when the address is not a global unicast address a webhook may reach. */
export function isBlockedAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 4) return blocked.check(address, 'ipv4');
  if (family === 6) return blocked6.check(address, 'ipv6') || !globalIpv6.check(address, 'ipv6');
  return true;
}

/** Strips the brackets of an IPv6 literal in a URL host. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

/**
 * Why this URL may not receive webhooks, or undefined when it may. Checks the scheme, the
 * literal address or every address the name resolves to now; delivery checks again.
 */
export async function urlRefusal(raw: string, allowPrivate: boolean): Promise<string | undefined> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'must be an absolute URL';
  }
  if (url.protocol !== 'https:' && !(allowPrivate && url.protocol === 'http:')) {
    return allowPrivate ? 'must be an http or https URL' : 'must be an https URL (http needs CX_WEBHOOK_ALLOW_PRIVATE=true)';
  }
  if (url.username || url.password) return 'must not contain credentials';
  if (allowPrivate) return undefined;
  const host = hostOf(url);
  if (net.isIP(host)) return isBlockedAddress(host) ? `${host} is not a public address` : undefined;
  try {
    await resolvePublic(host);
    return undefined;
  } catch (err) {
    return err instanceof BlockedAddressError ? err.message : `${host} does not resolve`;
  }
}

/** Every address of the name must be public (one private answer is enough to refuse). */
export async function resolvePublic(host: string, isBlocked: (address: string) => boolean = isBlockedAddress): Promise<{ address: string; family: number }> {
  const answers = await dns.promises.lookup(host, { all: true, verbatim: true });
  const bad = answers.find((a) => isBlocked(a.address));
  if (bad) throw new BlockedAddressError(`${host} resolves to ${bad.address}, which is not a public address`);
  if (!answers[0]) throw new BlockedAddressError(`${host} does not resolve`);
  return answers[0];
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/**
 * A `lookup` for net/tls.connect: the socket connects to exactly the address checked here.
 * (IP literals skip lookup; the sender checks them before connecting.)
 */
export function guardedLookup(isBlocked: (address: string) => boolean) {
  return (host: string, options: dns.LookupOptions, callback: LookupCallback): void => {
    const resolved = resolvePublic(host, isBlocked);
    resolved.then(
      (a) => (options.all ? callback(null, [{ address: a.address, family: a.family }]) : callback(null, a.address, a.family)),
      (err: NodeJS.ErrnoException) => callback(err, ''),
    );
  };
}
