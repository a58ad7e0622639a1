// The queue of simulated inbound messages: POST /v1/sandbox/inbound adds one, the simulator's
// leader takes them. The body is sealed with the account's keyring like any message body.
import type { Context } from '../context.ts';
import { newId } from '../platform/ids.ts';

export interface SandboxInbound {
  channel: 'sms' | 'whatsapp';
  from: string;
  to: string;
  body: string;
}

/** True when `number` is the account's, with this channel (WhatsApp: the sandbox number only). */
export async function ownsNumberFor(
  ctx: Context,
  accountId: string,
  number: string,
  channel: SandboxInbound['channel'],
): Promise<boolean> {
  const [row] = await ctx.sql`
    select number from numbers where account_id = ${accountId} and number = ${number} and ${channel} = any(channels)
    ${channel === 'whatsapp' ? ctx.sql`and is_sandbox` : ctx.sql``}`;
  return row !== undefined;
}

/** Queues one request and wakes the leader; returns its id. */
export async function queueSandboxInbound(ctx: Context, accountId: string, m: SandboxInbound): Promise<string> {
  const at = ctx.clock.now();
  const id = newId('sbx', at);
  const body = await ctx.keyring.encrypt(accountId, m.body);
  await ctx.sql`insert into sandbox_inbound (account_id, id, channel, from_number, to_number, body, created_at)
                values (${accountId}, ${id}, ${m.channel}, ${m.from}, ${m.to}, ${body}, ${at})`;
  await ctx.sql`select pg_notify('cx_events', 'sandbox')`;
  return id;
}

/** Claims pending requests (the simulator's leader sends them) and opens their bodies. */
export async function takeSandboxInbound(ctx: Context): Promise<SandboxInbound[]> {
  const rows = await ctx.sql<(Omit<SandboxInbound, 'body'> & { accountId: string; body: Buffer })[]>`
    update sandbox_inbound set done_at = ${ctx.clock.now()}
    where (account_id, id) in (select account_id, id from sandbox_inbound where done_at is null order by created_at limit 100 for update skip locked)
    returning account_id as "accountId", channel, from_number as "from", to_number as "to", body`;
  return Promise.all(
    rows.map(async ({ accountId, body, ...m }) => ({
      ...m,
      body: (await ctx.keyring.decrypt(accountId, body)).toString('utf8'),
    })),
  );
}
