// What a finished request produced: an erasure's report (what went, and what stayed and why),
// an export's counts and its download while it lasts, or the outcome in plain words.
import { Fragment } from 'react';
import type { PrivacyRequest } from '../../types.ts';
import { ListTable, Section, dateTime } from '../../ui.tsx';

interface ErasureReport {
  erased: Record<string, number>;
  kept: { what: string; count: number; why: string }[];
}

const ERASED_LABELS: Record<string, string> = {
  messages: 'messages anonymized',
  messageContents: 'message texts and media deleted',
  contact: 'contact entries deleted',
  consentRecords: 'consent records deleted',
  requestDetails: 'requests about the person cleared',
};

const isErasureReport = (result: Record<string, unknown>): result is Record<string, unknown> & ErasureReport =>
  typeof result.erased === 'object' && Array.isArray(result.kept);

/** "messageContents" → "message contents". */
const words = (key: string) =>
  key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replaceAll('_', ' ')
    .toLowerCase();

function plain(value: unknown): string {
  if (Array.isArray(value)) return value.map(plain).join(', ');
  if (value && typeof value === 'object')
    return Object.entries(value)
      .map(([k, v]) => `${words(k)}: ${plain(v)}`)
      .join('; ');
  return String(value);
}

export function RequestResult({ request: r }: { request: PrivacyRequest }) {
  const exportLive = r.export && new Date(r.export.expiresAt) > new Date();
  if (!r.result && !r.export) return null;
  return (
    <Section title="Result">
      {r.export &&
        (exportLive ? (
          <p>
            <a className="button" href={r.export.url} download>
              Download the export (zip)
            </a>{' '}
            <span className="muted">available until {dateTime(r.export.expiresAt)}</span>
          </p>
        ) : (
          <p className="muted">
            The export expired on {dateTime(r.export.expiresAt)} and was deleted. File a new request for a fresh one.
          </p>
        ))}
      {r.result && isErasureReport(r.result) ? (
        <ErasureReportView report={r.result} />
      ) : (
        r.result && (
          <dl className="facts">
            {Object.entries(r.result).map(([k, v]) => (
              <Fragment key={k}>
                <dt>{words(k)}</dt>
                <dd>{plain(v)}</dd>
              </Fragment>
            ))}
          </dl>
        )
      )}
    </Section>
  );
}

function ErasureReportView({ report }: { report: ErasureReport }) {
  return (
    <>
      <h3>Erased</h3>
      <ListTable
        list={{ rows: Object.entries(report.erased), loading: false, problem: undefined }}
        caption="What the erasure removed"
        empty="Nothing was stored about the person."
        head={
          <>
            <th>What</th>
            <th>Count</th>
          </>
        }
        row={([what, count]) => (
          <tr key={what}>
            <td>{ERASED_LABELS[what] ?? words(what)}</td>
            <td>{count}</td>
          </tr>
        )}
      />
      <h3>Kept, and why</h3>
      <ListTable
        list={{ rows: report.kept, loading: false, problem: undefined }}
        caption="What the erasure kept, with the reason"
        empty="Nothing was kept."
        head={
          <>
            <th>What</th>
            <th>Count</th>
            <th>Why</th>
          </>
        }
        row={(k) => (
          <tr key={k.what}>
            <td>{k.what}</td>
            <td>{k.count}</td>
            <td>{k.why}</td>
          </tr>
        )}
      />
    </>
  );
}
