// The dashboard's reminder of policy changes still open for a written objection (account:manage).
import { Link } from 'react-router';
import { useLoad } from '../hooks.ts';
import { can, useMe } from '../session.tsx';
import { Notice, dateTime } from '../ui.tsx';
import { openForDecision } from '../pages/Policies.tsx';

export function PolicyNoticeBanner() {
  const me = useMe();
  // Notices are newest first and pending ones are at most a month old: one page holds them.
  const policies = useLoad(can(me, 'account:manage') ? '/v1/policies' : null, { query: { limit: 50 } });
  const pending = (policies.data?.data ?? []).filter((p) => p.notice.status === 'pending' && openForDecision(p));
  return (
    <>
      {pending.map((p) => (
        <Notice key={p.id} tone="warning">
          <strong>{p.title}</strong> (version {p.version}) changes: {p.summaryOfChanges} Object in writing by{' '}
          {dateTime(p.notice.objectionDeadline)}, or it is deemed accepted.{' '}
          <Link to={`/policies/${p.id}`}>Read it and decide</Link>
        </Notice>
      ))}
    </>
  );
}
