// One contact: its details (editable), delete (asks again in place), consent per channel and
// purpose with the full ledger, a form to record a grant or withdrawal, and a way to file a
// privacy request about this person.
import { Fragment, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../api.ts';
import { useLoad } from '../../hooks.ts';
import { can, useMe } from '../../session.tsx';
import { CONSENT_CHANNELS, CONSENT_PURPOSES, CONSENT_SOURCES, type Contact } from '../../types.ts';
import {
  ConfirmButton,
  Input,
  ListTable,
  Notice,
  PageHeader,
  ProblemAlert,
  Section,
  Select,
  TextArea,
  chosen,
  dateTime,
  text,
  useSubmit,
} from '../../ui.tsx';
import { tagsOf } from './Contacts.tsx';
import { attributesText, parseAttributes } from './attributes.ts';

const orNull = (f: FormData, name: string) => text(f, name) || null;

export function ContactDetail() {
  const me = useMe();
  const navigate = useNavigate();
  const id = useParams().id ?? '';
  const contact = useLoad('/v1/contacts/{contactId}', { path: { contactId: id } });
  const consents = useLoad('/v1/contacts/{contactId}/consents', { path: { contactId: id } });
  const writes = can(me, 'contacts:write');
  const c = contact.data;
  return (
    <>
      <PageHeader title={c ? `Contact ${c.phone ?? c.email ?? ''}` : 'Contact'}>
        <Link to="/contacts">Back to contacts</Link>
        {c && can(me, 'privacy:manage') && (
          <Link className="button" to={`/privacy/requests?contactId=${c.id}`}>
            File a privacy request
          </Link>
        )}
        {c && writes && (
          <ConfirmButton
            label="Delete contact"
            confirmLabel="Yes, delete it"
            onConfirm={() =>
              api('delete', '/v1/contacts/{contactId}', { path: { contactId: id } }).then(() => navigate('/contacts'))
            }
          />
        )}
      </PageHeader>
      <ProblemAlert problem={contact.problem} />
      {c && (
        <div className="columns">
          <Section title="Details">
            <dl className="facts">
              <dt>Number</dt>
              <dd>{c.phone ?? '—'}</dd>
              <dt>Id</dt>
              <dd>
                <code>{c.id}</code>
              </dd>
              <dt>Created</dt>
              <dd>{dateTime(c.createdAt)}</dd>
              <dt>Changed</dt>
              <dd>{dateTime(c.updatedAt)}</dd>
              {Object.entries(c.attributes).map(([k, v]) => (
                <Fragment key={k}>
                  <dt>{k}</dt>
                  <dd>{String(v)}</dd>
                </Fragment>
              ))}
            </dl>
            {writes ? (
              <EditContact contact={c} onSaved={contact.reload} />
            ) : (
              <dl className="facts">
                <dt>Name</dt>
                <dd>{c.name ?? '—'}</dd>
                <dt>Email</dt>
                <dd>{c.email ?? '—'}</dd>
                <dt>WhatsApp id</dt>
                <dd>{c.whatsappId ?? '—'}</dd>
                <dt>Tags</dt>
                <dd>{c.tags.join(', ') || '—'}</dd>
              </dl>
            )}
          </Section>
          <Section title="Consent now">
            <ListTable
              list={{ rows: consents.data?.current ?? [], loading: consents.loading, problem: consents.problem }}
              caption="Current consent per channel and purpose"
              empty="No consent recorded yet."
              head={
                <>
                  <th>Channel</th>
                  <th>Purpose</th>
                  <th>State</th>
                </>
              }
              row={(s) => (
                <tr key={`${s.channel}/${s.purpose}`}>
                  <td>{s.channel}</td>
                  <td>{s.purpose}</td>
                  <td>
                    <span className={`badge badge-${s.granted ? 'granted' : 'withdrawn'}`}>
                      {s.granted ? 'granted' : 'withdrawn'}
                    </span>
                    <div className="muted">
                      since {dateTime(s.since)}, via {s.source}
                    </div>
                  </td>
                </tr>
              )}
            />
          </Section>
        </div>
      )}
      {c && writes && <RecordConsent contactId={c.id} onDone={consents.reload} />}
      {c && (
        <>
          <h2>Consent history</h2>
          <ListTable
            list={{ rows: consents.data?.history ?? [], loading: consents.loading, problem: consents.problem }}
            caption="Consent history, newest first"
            empty="No consent records."
            head={
              <>
                <th>Recorded</th>
                <th>Channel</th>
                <th>Purpose</th>
                <th>Action</th>
                <th>Source</th>
                <th>Evidence</th>
                <th>By</th>
              </>
            }
            row={(r) => (
              <tr key={r.id}>
                <td>{dateTime(r.recordedAt)}</td>
                <td>{r.channel}</td>
                <td>{r.purpose}</td>
                <td>
                  <span className={`badge badge-${r.action}`}>{r.action}</span>
                </td>
                <td>{r.source}</td>
                <td>{r.evidence ?? '—'}</td>
                <td>
                  {r.actor.type} <code>{r.actor.id}</code>
                </td>
              </tr>
            )}
          />
        </>
      )}
    </>
  );
}

function EditContact({ contact, onSaved }: { contact: Contact; onSaved: () => void }) {
  const [saved, setSaved] = useState(false);
  const save = useSubmit(async (f) => {
    setSaved(false);
    const attributes = parseAttributes(String(f.get('attributes') ?? ''), contact.attributes);
    await api('patch', '/v1/contacts/{contactId}', {
      path: { contactId: contact.id },
      body: {
        name: orNull(f, 'name'),
        email: orNull(f, 'email'),
        whatsappId: orNull(f, 'whatsappId'),
        tags: tagsOf(text(f, 'tags')),
        attributes,
      },
    });
    onSaved();
    setSaved(true);
  });
  return (
    <form onSubmit={save.onSubmit} noValidate aria-label="Edit details" key={contact.updatedAt}>
      <Input label="Name" name="name" defaultValue={contact.name ?? ''} problem={save.problem} />
      <Input label="Email" name="email" type="email" defaultValue={contact.email ?? ''} problem={save.problem} />
      <Input label="WhatsApp id" name="whatsappId" defaultValue={contact.whatsappId ?? ''} problem={save.problem} />
      <Input
        label="Tags"
        name="tags"
        defaultValue={contact.tags.join(', ')}
        hint="separated by commas"
        problem={save.problem}
      />
      <TextArea
        label="Attributes"
        name="attributes"
        rows={3}
        defaultValue={attributesText(contact.attributes)}
        hint="one per line, as key: value"
        problem={save.problem}
      />
      <ProblemAlert problem={save.problem} />
      {saved && <Notice tone="success">Details saved.</Notice>}
      <button type="submit" className="primary" disabled={save.busy}>
        Save details
      </button>
    </form>
  );
}

function RecordConsent({ contactId, onDone }: { contactId: string; onDone: () => void }) {
  const record = useSubmit(async (f) => {
    const evidence = text(f, 'evidence');
    await api('post', '/v1/contacts/{contactId}/consents', {
      path: { contactId },
      body: {
        channel: chosen(f, 'channel', CONSENT_CHANNELS),
        purpose: text(f, 'purpose'),
        action: chosen(f, 'action', ['granted', 'withdrawn']),
        source: chosen(f, 'source', CONSENT_SOURCES),
        ...(evidence && { evidence }),
      },
    });
    onDone();
  });
  return (
    <Section title="Record consent">
      <p className="muted">Records are never changed: a withdrawal is a new record after the grant.</p>
      <form onSubmit={record.onSubmit} noValidate aria-label="Record consent">
        <div className="inline-form">
          <Select label="Channel" name="channel" defaultValue="sms" problem={record.problem}>
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
            list="consent-purposes"
            hint="or your own, in lower case"
            problem={record.problem}
          />
          <datalist id="consent-purposes">
            {CONSENT_PURPOSES.map((p) => (
              <option key={p} value={p} />
            ))}
          </datalist>
          <Select label="Action" name="action" defaultValue="granted" problem={record.problem}>
            <option value="granted">granted</option>
            <option value="withdrawn">withdrawn</option>
          </Select>
          <Select label="Source" name="source" defaultValue="portal" problem={record.problem}>
            {CONSENT_SOURCES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </Select>
        </div>
        <TextArea
          label="Evidence"
          name="evidence"
          hint="how it was given or withdrawn: form, wording, recording (stored encrypted)"
          problem={record.problem}
        />
        <ProblemAlert problem={record.problem} />
        <button type="submit" className="primary" disabled={record.busy}>
          Record consent
        </button>
      </form>
    </Section>
  );
}
