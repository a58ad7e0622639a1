// Boarding: a pending account becomes active only when its company details are complete, any
// deposit the operator required is held, and an operator accepts it in writing (text, signer,
// reference). Until then only its test keys work (sending-rule.ts). The acceptance is kept on
// the account, audited, and the billing profile is started from the company details.
import type { Context } from '../context.ts';
import type { Tx } from '../db/pool.ts';
import { P, Problem, type FieldError } from '../http/problem.ts';
import { heldDeposits } from '../billing/deposit-store.ts';
import { getCompanyDetails, missingCompanyDetails, type CompanyDetails } from './company.ts';
import { mutateAccount, recordChange, type Actor } from './service.ts';
import { recordBoardingAcceptance, updateAccount, type AccountRow } from './store.ts';

export interface Acceptance {
  text: string;
  signer: string;
  reference?: string | null | undefined;
}

export async function boardAccount(
  ctx: Context,
  actor: Actor,
  accountId: string,
  acceptance: Acceptance,
): Promise<AccountRow> {
  return mutateAccount(ctx, accountId, async (tx, current, at) => {
    if (current.status !== 'pending')
      throw new Problem(
        P['invalid-state'],
        `cannot board an account that is ${current.status} (allowed from: pending)`,
      );
    const company = await getCompanyDetails(tx, accountId);
    const missing = [...missingCompanyDetails(company), ...(await missingDeposit(tx, current))];
    if (missing.length > 0) {
      throw new Problem(
        P['invalid-state'],
        `the account cannot be boarded yet: ${missing.map((m) => m.detail).join('; ')}`,
        missing,
      );
    }
    const record = {
      text: acceptance.text,
      signer: acceptance.signer,
      reference: acceptance.reference ?? null,
      at: at.toISOString(),
    };
    await recordBoardingAcceptance(tx, accountId, record);
    const account = await updateAccount(tx, accountId, { status: 'active' }, at);
    await startBillingProfile(tx, accountId, company!, at);
    // The signer is named in the acceptance record on the account; audit entries carry no names.
    await recordChange(
      tx,
      actor,
      account,
      'account.board',
      'account.activated',
      `accepted in writing${record.reference ? ` (${record.reference})` : ''}`,
      at,
    );
    return account;
  });
}

async function missingDeposit(tx: Tx, account: AccountRow): Promise<FieldError[]> {
  if (account.depositRequiredMinor === null || !account.depositCurrency) return [];
  const held = (await heldDeposits(tx, account.id)).get(account.depositCurrency) ?? 0;
  if (held >= account.depositRequiredMinor) return [];
  return [
    {
      pointer: '/deposit',
      detail: `a deposit of ${account.depositRequiredMinor} ${account.depositCurrency} (minor units) is required; ${held} is held`,
    },
  ];
}

/** Invoices need a billing profile: the company details start one unless the operator made it already. */
async function startBillingProfile(tx: Tx, accountId: string, c: CompanyDetails, at: Date): Promise<void> {
  await tx`
    insert into billing_profiles (account_id, legal_name, address_lines, country, is_business, vat_id, email, updated_at)
    values (${accountId}, ${c.legalName}, ${c.addressLines}, ${c.country}, true, ${c.vatId}, ${c.contact.email}, ${at})
    on conflict (account_id) do nothing`;
}
