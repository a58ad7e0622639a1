// The catalogue of message error codes: what a message's `error: { code, title, detail }` can
// say. Each domain declares its codes in its problems.ts with `defineMessageErrors`, next to
// its HTTP problem types, so docs/errors.md lists every code with the domain that records it.
import type { MessageError, MessageStatus } from './model.ts';

export interface MessageErrorSpec extends MessageError {
  /** The status the message ends in (or goes to) with this error. */
  status: MessageStatus;
  /** When it happens, in a sentence for the docs. */
  when: string;
}

export interface MessageErrorType extends MessageErrorSpec {
  domain: string;
}

const catalogue: MessageErrorType[] = [];

/**
 * Declares a domain's message error codes and returns them as plain MessageErrors (exactly
 * what is stored and shown). A code that stands for a family (`smpp_0x…`) is the template its
 * builder fills in.
 */
export function defineMessageErrors<const T extends Record<string, MessageErrorSpec>>(
  domain: string,
  errors: T,
): { [K in keyof T]: MessageError } {
  const out = {} as Record<string, MessageError>;
  for (const [name, spec] of Object.entries(errors)) {
    catalogue.push({ domain, ...spec });
    out[name] = { code: spec.code, title: spec.title, detail: spec.detail };
  }
  return out as { [K in keyof T]: MessageError };
}

export function messageErrorCatalogue(): MessageErrorType[] {
  return [...catalogue].sort((a, b) => a.code.localeCompare(b.code) || a.domain.localeCompare(b.domain));
}
