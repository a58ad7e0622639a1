// Your own settings: the account (when your role manages it), password, two-factor, sessions.
import { Link } from 'react-router';
import { api } from '../api.ts';
import { useLoad, usePaged } from '../hooks.ts';
import { can, useMe, useSession } from '../session.tsx';
import {
  ConfirmButton,
  Input,
  ListTable,
  Notice,
  PageHeader,
  ProblemAlert,
  Section,
  dateTime,
  money,
  useSubmit,
} from '../ui.tsx';
import { passwordHint, samePasswords } from './auth/ResetPassword.tsx';

function AccountFacts() {
  const account = useLoad('/v1/account');
  if (account.problem) return <ProblemAlert problem={account.problem} />;
  const a = account.data;
  if (!a)
    return (
      <p className="muted" role="status">
        Loading…
      </p>
    );
  return (
    <dl className="facts">
      <dt>Name</dt>
      <dd>{a.name}</dd>
      <dt>Status</dt>
      <dd>
        {a.status}
        {a.trafficHold && ' (traffic on hold)'}
      </dd>
      <dt>SMS limit</dt>
      <dd>{a.sms.limit === null ? 'none' : `${a.sms.used} of ${a.sms.limit} used`}</dd>
      <dt>Billing</dt>
      <dd>
        {a.billing.mode}
        {a.billing.balance && `, balance ${money(a.billing.balance.amountMicros, a.billing.balance.currency)}`}
      </dd>
      <dt>Monthly spend cap</dt>
      <dd>{a.spend.capMicros === null ? 'none' : money(a.spend.capMicros, a.billing.balance?.currency)}</dd>
    </dl>
  );
}

export function Settings() {
  const me = useMe();
  const { refresh } = useSession();
  const sessions = usePaged('/v1/auth/sessions');
  const password = useSubmit(async (f) => {
    samePasswords(f, 'newPassword');
    await api('post', '/v1/auth/password', {
      body: { currentPassword: String(f.get('currentPassword')), newPassword: String(f.get('newPassword')) },
    });
    (document.getElementById('password-form') as HTMLFormElement | null)?.reset();
    sessions.reload();
  });
  const disable = useSubmit(async (f) => {
    await api('post', '/v1/auth/2fa/disable', {
      body: { password: String(f.get('password')), code: String(f.get('code')).trim() },
    });
    await refresh();
  });
  return (
    <>
      <PageHeader title="Settings" />
      {can(me, 'account:manage') && (
        <Section title="Account">
          <AccountFacts />
        </Section>
      )}
      <Section title="Two-factor authentication">
        {me.twoFactor.enabled ? (
          <>
            <Notice tone="success">Two-factor authentication is on.</Notice>
            {me.twoFactor.required ? (
              <p className="muted">Your account requires it, so it cannot be turned off.</p>
            ) : (
              <form className="inline-form" onSubmit={disable.onSubmit} noValidate>
                <Input
                  label="Password"
                  name="password"
                  type="password"
                  autoComplete="current-password"
                  required
                  problem={disable.problem}
                />
                <Input
                  label="Authentication code"
                  name="code"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  required
                  problem={disable.problem}
                />
                <button type="submit" className="danger" disabled={disable.busy}>
                  Turn off
                </button>
              </form>
            )}
            <ProblemAlert problem={disable.problem} />
            <p>
              <Link to="/two-factor">Move to a new authenticator</Link>
            </p>
          </>
        ) : (
          <p>
            Two-factor authentication is off. <Link to="/two-factor">Set it up</Link>
          </p>
        )}
      </Section>
      <Section title="Password">
        <form id="password-form" onSubmit={password.onSubmit} noValidate>
          <ProblemAlert problem={password.problem} />
          <Input
            label="Current password"
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            required
            problem={password.problem}
          />
          <Input
            label="New password"
            name="newPassword"
            type="password"
            autoComplete="new-password"
            required
            problem={password.problem}
            hint={passwordHint}
          />
          <Input
            label="Repeat the new password"
            name="passwordAgain"
            type="password"
            autoComplete="new-password"
            required
            problem={password.problem}
          />
          <button type="submit" className="primary" disabled={password.busy}>
            Change password
          </button>
        </form>
      </Section>
      <h2>Sessions</h2>
      <ListTable
        list={sessions}
        caption="Your sessions"
        empty="No other sessions."
        head={
          <>
            <th>Signed in</th>
            <th>Last seen</th>
            <th>Device</th>
            <th>Address</th>
            <th>Actions</th>
          </>
        }
        row={(s) => (
          <tr key={s.id}>
            <td>
              {dateTime(s.createdAt)} ({s.method})
            </td>
            <td>{dateTime(s.lastSeenAt)}</td>
            <td>{s.userAgent ?? '—'}</td>
            <td>{s.ip ?? '—'}</td>
            <td>
              {s.current ? (
                'this session'
              ) : (
                <ConfirmButton
                  label="Sign out"
                  confirmLabel="Yes, sign it out"
                  onConfirm={() =>
                    api('delete', '/v1/auth/sessions/{sessionId}', { path: { sessionId: s.id } }).then(sessions.reload)
                  }
                />
              )}
            </td>
          </tr>
        )}
      />
    </>
  );
}
