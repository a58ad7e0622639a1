// Legal holds: while one applies, retention leaves the account or the person alone and an
// erasure is refused. Holds your operator placed show here but only they can release them.
import { useState } from 'react';
import { api } from '../../api.ts';
import { usePaged } from '../../hooks.ts';
import {
  ConfirmButton,
  Input,
  ListTable,
  ProblemAlert,
  Section,
  Select,
  StatusBadge,
  dateTime,
  text,
  useSubmit,
} from '../../ui.tsx';

export function LegalHolds() {
  const [activeOnly, setActiveOnly] = useState(true);
  const holds = usePaged('/v1/privacy/legal-holds', { active: activeOnly || undefined }, 25);
  const [scope, setScope] = useState<'account' | 'subject'>('account');
  const place = useSubmit(async (f) => {
    await api('post', '/v1/privacy/legal-holds', {
      body: { reason: text(f, 'reason'), ...(scope === 'subject' && { subject: { phone: text(f, 'subject/phone') } }) },
    });
    holds.reload();
  });
  return (
    <Section title="Legal holds">
      <form className="inline-form" onSubmit={place.onSubmit} noValidate aria-label="Place a legal hold">
        <Select
          label="Hold"
          name="scope"
          value={scope}
          onChange={(e) => setScope(e.target.value as 'account' | 'subject')}
        >
          <option value="account">the whole account</option>
          <option value="subject">one person</option>
        </Select>
        {scope === 'subject' && (
          <Input
            label="Their phone number"
            name="subject/phone"
            type="tel"
            placeholder="+4915112345678"
            problem={place.problem}
          />
        )}
        <Input
          label="Reason for the hold"
          name="reason"
          hint="e.g. the case or the authority that asked"
          problem={place.problem}
        />
        <button type="submit" className="primary" disabled={place.busy}>
          Place hold
        </button>
      </form>
      <ProblemAlert problem={place.problem} />
      <label className="filter-toggle">
        <input type="checkbox" checked={activeOnly} onChange={(e) => setActiveOnly(e.target.checked)} /> Only holds in
        force
      </label>
      <ListTable
        list={holds}
        caption="Legal holds"
        empty={activeOnly ? 'No legal hold is in force.' : 'No legal holds yet.'}
        head={
          <>
            <th>Covers</th>
            <th>Reason</th>
            <th>Placed</th>
            <th>State</th>
            <th>Actions</th>
          </>
        }
        row={(h) => (
          <tr key={h.id}>
            <td>
              {h.scope === 'account' ? (
                'the whole account'
              ) : (
                <>
                  one person <code>{h.subjectId}</code>
                </>
              )}
            </td>
            <td>{h.reason}</td>
            <td>
              {dateTime(h.createdAt)}
              <div className="muted">by {h.placedBy === 'operator' ? 'your operator' : 'you'}</div>
            </td>
            <td>{h.releasedAt ? <>released {dateTime(h.releasedAt)}</> : <StatusBadge status="hold" />}</td>
            <td>
              {!h.releasedAt && h.placedBy === 'account' && (
                <ConfirmButton
                  label={`Release hold: ${h.reason}`}
                  confirmLabel="Yes, release it"
                  onConfirm={() =>
                    api('delete', '/v1/privacy/legal-holds/{holdId}', { path: { holdId: h.id } }).then(holds.reload)
                  }
                />
              )}
            </td>
          </tr>
        )}
      />
    </Section>
  );
}
