// Operator: what waits for a decision: SMS limit requests and orders.
import { useState, type ReactNode } from 'react';
import { api } from '../../api.ts';
import { usePaged } from '../../hooks.ts';
import { can, useMe } from '../../session.tsx';
import type { Order } from '../../types.ts';
import { Input, ListTable, PageHeader, ProblemAlert, dateTime, text, useSubmit } from '../../ui.tsx';

function Decide({
  approveLabel,
  onApprove,
  onReject,
  approveFields,
}: {
  approveLabel: string;
  approveFields: ReactNode;
  onApprove: (f: FormData) => Promise<unknown>;
  onReject: (note: string) => Promise<unknown>;
}) {
  const [mode, setMode] = useState<'approve' | 'reject'>();
  const form = useSubmit(async (f) => {
    if (mode === 'approve') await onApprove(f);
    else await onReject(text(f, 'note'));
  });
  if (!mode) {
    return (
      <div className="actions">
        <button type="button" className="primary" onClick={() => setMode('approve')}>
          {approveLabel}
        </button>
        <button type="button" className="danger" onClick={() => setMode('reject')}>
          Reject
        </button>
      </div>
    );
  }
  return (
    <form className="inline-form" onSubmit={form.onSubmit} noValidate>
      {mode === 'approve' ? approveFields : <Input label="Why" name="note" required problem={form.problem} />}
      <button type="submit" className="primary" disabled={form.busy}>
        Confirm
      </button>
      <button type="button" onClick={() => setMode(undefined)}>
        Cancel
      </button>
      <ProblemAlert problem={form.problem} />
    </form>
  );
}

const itemText = (i: Order['items'][number]) =>
  Object.entries(i)
    .filter(([k]) => k !== 'kind')
    .map(([k, v]) => `${k} ${JSON.stringify(v)}`)
    .join(', ');

export function Approvals() {
  const admin = can(useMe(), 'platform:admin');
  const limits = usePaged('/v1/admin/limit-requests', { status: 'pending' });
  const orders = usePaged('/v1/admin/orders', { status: 'requested' });
  return (
    <>
      <PageHeader title="Approvals" />
      <h2>SMS limit requests</h2>
      <ListTable
        list={limits}
        caption="Pending SMS limit requests"
        empty="No limit request waits for a decision."
        head={
          <>
            <th>Account</th>
            <th>New limit</th>
            <th>Reason</th>
            <th>Asked</th>
            {admin && <th>Decision</th>}
          </>
        }
        row={(r) => (
          <tr key={r.id}>
            <td>
              <code>{r.accountId}</code>
            </td>
            <td>{r.smsLimit ?? 'no limit'}</td>
            <td>{r.reason ?? '—'}</td>
            <td>{dateTime(r.createdAt)}</td>
            {admin && (
              <td>
                <Decide
                  approveLabel="Approve"
                  approveFields={<Input label="Approval (who agreed, how)" name="approvalText" required />}
                  onApprove={(f) =>
                    api('post', '/v1/admin/limit-requests/{requestId}/approve', {
                      path: { requestId: r.id },
                      body: { approvalText: text(f, 'approvalText') },
                    }).then(limits.reload)
                  }
                  onReject={(note) =>
                    api('post', '/v1/admin/limit-requests/{requestId}/reject', {
                      path: { requestId: r.id },
                      body: { note },
                    }).then(limits.reload)
                  }
                />
              </td>
            )}
          </tr>
        )}
      />
      <h2>Orders</h2>
      <ListTable
        list={orders}
        caption="Requested orders"
        empty="No order waits for a decision."
        head={
          <>
            <th>Account</th>
            <th>Items</th>
            <th>Note</th>
            <th>Asked</th>
            {admin && <th>Decision</th>}
          </>
        }
        row={(o) => (
          <tr key={o.id}>
            <td>
              <code>{o.accountId}</code>
            </td>
            <td>
              <ul>
                {o.items.map((i, n) => (
                  <li key={n}>
                    <strong>{i.kind}</strong> {itemText(i)}
                  </li>
                ))}
              </ul>
            </td>
            <td>{o.note ?? '—'}</td>
            <td>{dateTime(o.createdAt)}</td>
            {admin && (
              <td>
                <Decide
                  approveLabel="Accept"
                  approveFields={
                    <>
                      <Input label="Accepted terms (text)" name="text" required />
                      <Input label="Signed by" name="signer" required />
                    </>
                  }
                  onApprove={(f) =>
                    api('post', '/v1/admin/orders/{orderId}/accept', {
                      path: { orderId: o.id },
                      body: { acceptance: { text: text(f, 'text'), signer: text(f, 'signer') } },
                    }).then(orders.reload)
                  }
                  onReject={(note) =>
                    api('post', '/v1/admin/orders/{orderId}/reject', { path: { orderId: o.id }, body: { note } }).then(
                      orders.reload,
                    )
                  }
                />
              </td>
            )}
          </tr>
        )}
      />
    </>
  );
}
