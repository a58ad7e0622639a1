// Prefixed, time-sortable ids: `msg_01J...` (ULID, monotonic within a millisecond).
import { monotonicFactory } from 'ulid';

const nextUlid = monotonicFactory();

export type IdPrefix =
  | 'acc' | 'key' | 'usr' | 'evt' | 'aud' | 'num' | 'eml' | 'fil' | 'dk'
  | 'msg' | 'whk' | 'del' | 'con' | 'rte' | 'dsr' | 'inv' | 'sbx' | 'lim' | 'use' | 'prc' | 'pay' | 'dep' | 'ord' | 'tpl'
  | 'ses' | 'uin' | 'ctc' | 'cns' | 'lgh' | 'ret' | 'pol' | 'esk';

export function newId(prefix: IdPrefix, at: Date = new Date()): string {
  return `${prefix}_${nextUlid(at.getTime()).toLowerCase()}`;
}
