// Retry-After (RFC 9110 10.2.3), as the WhatsApp client and the webhook deliverer read it from
// the answers they get: delta-seconds or an HTTP date.

/** How long to wait, in ms from `now`; undefined when absent or unreadable. A date past is 0. */
export function retryAfterMs(value: string | undefined, now: number): number | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
