import postgres from 'postgres';

export type Sql = postgres.Sql;
/** A transaction handle; it has the same tagged-template interface as Sql. */
export type Tx = postgres.TransactionSql;
/** Anything that runs queries: the pool or a transaction. */
export type Db = Sql | Tx;

export function openPool(url: string, opts: { max?: number } = {}): Sql {
  return postgres(url, {
    max: opts.max ?? 20,
    idle_timeout: 30,
    onnotice: () => {},
    // bigint columns (counters, money in minor units) come back as JS bigint, never a lossy number.
    types: { bigint: postgres.BigInt },
    connection: { application_name: 'cx-engage' },
  });
}
