// `cx-engage users reset-2fa <email>`: the way back in for a user who lost both the
// authenticator and the recovery codes. It needs access to the database (the same trust as
// running the server): it removes the user's second factor, ends their sessions, and audits it.
// Where two-factor is mandatory, the next sign-in leads straight to enrolling a new device.
import type { OperatorCommand } from '../platform/operator-command.ts';
import { resetTwoFactor } from './two-factor-service.ts';

export const resetTwoFactorCommand: OperatorCommand = {
  name: 'users reset-2fa',
  usage: 'users reset-2fa <email>',
  summary: "remove a user's two-factor authentication and end their sessions (they enrol again at the next sign-in)",
  async run(ctx, args, out) {
    const [email, ...extra] = args;
    if (!email || extra.length > 0) {
      out('usage: cx-engage users reset-2fa <email>');
      return 2;
    }
    const done = await resetTwoFactor(ctx, email);
    if (!done) {
      out(`no user with email ${email}`);
      return 1;
    }
    out(`two-factor authentication removed for ${email} (user ${done.userId}); ${done.sessions} session(s) ended`);
    return 0;
  },
};
