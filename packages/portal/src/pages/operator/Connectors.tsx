// Operator: connectors with their live bind state and throughput (submits per second between two
// readings, refreshed every 5 s), and the connector traffic hold.
import { useEffect, useRef, useState } from 'react';
import { useLoad } from '../../hooks.ts';
import { ListTable, PageHeader, StatusBadge, dateTime } from '../../ui.tsx';

const REFRESH_MS = 5000;

export function Connectors() {
  const list = useLoad('/v1/admin/connectors', { pollMs: REFRESH_MS });
  const previous = useRef(new Map<string, { submitted: number; at: number }>());
  const [rates, setRates] = useState(new Map<string, number>());
  useEffect(() => {
    if (!list.data) return;
    const now = Date.now();
    const next = new Map<string, number>();
    for (const c of list.data.data) {
      const before = previous.current.get(c.id);
      if (before && now > before.at)
        next.set(c.id, Math.max(0, (c.stats.submitted - before.submitted) / ((now - before.at) / 1000)));
      previous.current.set(c.id, { submitted: c.stats.submitted, at: now });
    }
    setRates(next);
  }, [list.data]);
  return (
    <>
      <PageHeader title="Connectors" />
      <p className="muted">Refreshed every {REFRESH_MS / 1000} seconds.</p>
      <ListTable
        list={{ rows: list.data?.data ?? [], loading: list.loading, problem: list.problem }}
        caption="Connectors"
        empty="No connectors yet."
        head={
          <>
            <th>Connector</th>
            <th>Kind</th>
            <th>State</th>
            <th>Throughput</th>
            <th>Submitted</th>
            <th>Failed</th>
            <th>Receipts</th>
            <th>Window</th>
            <th>Last error</th>
          </>
        }
        row={(c) => (
          <tr key={c.id}>
            <td>
              {c.name}
              {c.sandbox && ' (sandbox)'}
              <div className="muted">
                <code>{c.id}</code>
              </div>
            </td>
            <td>{c.kind}</td>
            <td>
              <StatusBadge status={c.enabled ? c.state : 'disabled'} />
            </td>
            <td>{rates.has(c.id) ? `${rates.get(c.id)!.toFixed(1)}/s` : '…'}</td>
            <td>{c.stats.submitted}</td>
            <td>{c.stats.failed}</td>
            <td>{c.stats.receipts}</td>
            <td>{c.stats.windowInUse}</td>
            <td>
              {c.stats.lastError ?? '—'}
              {c.stats.reportedAt && <div className="muted">reported {dateTime(c.stats.reportedAt)}</div>}
            </td>
          </tr>
        )}
      />
    </>
  );
}
