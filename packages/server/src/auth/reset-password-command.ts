// `cx-engage operator reset-password`: the way back in when the operator password is lost.
// It needs access to the database (the same trust as running the server), prints the new
// password once, and audits the reset.
import { parseArgs } from 'node:util';
import type { OperatorCommand } from '../platform/operator-command.ts';
import { withTransaction } from '../db/tx.ts';
import { appendAudit } from '../platform/audit/log.ts';
import { generatePassword, hashPassword } from './passwords.ts';
import { ADMIN_EMAIL } from './roles.ts';

export const resetPasswordCommand: OperatorCommand = {
  name: 'operator reset-password',
  usage: 'operator reset-password [--email E]',
  summary: `set a new password for an operator user (default ${ADMIN_EMAIL}) and print it once`,
  async run(ctx, args, out) {
    const { values } = parseArgs({ args, options: { email: { type: 'string', default: ADMIN_EMAIL } } });
    const email = values.email;
    const password = generatePassword();
    const hash = await hashPassword(password);
    const user = await withTransaction(ctx.sql, async (tx) => {
      const [u] = await tx<{ accountId: string; id: string }[]>`
        update users set password_hash = ${hash}
        where lower(email) = lower(${email}) and role in ('operator', 'operator_readonly')
        returning account_id as "accountId", id`;
      if (!u) return undefined;
      await appendAudit(tx, {
        accountId: u.accountId,
        actor: { type: 'system', id: 'cli' },
        action: 'user.password_reset',
        target: { type: 'user', id: u.id },
        at: ctx.clock.now(),
      });
      return u;
    });
    if (!user) {
      out(`no operator user with email ${email}`);
      return 1;
    }
    out(`new password for ${email}: ${password}`);
    out('It is shown only now. Sign in and change it.');
    return 0;
  },
};
