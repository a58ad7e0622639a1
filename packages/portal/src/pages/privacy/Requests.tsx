// Data-subject requests: filter by status and type (in the URL, answered page by page), and
// file one. A contact's page links here with ?contactId= to file about that person.
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api.ts';
import { usePaged } from '../../hooks.ts';
import { REQUEST_STATUSES, REQUEST_TYPES, type PrivacyRequest } from '../../types.ts';
import {
  FilterForm,
  Input,
  ListTable,
  PageHeader,
  ProblemAlert,
  Section,
  Select,
  StatusBadge,
  TextArea,
  chosen,
  dateTime,
  text,
  useSubmit,
} from '../../ui.tsx';

export const typeLabel = (type: string) => type.replaceAll('_', ' ');

const SUBJECT_KINDS = [
  { value: 'phone', label: 'Phone number', input: 'tel' },
  { value: 'email', label: 'Email', input: 'email' },
  { value: 'contactId', label: 'Contact id', input: 'text' },
] as const;
const CHANGE_FIELDS = [
  { name: 'name', label: 'Corrected name' },
  { name: 'email', label: 'Corrected email' },
  { name: 'whatsappId', label: 'Corrected WhatsApp id' },
] as const;

export function Requests() {
  const [params] = useSearchParams();
  const status = params.get('status') ?? '';
  const type = params.get('type') ?? '';
  const list = usePaged('/v1/privacy/requests', { status, type }, 50);
  return (
    <>
      <PageHeader title="Privacy requests" />
      <FileRequest key={params.get('contactId')} contactId={params.get('contactId') ?? ''} />
      <FilterForm label="Filter requests" fields={['status', 'type']}>
        <Select label="Status" name="status" defaultValue={status} problem={list.problem}>
          <option value="">Any</option>
          {REQUEST_STATUSES.map((s) => (
            <option key={s} value={s}>
              {typeLabel(s)}
            </option>
          ))}
        </Select>
        <Select label="Type" name="type" defaultValue={type} problem={list.problem}>
          <option value="">Any</option>
          {REQUEST_TYPES.map((t) => (
            <option key={t} value={t}>
              {typeLabel(t)}
            </option>
          ))}
        </Select>
      </FilterForm>
      <ListTable
        list={list}
        caption="Privacy requests"
        empty={status || type ? 'No request matches these filters.' : 'No privacy requests yet.'}
        head={
          <>
            <th>Received</th>
            <th>Type</th>
            <th>Status</th>
            <th>Due</th>
            <th>Subject</th>
            <th>
              <span className="visually-hidden">Details</span>
            </th>
          </>
        }
        row={(r) => (
          <tr key={r.id}>
            <td>{dateTime(r.receivedAt)}</td>
            <td>{typeLabel(r.type)}</td>
            <td>
              <StatusBadge status={r.status} />
            </td>
            <td>
              {dateTime(r.dueAt)}
              {r.extension && <div className="muted">extended</div>}
            </td>
            <td>{subjectText(r.subject)}</td>
            <td>
              <Link
                to={`/privacy/requests/${r.id}`}
                aria-label={`Details of the ${typeLabel(r.type)} request received ${dateTime(r.receivedAt)}`}
              >
                Details
              </Link>
            </td>
          </tr>
        )}
      />
    </>
  );
}

export function subjectText(subject: PrivacyRequest['subject']): string {
  if (!subject) return 'erased';
  return subject.phone ?? subject.email ?? `contact ${subject.contactId}`;
}

function FileRequest({ contactId }: { contactId: string }) {
  const navigate = useNavigate();
  const [type, setType] = useState<string>('access');
  const [kind, setKind] = useState<string>(contactId ? 'contactId' : 'phone');
  const file = useSubmit(async (f) => {
    const note = text(f, 'note');
    const changes = Object.fromEntries(
      CHANGE_FIELDS.map((c) => [c.name, text(f, `changes/${c.name}`)]).filter(([, v]) => v),
    );
    const created = await api('post', '/v1/privacy/requests', {
      body: {
        type: chosen(f, 'type', REQUEST_TYPES),
        subject: { [kind]: text(f, `subject/${kind}`) },
        ...(note && { note }),
        ...(type === 'rectification' && { changes }),
      },
    });
    navigate(`/privacy/requests/${created.id}`);
  });
  const subject = SUBJECT_KINDS.find((k) => k.value === kind)!;
  return (
    <Section title="File a request">
      <form onSubmit={file.onSubmit} noValidate aria-label="File a request">
        <div className="inline-form">
          <Select
            label="Request type"
            name="type"
            value={type}
            onChange={(e) => setType(e.target.value)}
            problem={file.problem}
          >
            {REQUEST_TYPES.map((t) => (
              <option key={t} value={t}>
                {typeLabel(t)}
              </option>
            ))}
          </Select>
          <Select
            label="Identify the person by"
            name="subjectKind"
            value={kind}
            onChange={(e) => setKind(e.target.value)}
          >
            {SUBJECT_KINDS.map((k) => (
              <option key={k.value} value={k.value}>
                {k.label}
              </option>
            ))}
          </Select>
          <Input
            key={kind}
            label={subject.label}
            name={`subject/${kind}`}
            type={subject.input}
            defaultValue={kind === 'contactId' ? contactId : ''}
            problem={file.problem}
          />
        </div>
        {type === 'rectification' && (
          <fieldset className="inline-form">
            <legend>Corrections (only what changes)</legend>
            {CHANGE_FIELDS.map((c) => (
              <Input key={c.name} label={c.label} name={`changes/${c.name}`} problem={file.problem} />
            ))}
          </fieldset>
        )}
        <TextArea
          label="Note"
          name="note"
          hint="how the person asked, and how you checked who they are (stored encrypted)"
          problem={file.problem}
        />
        <ProblemAlert problem={file.problem} />
        <button type="submit" className="primary" disabled={file.busy}>
          File request
        </button>
      </form>
    </Section>
  );
}
