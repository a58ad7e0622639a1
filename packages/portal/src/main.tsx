// Entry: the session, then the routes. Signed-out visitors see only the identity screens.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import './styles.css';
import { SessionProvider, useSession } from './session.tsx';
import { Layout } from './Layout.tsx';
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

function SignedIn() {
  const { me } = useSession();
  const location = useLocation();
  if (me === undefined) return <p className="muted" role="status">Loading…</p>;
  if (me === null) return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  if (me.twoFactor.enrollmentRequired && location.pathname !== '/two-factor') return <Navigate to="/two-factor" replace />;
  return <Layout />;
}

function Home() {
  const { me } = useSession();
  return me?.account.isHouse ? <Navigate to="/operator/accounts" replace /> : <Dashboard />;
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
        <Route path="send" element={<SendMessage />} />
        <Route path="messages" element={<MessageLog />} />
        <Route path="messages/:id" element={<MessageDetail />} />
        <Route path="api-keys" element={<ApiKeys />} />
        <Route path="webhook-endpoints" element={<Webhooks />} />
        <Route path="numbers" element={<Numbers />} />
        <Route path="users" element={<Users />} />
        <Route path="contacts" element={<Contacts />} />
        <Route path="contacts/:id" element={<ContactDetail />} />
        <Route path="privacy/requests" element={<Requests />} />
        <Route path="privacy/requests/:id" element={<RequestDetail />} />
        <Route path="privacy/settings" element={<PrivacySettings />} />
        <Route path="policies" element={<Policies />} />
        <Route path="policies/:id" element={<PolicyDetail />} />
        <Route path="settings" element={<Settings />} />
        <Route path="operator/accounts" element={<OperatorAccounts />} />
        <Route path="operator/connectors" element={<Connectors />} />
        <Route path="operator/routes" element={<RoutesPage />} />
        <Route path="operator/approvals" element={<Approvals />} />
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
