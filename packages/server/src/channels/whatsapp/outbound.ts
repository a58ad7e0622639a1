// WhatsApp content as our messages API takes it (camelCase, one field per kind beside `body`)
// and its translation into the Cloud API's JSON (PROTOCOLS.md, "WhatsApp Business Cloud
// API"). Pure: validation lives in validate.ts, template checks in templates.ts.

/** A media object by our URL (sent to Meta as `link`) or by an uploaded media id. */
export interface MediaRef {
  url?: string;
  id?: string;
}

export type MediaKind = 'image' | 'document' | 'audio' | 'video' | 'sticker';

export interface MediaContent extends MediaRef {
  kind: MediaKind;
  /** image, video and document only. */
  caption?: string;
  /** document only: the name the recipient sees. */
  filename?: string;
}

export type TemplateParameter =
  | { type: 'text'; text: string; parameterName?: string }
  | { type: 'currency'; currency: { fallbackValue: string; code: string; amount1000: number }; parameterName?: string }
  | { type: 'date_time'; dateTime: { fallbackValue: string }; parameterName?: string }
  | { type: 'image'; image: MediaRef }
  | { type: 'video'; video: MediaRef }
  | { type: 'document'; document: MediaRef & { filename?: string } }
  | { type: 'payload'; payload: string }
  | { type: 'coupon_code'; couponCode: string };

export interface TemplateComponentInput {
  type: 'header' | 'body' | 'button';
  /** Buttons: which kind of button the parameters fill. */
  subType?: 'quick_reply' | 'url' | 'copy_code';
  /** Buttons: position in the template's BUTTONS component, 0-9. */
  index?: number;
  parameters: TemplateParameter[];
}

export interface TemplateContent {
  name: string;
  /** Meta's language code, e.g. `en_US` or `de`. */
  language: string;
  components?: TemplateComponentInput[];
}

export type InteractiveHeader = { type: 'text'; text: string } | ({ type: 'image' | 'video' | 'document' } & MediaRef);

export interface ReplyButton {
  id: string;
  title: string;
}

export interface ListSection {
  /** Required when there is more than one section. */
  title?: string;
  rows: { id: string; title: string; description?: string }[];
}

export interface InteractiveContent {
  type: 'button' | 'list';
  header?: InteractiveHeader;
  body: { text: string };
  footer?: { text: string };
  /** `button`: `buttons`; `list`: `button` (the text of the button opening the list) and `sections`. */
  action: { buttons?: ReplyButton[]; button?: string; sections?: ListSection[] };
}

export interface ReactionContent {
  /** The wamid reacted to. */
  messageId: string;
  /** One emoji; the empty string removes an earlier reaction. */
  emoji: string;
}

export interface LocationContent {
  latitude: number;
  longitude: number;
  name?: string;
  address?: string;
}

/** The WhatsApp part of a message body: exactly one of these kinds (validate.ts enforces it). */
export interface WhatsAppFields {
  body?: string;
  previewUrl?: boolean;
  template?: TemplateContent;
  media?: MediaContent;
  interactive?: InteractiveContent;
  reaction?: ReactionContent;
  location?: LocationContent;
}

export type WhatsAppKind = 'text' | 'template' | 'media' | 'interactive' | 'reaction' | 'location';
export const CONTENT_FIELDS = ['body', 'template', 'media', 'interactive', 'reaction', 'location'] as const;

/** The kind of valid content, or undefined when none or several fields are set. */
export function whatsAppKind(c: WhatsAppFields): WhatsAppKind | undefined {
  const present = CONTENT_FIELDS.filter((f) => c[f] !== undefined);
  if (present.length !== 1) return undefined;
  return present[0] === 'body' ? 'text' : present[0];
}

/** Meta's send body (Cloud API "messages" endpoint); `type` names the one kind object present. */
export interface GraphMessage {
  messaging_product: 'whatsapp';
  recipient_type: 'individual';
  to: string;
  type: 'text' | 'template' | MediaKind | 'interactive' | 'reaction' | 'location';
  context?: { message_id: string };
  text?: { body: string; preview_url: boolean };
  template?: GraphTemplateObject;
  image?: GraphMediaObject;
  document?: GraphMediaObject;
  audio?: GraphMediaObject;
  video?: GraphMediaObject;
  sticker?: GraphMediaObject;
  interactive?: GraphInteractive;
  reaction?: { message_id: string; emoji: string };
  location?: { latitude: number; longitude: number; name?: string; address?: string };
}

export interface GraphMediaObject {
  link?: string;
  id?: string;
  caption?: string;
  filename?: string;
}

export type GraphParameter =
  | { type: 'text'; text: string; parameter_name?: string }
  | {
      type: 'currency';
      currency: { fallback_value: string; code: string; amount_1000: number };
      parameter_name?: string;
    }
  | { type: 'date_time'; date_time: { fallback_value: string }; parameter_name?: string }
  | { type: 'image'; image: GraphMediaObject }
  | { type: 'video'; video: GraphMediaObject }
  | { type: 'document'; document: GraphMediaObject }
  | { type: 'payload'; payload: string }
  | { type: 'coupon_code'; coupon_code: string };

