// Prefixed, time-sortable ids: `msg_01J...` (ULID, monotonic within a millisecond).
import crypto from 'node:crypto';
import { monotonicFactory } from 'ulid';

// ulid's own source of randomness asks the kernel for one byte per character (16 calls per
// id, a hot spot of the accept path); this one draws the same CSPRNG bytes 4 KiB at a time.
const pool = new Uint8Array(4096);
let used = pool.length;
function pooledRandom(): number {
  if (used === pool.length) {
    crypto.randomFillSync(pool);
    used = 0;
  }
  return pool[used++]! / 256;
}

const nextUlid = monotonicFactory(pooledRandom);

export type IdPrefix =
  | 'acc'
  | 'key'
  | 'usr'
  | 'evt'
  | 'aud'
  | 'num'
  | 'eml'
  | 'fil'
  | 'dk'
  | 'msg'
  | 'whk'
  | 'del'
  | 'con'
  | 'rte'
  | 'dsr'
  | 'inv'
  | 'sbx'
  | 'lim'
  | 'use'
  | 'prc'
  | 'pay'
  | 'dep'
  | 'ord'
  | 'tpl'
  | 'ses'
  | 'uin'
  | 'ctc'
  | 'cns'
  | 'lgh'
  | 'ret'
  | 'pol'
  | 'esk';

export function newId(prefix: IdPrefix, at: Date = new Date()): string {
  return `${prefix}_${nextUlid(at.getTime()).toLowerCase()}`;
}
