// Key rotation. Re-wrapping: every data key wrapped by an older master key is unwrapped with
// it and wrapped again by the current one (then the old master key can be discarded).
// `dataKeys`: each account also gets a fresh active data key; old ones stay to decrypt old data.
import crypto from 'node:crypto';
import type { Sql } from '../../db/pool.ts';
import { newId } from '../ids.ts';
import type { MasterKeys } from './master-key.ts';
import { UnknownMasterKeyError, unwrapDataKey, wrapDataKey } from './keyring.ts';

export interface RotationReport {
  rewrapped: number;
  alreadyCurrent: number;
  unknownMasterKey: string[];
  newDataKeys: number;
}

export async function rotateKeys(
  sql: Sql,
  keys: MasterKeys,
  opts: { dataKeys: boolean; at: Date },
): Promise<RotationReport> {
  const report: RotationReport = { rewrapped: 0, alreadyCurrent: 0, unknownMasterKey: [], newDataKeys: 0 };
  let after = '';
  for (;;) {
    // Batches of 500, each its own transaction: a huge install never holds one long lock.
    const done = await sql.begin(async (tx) => {
      const rows = await tx<{ accountId: string; id: string; masterKeyId: string; wrappedKey: Buffer }[]>`
        select account_id as "accountId", id, master_key_id as "masterKeyId", wrapped_key as "wrappedKey"
        from data_keys where account_id || '/' || id > ${after} order by account_id || '/' || id limit 500 for update`;
      for (const row of rows) {
        if (row.masterKeyId === keys.current.id) {
          report.alreadyCurrent++;
          continue;
        }
        try {
          const key = unwrapDataKey(keys, row.masterKeyId, row.wrappedKey, row.id);
          await tx`update data_keys set master_key_id = ${keys.current.id}, wrapped_key = ${wrapDataKey(keys.current, key, row.id)}
                   where account_id = ${row.accountId} and id = ${row.id}`;
          report.rewrapped++;
        } catch (err) {
          if (!(err instanceof UnknownMasterKeyError)) throw err;
          report.unknownMasterKey.push(`${row.accountId}/${row.id}`);
        }
      }
      const last = rows[rows.length - 1];
      if (last) after = `${last.accountId}/${last.id}`;
      return rows.length < 500;
    });
    if (done) break;
  }
  if (opts.dataKeys) report.newDataKeys = await newDataKeys(sql, keys, opts.at);
  return report;
}

async function newDataKeys(sql: Sql, keys: MasterKeys, at: Date): Promise<number> {
  const accounts = await sql<{ accountId: string }[]>`select distinct account_id as "accountId" from data_keys`;
  for (const { accountId } of accounts) {
    await sql.begin(async (tx) => {
      await tx`update data_keys set retired_at = ${at} where account_id = ${accountId} and retired_at is null`;
      const id = newId('dk', at);
      await tx`insert into data_keys (account_id, id, master_key_id, wrapped_key, created_at)
               values (${accountId}, ${id}, ${keys.current.id}, ${wrapDataKey(keys.current, crypto.randomBytes(32), id)}, ${at})`;
    });
  }
  return accounts.length;
}
