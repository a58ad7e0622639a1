// The simulator's HTTP plumbing: Graph-shaped error answers and body reading.
import { randomBytes } from 'node:crypto';
import type http from 'node:http';

/** Requests above this are refused (Meta's largest media, documents, is 100 MB; the sandbox needs far less). */
export const MAX_BODY_BYTES = 32 * 1024 * 1024;

export interface Answer {
  status: number;
  json: unknown;
  headers?: Record<string, string>;
}

/** A Graph API error answer: `{ error: { message: "(#code) ...", type, code, error_subcode, error_data, fbtrace_id } }`. */
export class MetaError extends Error {
  readonly httpStatus: number;
  readonly code: number;
  readonly title: string;
  readonly opts: { details?: string; subcode?: number; type?: string; retryAfterSeconds?: number };

  constructor(httpStatus: number, code: number, title: string, opts: MetaError['opts'] = {}) {
    super(title);
    this.httpStatus = httpStatus;
    this.code = code;
    this.title = title;
    this.opts = opts;
  }

  answer(): Answer {
    const { details, subcode, type, retryAfterSeconds } = this.opts;
    return {
      status: this.httpStatus,
      headers: retryAfterSeconds !== undefined ? { 'retry-after': String(retryAfterSeconds) } : {},
      json: {
        error: {
          message: `(#${this.code}) ${this.title}`,
          type: type ?? 'OAuthException',
          code: this.code,
          ...(subcode !== undefined && { error_subcode: subcode }),
          ...(details !== undefined && { error_data: { messaging_product: 'whatsapp', details } }),
          fbtrace_id: fbtraceId(),
        },
      },
    };
  }
}

export const invalidParameter = (details: string) => new MetaError(400, 100, 'Invalid parameter', { details });
export const missingParameter = (details: string) =>
  new MetaError(400, 131008, 'Required parameter is missing', { details });
export const unknownObject = (method: string, id: string) =>
  new MetaError(
    400,
    100,
    `Unsupported ${method.toLowerCase()} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
    { subcode: 33, type: 'GraphMethodException' },
  );

export function fbtraceId(): string {
  return randomBytes(9).toString('base64url');
}

export async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new MetaError(413, 100, 'Request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function parseJsonBody(raw: Buffer): unknown {
  if (raw.length === 0) return {};
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw invalidParameter('The request body is not valid JSON');
  }
}

export function send(res: http.ServerResponse, a: Answer): void {
  res.writeHead(a.status, { 'content-type': 'application/json', ...a.headers }).end(JSON.stringify(a.json));
}

export type Json = Record<string, unknown>;

export function obj(v: unknown): Json | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined;
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}
