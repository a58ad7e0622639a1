// The sandbox WhatsApp Business Account, run by the messaging leader beside the SMSC simulator:
// the Cloud API simulator on a free port, a `sandbox-whatsapp` connector pointed at it (fresh
// secrets each start), the sandbox number mapped to its phone number id, and Meta's stock
// `hello_world` template approved, so a template can be sent right after start. Its webhooks
// go to `apiUrl`: this process's API, or the public URL when one is configured.
import crypto from 'node:crypto';
import type { Context } from '../context.ts';
import { withTransaction } from '../db/tx.ts';
import { jsonb } from '../db/json.ts';
import { newId } from '../platform/ids.ts';
import { houseAccountId } from '../accounts/store.ts';
import { whatsAppConfig } from '../channels/whatsapp/connector-config.ts';
import { startWhatsAppSimulator, type WhatsAppSimulator } from './whatsapp/simulator.ts';
import { createWhatsAppDirectory } from '../channels/whatsapp/directory.ts';
import { syncTemplates } from '../channels/whatsapp/template-service.ts';

export const SANDBOX_WABA_ID = '100000000000001';
export const SANDBOX_PHONE_NUMBER_ID = '100000000000002';

export async function leadWhatsAppSandbox(
  ctx: Context,
  apiUrl: string,
): Promise<{ simulator: WhatsAppSimulator; stop: () => Promise<void> }> {
  const secrets = {
    accessToken: `sbx_${crypto.randomBytes(16).toString('hex')}`,
    appSecret: crypto.randomBytes(16).toString('hex'),
    verifyToken: crypto.randomBytes(8).toString('hex'),
  };
  const [sandboxNumber] = await ctx.sql<
    { number: string }[]
  >`select number from numbers where is_sandbox and 'whatsapp' = any(channels) limit 1`;
  const simulator = await startWhatsAppSimulator({
    accessToken: secrets.accessToken,
    appSecret: secrets.appSecret,
    phoneNumbers: [
      {
        id: SANDBOX_PHONE_NUMBER_ID,
        wabaId: SANDBOX_WABA_ID,
        displayPhoneNumber: (sandboxNumber?.number ?? '').replace('+', ''),
      },
    ],
    log: ctx.log.child({ component: 'sandbox-whatsapp' }),
  });
  simulator.templates.add(SANDBOX_WABA_ID, {
    name: 'hello_world',
    language: 'en_US',
    category: 'UTILITY',
    components: [{ type: 'BODY', text: 'Hello {{1}}, welcome to CX Engage!' }],
  });
  const connectorId = await ensureConnector(ctx, simulator.url, secrets);
  simulator.setWebhookUrl(`${apiUrl.replace(/\/$/, '')}/webhooks/whatsapp/${connectorId}`);
  await ctx.sql`update numbers set whatsapp_connector_id = ${connectorId}, phone_number_id = ${SANDBOX_PHONE_NUMBER_ID}
                where is_sandbox and 'whatsapp' = any(channels)`;
  // hello_world is in our template list at once, not after the next 5-minute sync.
  const directory = createWhatsAppDirectory(ctx, 0);
  await syncTemplates(ctx, directory).catch((err: unknown) => ctx.log.warn({ err }, 'sandbox templates not synced'));
  await directory.close();
  return { simulator, stop: () => simulator.close() };
}

async function ensureConnector(ctx: Context, url: string, secrets: Record<string, string>): Promise<string> {
  const at = ctx.clock.now();
  const sealed = await ctx.keyring.encrypt(await houseAccountId(ctx.sql), JSON.stringify(secrets));
  const config = whatsAppConfig({ wabaId: SANDBOX_WABA_ID, graphBaseUrl: url, graphVersion: 'v21.0' });
  return withTransaction(ctx.sql, async (tx) => {
    const [existing] = await tx<
      { id: string }[]
    >`select id from connectors where is_sandbox and kind = 'whatsapp' for update`;
    if (existing) {
      await tx`update connectors set config = ${jsonb(tx, config)}, secret = ${sealed}, updated_at = ${at} where id = ${existing.id}`;
      return existing.id;
    }
    const id = newId('con', at);
    await tx`insert into connectors (id, name, kind, enabled, config, secret, is_sandbox, created_at, updated_at)
             values (${id}, 'sandbox-whatsapp', 'whatsapp', true, ${jsonb(tx, config)}, ${sealed}, true, ${at}, ${at})`;
    return id;
  });
}
