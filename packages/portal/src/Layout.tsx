// The signed-in frame: skip link, header, navigation by role, main landmark.
import { useState, type FormEvent } from 'react';
import { NavLink, Outlet, useNavigate, useSearchParams } from 'react-router';
import { can, useSession, useMe } from './session.tsx';
import type { Me } from './types.ts';

const CLIENT_NAV = [
  { to: '/', label: 'Dashboard', scope: 'messages:read' },
  { to: '/send', label: 'Send a message', scope: 'messages:write' },
  { to: '/messages', label: 'Message log', scope: 'messages:read' },
  { to: '/api-keys', label: 'API keys', scope: 'keys:manage' },
  { to: '/webhook-endpoints', label: 'Webhooks', scope: 'webhooks:manage' },
  { to: '/numbers', label: 'Numbers', scope: 'numbers:read' },
  { to: '/users', label: 'Users', scope: 'users:manage' },
  { to: '/contacts', label: 'Contacts', scope: 'contacts:read' },
  { to: '/privacy/requests', label: 'Privacy requests', scope: 'privacy:manage' },
  { to: '/privacy/settings', label: 'Privacy settings', scope: 'privacy:manage' },
  { to: '/policies', label: 'Policies', scope: 'account:manage' },
];
const OPERATOR_NAV = [
  { to: '/operator/accounts', label: 'Accounts', scope: 'platform:read' },
  { to: '/operator/connectors', label: 'Connectors', scope: 'platform:read' },
  { to: '/operator/routes', label: 'Routes', scope: 'platform:read' },
  { to: '/operator/approvals', label: 'Approvals', scope: 'platform:read' },
];

interface NavGroup {
  title?: string;
  items: typeof CLIENT_NAV;
}

/**
 * Clients see their account. Operators see the platform, and below it the house account, which
 * is their own (its traffic is what the bootstrap keys send); their home replaces its dashboard.
 */
function navGroups(me: Me): NavGroup[] {
  if (me.twoFactor.enrollmentRequired) return [];
  const allowed = (items: typeof CLIENT_NAV) => items.filter((i) => i.scope === '' || can(me, i.scope));
  const settings = { to: '/settings', label: 'Settings', scope: '' };
  if (!me.account.isHouse) return [{ items: allowed([...CLIENT_NAV, settings]) }];
  return [
    { title: 'Platform', items: allowed([{ to: '/', label: 'Home', scope: 'platform:read' }, ...OPERATOR_NAV]) },
    {
      title: 'House account',
      items: allowed([...CLIENT_NAV.filter((i) => i.to !== '/' || !can(me, 'platform:read')), settings]),
    },
  ];
}

/** The search box: finds by id, phone number or email (pages/Search.tsx shows the results). */
function SearchBox() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const q = String(new FormData(e.currentTarget).get('q') ?? '').trim();
    if (q) navigate(`/search?q=${encodeURIComponent(q)}`);
  };
  return (
    <form role="search" className="search" onSubmit={onSubmit} key={params.get('q') ?? ''}>
      <label htmlFor="global-search" className="visually-hidden">
        Search
      </label>
      <input
        id="global-search"
        name="q"
        type="search"
        placeholder="Id, phone number or email"
        defaultValue={params.get('q') ?? ''}
        maxLength={100}
      />
      <button type="submit">Search</button>
    </form>
  );
}

export function Layout() {
  const me = useMe();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const groups = navGroups(me);
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <span className="brand">CX Engage</span>
        <button
          type="button"
          className="menu-toggle"
          aria-expanded={open}
          aria-controls="main-nav"
          onClick={() => setOpen(!open)}
        >
          Menu
        </button>
        {can(me, 'messages:read') && !me.twoFactor.enrollmentRequired && <SearchBox />}
        <span className="who">
          {me.user.name ?? me.user.email} · {me.account.name} · <span className="role">{me.user.role}</span>
        </span>
        <button type="button" onClick={() => void signOut().then(() => navigate('/sign-in'))}>
          Sign out
        </button>
      </header>
      <nav id="main-nav" className={open ? 'nav open' : 'nav'} aria-label="Main">
        {groups.map((g, n) => (
          <div key={n}>
            {g.title && (
              <div className="nav-group" id={`nav-group-${n}`}>
                {g.title}
              </div>
            )}
            <ul aria-labelledby={g.title ? `nav-group-${n}` : undefined}>
              {g.items.map((i) => (
                <li key={i.to}>
                  <NavLink to={i.to} end={i.to === '/'} onClick={() => setOpen(false)}>
                    {i.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </nav>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
