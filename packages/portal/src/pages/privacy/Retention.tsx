// Retention: how long each category is kept (within its bounds, with the reason for them),
// and what the daily runs erased or deleted.
import { useState } from 'react';
import { api } from '../../api.ts';
import { useLoad, usePaged } from '../../hooks.ts';
import { Input, ListTable, Notice, ProblemAlert, Section, dateTime, useSubmit } from '../../ui.tsx';

export const categoryLabel = (category: string) => category.replaceAll('_', ' ');
const SOURCE_LABELS = { account: 'set by you', platform: 'platform default', default: 'shipped default' } as const;

export function RetentionPeriods() {
  const policies = useLoad('/v1/privacy/retention');
  const [saved, setSaved] = useState(false);
  const save = useSubmit(async (f) => {
    setSaved(false);
    const changed = Object.fromEntries(
      (policies.data?.data ?? [])
        .map((p) => [p.category, Number(f.get(`categories/${p.category}`))] as const)
        .filter(([category, days]) => days !== policies.data!.data.find((p) => p.category === category)!.days),
    );
    if (Object.keys(changed).length > 0) await api('put', '/v1/privacy/retention', { body: { categories: changed } });
    policies.reload();
    setSaved(true);
  });
  const rows = policies.data?.data ?? [];
  return (
    <Section title="Retention periods">
      <p className="muted">
        Each category is erased or deleted this many days after it was created, by a daily run at 02:30.
      </p>
      <form onSubmit={save.onSubmit} noValidate aria-label="Retention periods" key={JSON.stringify(rows)}>
        <ListTable
          list={{ rows, loading: policies.loading, problem: policies.problem }}
          caption="Retention per category"
          empty="No retention categories."
          head={
            <>
              <th>Category</th>
              <th>Days</th>
              <th>Bounds</th>
              <th>Why</th>
            </>
          }
          row={(p) => (
            <tr key={p.category}>
              <td>
                <strong>{categoryLabel(p.category)}</strong>
                <div className="muted">{p.what}</div>
              </td>
              <td>
                <Input
                  label={`Days to keep ${categoryLabel(p.category)}`}
                  name={`categories/${p.category}`}
                  type="number"
                  min={p.minimum}
                  max={p.maximum}
                  defaultValue={p.days}
                  hint={SOURCE_LABELS[p.source]}
                  problem={save.problem}
                />
              </td>
              <td>
                {p.minimum}–{p.maximum} days
              </td>
              <td>{p.why}</td>
            </tr>
          )}
        />
        <ProblemAlert problem={save.problem} />
        {saved && <Notice tone="success">Retention periods saved.</Notice>}
        {rows.length > 0 && (
          <button type="submit" className="primary" disabled={save.busy}>
            Save periods
          </button>
        )}
      </form>
    </Section>
  );
}

export function RetentionRuns() {
  const runs = usePaged('/v1/privacy/retention/runs', {}, 20);
  return (
    <Section title="Retention runs">
      <ListTable
        list={runs}
        caption="Retention runs, newest first"
        empty="No retention run yet: the first one runs tonight at 02:30."
        head={
          <>
            <th>Started</th>
            <th>Finished</th>
            <th>Erased or deleted</th>
            <th>Skipped for legal holds</th>
          </>
        }
        row={(r) => {
          const counts = Object.entries(r.counts).filter(([, n]) => n > 0);
          return (
            <tr key={r.id}>
              <td>{dateTime(r.startedAt)}</td>
              <td>
                {r.finishedAt ? dateTime(r.finishedAt) : 'running'}
                {r.finishedAt && !r.complete && <div className="muted">out of time; the next run goes on</div>}
              </td>
              <td>
                {counts.length ? counts.map(([c, n]) => `${categoryLabel(c)}: ${n}`).join(', ') : 'nothing was due'}
              </td>
              <td>
                {r.skipped.accountHold
                  ? 'the whole account'
                  : r.skipped.subjectHolds
                    ? `${r.skipped.subjectHolds} people`
                    : '—'}
              </td>
            </tr>
          );
        }}
      />
    </Section>
  );
}
