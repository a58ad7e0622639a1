// What data_coding 0 ("SMSC default alphabet", SMPP 3.4 section 5.2.19) means differs between
// SMSCs: GSM 03.38 on most, ISO-8859-1 (Latin-1) on some. A connector says which.
import { createRequire } from 'node:module';
import type { Encodings, MessageInput, Session } from 'smpp';
import type { DefaultAlphabet } from './connector-config.ts';

const setting = (createRequire(import.meta.url)('smpp') as { encodings: Encodings }).encodings;

/**
 * The `smpp` package decodes data_coding 0 with one process-wide setting (`encodings.default`).
 * For a session whose SMSC means Latin-1, switch that setting while the package parses the
 * session's PDUs (synchronously, in `_extractPDUs`) and put it back right after, so other
 * sessions are never affected. Outbound text for such SMSCs is encoded by `latin1Payload`.
 */
export function decodeDefaultAlphabetAs(session: Session, alphabet: DefaultAlphabet): void {
  if (alphabet === 'gsm7') return;
  const parser = session as unknown as { _extractPDUs(): void };
  const parse = parser._extractPDUs.bind(session);
  parser._extractPDUs = function extractAsLatin1(): void {
    const previous = setting.default;
    setting.default = 'LATIN1';
    try {
      parse();
    } finally {
      setting.default = previous;
    }
  };
  // The constructor bound the original to the socket's 'readable' event: route it through ours.
  for (const listener of session.socket.listeners('readable')) session.socket.off('readable', listener as () => void);
  session.socket.on('readable', () => parser._extractPDUs());
}

/** Latin-1 SMSCs cannot carry the GSM characters outside ISO-8859-1 (Δ Φ Γ Λ Ω Π Ψ Σ Θ Ξ €). */
export function fitsLatin1(text: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the range is all of Latin-1, control characters included.
  return !/[^\x00-\xff]/.test(text);
}

/** A part's short_message as Latin-1 octets: a Buffer goes out untouched by the package's own encoder. */
export function latin1Payload(input: MessageInput): MessageInput {
  if (typeof input === 'string') return Buffer.from(input, 'latin1');
  if (Buffer.isBuffer(input)) return input;
  return {
    udh: input.udh,
    message: typeof input.message === 'string' ? Buffer.from(input.message, 'latin1') : input.message,
  };
}
