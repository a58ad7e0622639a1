// One message and its status timeline; refreshes itself until the status is final.
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useLoad } from '../hooks.ts';
import { FINAL_STATUSES, type Message } from '../types.ts';
import { PageHeader, ProblemAlert, StatusBadge, dateTime, money } from '../ui.tsx';

export function MessageDetail() {
  const { id } = useParams();
  const [done, setDone] = useState(false);
  const loaded = useLoad<Message>(`/v1/messages/${encodeURIComponent(id ?? '')}`, undefined, done ? {} : { pollMs: 1000 });
  const m = loaded.data;
  useEffect(() => setDone(m !== undefined && FINAL_STATUSES.has(m.status)), [m]);
  return (
    <>
      <PageHeader title="Message"><Link to="/messages">Back to the log</Link></PageHeader>
      <ProblemAlert problem={loaded.problem} />
      {m && (
        <div className="columns">
          <section className="card" aria-labelledby="facts">
            <h2 id="facts">Details</h2>
            <dl className="facts">
              <dt>Status</dt><dd data-testid="message-status"><StatusBadge status={m.status} /></dd>
              <dt>Id</dt><dd><code>{m.id}</code></dd>
              <dt>Channel</dt><dd>{m.channel}, {m.direction}</dd>
              <dt>To</dt><dd>{m.to}</dd>
              <dt>From</dt><dd>{m.from ?? '—'}</dd>
              <dt>Encoding</dt><dd>{m.encoding ? `${m.encoding}, ${m.segments} part${m.segments === 1 ? '' : 's'}` : '—'}</dd>
              <dt>Price</dt><dd>{m.price ? money(m.price.amountMicros, m.price.currency) : '—'}</dd>
              {m.error && <><dt>Error</dt><dd>{m.error.title} ({m.error.code}): {m.error.detail}</dd></>}
              {m.holdReason && <><dt>Held</dt><dd>{m.holdReason}</dd></>}
              <dt>Text</dt><dd>{m.body ?? <span className="muted">not stored</span>}</dd>
            </dl>
          </section>
          <section className="card" aria-labelledby="timeline">
            <h2 id="timeline">Status timeline</h2>
            {m.events && m.events.length > 0
              ? (
                <ol className="timeline" aria-label="Status changes, oldest first">
                  {m.events.map((e, i) => (
                    <li key={i}>
                      <StatusBadge status={e.status} /> <time dateTime={e.at}>{dateTime(e.at)}</time>
                      {e.connectorId && <div className="muted">via {e.connectorId}</div>}
                      {e.errorCode && <div className="field-error">{e.errorCode}</div>}
                    </li>
                  ))}
                </ol>
              )
              : <p className="empty">No status changes recorded yet.</p>}
          </section>
        </div>
      )}
    </>
  );
}
