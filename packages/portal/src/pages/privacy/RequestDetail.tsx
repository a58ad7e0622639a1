// One data-subject request: where it stands and by when, who handles it, the team's notes, the
// outcome (erasure report, export download), the actions its status allows, and for an
// automated-decision review each decision to confirm or overturn. Refreshes while it runs.
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api.ts';
import { useLoad } from '../../hooks.ts';
import { can, useMe } from '../../session.tsx';
import type { PrivacyRequest } from '../../types.ts';
import {
  Input,
  ListTable,
  PageHeader,
  ProblemAlert,
  Section,
  Select,
  StatusBadge,
  TextArea,
  dateTime,
  text,
  useSubmit,
} from '../../ui.tsx';
import { subjectText, typeLabel } from './Requests.tsx';
import { Decisions } from './Decisions.tsx';
import { RequestResult } from './RequestResult.tsx';

const FINAL = new Set(['completed', 'rejected']);
const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function RequestDetail() {
  const id = useParams().id ?? '';
  const [settled, setSettled] = useState(false);
  const loaded = useLoad('/v1/privacy/requests/{requestId}', {
    path: { requestId: id },
    pollMs: settled ? undefined : 1000,
  });
  const r = loaded.data;
  // A running request changes on its own; a finished one, or one waiting for reviews, does not.
  useEffect(
    () => setSettled(r !== undefined && (FINAL.has(r.status) || (r.status === 'in_progress' && r.result !== null))),
    [r],
  );
  const reload = loaded.reload;
  const subjectContact = r?.subject?.contactId;
  return (
    <>
      <PageHeader title={r ? `${capitalized(typeLabel(r.type))} request` : 'Privacy request'}>
        <Link to="/privacy/requests">Back to requests</Link>
      </PageHeader>
      <ProblemAlert problem={loaded.problem} />
      {r && (
        <>
          <div className="columns">
            <Section title="Details">
              <dl className="facts">
                <dt>Status</dt>
                <dd data-testid="request-status">
                  <StatusBadge status={r.status} />
                </dd>
                <dt>Type</dt>
                <dd>{typeLabel(r.type)}</dd>
                <dt>Person</dt>
                <dd>
                  {subjectContact ? (
                    <Link to={`/contacts/${subjectContact}`}>{subjectText(r.subject)}</Link>
                  ) : (
                    subjectText(r.subject)
                  )}
                </dd>
                <dt>Received</dt>
                <dd>{dateTime(r.receivedAt)}</dd>
                <dt>Due</dt>
                <dd>
                  {dateTime(r.dueAt)}
                  {r.extension && <div className="muted">extended: {r.extension.reason}</div>}
                </dd>
                <dt>Started</dt>
                <dd>{dateTime(r.startedAt)}</dd>
                <dt>Finished</dt>
                <dd>{dateTime(r.completedAt)}</dd>
                <dt>Id</dt>
                <dd>
                  <code>{r.id}</code>
                </dd>
                {r.note && (
                  <>
                    <dt>Note</dt>
                    <dd>{r.note}</dd>
                  </>
                )}
                {r.rejectionReason && (
                  <>
                    <dt>Refused because</dt>
                    <dd>{r.rejectionReason}</dd>
                  </>
                )}
              </dl>
            </Section>
            <Section title="Actions">
              <RequestActions request={r} onDone={reload} />
            </Section>
          </div>
          <RequestResult request={r} />
          {r.type === 'automated_decision_review' && <Decisions request={r} onReviewed={reload} />}
          <Handling request={r} onDone={reload} />
        </>
      )}
    </>
  );
}

