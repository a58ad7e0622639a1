// The operators' home: today's traffic of every account by status, connector health, the
// messages held now, and what waits for an operator's decision, each linking to its page.
// Figures from GET /v1/admin/reports/overview, /v1/admin/connectors and the approval queues.
import { useMemo } from 'react';
import { Link } from 'react-router';
import { useLoad, usePaged } from '../../hooks.ts';
import { PageHeader, ProblemAlert, Section, StatusBadge } from '../../ui.tsx';

const HELD_REASON: Record<string, string> = {
  fraud_review: 'fraud review',
  traffic_hold: "an account's traffic hold",
  connector: 'a connector hold',
  country: 'a country hold',
};
const REFRESH_MS = 15_000;

export function OperatorHome() {
  const since = useMemo(() => {
    const d = new Date();
    return new Date(d.getFullYear(), d.getMonth(), d.getDate()).toISOString();
  }, []);
  const overview = useLoad('/v1/admin/reports/overview', { query: { since }, pollMs: REFRESH_MS });
  const connectors = useLoad('/v1/admin/connectors', { pollMs: REFRESH_MS });
  // A page of 100 is plenty to count a queue that should be short; more shows as "100+".
  const limits = usePaged('/v1/admin/limit-requests', { status: 'pending' }, 100);
  const orders = usePaged('/v1/admin/orders', { status: 'requested' }, 100);

  const total = overview.data?.messages.reduce((n, r) => n + r.count, 0);
  const heldNow = overview.data?.held.reduce((n, r) => n + r.count, 0);
  const fraudHeld = overview.data?.held.find((h) => h.reason === 'fraud_review')?.count ?? 0;
  const active = connectors.data?.data.filter((c) => c.enabled) ?? [];
  const unhealthy = active.filter((c) => c.state !== 'bound' && c.state !== 'ready');
  const queued = (list: { rows: unknown[]; next?: () => void }) => `${list.rows.length}${list.next ? '+' : ''}`;

  return (
    <>
      <PageHeader title="Platform today" />
      <ProblemAlert problem={overview.problem ?? connectors.problem ?? limits.problem ?? orders.problem} />
      <div className="grid">
        <div className="stat">
          <div className="label">Messages today</div>
          <div className="value" data-testid="platform-today">
            {total ?? '…'}
          </div>
          <div className="muted">all accounts, since midnight</div>
        </div>
        <div className="stat">
          <div className="label">Connectors</div>
          <div className="value" data-testid="connector-health">
            {connectors.data ? `${active.length - unhealthy.length} of ${active.length} up` : '…'}
          </div>
          <Link to="/operator/connectors">Connector details</Link>
        </div>
        <div className="stat">
          <div className="label">Held now</div>
          <div className="value" data-testid="held-now">
            {heldNow ?? '…'}
          </div>
          <div className="muted">waiting for a hold to lift or a review</div>
        </div>
        <div className="stat">
          <div className="label">Waiting for approval</div>
          <div className="value" data-testid="approvals">
            {limits.data && orders.data ? `${queued(limits)} · ${queued(orders)}` : '…'}
          </div>
          <Link to="/operator/approvals">SMS limit requests · orders</Link>
        </div>
      </div>
      <div className="columns">
        <Section title="Traffic today by status">
          {overview.data && overview.data.messages.length === 0 && <p className="empty">No messages yet today.</p>}
          {overview.data && overview.data.messages.length > 0 && (
            <table>
              <caption className="visually-hidden">Messages today by status</caption>
              <thead>
                <tr>
                  <th>Status</th>
                  <th>Messages</th>
                </tr>
              </thead>
              <tbody>
                {overview.data.messages.map((r) => (
                  <tr key={r.status}>
                    <td>
                      <StatusBadge status={r.status} />
                    </td>
                    <td>{r.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Section>
        <Section title="Needs attention">
          <ul className="plain" aria-label="Needs attention">
            {unhealthy.map((c) => (
              <li key={c.id}>
                Connector {c.name} is <StatusBadge status={c.state} />{' '}
                <Link to="/operator/connectors">see connectors</Link>
              </li>
            ))}
            {fraudHeld > 0 && (
              <li>
                {fraudHeld} message{fraudHeld === 1 ? '' : 's'} held for fraud review
              </li>
            )}
            {overview.data?.held
              .filter((h) => h.reason !== 'fraud_review')
              .map((h) => (
                <li key={h.reason}>
                  {h.count} held by {HELD_REASON[h.reason] ?? h.reason}
                </li>
              ))}
            {limits.rows.length > 0 && (
              <li>
                <Link to="/operator/approvals">
                  {queued(limits)} SMS limit request{limits.rows.length === 1 ? '' : 's'} to decide
                </Link>
              </li>
            )}
            {orders.rows.length > 0 && (
              <li>
                <Link to="/operator/approvals">
                  {queued(orders)} order{orders.rows.length === 1 ? '' : 's'} to accept or reject
                </Link>
              </li>
            )}
          </ul>
          {overview.data &&
            connectors.data &&
            limits.data &&
            orders.data &&
            unhealthy.length + (heldNow ?? 0) + limits.rows.length + orders.rows.length === 0 && (
              <p className="muted">Nothing waits for you.</p>
            )}
        </Section>
      </div>
    </>
  );
}
