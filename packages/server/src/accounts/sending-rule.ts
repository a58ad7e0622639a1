// The contract's one rule for account-level refusals: a live key of an account that is not
// active, or any key of an account whose traffic is on hold, gets 403 naming the reason
// and nothing is created. Per-message policy (limits, consent, fraud) is not decided here:
// those messages are created with status `rejected` by their domains.
import { P, Problem } from '../http/problem.ts';
import type { Principal } from '../http/principal.ts';

export function assertAccountMaySend(principal: Principal): void {
  const { account, mode } = principal;
  if (account.trafficHold) {
    throw new Problem(
      P['traffic-hold'],
      'an operator stopped all traffic of this account (kill switch); contact support',
    );
  }
  if (mode === 'test' && account.status !== 'closed') return; // test keys reach only the sandbox
  switch (account.status) {
    case 'active':
      return;
    case 'pending':
      throw new Problem(
        P['account-pending'],
        'the account is being boarded: only test keys can send until an operator activates it',
      );
    case 'suspended':
      throw new Problem(P['account-suspended'], 'an operator suspended this account; live traffic is refused');
    case 'closed':
      throw new Problem(P['account-closed'], 'the account is closed');
  }
}
