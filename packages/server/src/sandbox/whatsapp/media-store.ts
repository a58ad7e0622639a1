// Media in memory, as the Cloud API serves it: `POST /{phone-number-id}/media` (multipart,
// `messaging_product=whatsapp`, `file`, `type`) gives an id; `GET /{media-id}` gives a short-
// lived download URL (on another path here, another host at Meta) that still needs the token.
import { createHash, randomBytes } from 'node:crypto';
import { MetaError, missingParameter, invalidParameter, type Json } from './http.ts';

interface StoredMedia {
  id: string;
  bytes: Buffer;
  mimeType: string;
  filename: string | null;
  sha256: string;
}

export interface MediaStore {
  put(bytes: Uint8Array, mimeType: string, filename: string | null): string;
  /** Parses the multipart upload; answers `{ id }`. */
  upload(contentType: string | undefined, raw: Buffer): Promise<{ id: string }>;
  /** `GET /{media-id}`; undefined for an unknown id. */
  info(id: string, baseUrl: string): Json | undefined;
  /** The bytes behind a download URL's path and query. */
  download(id: string, hash: string | null): StoredMedia | undefined;
}

export function createMediaStore(): MediaStore {
  const media = new Map<string, StoredMedia>();
  // Download URLs carry a hash, like Meta's lookaside URLs, so they cannot be guessed from the id.
  const hashKey = randomBytes(16);
  const hashOf = (id: string) => createHash('sha256').update(hashKey).update(id).digest('base64url').slice(0, 22);
  let nextId = 7_000_000_000_000;

  function put(bytes: Uint8Array, mimeType: string, filename: string | null): string {
    const id = String(nextId++);
    const buf = Buffer.from(bytes);
    media.set(id, { id, bytes: buf, mimeType, filename, sha256: createHash('sha256').update(buf).digest('hex') });
    return id;
  }

  return {
    put,
    async upload(contentType, raw) {
      if (!contentType?.startsWith('multipart/form-data'))
        throw invalidParameter('Upload media as multipart/form-data');
      let form: FormData;
      try {
        form = await new Response(new Uint8Array(raw), { headers: { 'content-type': contentType } }).formData();
      } catch {
        throw invalidParameter('The multipart body could not be parsed');
      }
      if (form.get('messaging_product') !== 'whatsapp')
        throw new MetaError(400, 100, 'The parameter messaging_product is required.');
      const file = form.get('file');
      if (!(file instanceof Blob)) throw missingParameter('The parameter file is required.');
      const type = form.get('type');
      const mimeType = typeof type === 'string' && type ? type : file.type;
      if (!mimeType) throw missingParameter('The parameter type is required.');
      const filename = file instanceof File && file.name ? file.name : null;
      return { id: put(new Uint8Array(await file.arrayBuffer()), mimeType, filename) };
    },
    info(id, baseUrl) {
      const m = media.get(id);
      if (!m) return undefined;
      return {
        messaging_product: 'whatsapp',
        id: m.id,
        mime_type: m.mimeType,
        sha256: m.sha256,
        file_size: m.bytes.length,
        url: `${baseUrl}/media-files/${m.id}?hash=${hashOf(m.id)}`,
      };
    },
    download(id, hash) {
      const m = media.get(id);
      return m && hash === hashOf(id) ? m : undefined;
    },
  };
}
