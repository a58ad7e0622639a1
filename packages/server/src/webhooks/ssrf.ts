// The SSRF guard (ARCHITECTURE.md, "events and webhooks" and "Contract additions (v2.2)"):
// webhooks go only to addresses the mode allows (address-class.ts), and only to the address
// that was checked, so a DNS answer cannot change between the check and the connection
// (rebinding). Three places check: endpoint creation (literal address and what the name
// resolves to now), message accept (a callbackUrl's syntax and literal address only: no DNS on
// the accept path) and every delivery (redirects included).
import dns from 'node:dns';
import net from 'node:net';
import { classifyAddress } from './address-class.ts';

/** The guard refused the target: trying again will not change the answer. */
export class BlockedAddressError extends Error {}

/**
 * Where webhooks may go. Production: https to public addresses only. With
 * CX_WEBHOOK_ALLOW_PRIVATE=true (development, tests): http too, and loopback and private
 * addresses; metadata, link-local and the other special addresses stay refused.
 */
export interface TargetPolicy {
  /** CX_WEBHOOK_ALLOW_PRIVATE: http is allowed too (and isBlocked lets private ranges pass). */
  allowPrivate: boolean;
  isBlocked(address: string): boolean;
}

export function targetPolicy(allowPrivate: boolean): TargetPolicy {
  return { allowPrivate, isBlocked: (address) => isBlockedAddress(address, allowPrivate) };
}

/** True when a webhook may not reach this address in this mode (default: production). */
export function isBlockedAddress(address: string, allowPrivate = false): boolean {
  const kind = classifyAddress(address);
  return kind === 'refused' || (kind === 'private' && !allowPrivate);
}

/** Strips the brackets of an IPv6 literal in a URL host. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

// A local receiver is the first thing a developer tries: say which setting opens it, and
// that the server reads it only when it starts.
const ALLOW_PRIVATE_HINT =
  "a receiver on this machine or a private network needs CX_WEBHOOK_ALLOW_PRIVATE=true in the server's environment and a restart";
const ALLOW_HTTP_HINT = "http needs CX_WEBHOOK_ALLOW_PRIVATE=true in the server's environment and a restart";

/** Why the guard refuses this address ("is not a public address ..."), for the API and the delivery log. */
export function whyRefused(address: string, allowPrivate: boolean): string {
  const kind = classifyAddress(address);
  if (kind === 'private' && !allowPrivate) return `is not a public address (${ALLOW_PRIVATE_HINT})`;
  return allowPrivate && kind === 'refused'
    ? 'is not a public address (refused in every mode: CX_WEBHOOK_ALLOW_PRIVATE=true opens only loopback and private ranges)'
    : 'is not a public address';
}

/** The scheme and, when the host is an IP literal, the address; undefined when both may go. */
export function targetRefusal(url: URL, policy: TargetPolicy): string | undefined {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `${url.protocol} is not http(s)`;
  if (!policy.allowPrivate && url.protocol !== 'https:') return `must be https (${ALLOW_HTTP_HINT})`;
  const host = hostOf(url);
  if (net.isIP(host) && policy.isBlocked(host)) return `${host} ${whyRefused(host, policy.allowPrivate)}`;
  return undefined;
}

/**
 * Why this URL may not receive webhooks judged without DNS (syntax, scheme, credentials,
 * literal address), or undefined. Cheap enough for the message accept path.
 */
export function literalUrlRefusal(raw: string, allowPrivate: boolean): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'must be an absolute URL';
  }
  if (url.protocol !== 'https:' && !(allowPrivate && url.protocol === 'http:')) {
    return allowPrivate ? 'must be an http or https URL' : `must be an https URL (${ALLOW_HTTP_HINT})`;
  }
  if (url.username || url.password) return 'must not contain credentials';
  return targetRefusal(url, targetPolicy(allowPrivate));
}

/**
 * Why this URL may not receive webhooks, or undefined when it may: the literal checks, then
 * every address the name resolves to now. Delivery checks again.
 */
export async function urlRefusal(raw: string, allowPrivate: boolean): Promise<string | undefined> {
  const refusal = literalUrlRefusal(raw, allowPrivate);
  if (refusal) return refusal;
  const host = hostOf(new URL(raw));
  if (net.isIP(host)) return undefined;
  try {
    await resolvePublic(host, targetPolicy(allowPrivate));
    return undefined;
  } catch (err) {
    return err instanceof BlockedAddressError ? err.message : `${host} does not resolve`;
  }
}

/** Resolves a name to all its addresses (dns.lookup by default; tests may answer themselves). */
export type Resolver = (host: string) => Promise<dns.LookupAddress[]>;

const systemResolver: Resolver = (host) => dns.promises.lookup(host, { all: true, verbatim: true });

/** Every address of the name must be allowed (one refused answer is enough to refuse). */
export async function resolvePublic(
  host: string,
  policy: TargetPolicy,
  resolve: Resolver = systemResolver,
): Promise<dns.LookupAddress> {
  const answers = await resolve(host);
  const bad = answers.find((a) => policy.isBlocked(a.address));
  if (bad)
    throw new BlockedAddressError(
      `${host} resolves to ${bad.address}, which ${whyRefused(bad.address, policy.allowPrivate)}`,
    );
  // No answer is a DNS failure, not a refusal: it may resolve later.
  if (!answers[0]) throw new Error(`${host} does not resolve`);
  return answers[0];
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | dns.LookupAddress[],
  family?: number,
) => void;

/**
 * A `lookup` for net/tls.connect: the socket connects to exactly the address checked here.
 * (IP literals skip lookup; the sender checks them before connecting.)
 */
export function guardedLookup(policy: TargetPolicy, resolve?: Resolver) {
  return (host: string, options: dns.LookupOptions, callback: LookupCallback): void => {
    resolvePublic(host, policy, resolve).then(
      (a) =>
        options.all ? callback(null, [{ address: a.address, family: a.family }]) : callback(null, a.address, a.family),
      (err: NodeJS.ErrnoException) => callback(err, ''),
    );
  };
}
