// What `pg_dump --data-only` would write, without pg_dump: every row of every table in every
// schema, as text. (Debian 12's pg_dump is version 15 and refuses the embedded PostgreSQL 18.)
// bytea columns print as hex, like pg_dump's; `findInDump` also looks for the hex of the needle,
// so plaintext kept in a bytea column (a file chunk, say) is found too.
import type { Sql } from '../src/db/pool.ts';

export async function dumpDatabase(sql: Sql): Promise<Map<string, string>> {
  const tables = await sql<{ schema: string; name: string }[]>`
    select table_schema as schema, table_name as name from information_schema.tables
    where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema') order by 1, 2`;
  const dump = new Map<string, string>();
  for (const t of tables) {
    const rows = await sql.unsafe<{ row: string }[]>(`select t::text as row from "${t.schema}"."${t.name}" t`);
    dump.set(`${t.schema}.${t.name}`, rows.map((r) => r.row).join('\n'));
  }
  return dump;
}

/** The tables whose dump contains the needle, as text or as the hex of its UTF-8 bytes. */
export function findInDump(dump: Map<string, string>, needle: string): string[] {
  const hex = Buffer.from(needle, 'utf8').toString('hex');
  return [...dump]
    .filter(([, text]) => text.includes(needle) || text.toLowerCase().includes(hex))
    .map(([table]) => table);
}
