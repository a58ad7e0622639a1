// Records of processing (GDPR Art. 30) as the API generates them, readable on screen, and the
// same JSON to download for your files.
import { useMemo } from 'react';
import { useLoad } from '../../hooks.ts';
import { ListTable, ProblemAlert, Section, dateTime } from '../../ui.tsx';
import { categoryLabel } from './Retention.tsx';

function List({ items }: { items: string[] }) {
  return items.length ? (
    <ul className="plain">
      {items.map((i) => (
        <li key={i}>{i}</li>
      ))}
    </ul>
  ) : (
    <p className="muted">None.</p>
  );
}

export function RecordsOfProcessing() {
  const records = useLoad('/v1/privacy/records-of-processing');
  const r = records.data;
  // A data: link needs no object URL to revoke; the download attribute keeps it a download.
  const download = useMemo(
    () => (r ? `data:application/json;charset=utf-8,${encodeURIComponent(JSON.stringify(r, null, 2))}` : undefined),
    [r],
  );
  return (
    <Section title="Records of processing">
      <ProblemAlert problem={records.problem} />
      {r && (
        <>
          <p>
            Generated {dateTime(r.generatedAt)} from your configuration.{' '}
            <a className="button" href={download} download="records-of-processing.json">
              Download as JSON
            </a>
          </p>
          <dl className="facts">
            <dt>Controller</dt>
            <dd>{r.controller}</dd>
            <dt>Processor</dt>
            <dd>{r.processor}</dd>
          </dl>
          <h3>Processing activities</h3>
          {r.activities.map((a) => (
            <details key={a.name}>
              <summary>{a.name}</summary>
              <dl className="facts">
                <dt>Purposes</dt>
                <dd>
                  <List items={a.purposes} />
                </dd>
                <dt>Legal bases</dt>
                <dd>
                  <List items={a.legalBases} />
                </dd>
                <dt>Data subjects</dt>
                <dd>
                  <List items={a.dataSubjects} />
                </dd>
                <dt>Personal data</dt>
                <dd>
                  <List items={a.personalData} />
                </dd>
              </dl>
            </details>
          ))}
          <h3>Recipients</h3>
          <ListTable
            list={{ rows: r.recipients, loading: false, problem: undefined }}
            caption="Recipients of personal data"
            empty="No recipients."
            head={
              <>
                <th>Name</th>
                <th>Kind</th>
                <th>Role</th>
              </>
            }
            row={(x) => (
              <tr key={x.name}>
                <td>{x.name}</td>
                <td>{x.kind}</td>
                <td>{x.role}</td>
              </tr>
            )}
          />
          <h3>Transfers</h3>
          <List items={r.transfers} />
          <h3>Retention</h3>
          <List items={r.retention.map((p) => `${categoryLabel(p.category)}: ${p.days} days`)} />
          <h3>Security measures</h3>
          <List items={r.securityMeasures} />
        </>
      )}
    </Section>
  );
}
