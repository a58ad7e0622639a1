// Forgotten password: ask for a link by email, then set a new password from the link.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, formProblem } from '../../api.ts';
import { Input, Notice, ProblemAlert, text, useSubmit } from '../../ui.tsx';
import { AuthFrame, tokenFromHash } from './AuthFrame.tsx';

export const passwordHint = 'At least 12 characters, not your email address. Length matters more than symbols.';

/** Refuses a mistyped repetition before asking the server, named like the server names fields. */
export function samePasswords(f: FormData, field = 'password'): void {
  if (f.get(field) !== f.get('passwordAgain')) {
    throw formProblem({
      title: 'The passwords differ',
      errors: [{ pointer: '/passwordAgain', detail: 'must be the same as the password' }],
    });
  }
}

export function ForgotPassword() {
  const [sent, setSent] = useState(false);
  const form = useSubmit(async (f) => {
    await api('post', '/v1/auth/password-reset', { body: { email: text(f, 'email') } });
    setSent(true);
  });
  return (
    <AuthFrame title="Reset your password">
      {sent ? (
        <Notice tone="success">
          If a user has this email, a link to set a new password is on its way. It works for one hour.
        </Notice>
      ) : (
        <form onSubmit={form.onSubmit} noValidate>
          <ProblemAlert problem={form.problem} />
          <Input label="Email" name="email" type="email" autoComplete="username" required problem={form.problem} />
          <button type="submit" className="primary" disabled={form.busy}>
            Email me a link
          </button>
        </form>
      )}
      <p>
        <Link to="/sign-in">Back to sign in</Link>
      </p>
    </AuthFrame>
  );
}

export function ResetPassword() {
  const navigate = useNavigate();
  const token = tokenFromHash();
  const form = useSubmit(async (f) => {
    samePasswords(f);
    await api('post', '/v1/auth/password-reset/confirm', { body: { token, password: String(f.get('password')) } });
    navigate('/sign-in', {
      replace: true,
      state: { notice: 'Your password is set. Sign in with it; your other sessions were ended.' },
    });
  });
  return (
    <AuthFrame title="Choose a new password">
      <form onSubmit={form.onSubmit} noValidate>
        <ProblemAlert problem={form.problem} />
        <Input
          label="New password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={12}
          problem={form.problem}
          hint={passwordHint}
        />
        <Input
          label="Repeat the password"
          name="passwordAgain"
          type="password"
          autoComplete="new-password"
          required
          problem={form.problem}
        />
        <button type="submit" className="primary" disabled={form.busy || !token}>
          Set password
        </button>
      </form>
    </AuthFrame>
  );
}
