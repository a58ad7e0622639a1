// Company details for boarding. The terms make the services business-only, so a client gives
// its legal identity, a contact and a business-use declaration; an operator can only activate
// the account once they are complete (boarding.ts). An EU company must give its VAT id (it
// decides the invoice's VAT); elsewhere there may be none.
import type { Db } from '../db/pool.ts';
import type { FieldError } from '../http/problem.ts';
import { isEuMemberState } from '../billing/rules/vat.ts';

export interface CompanyDetails {
  legalName: string;
  addressLines: string[];
  country: string;
  vatId: string | null;
  contact: { name: string; email: string; phone: string | null };
  /** When the client declared it uses the services for business purposes; null = not declared. */
  businessUseDeclaredAt: string | null;
}

export interface CompanyInput {
  legalName: string;
  addressLines: string[];
  country: string;
  vatId?: string | null | undefined;
  contact: { name: string; email: string; phone?: string | null | undefined };
  businessUse: boolean;
}

export async function getCompanyDetails(db: Db, accountId: string): Promise<CompanyDetails | null> {
  const [row] = await db<
    {
      legalName: string;
      addressLines: string[];
      country: string;
      vatId: string | null;
      contactName: string;
      contactEmail: string;
      contactPhone: string | null;
      declaredAt: Date | null;
    }[]
  >`
    select legal_name as "legalName", address_lines as "addressLines", country, vat_id as "vatId", contact_name as "contactName",
           contact_email as "contactEmail", contact_phone as "contactPhone", business_use_declared_at as "declaredAt"
    from company_details where account_id = ${accountId}`;
  if (!row) return null;
  return {
    legalName: row.legalName,
    addressLines: row.addressLines,
    country: row.country,
    vatId: row.vatId,
    contact: { name: row.contactName, email: row.contactEmail, phone: row.contactPhone },
    businessUseDeclaredAt: row.declaredAt?.toISOString() ?? null,
  };
}

/** Stores the details; the declaration keeps its first date while it stays given. */
export async function saveCompanyDetails(
  db: Db,
  accountId: string,
  input: CompanyInput,
  declaredBy: string,
  at: Date,
): Promise<void> {
  await db`
    insert into company_details (account_id, legal_name, address_lines, country, vat_id, contact_name, contact_email, contact_phone,
                                 business_use_declared_at, declared_by, updated_at)
    values (${accountId}, ${input.legalName}, ${input.addressLines}, ${input.country}, ${input.vatId ?? null}, ${input.contact.name},
            ${input.contact.email}, ${input.contact.phone ?? null}, ${input.businessUse ? at : null}, ${input.businessUse ? declaredBy : null}, ${at})
    on conflict (account_id) do update set legal_name = excluded.legal_name, address_lines = excluded.address_lines, country = excluded.country,
      vat_id = excluded.vat_id, contact_name = excluded.contact_name, contact_email = excluded.contact_email, contact_phone = excluded.contact_phone,
      business_use_declared_at = case when ${input.businessUse} then coalesce(company_details.business_use_declared_at, excluded.business_use_declared_at) end,
      declared_by = case when ${input.businessUse} then coalesce(company_details.declared_by, excluded.declared_by) end,
      updated_at = excluded.updated_at`;
}

/** What is still missing before the account can be boarded, as pointers into the details. */
export function missingCompanyDetails(details: CompanyDetails | null): FieldError[] {
  if (!details) return [{ pointer: '/company', detail: 'no company details yet (PUT /v1/account/company)' }];
  const missing: FieldError[] = [];
  if (isEuMemberState(details.country) && !details.vatId)
    missing.push({ pointer: '/company/vatId', detail: `a company in ${details.country} (EU) must give its VAT id` });
  if (!details.businessUseDeclaredAt)
    missing.push({
      pointer: '/company/businessUse',
      detail: 'the client has not declared business use (the services are for businesses only)',
    });
  return missing;
}
