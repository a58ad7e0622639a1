// GDPR Art. 22: the automated decisions about the person, each with its explanation, for a
// person to confirm or overturn (an overturned hold is released and sent once).
import { api } from '../../api.ts';
import { useLoad } from '../../hooks.ts';
import type { AutomatedDecision, PrivacyRequest } from '../../types.ts';
import { Input, ListTable, Section, StatusBadge, chosen, dateTime, problemText, text, useSubmit } from '../../ui.tsx';

export function Decisions({ request, onReviewed }: { request: PrivacyRequest; onReviewed: () => void }) {
  const decisions = useLoad('/v1/privacy/requests/{requestId}/decisions', { path: { requestId: request.id } });
  const done = () => {
    decisions.reload();
    onReviewed();
  };
  return (
    <Section title="Automated decisions">
      <ListTable
        list={{ rows: decisions.data?.data ?? [], loading: decisions.loading, problem: decisions.problem }}
        caption="Automated decisions about the person"
        empty="No automated decision was taken about this person."
        head={
          <>
            <th>Message</th>
            <th>Decision</th>
            <th>Explanation</th>
            <th>Review</th>
          </>
        }
        row={(d) => (
          <tr key={d.messageId}>
            <td>
              <code>{d.messageId}</code>
              <div className="muted">{dateTime(d.at)}</div>
            </td>
            <td>
              {d.kind.replaceAll('_', ' ')} <StatusBadge status={d.status} />
            </td>
            <td>{d.explanation}</td>
            <td>
              {d.review ? (
                <>
                  <StatusBadge status={d.review.outcome} />
                  {d.review.note && <div className="muted">{d.review.note}</div>}
                  <div className="muted">{dateTime(d.review.at)}</div>
                </>
              ) : request.status === 'in_progress' ? (
                <Review requestId={request.id} decision={d} onDone={done} />
              ) : (
                '—'
              )}
            </td>
          </tr>
        )}
      />
    </Section>
  );
}

function Review({
  requestId,
  decision,
  onDone,
}: {
  requestId: string;
  decision: AutomatedDecision;
  onDone: () => void;
}) {
  const review = useSubmit(async (f) => {
    const note = text(f, 'note');
    await api('post', '/v1/privacy/requests/{requestId}/reviews', {
      path: { requestId },
      body: {
        messageId: decision.messageId,
        outcome: chosen(f, 'outcome', ['confirmed', 'overturned']),
        ...(note && { note }),
      },
    });
    onDone();
  });
  return (
    <form onSubmit={review.onSubmit} noValidate aria-label={`Review the decision on ${decision.messageId}`}>
      <Input label="Review note" name="note" problem={review.problem} />
      <div className="actions">
        <button type="submit" name="outcome" value="confirmed">
          Confirm
        </button>
        <button type="submit" name="outcome" value="overturned" className="danger">
          Overturn
        </button>
      </div>
      {review.problem && (
        <div className="field-error" role="alert">
          {problemText(review.problem)}
        </div>
      )}
    </form>
  );
}
