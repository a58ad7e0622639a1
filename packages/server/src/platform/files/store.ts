// Files (exports, media, PDFs, recordings) stored in PostgreSQL, streamed in 256 KiB chunks
// so memory stays flat whatever the size. `FileStore` is the seam where an S3-compatible
// store can be plugged in for large deployments.
import crypto from 'node:crypto';
import { Readable } from 'node:stream';
import type { Db, Sql } from '../../db/pool.ts';
import { newId } from '../ids.ts';

export const CHUNK_BYTES = 256 * 1024;

export interface FileMeta {
  id: string;
  accountId: string;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  createdAt: Date;
  expiresAt: Date | null;
}

/** What a file is for: retention keeps each purpose for its own period (privacy/retention). */
export type FilePurpose = 'media_upload' | 'inbound_media' | 'export';

export interface NewFile {
  name: string;
  contentType: string;
  expiresAt?: Date | null;
  purpose?: FilePurpose;
  /** The message the file belongs to (inbound media), so erasing the message finds it. */
  messageId?: string;
}

export interface FileStore {
  put(accountId: string, meta: NewFile, content: AsyncIterable<Buffer | Uint8Array>): Promise<FileMeta>;
  get(accountId: string, id: string): Promise<{ meta: FileMeta; stream: Readable } | undefined>;
  delete(accountId: string, id: string): Promise<boolean>;
}

/** Re-cuts incoming buffers of any size into chunks of exactly CHUNK_BYTES (the last may be shorter). */
async function* rechunk(content: AsyncIterable<Buffer | Uint8Array>): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let size = 0;
  for await (const piece of content) {
    pending.push(Buffer.from(piece));
    size += piece.length;
    while (size >= CHUNK_BYTES) {
      const all = Buffer.concat(pending);
      yield all.subarray(0, CHUNK_BYTES);
      pending = [all.subarray(CHUNK_BYTES)];
      size = pending[0]!.length;
    }
  }
  if (size > 0) yield Buffer.concat(pending);
}

const metaColumns = (sql: Db) =>
  sql`id, account_id as "accountId", name, content_type as "contentType", size, sha256, created_at as "createdAt", expires_at as "expiresAt"`;

/** A row of metaColumns: size is bigint, sha256 raw bytes. */
type MetaRow = Omit<FileMeta, 'size' | 'sha256'> & { size: bigint; sha256: Buffer };

function toMeta(r: MetaRow): FileMeta {
  return { ...r, size: Number(r.size), sha256: r.sha256.toString('hex') };
}

export function postgresFileStore(sql: Sql, clock: { now(): Date }): FileStore {
  return {
    async put(accountId, meta, content) {
      const at = clock.now();
      const id = newId('fil', at);
      return sql.begin(async (tx) => {
        await tx`insert into files (account_id, id, name, content_type, size, sha256, created_at, expires_at, purpose, message_id)
                 values (${accountId}, ${id}, ${meta.name}, ${meta.contentType}, 0, '\\x', ${at}, ${meta.expiresAt ?? null},
                         ${meta.purpose ?? null}, ${meta.messageId ?? null})`;
        const hash = crypto.createHash('sha256');
        let size = 0;
        let seq = 0;
        for await (const chunk of rechunk(content)) {
          hash.update(chunk);
          size += chunk.length;
          await tx`insert into file_chunks (account_id, file_id, seq, data) values (${accountId}, ${id}, ${seq++}, ${chunk})`;
        }
        const [row] = await tx<
          MetaRow[]
        >`update files set size = ${size}, sha256 = ${hash.digest()} where account_id = ${accountId} and id = ${id}
                                          returning ${metaColumns(tx)}`;
        return toMeta(row!);
      }) as Promise<FileMeta>;
    },

    async get(accountId, id) {
      const [row] = await sql<
        MetaRow[]
      >`select ${metaColumns(sql)} from files where account_id = ${accountId} and id = ${id}`;
      if (!row) return undefined;
      async function* chunks(): AsyncGenerator<Buffer> {
        // A few chunks at a time: a 1 GB recording never sits in memory.
        const cursor = sql<
          { data: Buffer }[]
        >`select data from file_chunks where account_id = ${accountId} and file_id = ${id} order by seq`.cursor(4);
        for await (const rows of cursor) for (const r of rows) yield r.data;
      }
      return { meta: toMeta(row), stream: Readable.from(chunks()) };
    },

    async delete(accountId, id) {
      return (await sql`delete from files where account_id = ${accountId} and id = ${id} returning id`).length === 1;
    },
  };
}

/** Sweep: remove files past their expiry (chunks go with them). */
export async function deleteExpiredFiles(sql: Sql, now: Date): Promise<number> {
  return (await sql`delete from files where expires_at < ${now} returning id`).length;
}
