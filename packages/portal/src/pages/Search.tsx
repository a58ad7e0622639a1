// Results of the search box (GET /v1/search): things found by id, phone number or email, and for
// operators accounts and connectors by name. Never by what a message says.
import { Link, useSearchParams } from 'react-router';
import { useLoad } from '../hooks.ts';
import { useMe } from '../session.tsx';
import type { Me, SearchHit as Hit } from '../types.ts';
import { PageHeader, ProblemAlert } from '../ui.tsx';

const KIND = {
  message: 'Message',
  contact: 'Contact',
  number: 'Number',
  webhook_endpoint: 'Webhook endpoint',
  account: 'Account',
  connector: 'Connector',
};

/** Where a hit opens: the page that shows it (another account's number: the accounts page). */
function linkOf(hit: Hit, me: Me): string {
  switch (hit.kind) {
    case 'message':
      return `/messages/${hit.id}`;
    case 'contact':
      return `/contacts/${hit.id}`;
    case 'number':
      return hit.accountId === me.account.id ? '/numbers' : `/operator/accounts#${hit.accountId}`;
    case 'webhook_endpoint':
      return '/webhook-endpoints';
    case 'account':
      return `/operator/accounts#${hit.id}`;
    case 'connector':
      return '/operator/connectors';
  }
}

export function Search() {
  const me = useMe();
  const [params] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const found = useLoad(q ? '/v1/search' : null, { query: { q } });
  const hits = found.data?.data ?? [];
  return (
    <>
      <PageHeader title="Search" />
      <p className="muted">
        Finds messages, contacts, numbers and webhook endpoints by their id, a phone number or a contact&rsquo;s email
        {me.account.isHouse ? ', and accounts and connectors by id or name' : ''}. It never searches what messages say.
      </p>
      <ProblemAlert problem={found.problem} />
      {!q && <p className="empty">Type an id, a phone number or an email in the search box.</p>}
      {q && found.loading && !found.data && (
        <p className="muted" role="status">
          Searching…
        </p>
      )}
      {q && found.data && hits.length === 0 && <p className="empty">Nothing found for &ldquo;{q}&rdquo;.</p>}
      {hits.length > 0 && (
        <ul className="hits" aria-label="Search results">
          {hits.map((h) => (
            <li key={`${h.kind}:${h.id}`} className="card">
              <span className="badge">{KIND[h.kind]}</span> <Link to={linkOf(h, me)}>{h.title}</Link>
              {h.detail && <span className="muted"> · {h.detail}</span>}
              <div>
                <code>{h.id}</code>
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
