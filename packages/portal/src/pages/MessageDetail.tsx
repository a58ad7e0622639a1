// One message and its status timeline; refreshes itself until the status is final.
import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useLoad } from '../hooks.ts';
import { missingText } from '../message-text.tsx';
import { can, useMe } from '../session.tsx';
import { FINAL_STATUSES } from '../types.ts';
import { PageHeader, ProblemAlert, StatusBadge, dateTime, money } from '../ui.tsx';

/**
 * Which connector carried a message is the platform's business: operators see its name, clients
 * nothing (connector ids mean nothing to them and tell them about the operator's set-up).
 */
function useConnectorNames(): Map<string, string> | undefined {
  const me = useMe();
  const list = useLoad(can(me, 'platform:read') ? '/v1/admin/connectors' : null);
  return useMemo(() => list.data && new Map(list.data.data.map((c) => [c.id, c.name])), [list.data]);
}

/** A platform hold on a connector names it for operators only. */
function holdText(reason: string, connectors: Map<string, string> | undefined): string {
  if (!reason.startsWith('connector:')) return reason;
  const id = reason.slice('connector:'.length);
  return connectors ? `connector ${connectors.get(id) ?? id} on hold` : 'the route it takes is on hold';
}

export function MessageDetail() {
  const { id } = useParams();
  const [done, setDone] = useState(false);
  const loaded = useLoad('/v1/messages/{messageId}', {
    path: { messageId: id ?? '' },
    pollMs: done ? undefined : 1000,
  });
  const m = loaded.data;
  useEffect(() => setDone(m !== undefined && FINAL_STATUSES.has(m.status)), [m]);
  const connectors = useConnectorNames();
  return (
    <>
      <PageHeader title="Message">
        <Link to="/messages">Back to the log</Link>
      </PageHeader>
      <ProblemAlert problem={loaded.problem} />
      {m && (
        <div className="columns">
          <section className="card" aria-labelledby="facts">
            <h2 id="facts">Details</h2>
            <dl className="facts">
              <dt>Status</dt>
              <dd data-testid="message-status">
                <StatusBadge status={m.status} />
              </dd>
              <dt>Id</dt>
              <dd>
                <code>{m.id}</code>
              </dd>
              <dt>Channel</dt>
              <dd>
                {m.channel}, {m.direction}
              </dd>
              <dt>To</dt>
              <dd>{m.to}</dd>
              <dt>From</dt>
              <dd>{m.from ?? '—'}</dd>
              <dt>Encoding</dt>
              <dd>{m.encoding ? `${m.encoding}, ${m.segments} part${m.segments === 1 ? '' : 's'}` : '—'}</dd>
              <dt>Price</dt>
              <dd>{m.price ? money(m.price.amountMicros, m.price.currency) : '—'}</dd>
              {m.error && (
                <>
                  <dt>Error</dt>
                  <dd>
                    {m.error.title} ({m.error.code}): {m.error.detail}
                  </dd>
                </>
              )}
              {m.holdReason && (
                <>
                  <dt>Held</dt>
                  <dd>{holdText(m.holdReason, connectors)}</dd>
                </>
              )}
              <dt>Text</dt>
              <dd>{missingText(m) === undefined ? m.body : <span className="muted">{missingText(m)}</span>}</dd>
            </dl>
          </section>
          <section className="card" aria-labelledby="timeline">
            <h2 id="timeline">Status timeline</h2>
            {m.events && m.events.length > 0 ? (
              <ol className="timeline" aria-label="Status changes, oldest first">
                {m.events.map((e, i) => (
                  <li key={i}>
                    <StatusBadge status={e.status} /> <time dateTime={e.at}>{dateTime(e.at)}</time>
                    {e.connectorId && connectors && (
                      <div className="muted">via {connectors.get(e.connectorId) ?? 'a connector since deleted'}</div>
                    )}
                    {e.errorCode && <div className="field-error">{e.errorCode}</div>}
                  </li>
                ))}
              </ol>
            ) : (
              <p className="empty">No status changes recorded yet.</p>
            )}
          </section>
        </div>
      )}
    </>
  );
}
