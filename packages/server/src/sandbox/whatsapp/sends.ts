// `POST /{phone-number-id}/messages` in the simulator: checks the request as Meta does
// (sync errors), answers with a wamid, then plays out the outcome in status webhooks. The
// outcomes by destination suffix are the table at the top of simulator.ts.
import { randomBytes } from 'node:crypto';
import type { Clock } from '../../platform/clock.ts';
import { templateParameterCheck } from '../../channels/whatsapp/templates.ts';
import type { TemplateComponentInput, TemplateParameter } from '../../channels/whatsapp/outbound.ts';
import type { TemplateStore } from './template-store.ts';
import { invalidParameter, MetaError, missingParameter, obj, str, type Answer, type Json } from './http.ts';

export const CUSTOMER_SERVICE_WINDOW_MS = 24 * 3600_000;
const TYPES = [
  'text',
  'template',
  'image',
  'document',
  'audio',
  'video',
  'sticker',
  'interactive',
  'reaction',
  'location',
  'contacts',
];
const MEDIA = ['image', 'document', 'audio', 'video', 'sticker'];

export type Outcome = 'delivered' | 'failed' | 'sent_then_failed' | 'sent_only' | 'window_closed';

export interface SimulatedSend {
  phoneNumberId: string;
  wamid: string;
  /** Digits, as Meta's wa_id. */
  to: string;
  type: string;
  body: Json;
  outcome: Outcome;
}

export interface StatusPlan {
  send: SimulatedSend;
  /** What to report, in order; each a status delay after the previous one. */
  steps: {
    status: 'sent' | 'delivered' | 'read' | 'failed';
    error?: { code: number; title: string; details: string };
  }[];
  /** Pricing category for the statuses: the template's, or `service` inside the window. */
  category: string;
  /** When Meta took the message (the clock option): statuses are stamped from it. */
  acceptedAt: Date;
}

export interface SendContext {
  clock: Clock;
  templates: TemplateStore;
  wabaOf: (phoneNumberId: string) => string | undefined;
  /** When the user last wrote to the number; undefined if never. */
  lastInbound: (phoneNumberId: string, waId: string) => Date | undefined;
  enforceWindow: boolean;
  retryAfterSeconds: number;
  /** Meta's throughput limit per business phone number (messages per second). */
  throughputPerSecond: number;
}

