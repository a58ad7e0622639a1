// Entry: the session, then the routes. Signed-out visitors see only the identity screens.
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import './styles.css';
import { SessionProvider, can, useSession } from './session.tsx';
import { Layout } from './Layout.tsx';
import { RoleGate } from './components/RoleGate.tsx';
import { SignIn } from './pages/auth/SignIn.tsx';
import { AcceptInvitation } from './pages/auth/AcceptInvitation.tsx';
import { ForgotPassword, ResetPassword } from './pages/auth/ResetPassword.tsx';
import { TwoFactorSetup } from './pages/auth/TwoFactorSetup.tsx';
import { Dashboard } from './pages/Dashboard.tsx';
import { SendMessage } from './pages/SendMessage.tsx';
import { MessageLog } from './pages/MessageLog.tsx';
import { MessageDetail } from './pages/MessageDetail.tsx';
import { ApiKeys } from './pages/ApiKeys.tsx';
import { Webhooks } from './pages/Webhooks.tsx';
import { Numbers } from './pages/Numbers.tsx';
import { Users } from './pages/Users.tsx';
import { Settings } from './pages/Settings.tsx';
import { OperatorAccounts } from './pages/operator/Accounts.tsx';
import { OperatorHome } from './pages/operator/Home.tsx';
import { Connectors } from './pages/operator/Connectors.tsx';
import { RoutesPage } from './pages/operator/Routes.tsx';
import { Approvals } from './pages/operator/Approvals.tsx';
import { Contacts } from './pages/privacy/Contacts.tsx';
import { ContactDetail } from './pages/privacy/ContactDetail.tsx';
import { Requests } from './pages/privacy/Requests.tsx';
import { RequestDetail } from './pages/privacy/RequestDetail.tsx';
import { PrivacySettings } from './pages/privacy/PrivacySettings.tsx';
import { Policies, PolicyDetail } from './pages/Policies.tsx';
import { NotFound } from './pages/NotFound.tsx';
import { Search } from './pages/Search.tsx';

/** Pages and the scope each needs; without it the page explains instead (components/RoleGate.tsx). */
const GATED: [path: string, scope: string, doing: string, page: ReactNode][] = [
  ['send', 'messages:write', 'send messages', <SendMessage />],
  ['messages', 'messages:read', 'read messages', <MessageLog />],
  ['messages/:id', 'messages:read', 'read messages', <MessageDetail />],
  ['api-keys', 'keys:manage', 'manage API keys', <ApiKeys />],
  ['webhook-endpoints', 'webhooks:manage', 'manage webhooks', <Webhooks />],
  ['numbers', 'numbers:read', 'see the numbers', <Numbers />],
  ['users', 'users:manage', 'manage users', <Users />],
  ['contacts', 'contacts:read', 'read contacts', <Contacts />],
  ['contacts/:id', 'contacts:read', 'read contacts', <ContactDetail />],
  ['privacy/requests', 'privacy:manage', 'handle privacy requests', <Requests />],
  ['privacy/requests/:id', 'privacy:manage', 'handle privacy requests', <RequestDetail />],
  ['privacy/settings', 'privacy:manage', 'change privacy settings', <PrivacySettings />],
  ['policies', 'account:manage', 'answer policy changes', <Policies />],
  ['policies/:id', 'account:manage', 'answer policy changes', <PolicyDetail />],
  ['search', 'messages:read', 'search', <Search />],
  ['operator/accounts', 'platform:read', 'see the platform', <OperatorAccounts />],
  ['operator/connectors', 'platform:read', 'see the platform', <Connectors />],
  ['operator/routes', 'platform:read', 'see the platform', <RoutesPage />],
  ['operator/approvals', 'platform:read', 'see the platform', <Approvals />],
];

function SignedIn() {
  const { me } = useSession();
  const location = useLocation();
  if (me === undefined)
    return (
      <p className="muted" role="status">
        Loading…
      </p>
    );
  if (me === null) return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  if (me.twoFactor.enrollmentRequired && location.pathname !== '/two-factor')
    return <Navigate to="/two-factor" replace />;
  return <Layout />;
}

function Home() {
  const { me } = useSession();
  return me?.account.isHouse && can(me, 'platform:read') ? <OperatorHome /> : <Dashboard />;
}

function App() {
  return (
    <Routes>
      <Route path="/sign-in" element={<SignIn />} />
      <Route path="/accept-invitation" element={<AcceptInvitation />} />
      <Route path="/forgot-password" element={<ForgotPassword />} />
      <Route path="/reset-password" element={<ResetPassword />} />
      <Route element={<SignedIn />}>
        <Route index element={<Home />} />
        <Route path="two-factor" element={<TwoFactorSetup />} />
        {GATED.map(([path, scope, doing, page]) => (
          <Route
            key={path}
            path={path}
            element={
              <RoleGate scope={scope} doing={doing}>
                {page}
              </RoleGate>
            }
          />
        ))}
        <Route path="settings" element={<Settings />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      <SessionProvider>
        <App />
      </SessionProvider>
    </BrowserRouter>
  </StrictMode>,
);
