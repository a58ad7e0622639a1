// Contacts: filter by number or tag (answered by the server page by page, filters in the URL)
// and create one or import a CSV file of them. A number that already has a contact opens that contact.
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api.ts';
import { usePaged } from '../../hooks.ts';
import { can, useMe } from '../../session.tsx';
import { ImportContacts } from './ImportContacts.tsx';
import {
  FilterForm,
  Input,
  ListTable,
  PageHeader,
  ProblemAlert,
  Section,
  dateTime,
  text,
  useSubmit,
} from '../../ui.tsx';

/** "vip, newsletter" → ["vip", "newsletter"]. */
export const tagsOf = (raw: string) =>
  raw
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);

export function Contacts() {
  const me = useMe();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const phone = params.get('phone') ?? '';
  const tag = params.get('tag') ?? '';
  const list = usePaged('/v1/contacts', { phone, tag }, 50);
  const create = useSubmit(async (f) => {
    const [phone, name, email] = [text(f, 'phone'), text(f, 'name'), text(f, 'email')];
    const contact = await api('post', '/v1/contacts', {
      body: { ...(phone && { phone }), ...(name && { name }), ...(email && { email }), tags: tagsOf(text(f, 'tags')) },
    });
    navigate(`/contacts/${contact.id}`);
  });
  return (
    <>
      <PageHeader title="Contacts" />
      {can(me, 'contacts:write') && (
        <Section title="Add a contact">
          <form className="inline-form" onSubmit={create.onSubmit} noValidate aria-label="Add a contact">
            <Input label="Phone number" name="phone" type="tel" placeholder="+4915112345678" problem={create.problem} />
            <Input label="Name" name="name" problem={create.problem} />
            <Input label="Email" name="email" type="email" problem={create.problem} />
            <Input label="Tags" name="tags" hint="separated by commas" problem={create.problem} />
            <button type="submit" className="primary" disabled={create.busy}>
              Add contact
            </button>
          </form>
          <ProblemAlert problem={create.problem} />
        </Section>
      )}
      {can(me, 'contacts:write') && <ImportContacts onImported={list.reload} />}
      <FilterForm label="Filter contacts" fields={['phone', 'tag']}>
        <Input
          label="Number"
          name="phone"
          type="tel"
          defaultValue={phone}
          placeholder="+4915112345678"
          problem={list.problem}
        />
        <Input label="Tag" name="tag" defaultValue={tag} problem={list.problem} />
      </FilterForm>
      <ListTable
        list={list}
        caption="Contacts"
        empty={
          params.size
            ? 'No contact matches these filters.'
            : 'No contacts yet. Add one, or send a live message to create one.'
        }
        head={
          <>
            <th>Number</th>
            <th>Name</th>
            <th>Email</th>
            <th>Tags</th>
            <th>Created</th>
          </>
        }
        row={(c) => (
          <tr key={c.id}>
            <td>
              <Link to={`/contacts/${c.id}`}>{c.phone ?? c.email ?? c.id}</Link>
            </td>
            <td>{c.name ?? '—'}</td>
            <td>{c.email ?? '—'}</td>
            <td>{c.tags.length ? c.tags.join(', ') : '—'}</td>
            <td>{dateTime(c.createdAt)}</td>
          </tr>
        )}
      />
    </>
  );
}
