// A page the signed-in role cannot use is replaced by a plain explanation instead of a form
// that would fail or a list that shows the API's refusal. The server still decides: this only
// spares people a dead end.
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { can, useMe } from '../session.tsx';

export function RoleGate({ scope, doing, children }: { scope: string; doing: string; children: ReactNode }) {
  const me = useMe();
  if (can(me, scope)) return children;
  return (
    <>
      <h1>Not available to your role</h1>
      <p data-testid="role-gate">
        Your role, <strong>{me.user.role}</strong>, cannot {doing} in {me.account.name}.{' '}
        {me.account.isHouse ? 'Ask an operator with full rights' : 'Ask an owner or admin of the account'} if you need
        to.
      </p>
      <p>
        <Link to="/">Go to the start page</Link>
      </p>
    </>
  );
}
