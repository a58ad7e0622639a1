// A pg_dump-like scan for tests of erasure and retention: every text, varchar and jsonb column
// of every table, cast to text, searched for a needle (a number's digits, a name). Lists the
// table.column hits so a failing test says where the personal data is left.
import type { Sql } from '../src/db/pool.ts';

export async function findPersonalData(sql: Sql, needle: string): Promise<string[]> {
  const columns = await sql<{ table: string; column: string }[]>`
    select c.table_name as table, c.column_name as column from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
    where c.table_schema = 'public' and c.data_type in ('text', 'character varying', 'jsonb', 'json', 'ARRAY')
    order by 1, 2`;
  const hits: string[] = [];
  for (const { table, column } of columns) {
    const [row] = await sql<{ n: number }[]>`
      select count(*)::int as n from ${sql(table)} where ${sql(column)}::text like ${`%${needle}%`}`;
    if (row!.n > 0) hits.push(`${table}.${column}`);
  }
  return hits;
}
