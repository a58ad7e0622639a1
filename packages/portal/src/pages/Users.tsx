// Users and roles: invite, change a role, disable; open invitations; the two-factor policy.
import { api } from '../api.ts';
import { useLoad, usePaged } from '../hooks.ts';
import { useMe } from '../session.tsx';
import type { User } from '../types.ts';
import {
  ConfirmButton,
  Input,
  ListTable,
  PageHeader,
  ProblemAlert,
  Section,
  Select,
  dateTime,
  text,
  useSubmit,
  problemText,
} from '../ui.tsx';

export const CLIENT_ROLES = ['owner', 'admin', 'developer', 'agent', 'billing', 'viewer'] as const;

function RoleSelect({ user, onDone }: { user: User; onDone: () => void }) {
  const change = useSubmit(async (f) => {
    await api('patch', '/v1/users/{userId}', { path: { userId: user.id }, body: { role: text(f, 'role') } });
    onDone();
  });
  return (
    <form className="inline-form" onSubmit={change.onSubmit}>
      <Select label={`Role of ${user.email}`} name="role" defaultValue={user.role} problem={change.problem}>
        {CLIENT_ROLES.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </Select>
      <button type="submit" disabled={change.busy}>
        Change
      </button>
      {change.problem && (
        <div className="field-error" role="alert">
          {problemText(change.problem)}
        </div>
      )}
    </form>
  );
}

export function Users() {
  const me = useMe();
  const users = usePaged('/v1/users');
  const invitations = usePaged('/v1/users/invitations');
  const policy = useLoad('/v1/users/policy');
  const invite = useSubmit(async (f) => {
    await api('post', '/v1/users/invitations', { body: { email: text(f, 'email'), role: text(f, 'role') } });
    invitations.reload();
  });
  return (
    <>
      <PageHeader title="Users and roles" />
      <Section title="Invite someone">
        <form className="inline-form" onSubmit={invite.onSubmit} noValidate>
          <Input label="Email" name="email" type="email" required problem={invite.problem} />
          <Select label="Role" name="role" defaultValue="developer" problem={invite.problem}>
            {CLIENT_ROLES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </Select>
          <button type="submit" className="primary" disabled={invite.busy}>
            Send invitation
          </button>
        </form>
        <ProblemAlert problem={invite.problem} />
      </Section>
      <ListTable
        list={users}
        caption="Users"
        empty="No users."
        head={
          <>
            <th>User</th>
            <th>Role</th>
            <th>Two-factor</th>
            <th>Last sign-in</th>
            <th>Actions</th>
          </>
        }
        row={(u) => (
          <tr key={u.id}>
            <td>
              {u.name ?? '—'}
              <div className="muted">{u.email}</div>
            </td>
            <td>{u.disabledAt || u.id === me.user.id ? u.role : <RoleSelect user={u} onDone={users.reload} />}</td>
            <td>{u.twoFactorEnabled ? 'on' : 'off'}</td>
            <td>{dateTime(u.lastLoginAt)}</td>
            <td>
              {u.disabledAt ? (
                <span className="badge badge-rejected">disabled</span>
              ) : (
                u.id !== me.user.id && (
                  <ConfirmButton
                    label={`Disable ${u.email}`}
                    confirmLabel="Yes, disable"
                    onConfirm={() => api('delete', '/v1/users/{userId}', { path: { userId: u.id } }).then(users.reload)}
                  />
                )
              )}
            </td>
          </tr>
        )}
      />
      <h2>Open invitations</h2>
      <ListTable
        list={invitations}
        caption="Open invitations"
        empty="No open invitations."
        head={
          <>
            <th>Email</th>
            <th>Role</th>
            <th>Expires</th>
            <th>Actions</th>
          </>
        }
        row={(i) => (
          <tr key={i.id}>
            <td>{i.email}</td>
            <td>{i.role}</td>
            <td>{dateTime(i.expiresAt)}</td>
            <td>
              <ConfirmButton
                label="Withdraw"
                confirmLabel="Yes, withdraw"
                onConfirm={() =>
                  api('delete', '/v1/users/invitations/{invitationId}', { path: { invitationId: i.id } }).then(
                    invitations.reload,
                  )
                }
              />
            </td>
          </tr>
        )}
      />
      <Section title="Security policy">
        <ProblemAlert problem={policy.problem} />
        {policy.data && (
          <label>
            <input
              type="checkbox"
              checked={policy.data.require2fa}
              onChange={(e) =>
                void api('put', '/v1/users/policy', { body: { require2fa: e.target.checked } }).then(policy.reload)
              }
            />{' '}
            Require two-factor authentication for every user of this account
          </label>
        )}
      </Section>
    </>
  );
}
