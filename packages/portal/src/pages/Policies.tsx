// Our privacy policy and terms: the versions your account was notified of, each with its
// status and the deadline for a written objection; a version's page has its text and the
// forms to accept it or object in writing.
import { Link, useParams } from 'react-router';
import { api } from '../api.ts';
import { useLoad, usePaged } from '../hooks.ts';
import type { PolicyVersion } from '../types.ts';
import {
  Input,
  ListTable,
  Notice,
  PageHeader,
  ProblemAlert,
  Section,
  StatusBadge,
  TextArea,
  dateTime,
  text,
  useSubmit,
} from '../ui.tsx';

const KIND_LABELS = { privacy_policy: 'Privacy policy', terms: 'Terms' } as const;
export const openForDecision = (p: PolicyVersion) => new Date(p.notice.objectionDeadline) > new Date();

export function Policies() {
  const list = usePaged('/v1/policies', {}, 25);
  return (
    <>
      <PageHeader title="Policies" />
      <p className="muted">
        Changes to our privacy policy and terms. Without a written objection before the deadline, a change is deemed
        accepted.
      </p>
      <ListTable
        list={list}
        caption="Policy versions"
        empty="No policy versions yet."
        head={
          <>
            <th>Policy</th>
            <th>Status</th>
            <th>Objection deadline</th>
            <th>Takes effect</th>
          </>
        }
        row={(p) => (
          <tr key={p.id}>
            <td>
              <Link to={`/policies/${p.id}`}>{p.title}</Link>
              <div className="muted">
                {KIND_LABELS[p.kind]}, version {p.version}
              </div>
            </td>
            <td>
              <StatusBadge status={p.notice.status} />
            </td>
            <td>
              {p.notice.source === 'account_created'
                ? 'part of your contract from the start'
                : dateTime(p.notice.objectionDeadline)}
            </td>
            <td>{dateTime(p.effectiveAt)}</td>
          </tr>
        )}
      />
    </>
  );
}

export function PolicyDetail() {
  const id = useParams().id ?? '';
  const loaded = useLoad('/v1/policies/{policyId}', { path: { policyId: id } });
  const p = loaded.data;
  const decide = (action: 'acceptance' | 'objection') => async (f: FormData) => {
    const path = { policyId: id };
    if (action === 'acceptance')
      await api('post', '/v1/policies/{policyId}/acceptance', { path, body: { signer: text(f, 'signer') } });
    else
      await api('post', '/v1/policies/{policyId}/objection', {
        path,
        body: { signer: text(f, 'signer'), text: text(f, 'text') },
      });
    loaded.reload();
  };
  const accept = useSubmit(decide('acceptance'));
  const object = useSubmit(decide('objection'));
  const open = p && openForDecision(p);
  return (
    <>
      <PageHeader title={p?.title ?? 'Policy'}>
        <Link to="/policies">Back to policies</Link>
      </PageHeader>
      <ProblemAlert problem={loaded.problem} />
      {p && (
        <>
          <div className="columns">
            <Section title="What changes">
              <p>{p.summaryOfChanges}</p>
              <dl className="facts">
                <dt>Kind</dt>
                <dd>
                  {KIND_LABELS[p.kind]}, version {p.version}
                </dd>
                <dt>Published</dt>
                <dd>{dateTime(p.publishedAt)}</dd>
                <dt>Takes effect</dt>
                <dd>{dateTime(p.effectiveAt)}</dd>
              </dl>
            </Section>
            <Section title="Your decision">
              <dl className="facts">
                <dt>Status</dt>
                <dd data-testid="policy-status">
                  <StatusBadge status={p.notice.status} />
                </dd>
                <dt>Notified</dt>
                <dd>{dateTime(p.notice.notifiedAt)}</dd>
                <dt>Objection deadline</dt>
                <dd>{dateTime(p.notice.objectionDeadline)}</dd>
                {p.notice.decidedAt && (
                  <>
                    <dt>Decided</dt>
                    <dd>{dateTime(p.notice.decidedAt)}</dd>
                  </>
                )}
                {p.notice.signer && (
                  <>
                    <dt>Signed by</dt>
                    <dd>{p.notice.signer}</dd>
                  </>
                )}
                {p.notice.objection && (
                  <>
                    <dt>Your objection</dt>
                    <dd className="policy-text">{p.notice.objection}</dd>
                  </>
                )}
              </dl>
            </Section>
          </div>
          {open && p.notice.status === 'pending' && (
            <Notice tone="warning">
              If you do not object in writing before {dateTime(p.notice.objectionDeadline)}, this version is deemed
              accepted.
            </Notice>
          )}
          {open && (p.notice.status === 'pending' || p.notice.status === 'accepted') && (
            <div className="columns">
              <Section title="Object in writing">
                <form onSubmit={object.onSubmit} noValidate aria-label="Object in writing">
                  <TextArea label="Your objection" name="text" problem={object.problem} />
                  <Input
                    label="Signed by"
                    name="signer"
                    hint="the name of the person who signs for your company"
                    problem={object.problem}
                  />
                  <ProblemAlert problem={object.problem} />
                  <button type="submit" className="danger" disabled={object.busy}>
                    Send objection
                  </button>
                </form>
              </Section>
              {p.notice.status === 'pending' && (
                <Section title="Accept">
                  <form onSubmit={accept.onSubmit} noValidate aria-label="Accept">
                    <Input label="Signed by" name="signer" problem={accept.problem} />
                    <ProblemAlert problem={accept.problem} />
                    <button type="submit" className="primary" disabled={accept.busy}>
                      Accept this version
                    </button>
                  </form>
                </Section>
              )}
            </div>
          )}
          <Section title="Full text">
            <div className="policy-text">{p.text}</div>
          </Section>
        </>
      )}
    </>
  );
}
