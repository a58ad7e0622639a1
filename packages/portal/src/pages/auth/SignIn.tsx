// Sign in: email and password, then a TOTP or recovery code when the user has two-factor on.
import { useState } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { api } from '../../api.ts';
import { useSession } from '../../session.tsx';
import { Input, Notice, ProblemAlert, text, useSubmit } from '../../ui.tsx';
import { AuthFrame } from './AuthFrame.tsx';

export function SignIn() {
  const { me, refresh } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const state = location.state as { from?: string; notice?: string } | null;
  const [challenge, setChallenge] = useState<string>();
  const [useRecovery, setUseRecovery] = useState(false);

  const done = async () => {
    const next = await refresh();
    navigate(next?.twoFactor.enrollmentRequired ? '/two-factor' : (state?.from ?? '/'), { replace: true });
  };
  const password = useSubmit(async (f) => {
    const answer = await api('post', '/v1/auth/login', {
      body: { email: text(f, 'email'), password: String(f.get('password') ?? '') },
    });
    if (answer.twoFactorRequired && answer.challengeId) setChallenge(answer.challengeId);
    else await done();
  });
  const code = useSubmit(async (f) => {
    const second = useRecovery ? { recoveryCode: text(f, 'recoveryCode') } : { code: text(f, 'code') };
    await api('post', '/v1/auth/login/2fa', { body: { challengeId: challenge ?? '', ...second } });
    await done();
  });

  if (me && !challenge) return <Navigate to="/" replace />;
  if (challenge) {
    return (
      <AuthFrame title="Two-factor authentication">
        <form onSubmit={code.onSubmit} noValidate>
          <ProblemAlert problem={code.problem} />
          {useRecovery ? (
            <Input
              label="Recovery code"
              name="recoveryCode"
              autoComplete="off"
              required
              problem={code.problem}
              hint="One of the codes you saved when you turned on two-factor; each works once."
            />
          ) : (
            <Input
              label="Authentication code"
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]{6}"
              maxLength={6}
              required
              autoFocus
              problem={code.problem}
              hint="The 6-digit code from your authenticator app."
            />
          )}
          <button type="submit" className="primary" disabled={code.busy}>
            Verify
          </button>
        </form>
        <p>
          <button type="button" className="link" onClick={() => setUseRecovery(!useRecovery)}>
            {useRecovery ? 'Use a code from the authenticator app' : 'Use a recovery code instead'}
          </button>
        </p>
      </AuthFrame>
    );
  }
  return (
    <AuthFrame title="Sign in">
      {state?.notice && <Notice tone="success">{state.notice}</Notice>}
      <form onSubmit={password.onSubmit} noValidate>
        <ProblemAlert problem={password.problem} />
        <Input
          label="Email"
          name="email"
          type="email"
          autoComplete="username"
          required
          autoFocus
          problem={password.problem}
        />
        <Input
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          problem={password.problem}
        />
        <button type="submit" className="primary" disabled={password.busy}>
          Sign in
        </button>
      </form>
      <p>
        <Link to="/forgot-password">Forgot your password?</Link>
      </p>
    </AuthFrame>
  );
}
