// The privacy officer's settings: the consent rule, manual approval of requests, the SMS
// keywords and their replies; then retention, legal holds, retention runs and the records of
// processing, each in its own section.
import { useState } from 'react';
import { api } from '../../api.ts';
import { useLoad } from '../../hooks.ts';
import { Input, Notice, PageHeader, ProblemAlert, Section, TextArea, text, useSubmit } from '../../ui.tsx';
import { RetentionPeriods, RetentionRuns } from './Retention.tsx';
import { LegalHolds } from './LegalHolds.tsx';
import { RecordsOfProcessing } from './RecordsOfProcessing.tsx';

const KEYWORDS = [
  { action: 'stop', label: 'STOP words', what: 'opt the person out of SMS marketing' },
  { action: 'start', label: 'START words', what: 'opt the person back in' },
  { action: 'help', label: 'HELP words', what: 'answer with your help text' },
] as const;

/** "STOP, stopall  END" → ["STOP", "stopall", "END"]. */
const wordsOf = (raw: string) => raw.split(/[\s,]+/).filter(Boolean);

export function PrivacySettings() {
  return (
    <>
      <PageHeader title="Privacy settings" />
      <ConsentAndKeywords />
      <RetentionPeriods />
      <LegalHolds />
      <RetentionRuns />
      <RecordsOfProcessing />
    </>
  );
}

function ConsentAndKeywords() {
  const settings = useLoad('/v1/privacy/settings');
  const [saved, setSaved] = useState(false);
  const save = useSubmit(async (f) => {
    setSaved(false);
    const per = (prefix: string, read: (v: string) => unknown) =>
      Object.fromEntries(KEYWORDS.map((k) => [k.action, read(text(f, `${prefix}/${k.action}`))]));
    await api('put', '/v1/privacy/settings', {
      body: {
        consentEnforcement: f.get('consentEnforcement') === 'on',
        manualApproval: f.get('manualApproval') === 'on',
        keywords: per('keywords', wordsOf),
        replies: per('replies', (v) => v),
      },
    });
    settings.reload();
    setSaved(true);
  });
  const s = settings.data;
  return (
    <Section title="Consent and requests">
      <ProblemAlert problem={settings.problem} />
      {s && (
        <form onSubmit={save.onSubmit} noValidate aria-label="Consent, requests and keywords" key={JSON.stringify(s)}>
          <div className="field">
            <label>
              <input type="checkbox" name="consentEnforcement" defaultChecked={s.consentEnforcement} /> Enforce consent:
              marketing needs a current grant for its channel
            </label>
            <div className="hint">Opt-outs, objections and restrictions always apply, whatever this says.</div>
          </div>
          <div className="field">
            <label>
              <input type="checkbox" name="manualApproval" defaultChecked={s.manualApproval} /> Approve privacy requests
              by hand before they run
            </label>
          </div>
          <h3>Keywords and replies</h3>
          <p className="muted">A word can mean only one thing. Words are matched without regard to case.</p>
          {KEYWORDS.map((k) => (
            <div className="inline-form" key={k.action}>
              <Input
                label={k.label}
                name={`keywords/${k.action}`}
                defaultValue={s.keywords[k.action].join(', ')}
                hint={`separated by commas; ${k.what}`}
                problem={save.problem}
              />
              <TextArea
                label={`Reply to ${k.action.toUpperCase()}`}
                name={`replies/${k.action}`}
                defaultValue={s.replies[k.action]}
                maxLength={306}
                problem={save.problem}
              />
            </div>
          ))}
          <ProblemAlert problem={save.problem} />
          {saved && <Notice tone="success">Privacy settings saved.</Notice>}
          <button type="submit" className="primary" disabled={save.busy}>
            Save settings
          </button>
        </form>
      )}
    </Section>
  );
}
