// What the leading worker sent through each WhatsApp connector, reported to connector_status
// with the SMPP links' counters (GET /v1/admin/connectors `stats`). Like theirs, the counts
// start again when another worker takes the lead.
import type { StatusReport } from '../link.ts';

export interface WhatsAppSendCounters {
  submitted(connectorId: string): void;
  failed(connectorId: string, error: string): void;
  reports(): StatusReport[];
}

export function createWhatsAppSendCounters(): WhatsAppSendCounters {
  const byConnector = new Map<string, StatusReport>();
  const of = (connectorId: string) => {
    let r = byConnector.get(connectorId);
    if (!r)
      byConnector.set(
        connectorId,
        (r = { connectorId, state: 'ready', outstanding: 0, submitted: 0, failed: 0, receipts: 0, lastError: null }),
      );
    return r;
  };
  return {
    submitted: (connectorId) => void of(connectorId).submitted++,
    failed: (connectorId, error) => {
      const r = of(connectorId);
      r.failed++;
      r.lastError = error;
    },
    reports: () => [...byConnector.values()].map((r) => ({ ...r })),
  };
}
