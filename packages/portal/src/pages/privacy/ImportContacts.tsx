// Import contacts from a CSV file, optionally with the consent everyone on the list gave. The
// API takes 1,000 rows a request, all or nothing; a longer file goes in parts, in order, and
// stops at the first part refused. Importing again is safe: existing contacts are merged.
import { useState } from 'react';
import { ProblemError, type ContactImportResult } from '@cx-engage/sdk';
import { api, formProblem } from '../../api.ts';
import { CONSENT_CHANNELS } from '../../types.ts';
import { Input, Notice, ProblemAlert, Section, Select, chosen, text, useSubmit } from '../../ui.tsx';
import { parseContactsCsv } from './contact-csv.ts';

const PART = 1000;

type Totals = Pick<ContactImportResult, 'created' | 'updated' | 'skipped' | 'consentsRecorded'> & { rows: number };

const fileProblem = (detail: string) =>
  formProblem({ title: 'The file cannot be imported', detail, errors: [{ pointer: '/file', detail }] });

/** The API names rows by their index in the part (`/contacts/3/phone`); people know the file's lines. */
function byLine(err: unknown, lines: number[], start: number, imported: number): unknown {
  if (!(err instanceof ProblemError) || !err.problem.errors) return err;
  const lineErrors = err.problem.errors.map((e) => {
    const m = /^\/contacts\/(\d+)\/?(.*)$/.exec(e.pointer);
    return m
      ? `line ${lines[start + Number(m[1])]}${m[2] ? ` (${m[2].replaceAll('/', ' ')})` : ''}: ${e.detail}`
      : e.detail;
  });
  const before =
    imported > 0
      ? ` The ${imported} rows before line ${lines[start]} are imported; fix the file and import it again (existing contacts are merged).`
      : ' Nothing was imported.';
  return new ProblemError(
    { ...err.problem, title: 'Some rows were refused', detail: `${lineErrors.join('; ')}.${before}`, errors: [] },
    err.headers,
  );
}

export function ImportContacts({ onImported }: { onImported: () => void }) {
  const [done, setDone] = useState<Totals>();
  const [withConsent, setWithConsent] = useState(false);
  const upload = useSubmit(async (f) => {
    setDone(undefined);
    const file = f.get('file');
    if (!(file instanceof File) || file.size === 0)
      throw fileProblem('choose a CSV file whose first line names the columns');
    const { rows, lines } = parseContactsCsv(await file.text());
    if (rows.length === 0) throw fileProblem('the file has no rows under its header line');
    const consent = withConsent && {
      channel: chosen(f, 'channel', CONSENT_CHANNELS),
      purpose: text(f, 'purpose'),
      action: 'granted' as const,
      ...(text(f, 'evidence') && { evidence: text(f, 'evidence') }),
    };
    const totals: Totals = { rows: 0, created: 0, updated: 0, skipped: 0, consentsRecorded: 0 };
    for (let start = 0; start < rows.length; start += PART) {
      const contacts = rows.slice(start, start + PART).map((r) => (consent ? { ...r, consents: [consent] } : r));
      try {
        const r = await api('post', '/v1/contacts/import', {
          body: { contacts, existing: chosen(f, 'existing', ['merge', 'skip']) },
        });
        Object.assign(totals, {
          rows: totals.rows + contacts.length,
          created: totals.created + r.created,
          updated: totals.updated + r.updated,
          skipped: totals.skipped + r.skipped,
          consentsRecorded: totals.consentsRecorded + r.consentsRecorded,
        });
      } catch (err) {
        if (totals.rows > 0) onImported();
        throw byLine(err, lines, start, totals.rows);
      }
    }
    setDone(totals);
    onImported();
  });

  return (
    <Section title="Import contacts">
      <p className="muted">
        A CSV file with a header line: <code>phone</code>, <code>name</code>, <code>email</code>,{' '}
        <code>whatsappId</code>, <code>tags</code> (separated by <code>;</code>); any other column becomes an attribute.
        Empty cells change nothing.
      </p>
      <form onSubmit={upload.onSubmit} noValidate aria-label="Import contacts">
        <div className="inline-form">
          <Input label="CSV file" name="file" type="file" accept=".csv,text/csv" problem={upload.problem} />
          <Select label="Contacts that exist already" name="existing" defaultValue="merge">
            <option value="merge">Update them with the file's values</option>
            <option value="skip">Leave them as they are</option>
          </Select>
        </div>
        <label className="filter-toggle">
          <input type="checkbox" checked={withConsent} onChange={(e) => setWithConsent(e.target.checked)} /> Everyone on
          this list gave consent
        </label>
        {withConsent && (
          <div className="inline-form">
            <Select label="Channel" name="channel" defaultValue="sms">
              {CONSENT_CHANNELS.map((ch) => (
                <option key={ch} value={ch}>
                  {ch}
                </option>
              ))}
            </Select>
            <Input
              label="Purpose"
              name="purpose"
              defaultValue="marketing"
              hint="or your own, in lower case"
              problem={upload.problem}
            />
            <Input
              label="Evidence"
              name="evidence"
              hint="where and how this list's consent was collected (stored encrypted)"
              problem={upload.problem}
            />
          </div>
        )}
        <ProblemAlert problem={upload.problem} />
        {done && (
          <Notice tone="success">
            Imported {done.rows} rows: {done.created} created, {done.updated} updated, {done.skipped} left as they were
            {done.consentsRecorded > 0 && `, ${done.consentsRecorded} consents recorded`}.
          </Notice>
        )}
        <button type="submit" className="primary" disabled={upload.busy}>
          {upload.busy ? 'Importing…' : 'Import'}
        </button>
      </form>
    </Section>
  );
}