/** Approve, refuse or extend, as far as the status allows. */
function RequestActions({ request: r, onDone }: { request: PrivacyRequest; onDone: () => void }) {
  const act = (action: 'approve' | 'reject' | 'extend') => async (f: FormData) => {
    const path = { requestId: r.id };
    if (action === 'approve') await api('post', '/v1/privacy/requests/{requestId}/approve', { path, body: {} });
    else await api('post', `/v1/privacy/requests/{requestId}/${action}`, { path, body: { reason: text(f, 'reason') } });
    onDone();
  };
  const approve = useSubmit(act('approve'));
  const reject = useSubmit(act('reject'));
  const extend = useSubmit(act('extend'));
  if (FINAL.has(r.status)) return <p className="muted">This request is {r.status}; nothing is left to do.</p>;
  return (
    <>
      {r.status === 'received' && (
        <form onSubmit={approve.onSubmit} aria-label="Approve">
          <p className="muted">Waiting for approval: approve it once you know who the person is.</p>
          <button type="submit" className="primary" disabled={approve.busy}>
            Approve and run
          </button>
          <ProblemAlert problem={approve.problem} />
        </form>
      )}
      <form onSubmit={reject.onSubmit} noValidate aria-label="Refuse">
        <TextArea
          label="Reason for refusing"
          name="reason"
          hint="the person is told this reason"
          problem={reject.problem}
        />
        <button type="submit" className="danger" disabled={reject.busy}>
          Refuse request
        </button>
        <ProblemAlert problem={reject.problem} />
      </form>
      {!r.extension && (
        <form onSubmit={extend.onSubmit} noValidate aria-label="Extend the deadline">
          <TextArea
            label="Reason for extending"
            name="reason"
            hint="once, by two months, for complexity or the number of requests"
            problem={extend.problem}
          />
          <button type="submit" disabled={extend.busy}>
            Extend deadline
          </button>
          <ProblemAlert problem={extend.problem} />
        </form>
      )}
    </>
  );
}

/** Who handles the request, and the team's notes. */
function Handling({ request: r, onDone }: { request: PrivacyRequest; onDone: () => void }) {
  const me = useMe();
  const users = useLoad(can(me, 'users:manage') ? '/v1/users' : null, { query: { limit: 200 } });
  const nameOf = (userId: string) => {
    const u = users.data?.data.find((x) => x.id === userId) ?? (userId === me.user.id ? me.user : undefined);
    return u ? (u.name ?? u.email) : userId;
  };
  const assign = useSubmit(async (f) => {
    await api('patch', '/v1/privacy/requests/{requestId}', {
      path: { requestId: r.id },
      body: { assignee: text(f, 'assignee') || null },
    });
    onDone();
  });
  const note = useSubmit(async (f) => {
    await api('patch', '/v1/privacy/requests/{requestId}', {
      path: { requestId: r.id },
      body: { addNote: text(f, 'addNote') },
    });
    onDone();
  });
  return (
    <div className="columns">
      <Section title="Notes">
        <ListTable
          list={{ rows: r.notes, loading: false, problem: undefined }}
          caption="Notes, oldest first"
          empty="No notes yet."
          head={
            <>
              <th>When</th>
              <th>By</th>
              <th>Note</th>
            </>
          }
          row={(n) => (
            <tr key={n.at + n.text}>
              <td>{dateTime(n.at)}</td>
              <td>
                {n.by.type === 'user' ? (
                  nameOf(n.by.id)
                ) : (
                  <>
                    {n.by.type} <code>{n.by.id}</code>
                  </>
                )}
              </td>
              <td className="policy-text">{n.text}</td>
            </tr>
          )}
        />
        <form onSubmit={note.onSubmit} noValidate aria-label="Add a note" key={r.notes.length}>
          <TextArea
            label="New note"
            name="addNote"
            hint="stored encrypted; an erasure clears it"
            problem={note.problem}
          />
          <button type="submit" disabled={note.busy}>
            Add note
          </button>
          <ProblemAlert problem={note.problem} />
        </form>
      </Section>
      <Section title="Assignee">
        <p>{r.assignee ? nameOf(r.assignee) : 'Nobody yet.'}</p>
        <form className="inline-form" onSubmit={assign.onSubmit} noValidate aria-label="Assign" key={r.assignee ?? ''}>
          {users.data ? (
            <Select label="Assign to" name="assignee" defaultValue={r.assignee ?? ''} problem={assign.problem}>
              <option value="">Nobody</option>
              {users.data.data
                .filter((u) => !u.disabledAt)
                .map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name ?? u.email}
                  </option>
                ))}
            </Select>
          ) : (
            <Input
              label="Assign to (user id)"
              name="assignee"
              defaultValue={r.assignee ?? me.user.id}
              problem={assign.problem}
            />
          )}
          <button type="submit" disabled={assign.busy}>
            Assign
          </button>
        </form>
        <ProblemAlert problem={assign.problem} />
      </Section>
    </div>
  );
}
