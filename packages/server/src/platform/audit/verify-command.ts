// `cx-engage audit verify [--account acc_…]`: exit 0 when every chain is intact, 1 otherwise.
import { parseArgs } from 'node:util';
import type { OperatorCommand } from '../operator-command.ts';
import { verifyAuditChains } from './verify.ts';

export const auditVerifyCommand: OperatorCommand = {
  name: 'audit verify',
  usage: 'audit verify [--account acc_…]',
  summary: 'check every account audit chain; exit 1 on an edited or deleted row',
  async run(ctx, args, out) {
    const { values } = parseArgs({ args, options: { account: { type: 'string' } } });
    const reports = await verifyAuditChains(ctx.sql, values.account ? { accountId: values.account } : {});
    for (const r of reports) {
      out(
        r.ok
          ? `ok      ${r.accountId} ${r.entries} entries`
          : `BROKEN  ${r.accountId} at seq ${r.brokenAtSeq}: ${r.reason}`,
      );
    }
    const broken = reports.filter((r) => !r.ok).length;
    out(broken ? `${broken} of ${reports.length} chains are broken` : `all ${reports.length} chains intact`);
    return broken ? 1 : 0;
  },
};