export interface GraphTemplateObject {
  name: string;
  language: { code: string };
  components?: {
    type: 'header' | 'body' | 'button';
    sub_type?: string;
    index?: string;
    parameters: GraphParameter[];
  }[];
}

export interface GraphInteractive {
  type: 'button' | 'list';
  header?:
    | { type: 'text'; text: string }
    | { type: 'image'; image: GraphMediaObject }
    | { type: 'video'; video: GraphMediaObject }
    | { type: 'document'; document: GraphMediaObject };
  body: { text: string };
  footer?: { text: string };
  action:
    | { buttons: { type: 'reply'; reply: { id: string; title: string } }[] }
    | { button: string; sections: { title?: string; rows: { id: string; title: string; description?: string }[] }[] };
}

/**
 * The Cloud API body for valid content (run validateWhatsAppContent first). `to` is E.164;
 * Meta wants it without '+'. `replyToWamid` quotes an earlier message (Meta's `context`).
 */
export function toGraphMessage(to: string, content: WhatsAppFields, context?: { replyToWamid?: string }): GraphMessage {
  const kind = whatsAppKind(content);
  if (!kind) throw new Error('WhatsApp content must have exactly one kind');
  const base = {
    messaging_product: 'whatsapp' as const,
    recipient_type: 'individual' as const,
    to: to.replace(/^\+/, ''),
    ...(context?.replyToWamid && { context: { message_id: context.replyToWamid } }),
  };
  switch (kind) {
    case 'text':
      return { ...base, type: 'text', text: { body: content.body!, preview_url: content.previewUrl ?? false } };
    case 'template':
      return { ...base, type: 'template', template: graphTemplate(content.template!) };
    case 'media': {
      const m = content.media!;
      return {
        ...base,
        type: m.kind,
        [m.kind]: {
          ...graphMedia(m),
          ...(m.caption !== undefined && { caption: m.caption }),
          ...(m.filename !== undefined && { filename: m.filename }),
        },
      };
    }
    case 'interactive':
      return { ...base, type: 'interactive', interactive: graphInteractive(content.interactive!) };
    case 'reaction':
      return {
        ...base,
        type: 'reaction',
        reaction: { message_id: content.reaction!.messageId, emoji: content.reaction!.emoji },
      };
    case 'location': {
      const { latitude, longitude, name, address } = content.location!;
      return {
        ...base,
        type: 'location',
        location: {
          latitude,
          longitude,
          ...(name !== undefined && { name }),
          ...(address !== undefined && { address }),
        },
      };
    }
  }
}

function graphMedia(m: MediaRef): GraphMediaObject {
  return m.id !== undefined ? { id: m.id } : { link: m.url! };
}

function graphTemplate(t: TemplateContent): GraphTemplateObject {
  return {
    name: t.name,
    language: { code: t.language },
    ...(t.components && {
      components: t.components.map((c) => ({
        type: c.type,
        ...(c.subType !== undefined && { sub_type: c.subType }),
        // Meta's examples and SDKs send the button index as a string.
        ...(c.index !== undefined && { index: String(c.index) }),
        parameters: c.parameters.map(graphParameter),
      })),
    }),
  };
}

function graphParameter(p: TemplateParameter): GraphParameter {
  const name = 'parameterName' in p && p.parameterName !== undefined ? { parameter_name: p.parameterName } : {};
  switch (p.type) {
    case 'text':
      return { type: 'text', text: p.text, ...name };
    case 'currency':
      return {
        type: 'currency',
        currency: {
          fallback_value: p.currency.fallbackValue,
          code: p.currency.code,
          amount_1000: p.currency.amount1000,
        },
        ...name,
      };
    case 'date_time':
      return { type: 'date_time', date_time: { fallback_value: p.dateTime.fallbackValue }, ...name };
    case 'image':
      return { type: 'image', image: graphMedia(p.image) };
    case 'video':
      return { type: 'video', video: graphMedia(p.video) };
    case 'document':
      return {
        type: 'document',
        document: {
          ...graphMedia(p.document),
          ...(p.document.filename !== undefined && { filename: p.document.filename }),
        },
      };
    case 'payload':
      return { type: 'payload', payload: p.payload };
    case 'coupon_code':
      return { type: 'coupon_code', coupon_code: p.couponCode };
  }
}

function graphHeader(h: InteractiveHeader): NonNullable<GraphInteractive['header']> {
  switch (h.type) {
    case 'text':
      return { type: 'text', text: h.text };
    case 'image':
      return { type: 'image', image: graphMedia(h) };
    case 'video':
      return { type: 'video', video: graphMedia(h) };
    case 'document':
      return { type: 'document', document: graphMedia(h) };
  }
}

function graphInteractive(i: InteractiveContent): GraphInteractive {
  const header = i.header && graphHeader(i.header);
  const action: GraphInteractive['action'] =
    i.type === 'button'
      ? {
          buttons: (i.action.buttons ?? []).map((b) => ({
            type: 'reply' as const,
            reply: { id: b.id, title: b.title },
          })),
        }
      : { button: i.action.button!, sections: i.action.sections ?? [] };
  return {
    type: i.type,
    ...(header && { header }),
    body: { text: i.body.text },
    ...(i.footer && { footer: { text: i.footer.text } }),
    action,
  };
}
