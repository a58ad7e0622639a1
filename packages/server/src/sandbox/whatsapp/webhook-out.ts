// Webhooks from the simulator to the platform, as Meta sends them: JSON POSTs signed with
// X-Hub-Signature-256 (HMAC-SHA256 of the raw body under the app secret), retried when the
// receiver does not answer 2xx (Meta retries for days; the sandbox a few times, quickly).
import { createHmac } from 'node:crypto';
import type { Logger } from 'pino';
import { Agent, request } from 'undici';

export interface WebhookOut {
  /** Resolves true once the receiver answered 2xx, false when every attempt failed or no URL is set. */
  post(payload: object): Promise<boolean>;
  close(): Promise<void>;
}

export function createWebhookOut(opts: {
  appSecret: string;
  url: () => string | null;
  retryDelaysMs: number[];
  log: Logger;
}): WebhookOut {
  const agent = new Agent({ headersTimeout: 10_000, bodyTimeout: 10_000, connect: { timeout: 10_000 } });
  const waits = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
  let closed = false;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const w = {
        timer: setTimeout(() => {
          waits.delete(w);
          resolve();
        }, ms),
        resolve,
      };
      waits.add(w);
    });

  async function attempt(url: string, body: string): Promise<boolean> {
    try {
      const res = await request(url, {
        method: 'POST',
        dispatcher: agent,
        body,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'facebookexternalua',
          'x-hub-signature-256': `sha256=${createHmac('sha256', opts.appSecret).update(body).digest('hex')}`,
        },
      });
      await res.body.dump();
      return res.statusCode >= 200 && res.statusCode < 300;
    } catch (err) {
      opts.log.debug({ err }, 'sandbox WhatsApp webhook attempt failed');
      return false;
    }
  }

  return {
    async post(payload) {
      const body = JSON.stringify(payload);
      for (let n = 0; n <= opts.retryDelaysMs.length && !closed; n++) {
        if (n > 0) await sleep(opts.retryDelaysMs[n - 1]!);
        const url = opts.url();
        if (!url || closed) return false;
        if (await attempt(url, body)) return true;
      }
      opts.log.warn('sandbox WhatsApp webhook not delivered after retries');
      return false;
    },
    async close() {
      closed = true;
      for (const w of waits) {
        clearTimeout(w.timer);
        w.resolve();
      }
      waits.clear();
      await agent.destroy();
    },
  };
}

/** Meta's envelope: one entry for the WABA, one change of `field`. */
export function webhookEnvelope(wabaId: string, field: string, value: object): object {
  return { object: 'whatsapp_business_account', entry: [{ id: wabaId, changes: [{ value, field }] }] };
}
