import postgres from 'postgres';

export type Sql = postgres.Sql;
/** A transaction handle; it has the same tagged-template interface as Sql. */
export type Tx = postgres.TransactionSql;
/** Anything that runs queries: the pool or a transaction. */
export type Db = Sql | Tx;

/** `idleTimeoutSeconds: 0` keeps idle connections open (one that holds a session lock). */
export function openPool(url: string, opts: { max?: number; idleTimeoutSeconds?: number } = {}): Sql {
  return postgres(url, {
    max: opts.max ?? 20,
    idle_timeout: opts.idleTimeoutSeconds ?? 30,
    onnotice: () => {},
    // bigint columns (counters, money in minor units) come back as JS bigint, never a lossy number.
    types: { bigint: postgres.BigInt },
    connection: { application_name: 'cx-engage' },
  });
}
