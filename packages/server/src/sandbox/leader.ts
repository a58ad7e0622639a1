// Run by the messaging leader when the sandbox is on: the SMSC simulator on a free port, the
// `sandbox` connector pointed at it (created with a default '+' route on first start, so a
// fresh install delivers end to end), the WhatsApp Cloud API simulator (whatsapp-leader.ts),
// and the pump for POST /v1/sandbox/inbound requests.
import crypto from 'node:crypto';
import type { Context } from '../context.ts';
import { withTransaction } from '../db/tx.ts';
import { jsonb } from '../db/json.ts';
import { newId } from '../platform/ids.ts';
import { withDefaults } from '../channels/smpp/connector-config.ts';
import { houseAccountId } from '../accounts/store.ts';
import { startSmscSimulator, type SmscSimulator } from './smsc/simulator.ts';
import { takeSandboxInbound } from './inbound-store.ts';
import { leadWhatsAppSandbox, SANDBOX_PHONE_NUMBER_ID } from './whatsapp-leader.ts';
import type { WhatsAppSimulator } from './whatsapp/simulator.ts';

export const SANDBOX_SYSTEM_ID = 'cxsandbox';

export async function leadSandbox(ctx: Context, apiUrl: string): Promise<() => Promise<void>> {
  const password = crypto.randomBytes(6).toString('base64url').slice(0, 8);
  const smsc = await startSmscSimulator({
    systemId: SANDBOX_SYSTEM_ID,
    password,
    log: ctx.log.child({ component: 'sandbox-smsc' }),
  });
  await ensureSandboxConnector(ctx, smsc.port, password);
  const whatsapp = await leadWhatsAppSandbox(ctx, apiUrl);
  await ctx.sql`insert into cluster_state (key, value) values ('sandbox_smsc', ${ctx.sql.json({ port: smsc.port })})
                on conflict (key) do update set value = excluded.value, updated_at = now()`;
  let stopped = false;
  const pump = (async () => {
    while (!stopped) {
      await pumpInbound(ctx, smsc, whatsapp.simulator).catch((err: unknown) =>
        ctx.log.warn({ err }, 'sandbox inbound failed'),
      );
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  return async () => {
    stopped = true;
    await pump;
    await whatsapp.stop();
    await smsc.close();
  };
}

async function pumpInbound(ctx: Context, smsc: SmscSimulator, whatsapp: WhatsAppSimulator): Promise<void> {
  for (const m of await takeSandboxInbound(ctx)) {
    if (m.channel === 'whatsapp')
      await whatsapp.sendInbound({ phoneNumberId: SANDBOX_PHONE_NUMBER_ID, from: m.from, kind: 'text', text: m.body });
    else smsc.injectInbound({ from: m.from, to: m.to, text: m.body });
  }
}

export async function ensureSandboxConnector(ctx: Context, port: number, password: string): Promise<void> {
  const at = ctx.clock.now();
  const secret = await ctx.keyring.encrypt(await houseAccountId(ctx.sql), password);
  const config = withDefaults({
    host: '127.0.0.1',
    port,
    systemId: SANDBOX_SYSTEM_ID,
    windowSize: 100,
    enquireLinkSeconds: 30,
  });
  await withTransaction(ctx.sql, async (tx) => {
    const [existing] = await tx<
      { id: string }[]
    >`select id from connectors where is_sandbox and kind = 'smpp' for update`;
    if (existing) {
      await tx`update connectors set config = ${jsonb(tx, config)}, secret = ${secret}, updated_at = ${at} where id = ${existing.id}`;
      return;
    }
    const id = newId('con', at);
    await tx`insert into connectors (id, name, kind, enabled, config, secret, is_sandbox, created_at, updated_at)
             values (${id}, 'sandbox', 'smpp', true, ${jsonb(tx, config)}, ${secret}, true, ${at}, ${at})`;
    const [anyRoute] = await tx`select id from routes limit 1`;
    if (!anyRoute) {
      await tx`insert into routes (id, prefix, account_id, connectors, created_at)
               values (${newId('rte', at)}, '+', null, ${jsonb(tx, [{ connectorId: id, priority: 0, weight: 1 }])}, ${at})`;
    }
  });
}
