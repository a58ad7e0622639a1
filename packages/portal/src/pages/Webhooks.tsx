// Webhook endpoints (create, enable/disable, delete) and their deliveries with every attempt;
// a dead or pending delivery can be retried.
import { useState } from 'react';
import { api } from '../api.ts';
import { usePaged } from '../hooks.ts';
import {
  ConfirmButton,
  Input,
  ListTable,
  PageHeader,
  ProblemAlert,
  Section,
  Select,
  StatusBadge,
  dateTime,
  text,
  useSubmit,
  problemText,
} from '../ui.tsx';
import { SecretOnce } from '../components/SecretOnce.tsx';

export function Webhooks() {
  const endpoints = usePaged('/v1/webhook-endpoints');
  const [endpointId, setEndpointId] = useState('');
  const [status, setStatus] = useState('');
  const deliveries = usePaged('/v1/webhook-deliveries', { endpointId, status });
  const [secret, setSecret] = useState<string>();
  const create = useSubmit(async (f) => {
    const description = text(f, 'description');
    const created = await api('post', '/v1/webhook-endpoints', {
      body: { url: text(f, 'url'), ...(description && { description }) },
    });
    setSecret(created.secret);
    endpoints.reload();
  });
  return (
    <>
      <PageHeader title="Webhooks" />
      <Section title="Add an endpoint">
        {secret ? (
          <SecretOnce label="The endpoint's signing secret." secret={secret} onDone={() => setSecret(undefined)} />
        ) : (
          <form className="inline-form" onSubmit={create.onSubmit} noValidate>
            <Input
              label="URL"
              name="url"
              type="url"
              placeholder="https://example.com/hooks/cx"
              required
              problem={create.problem}
            />
            <Input label="Description" name="description" problem={create.problem} />
            <button type="submit" className="primary" disabled={create.busy}>
              Add endpoint
            </button>
          </form>
        )}
        <ProblemAlert problem={create.problem} />
      </Section>
      <ListTable
        list={endpoints}
        caption="Webhook endpoints"
        empty="No endpoints yet. Add one to receive message events."
        head={
          <>
            <th>URL</th>
            <th>Events</th>
            <th>State</th>
            <th>Actions</th>
          </>
        }
        row={(e) => (
          <tr key={e.id}>
            <td>
              <code>{e.url}</code>
              {e.mode === 'test' && (
                <>
                  {' '}
                  <span className="badge">test</span>
                </>
              )}
              {e.description && <div className="muted">{e.description}</div>}
            </td>
            <td>{e.events.length ? e.events.join(', ') : 'all'}</td>
            <td>
              {e.enabled ? (
                <span className="badge badge-active">enabled</span>
              ) : (
                <span className="badge badge-rejected">disabled{e.disabledReason && ` (${e.disabledReason})`}</span>
              )}
            </td>
            <td className="actions">
              <button
                type="button"
                onClick={() =>
                  void api('patch', '/v1/webhook-endpoints/{endpointId}', {
                    path: { endpointId: e.id },
                    body: { enabled: !e.enabled },
                  }).then(endpoints.reload)
                }
              >
                {e.enabled ? 'Disable' : 'Enable'}
              </button>
              <ConfirmButton
                label="Delete"
                confirmLabel="Yes, delete"
                onConfirm={() =>
                  api('delete', '/v1/webhook-endpoints/{endpointId}', { path: { endpointId: e.id } }).then(
                    endpoints.reload,
                  )
                }
              />
            </td>
          </tr>
        )}
      />
      <h2>Deliveries</h2>
      <div className="card filters">
        <Select label="Endpoint" name="endpointId" value={endpointId} onChange={(e) => setEndpointId(e.target.value)}>
          <option value="">All endpoints</option>
          {endpoints.rows.map((e) => (
            <option key={e.id} value={e.id}>
              {e.url}
            </option>
          ))}
        </Select>
        <Select label="Delivery status" name="status" value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="">Any</option>
          <option value="pending">pending</option>
          <option value="delivered">delivered</option>
          <option value="dead">dead</option>
        </Select>
        <button type="button" onClick={deliveries.reload}>
          Refresh
        </button>
      </div>
      <ListTable
        list={deliveries}
        caption="Webhook deliveries"
        empty="No deliveries yet."
        head={
          <>
            <th>Event</th>
            <th>Status</th>
            <th>Attempts</th>
            <th>Created</th>
            <th>Actions</th>
          </>
        }
        row={(d) => (
          <tr key={d.id}>
            <td>
              {d.eventType}
              <div className="muted">
                <code>{d.url}</code>
              </div>
            </td>
            <td>
              <StatusBadge status={d.status} />
              {d.nextAttemptAt && <div className="muted">next try {dateTime(d.nextAttemptAt)}</div>}
            </td>
            <td>
              {d.attempts.length === 0 ? (
                'none yet'
              ) : (
                <details>
                  <summary>
                    {d.attempts.length} attempt{d.attempts.length === 1 ? '' : 's'}
                  </summary>
                  <ol>
                    {d.attempts.map((a) => (
                      <li key={a.attempt}>
                        {dateTime(a.at)}: {a.statusCode ?? 'no answer'} in {a.latencyMs} ms{a.error && ` (${a.error})`}
                      </li>
                    ))}
                  </ol>
                </details>
              )}
            </td>
            <td>{dateTime(d.createdAt)}</td>
            <td>{d.status !== 'delivered' && <RetryButton id={d.id} onDone={deliveries.reload} />}</td>
          </tr>
        )}
      />
    </>
  );
}

function RetryButton({ id, onDone }: { id: string; onDone: () => void }) {
  const retry = useSubmit(async () => {
    await api('post', '/v1/webhook-deliveries/{deliveryId}/retry', { path: { deliveryId: id } });
    onDone();
  });
  return (
    <form onSubmit={retry.onSubmit}>
      <button type="submit" disabled={retry.busy}>
        Retry now
      </button>
      {retry.problem && (
        <div className="field-error" role="alert">
          {problemText(retry.problem)}
        </div>
      )}
    </form>
  );
}
