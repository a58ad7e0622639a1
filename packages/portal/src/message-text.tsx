// What the portal shows of a message's text: the body while it is stored, otherwise why not.
import type { Message } from './types.ts';

const PREVIEW_CHARS = 40;

/** Why a message has no body, or undefined when it has one. */
export function missingText(m: Pick<Message, 'body' | 'storeContent' | 'contentErased'>): string | undefined {
  if (m.contentErased)
    return m.contentErased.reason === 'erasure' ? 'erased on request' : 'erased after its retention period';
  if (m.body !== null) return undefined;
  return m.storeContent ? 'no text' : 'not stored';
}

/** The first characters of the body (whole code points), for a list. */
export function TextPreview({ message }: { message: Pick<Message, 'body' | 'storeContent' | 'contentErased'> }) {
  const missing = missingText(message);
  if (missing !== undefined || message.body === null) return <span className="muted">{missing}</span>;
  const chars = Array.from(message.body);
  return (
    <span className="preview" title={message.body}>
      {chars.length > PREVIEW_CHARS ? `${chars.slice(0, PREVIEW_CHARS).join('')}…` : message.body}
    </span>
  );
}
