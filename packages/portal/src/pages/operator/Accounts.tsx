// Operator: client accounts. Create, board (written acceptance), suspend / reactivate, and the
// traffic hold (the per-account kill switch: messages wait until it is lifted).
import { useState } from 'react';
import { api } from '../../api.ts';
import { usePaged } from '../../hooks.ts';
import { can, useMe } from '../../session.tsx';
import type { AdminAccount } from '../../types.ts';
import {
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
} from '../../ui.tsx';

type Action = 'board' | 'hold' | 'suspend' | 'invite';

function AccountActions({ account, onDone }: { account: AdminAccount; onDone: () => void }) {
  const [action, setAction] = useState<Action>();
  const run = useSubmit(async (f) => {
    const path = { accountId: account.id };
    if (action === 'board')
      await api('post', '/v1/admin/accounts/{accountId}/board', {
        path,
        body: { acceptance: { text: text(f, 'text'), signer: text(f, 'signer') } },
      });
    if (action === 'hold')
      await api('post', '/v1/admin/accounts/{accountId}/traffic-hold', { path, body: { reason: text(f, 'reason') } });
    if (action === 'suspend')
      await api('post', '/v1/admin/accounts/{accountId}/suspend', { path, body: { reason: text(f, 'reason') } });
    if (action === 'invite')
      await api('post', '/v1/admin/accounts/{accountId}/invitations', {
        path,
        body: { email: text(f, 'email'), role: 'owner' },
      });
    setAction(undefined);
    onDone();
  });
  const lift = useSubmit(async () => {
    await api('delete', '/v1/admin/accounts/{accountId}/traffic-hold', {
      path: { accountId: account.id },
      query: { reason: 'lifted in the portal' },
    });
    onDone();
  });
  const reactivate = useSubmit(async () => {
    await api('post', '/v1/admin/accounts/{accountId}/reactivate', {
      path: { accountId: account.id },
      body: { reason: 'reactivated in the portal' },
    });
    onDone();
  });
  if (action) {
    return (
      <form className="inline-form" onSubmit={run.onSubmit} noValidate aria-label={`${action} ${account.name}`}>
        {action === 'board' && (
          <>
            <Input label="Accepted terms (text)" name="text" required problem={run.problem} />
            <Input label="Signed by" name="signer" required problem={run.problem} />
          </>
        )}
        {(action === 'hold' || action === 'suspend') && (
          <Input label="Reason" name="reason" required problem={run.problem} />
        )}
        {action === 'invite' && (
          <Input label="Owner's email" name="email" type="email" required problem={run.problem} />
        )}
        <button type="submit" className="primary" disabled={run.busy}>
          Confirm
        </button>
        <button type="button" onClick={() => setAction(undefined)}>
          Cancel
        </button>
        <ProblemAlert problem={run.problem} />
      </form>
    );
  }
  return (
    <div className="actions">
      {account.status === 'pending' && (
        <button type="button" onClick={() => setAction('board')}>
          Board
        </button>
      )}
      {account.trafficHold ? (
        <form onSubmit={lift.onSubmit}>
          <button type="submit" disabled={lift.busy}>
            Lift traffic hold
          </button>
        </form>
      ) : (
        account.status !== 'closed' && (
          <button type="button" className="danger" onClick={() => setAction('hold')}>
            Hold traffic
          </button>
        )
      )}
      {account.status === 'active' && (
        <button type="button" className="danger" onClick={() => setAction('suspend')}>
          Suspend
        </button>
      )}
      {account.status === 'suspended' && (
        <form onSubmit={reactivate.onSubmit}>
          <button type="submit">Reactivate</button>
        </form>
      )}
      {account.status !== 'closed' && (
        <button type="button" onClick={() => setAction('invite')}>
          Invite owner
        </button>
      )}
      {(lift.problem ?? reactivate.problem) && (
        <span className="field-error" role="alert">
          {(lift.problem ?? reactivate.problem)!.title}
        </span>
      )}
    </div>
  );
}

export function OperatorAccounts() {
  const me = useMe();
  const admin = can(me, 'platform:admin');
  const [status, setStatus] = useState('');
  const list = usePaged('/v1/admin/accounts', { status });
  const create = useSubmit(async (f) => {
    await api('post', '/v1/admin/accounts', { body: { name: text(f, 'name') } });
    list.reload();
  });
  return (
    <>
      <PageHeader title="Accounts" />
      {admin && (
        <Section title="Create an account">
          <form className="inline-form" onSubmit={create.onSubmit} noValidate>
            <Input label="Name" name="name" required problem={create.problem} />
            <button type="submit" className="primary" disabled={create.busy}>
              Create
            </button>
          </form>
          <ProblemAlert problem={create.problem} />
        </Section>
      )}
      <div className="card filters">
        <Select label="Status" name="status" value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="">Any</option>
          <option value="pending">pending</option>
          <option value="active">active</option>
          <option value="suspended">suspended</option>
          <option value="closed">closed</option>
        </Select>
      </div>
      <ListTable
        list={list}
        caption="Accounts"
        empty="No accounts match."
        head={
          <>
            <th>Account</th>
            <th>Status</th>
            <th>SMS this cycle</th>
            <th>Created</th>
            {admin && <th>Actions</th>}
          </>
        }
        row={(a) => (
          <tr key={a.id} data-account={a.name}>
            <td>
              {a.name}
              {a.isHouse && ' (house)'}
              <div className="muted">
                <code>{a.id}</code>
              </div>
            </td>
            <td>
              <StatusBadge status={a.status} />
              {a.trafficHold && (
                <>
                  {' '}
                  <span className="badge badge-hold">traffic hold</span>
                </>
              )}
            </td>
            <td>{a.sms.limit === null ? 'no limit' : `${a.sms.used} / ${a.sms.limit}`}</td>
            <td>{dateTime(a.createdAt)}</td>
            {admin && <td>{!a.isHouse && <AccountActions account={a} onDone={list.reload} />}</td>}
          </tr>
        )}
      />
    </>
  );
}
