// An invitation link (`/accept-invitation#token=…`): choose a name and a password, then sign in.
import { useNavigate } from 'react-router';
import { api } from '../../api.ts';
import { Input, ProblemAlert, text, useSubmit } from '../../ui.tsx';
import { AuthFrame, tokenFromHash } from './AuthFrame.tsx';
import { passwordHint, samePasswords } from './ResetPassword.tsx';

export function AcceptInvitation() {
  const navigate = useNavigate();
  const token = tokenFromHash();
  const form = useSubmit(async (f) => {
    samePasswords(f);
    await api('post', '/v1/auth/invitations/accept', {
      body: { token, name: text(f, 'name'), password: String(f.get('password')) },
    });
    navigate('/sign-in', {
      replace: true,
      state: { notice: 'Your account is ready. Sign in with your email and the new password.' },
    });
  });
  if (!token) {
    return (
      <AuthFrame title="Accept invitation">
        <ProblemAlert
          problem={{
            type: 'about:blank',
            title: 'This link is incomplete',
            status: 400,
            detail: 'open the link from the invitation email exactly as it was sent',
          }}
        />
      </AuthFrame>
    );
  }
  return (
    <AuthFrame title="Accept invitation">
      <p>Choose your name and a password to join the account.</p>
      <form onSubmit={form.onSubmit} noValidate>
        <ProblemAlert problem={form.problem} />
        <Input label="Your name" name="name" autoComplete="name" required problem={form.problem} />
        <Input
          label="Password"
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
        <button type="submit" className="primary" disabled={form.busy}>
          Create my user
        </button>
      </form>
    </AuthFrame>
  );
}
