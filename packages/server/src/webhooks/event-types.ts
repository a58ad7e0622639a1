// The event types an endpoint can subscribe to (ARCHITECTURE.md, "events and webhooks"); the
// domains add theirs here.
export const EVENT_TYPES = [
  'message.scheduled', 'message.queued', 'message.held', 'message.sending', 'message.sent', 'message.delivered',
  'message.undelivered', 'message.read', 'message.failed', 'message.expired', 'message.rejected', 'message.canceled',
  'message.received',
  'account.activated', 'account.suspended', 'account.reactivated', 'account.closed', 'account.traffic_hold',
  'account.traffic_released', 'account.limit_warning', 'account.limit_reached', 'account.sms_unblocked',
  'account.spend_alert', 'account.spend_cap_reached', 'account.balance_credited', 'account.balance_exhausted', 'account.deposit_demanded',
  'deposit.received', 'deposit.refunded', 'order.drafted', 'order.requested', 'order.confirmed', 'order.accepted', 'order.rejected', 'order.canceled',
  'webhook_endpoint.disabled',
  'fraud.held', 'fraud.blocked', 'fraud.reviewed', 'fraud.alert',
  'template.pending', 'template.approved', 'template.rejected', 'template.paused', 'template.disabled', 'template.deleted',
  'invoice.issued', 'invoice.credited', 'invoice.paid', 'invoice.overdue',
  'policy.published', 'policy.accepted', 'policy.objected', 'policy.deemed_accepted',
  'consent.granted', 'consent.withdrawn',
  'dsr.received', 'dsr.in_progress', 'dsr.completed', 'dsr.rejected', 'dsr.extended',
] as const;

const KNOWN = new Set<string>(EVENT_TYPES);

/** `*` alone means every type; otherwise each must be a known type. Returns the first bad index. */
export function unknownEventType(events: string[]): number {
  if (events.length === 1 && events[0] === '*') return -1;
  return events.findIndex((e) => !KNOWN.has(e));
}
