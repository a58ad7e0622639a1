// Who sends and who receives on WhatsApp, as one process sees it: the enabled WhatsApp
// connectors with their secrets opened, a Graph client each (one shared keep-alive agent),
// and the numbers mapped to a connector's phone number id. Reloaded every 5 s, like the
// SMPP connector pool, so configuration changes apply without a restart.
import type { Agent } from 'undici';
import type { Context } from '../../context.ts';
import { houseAccountId } from '../../accounts/store.ts';
import { GraphClient, createGraphAgent } from './graph-client.ts';
import type { WhatsAppConfig, WhatsAppSecrets } from './connector-config.ts';
import { createCache } from '../../db/cache.ts';

export interface WhatsAppConnector {
  id: string;
  /** The sandbox simulator's: the only one test keys reach. */
  sandbox: boolean;
  config: WhatsAppConfig;
  secrets: Partial<WhatsAppSecrets>;
  client: GraphClient | null;
}

export interface WhatsAppNumber {
  accountId: string;
  number: string;
  connectorId: string;
  phoneNumberId: string;
}

export interface WhatsAppDirectory {
  connector(id: string): Promise<WhatsAppConnector | undefined>;
  /** The business number a message is sent from. */
  sender(number: string): Promise<WhatsAppNumber | undefined>;
  /** The business number behind a connector's phone number id (inbound webhooks). */
  byPhoneNumberId(connectorId: string, phoneNumberId: string): Promise<WhatsAppNumber | undefined>;
  close(): Promise<void>;
}

export function createWhatsAppDirectory(ctx: Context, ttlMs = 5000): WhatsAppDirectory {
  const agent: Agent = createGraphAgent();
  const states = createCache<Promise<State>>({ ttlMs, maxEntries: 1 });
  let loadedAt = 0;
  const clients = new Map<string, { version: string; client: GraphClient }>();
  interface State {
    connectors: Map<string, WhatsAppConnector>;
    numbers: WhatsAppNumber[];
  }

  async function load(): Promise<State> {
    const house = await houseAccountId(ctx.sql);
    const rows = await ctx.sql<{ id: string; config: WhatsAppConfig; secret: Buffer | null; sandbox: boolean }[]>`
      select id, config, secret, is_sandbox as sandbox from connectors where kind = 'whatsapp' and enabled`;
    const connectors = new Map<string, WhatsAppConnector>();
    for (const row of rows) {
      const secrets = row.secret
        ? (JSON.parse((await ctx.keyring.decrypt(house, row.secret)).toString('utf8')) as Partial<WhatsAppSecrets>)
        : {};
      connectors.set(row.id, {
        id: row.id,
        sandbox: row.sandbox,
        config: row.config,
        secrets,
        client: clientFor(row.id, row.config, secrets),
      });
    }
    const numbers = await ctx.sql<WhatsAppNumber[]>`
      select account_id as "accountId", number, whatsapp_connector_id as "connectorId", phone_number_id as "phoneNumberId"
      from numbers where whatsapp_connector_id is not null and phone_number_id is not null`;
    return { connectors, numbers };
  }

  /** A client per connector, rebuilt when its URL, version or token changes. */
  function clientFor(id: string, config: WhatsAppConfig, secrets: Partial<WhatsAppSecrets>): GraphClient | null {
    if (!secrets.accessToken) return null;
    const version = `${config.graphBaseUrl}|${config.graphVersion}|${secrets.accessToken}`;
    const known = clients.get(id);
    if (known?.version === version) return known.client;
    const client = new GraphClient({
      baseUrl: config.graphBaseUrl,
      version: config.graphVersion,
      accessToken: secrets.accessToken,
      dispatcher: agent,
    });
    clients.set(id, { version, client });
    return client;
  }

  const state = (fresh = false): Promise<State> => {
    if (fresh) states.invalidate('all');
    return states.get('all', () => {
      loadedAt = Date.now();
      return load();
    });
  };

  /**
   * A miss is looked up again in a fresh load, so a connector or number added a moment ago is
   * found at once. `throttled`: at most one such reload a second (connector ids come from the
   * URL of Meta's public webhook route, before any signature is checked).
   */
  const lookup = async <T>(find: (s: State) => T | undefined, throttled = false): Promise<T | undefined> => {
    const hit = find(await state());
    if (hit !== undefined || (throttled && Date.now() - loadedAt < 1000)) return hit;
    return find(await state(true));
  };
  return {
    connector: (id) => lookup((s) => s.connectors.get(id), true),
    sender: (number) => lookup((s) => s.numbers.find((n) => n.number === number)),
    byPhoneNumberId: (connectorId, phoneNumberId) =>
      lookup((s) => s.numbers.find((n) => n.connectorId === connectorId && n.phoneNumberId === phoneNumberId)),
    async close() {
      await agent.close();
    },
  };
}
