// Inbound messages the simulator injects, as a user's phone would send them: each kind in the
// shape of Meta's `messages` webhook (contacts with the profile name, one message object).
import { randomBytes } from 'node:crypto';
import type { MediaKind } from '../../channels/whatsapp/outbound.ts';
import type { MediaStore } from './media-store.ts';

interface InboundCommon {
  /** The business number the user writes to. */
  phoneNumberId: string;
  /** The user's number, E.164 with or without '+'. */
  from: string;
  /** Default: `Sandbox User`. */
  profileName?: string;
  /** Quote an earlier message (Meta's `context`). */
  replyToWamid?: string;
}

export type InboundSpec = InboundCommon &
  (
    | { kind: 'text'; text: string }
    | { kind: MediaKind; media: { bytes: Uint8Array; mimeType: string; caption?: string; filename?: string } }
    | {
        kind: 'interactive';
        reply: { type: 'button_reply' | 'list_reply'; id: string; title: string; description?: string };
      }
    | { kind: 'button'; button: { text: string; payload: string } }
    | { kind: 'reaction'; reaction: { messageId: string; emoji: string } }
    | { kind: 'location'; location: { latitude: number; longitude: number; name?: string; address?: string } }
    | { kind: 'contacts'; contacts: { name: string; phones: string[] }[] }
    | { kind: 'unsupported' }
  );

/** The `value` of a `messages` change for one inbound message, and its wamid. */
export function inboundValue(
  spec: InboundSpec,
  at: Date,
  media: MediaStore,
  displayPhoneNumber: string,
): { wamid: string; waId: string; value: object } {
  const waId = spec.from.replace(/[^0-9]/g, '');
  const wamid = `wamid.${randomBytes(24).toString('base64')}`;
  const message = {
    from: waId,
    id: wamid,
    timestamp: String(Math.floor(at.getTime() / 1000)),
    ...(spec.replyToWamid && { context: { from: displayPhoneNumber, id: spec.replyToWamid } }),
    ...kindFields(spec, media),
  };
  return {
    wamid,
    waId,
    value: {
      messaging_product: 'whatsapp',
      metadata: { display_phone_number: displayPhoneNumber, phone_number_id: spec.phoneNumberId },
      contacts: [{ profile: { name: spec.profileName ?? 'Sandbox User' }, wa_id: waId }],
      messages: [message],
    },
  };
}

function kindFields(spec: InboundSpec, media: MediaStore): object {
  switch (spec.kind) {
    case 'text':
      return { type: 'text', text: { body: spec.text } };
    case 'interactive':
      return {
        type: 'interactive',
        interactive: {
          type: spec.reply.type,
          [spec.reply.type]: {
            id: spec.reply.id,
            title: spec.reply.title,
            ...(spec.reply.description && { description: spec.reply.description }),
          },
        },
      };
    case 'button':
      return { type: 'button', button: { payload: spec.button.payload, text: spec.button.text } };
    case 'reaction':
      return {
        type: 'reaction',
        reaction: { message_id: spec.reaction.messageId, ...(spec.reaction.emoji && { emoji: spec.reaction.emoji }) },
      };
    case 'location':
      return { type: 'location', location: spec.location };
    case 'contacts':
      return {
        type: 'contacts',
        contacts: spec.contacts.map((c) => ({
          name: { formatted_name: c.name, first_name: c.name.split(' ')[0] },
          phones: c.phones.map((p) => ({ phone: p, wa_id: p.replace(/[^0-9]/g, ''), type: 'CELL' })),
        })),
      };
    case 'unsupported':
      return {
        type: 'unsupported',
        errors: [
          {
            code: 131051,
            title: 'Message type unknown',
            message: 'Message type unknown',
            error_data: { details: 'Message type is currently not supported.' },
          },
        ],
      };
    default: {
      const m = spec.media;
      const id = media.put(m.bytes, m.mimeType, m.filename ?? null);
      const sha256 = media.info(id, '')?.sha256;
      return {
        type: spec.kind,
        [spec.kind]: {
          id,
          mime_type: m.mimeType,
          sha256,
          ...(m.caption && { caption: m.caption }),
          ...(m.filename && { filename: m.filename }),
        },
      };
    }
  }
}