export function createSendHandler(ctx: SendContext, onAccepted: (plan: StatusPlan) => void) {
  const throttledOnce = new Set<string>();
  const sent: SimulatedSend[] = [];
  const buckets = new Map<string, { tokens: number; at: number }>();
  let throttled = 0;

  /**
   * A token bucket per phone number: `throughputPerSecond` tokens a second, holding at most one
   * second's worth, one per accepted send. Meta answers a send over the limit with HTTP 400 and
   * code 130429 (no Retry-After): the sender is to slow down. Real time, not the clock option,
   * which moves the 24-hour window in tests.
   */
  function takeToken(phoneNumberId: string): void {
    const rate = ctx.throughputPerSecond;
    const now = performance.now();
    const b = buckets.get(phoneNumberId) ?? { tokens: rate, at: now };
    b.tokens = Math.min(rate, b.tokens + ((now - b.at) * rate) / 1000);
    b.at = now;
    buckets.set(phoneNumberId, b);
    if (b.tokens < 1) {
      throttled++;
      throw new MetaError(400, 130429, 'Rate limit hit', { details: 'Cloud API message throughput has been reached.' });
    }
    b.tokens -= 1;
  }

  function handle(phoneNumberId: string, input: unknown): Answer {
    const body = obj(input);
    if (body?.messaging_product !== 'whatsapp')
      throw new MetaError(400, 100, 'The parameter messaging_product is required.');
    if (body.status === 'read') {
      if (!str(body.message_id)) throw missingParameter('The parameter message_id is required.');
      return { status: 200, json: { success: true } };
    }
    const to = typeof body.to === 'string' ? body.to.replace(/[^0-9]/g, '') : '';
    if (to.length < 6 || to.length > 15) throw invalidParameter('Parameter to must be a phone number');
    const type = str(body.type) ?? 'text';
    if (!TYPES.includes(type))
      throw new MetaError(400, 131051, 'Unsupported message type', {
        details: `Message type ${type} is not supported`,
      });
    const content = obj(body[type]);
    if (!content) throw missingParameter(`The parameter ${type} is required.`);
    const category = checkContent(phoneNumberId, type, content);

    const suffix = to.slice(-3);
    if (suffix === '904' && !throttledOnce.has(to)) {
      throttledOnce.add(to);
      throw new MetaError(429, 130429, 'Rate limit hit', {
        details: 'Cloud API message throughput has been reached.',
        retryAfterSeconds: ctx.retryAfterSeconds,
      });
    }
    if (suffix === '903')
      throw new MetaError(400, 131030, 'Recipient phone number not in allowed list', {
        details:
          'Recipient phone number not in allowed list: Add recipient phone number to recipient list and try again.',
      });

    takeToken(phoneNumberId);
    const wamid = `wamid.${randomBytes(24).toString('base64')}`;
    const outcome = outcomeFor(phoneNumberId, to, type, suffix);
    const record: SimulatedSend = { phoneNumberId, wamid, to, type, body, outcome };
    sent.push(record);
    onAccepted({ send: record, steps: STEPS[outcome], category, acceptedAt: ctx.clock.now() });
    return {
      status: 200,
      json: {
        messaging_product: 'whatsapp',
        contacts: [{ input: body.to, wa_id: to }],
        messages: [{ id: wamid, ...(type === 'template' && { message_status: 'accepted' }) }],
      },
    };
  }

  function outcomeFor(phoneNumberId: string, to: string, type: string, suffix: string): Outcome {
    // Outside the customer-service window only templates go (Meta accepts, then fails 131047).
    const last = ctx.lastInbound(phoneNumberId, to);
    const windowOpen = last !== undefined && ctx.clock.now().getTime() - last.getTime() < CUSTOMER_SERVICE_WINDOW_MS;
    if (ctx.enforceWindow && type !== 'template' && !windowOpen) return 'window_closed';
    if (suffix === '901') return 'failed';
    if (suffix === '902') return 'sent_then_failed';
    if (suffix === '905') return 'sent_only';
    return 'delivered';
  }

  /** Sync checks per type; returns the pricing category. */
  function checkContent(phoneNumberId: string, type: string, content: Json): string {
    if (type === 'text') {
      const text = typeof content.body === 'string' ? content.body : '';
      if (text.length === 0) throw missingParameter("The parameter text['body'] is required.");
      if ([...text].length > 4096) throw invalidParameter("Param text['body'] must be at most 4096 characters long.");
    } else if (MEDIA.includes(type) && (content.link === undefined) === (content.id === undefined)) {
      throw invalidParameter(`Please specify exactly one of ${type}['link'] or ${type}['id']`);
    } else if (type === 'interactive' && (!obj(content.action) || !str(content.type))) {
      throw missingParameter('The parameters interactive[type] and interactive[action] are required.');
    } else if (type === 'reaction' && !str(content.message_id)) {
      throw missingParameter("The parameter reaction['message_id'] is required.");
    } else if (type === 'template') {
      return checkTemplate(phoneNumberId, content);
    }
    return 'service';
  }

  function checkTemplate(phoneNumberId: string, content: Json): string {
    const name = str(content.name);
    const language = str(obj(content.language)?.code);
    if (!name || !language)
      throw missingParameter('The parameters template[name] and template[language][code] are required.');
    const t = ctx.templates.find(ctx.wabaOf(phoneNumberId), name, language);
    if (!t || t.status === 'PENDING' || t.status === 'REJECTED') {
      throw new MetaError(404, 132001, 'Template name does not exist in the translation', {
        details: `template name (${name}) does not exist in ${language}`,
      });
    }
    if (t.status === 'PAUSED')
      throw new MetaError(400, 132015, 'Template is paused', {
        details: `Template ${name} is paused due to low quality`,
      });
    if (t.status === 'DISABLED')
      throw new MetaError(400, 132016, 'Template is disabled', { details: `Template ${name} has been disabled` });
    const problems = templateParameterCheck(t.components, fromGraphComponents(content.components));
    if (problems.length) {
      throw new MetaError(400, 132000, 'Number of parameters does not match the expected number of params', {
        details: problems.map((p) => p.detail).join('; '),
      });
    }
    return t.category.toLowerCase();
  }

  return { handle, sent: () => [...sent], throttled: () => throttled };
}

const STEPS: Record<Outcome, StatusPlan['steps']> = {
  delivered: [{ status: 'sent' }, { status: 'delivered' }, { status: 'read' }],
  failed: [
    { status: 'failed', error: { code: 131026, title: 'Message undeliverable', details: 'Message Undeliverable.' } },
  ],
  sent_then_failed: [
    { status: 'sent' },
    { status: 'failed', error: { code: 131026, title: 'Message undeliverable', details: 'Message Undeliverable.' } },
  ],
  sent_only: [{ status: 'sent' }],
  window_closed: [
    {
      status: 'failed',
      error: {
        code: 131047,
        title: 'Re-engagement message',
        details:
          'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
      },
    },
  ],
};

/** Meta's snake_case components, enough for templateParameterCheck (counts, types, names, indexes). */
function fromGraphComponents(v: unknown): TemplateComponentInput[] {
  if (!Array.isArray(v)) return [];
  return v.map((c) => {
    const o = obj(c) ?? {};
    const parameters = (Array.isArray(o.parameters) ? o.parameters : []).map((p) => {
      const po = obj(p) ?? {};
      const name = str(po.parameter_name);
      return {
        ...po,
        type: str(po.type) ?? 'text',
        ...(name !== undefined && { parameterName: name }),
      } as unknown as TemplateParameter;
    });
    return {
      type: o.type as TemplateComponentInput['type'],
      ...(str(o.sub_type) && { subType: o.sub_type as TemplateComponentInput['subType'] }),
      ...(o.index !== undefined && { index: Number(o.index) }),
      parameters,
    };
  });
}
