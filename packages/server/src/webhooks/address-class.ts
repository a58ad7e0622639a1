// What kind of host an IP address is, for the SSRF guard (ARCHITECTURE.md, "Contract additions
// (v2.2)", Webhooks). Three answers, because CX_WEBHOOK_ALLOW_PRIVATE=true opens one set of
// addresses and nothing else:
// - public: global unicast, what production webhooks may reach;
// - private: 127.0.0.0/8, ::1, 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, fc00::/7 (except
//   fd00:ec2::254), opened by the flag for development and tests;
// - refused: everything else, in every mode (metadata, link-local, CGNAT, multicast, broadcast,
//   documentation, benchmarking and other reserved ranges, Teredo, ...).
// The ranges come from ipaddr.js (IANA special-purpose registries); the only additions are the
// metadata services that sit on otherwise ordinary addresses.
import net from 'node:net';
import ipaddr from 'ipaddr.js';
import { createCache } from '../db/cache.ts';

export type AddressClass = 'public' | 'private' | 'refused';

type IPv4 = ipaddr.IPv4;
type IPv6 = ipaddr.IPv6;

/** Azure's wire server: a public address that answers metadata requests. */
const AZURE_WIRE_SERVER = ipaddr.IPv4.parse('168.63.129.16');
/** AWS's IPv6 instance metadata service, inside fc00::/7 which the flag otherwise opens. */
const AWS_METADATA_V6 = ipaddr.IPv6.parse('fd00:ec2::254');
/** Global unicast IPv6 (RFC 4291 §2.4); ipaddr.js calls anything unlisted "unicast". */
const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parseCIDR('2000::/3');
const NAT64_WELL_KNOWN = ipaddr.IPv6.parseCIDR('64:ff9b::/96');
const NAT64_LOCAL_USE = ipaddr.IPv6.parseCIDR('64:ff9b:1::/48');

/**
 * Where RFC 6052 (§2.2) puts the IPv4 address under a NAT64 prefix of each length that fits
 * inside the local-use 64:ff9b:1::/48 (byte 8 is always skipped). The operator picks the
 * length, so every layout is a candidate.
 */
const LOCAL_NAT64_LAYOUTS = [
  [6, 7, 9, 10],
  [7, 9, 10, 11],
  [9, 10, 11, 12],
  [12, 13, 14, 15],
];

// Every webhook attempt classifies its target, and a platform sends to a few addresses: parsing
// each time cost ~4 % of the process's CPU under load. The answer never changes for an address.
const known = createCache<AddressClass>({ ttlMs: Infinity, maxEntries: 10_000 });

/** Classifies an IP literal; anything that is not one (or carries a zone id) is refused. */
export function classifyAddress(address: string): AddressClass {
  return known.get(address, () => classifyLiteral(address));
}

function classifyLiteral(address: string): AddressClass {
  if (!net.isIP(address)) return 'refused';
  const ip = ipaddr.parse(address);
  return ip.kind() === 'ipv4' ? classifyIpv4(ip as IPv4) : classifyIpv6(ip as IPv6);
}

function classifyIpv4(ip: IPv4): AddressClass {
  const range = ip.range();
  if (range === 'loopback' || range === 'private') return 'private';
  if (range === 'unicast' && !ip.match(AZURE_WIRE_SERVER, 32)) return 'public';
  return 'refused';
}

function classifyIpv6(ip: IPv6): AddressClass {
  if (ip.zoneId) return 'refused';
  const embedded = embeddedIpv4(ip);
  // A form that carries an IPv4 address reaches that address (the OS for IPv4-mapped, a gateway
  // for NAT64 and 6to4): it is opened when what it carries is, and never counts as public.
  if (embedded) return embedded.every((v4) => classifyIpv4(v4) === 'private') ? 'private' : 'refused';
  const range = ip.range();
  if (range === 'loopback') return 'private';
  if (range === 'uniqueLocal') return ip.match(AWS_METADATA_V6, 128) ? 'refused' : 'private';
  if (range === 'unicast' && ip.match(GLOBAL_UNICAST_V6)) return 'public';
  return 'refused';
}

/** The IPv4 address(es) an IPv6 address stands for, or undefined when it is not such a form. */
function embeddedIpv4(ip: IPv6): IPv4[] | undefined {
  const bytes = ip.toByteArray();
  const at = (offsets: number[]) => new ipaddr.IPv4(offsets.map((o) => bytes[o]!));
  const range = ip.range();
  // ::ffff:a.b.c.d (IPv4-mapped) and ::ffff:0:a.b.c.d (SIIT, RFC 6145).
  if (range === 'ipv4Mapped' || range === 'rfc6145') return [at([12, 13, 14, 15])];
  if (range === '6to4') return [at([2, 3, 4, 5])];
  if (ip.match(NAT64_WELL_KNOWN)) return [at([12, 13, 14, 15])];
  if (ip.match(NAT64_LOCAL_USE)) return LOCAL_NAT64_LAYOUTS.map(at);
  return undefined;
}
