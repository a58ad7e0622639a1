// Today at a glance: volume, delivery rate, spend, SMS limit usage (with a banner from 75 %),
// and the last seven days. Counts come from GET /v1/reports/summary, spend from /v1/usage
// (billing:read), the limit from /v1/account (account:manage): a role sees what it may read.
// Policy changes still open for objection show as a banner (account:manage).
import { Suspense, lazy, useMemo } from 'react';
import { Link } from 'react-router';
import { useLoad } from '../hooks.ts';
import { can, useMe } from '../session.tsx';
import { Notice, PageHeader, ProblemAlert, money } from '../ui.tsx';
import type { DayVolume } from '../components/VolumeChart.tsx';
import { PolicyNoticeBanner } from '../components/PolicyNoticeBanner.tsx';

// ECharts is most of the portal's weight: it loads with the dashboard, not with every page.
const VolumeChart = lazy(() => import('../components/VolumeChart.tsx').then((m) => ({ default: m.VolumeChart })));

const DELIVERED = new Set(['delivered', 'read']);
const FAILED = new Set(['undelivered', 'failed', 'expired', 'rejected']);
export const LIMIT_WARNING_PERCENT = 75;

function startOfDay(d: Date): Date {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate());
}

function dayKey(d: Date): string {
  return d.toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
}

export function Dashboard() {
  const me = useMe();
  const range = useMemo(() => {
    const today = startOfDay(new Date());
    return { today, from: new Date(today.getTime() - 6 * 86_400_000), to: new Date(today.getTime() + 86_400_000) };
  }, []);
  const readsMessages = can(me, 'messages:read');
  const summary = useLoad(readsMessages ? '/v1/reports/summary' : null, {
    query: { from: range.from.toISOString(), to: range.to.toISOString() },
    pollMs: 15_000,
  });
  const account = useLoad(can(me, 'account:manage') ? '/v1/account' : null);
  const spend = useLoad(can(me, 'billing:read') ? '/v1/usage' : null, {
    query: { from: range.today.toISOString(), to: range.to.toISOString(), groupBy: 'channel' },
  });

  const stats = useMemo(() => {
    const buckets = summary.data?.data ?? [];
    const days = new Map<string, DayVolume>();
    for (let i = 0; i < 7; i++) {
      const key = dayKey(new Date(range.from.getTime() + i * 86_400_000));
      days.set(key, { day: key, delivered: 0, failed: 0, pending: 0 });
    }
    let today = 0,
      delivered = 0,
      final = 0,
      inbound = 0;
    for (const b of buckets) {
      const at = new Date(b.hour);
      if (b.direction === 'outbound') {
        const day = days.get(dayKey(at));
        if (day) day[DELIVERED.has(b.status) ? 'delivered' : FAILED.has(b.status) ? 'failed' : 'pending'] += b.count;
      }
      if (at < range.today) continue;
      if (b.direction === 'inbound') {
        inbound += b.count;
        continue;
      }
      today += b.count;
      if (DELIVERED.has(b.status)) delivered += b.count;
      if (DELIVERED.has(b.status) || FAILED.has(b.status)) final += b.count;
    }
    return {
      days: [...days.values()],
      today,
      inbound,
      rate: final ? Math.round((delivered / final) * 1000) / 10 : undefined,
    };
  }, [summary.data, range]);

  const sms = account.data?.sms;
  const usedPercent = sms?.limit ? Math.round((sms.used / sms.limit) * 100) : undefined;
  const spendToday = spend.data?.data.reduce((n, r) => n + r.amountMicros, 0);
  const currency = spend.data?.data.find((r) => r.currency)?.currency;

  return (
    <>
      <PageHeader title="Dashboard">{can(me, 'messages:write') && <Link to="/send">Send a message</Link>}</PageHeader>
      <PolicyNoticeBanner />
      {account.data?.trafficHold && (
        <Notice tone="warning">
          Your traffic is on hold by the operator: new messages wait until the hold is lifted.
        </Notice>
      )}
      {account.data && account.data.status !== 'active' && (
        <Notice tone="warning">This account is {account.data.status}.</Notice>
      )}
      {usedPercent !== undefined && usedPercent >= LIMIT_WARNING_PERCENT && (
        <Notice tone="warning">
          You have used {usedPercent} % of your SMS limit ({sms!.used} of {sms!.limit}). Ask for a higher limit before
          it runs out.
        </Notice>
      )}
      <ProblemAlert problem={summary.problem} />
      <div className="grid">
        {readsMessages && (
          <>
            <div className="stat">
              <div className="label">Sent today</div>
              <div className="value" data-testid="volume-today">
                {summary.data ? stats.today : '…'}
              </div>
              <div className="muted">{stats.inbound} received</div>
            </div>
            <div className="stat">
              <div className="label">Delivery rate today</div>
              <div className="value">{stats.rate === undefined ? '—' : `${stats.rate} %`}</div>
              <div className="muted">of messages with a final status</div>
            </div>
          </>
        )}
        {can(me, 'billing:read') && (
          <div className="stat">
            <div className="label">Spend today</div>
            <div className="value">{spendToday === undefined ? '…' : money(spendToday, currency)}</div>
            <div className="muted">excluding VAT</div>
          </div>
        )}
        {sms && (
          <div className="stat">
            <div className="label">SMS limit this cycle</div>
            <div className="value">{sms.limit === null ? 'No limit' : `${usedPercent} %`}</div>
            {/* Without a limit nothing is counted (billing/limits.ts): a count of 0 would look wrong. */}
            <div className="muted">
              {sms.limit === null ? 'SMS are not counted against a limit' : `${sms.used} used of ${sms.limit}`}
            </div>
            {sms.limit !== null && (
              <progress max={sms.limit} value={Math.min(sms.used, sms.limit)} aria-label="SMS limit used" />
            )}
          </div>
        )}
      </div>
      {readsMessages && (
        <section className="card" aria-labelledby="chart-title">
          <h2 id="chart-title">Last 7 days</h2>
          {summary.data && stats.days.every((d) => d.delivered + d.failed + d.pending === 0) ? (
            <p className="empty">No messages in the last 7 days yet.</p>
          ) : (
            <Suspense fallback={<p className="muted">Loading chart…</p>}>
              <VolumeChart days={stats.days} />
            </Suspense>
          )}
        </section>
      )}
    </>
  );
}
