// Reassembling concatenated inbound SMS. Parts arrive out of order and sometimes twice;
// they wait in inbound_parts until every one is there. Stored in PostgreSQL, so a restart
// between parts loses nothing.
import type { Sql } from '../db/pool.ts';
import type { InboundSms } from '../channels/link.ts';

/** Returns the whole text once the last missing part arrived, otherwise undefined. */
export async function collectInboundPart(
  sql: Sql,
  m: InboundSms & { part: NonNullable<InboundSms['part']> },
): Promise<string | undefined> {
  return sql.begin(async (tx) => {
    const key = `${m.connectorId}|${m.from}|${m.to}|${m.part.ref}`;
    // Two parts of one message arriving at once must not both conclude "not complete yet".
    await tx`select pg_advisory_xact_lock(hashtext(${key}))`;
    await tx`
      insert into inbound_parts (connector_id, from_number, to_number, ref, total, seq, text, received_at)
      values (${m.connectorId}, ${m.from}, ${m.to}, ${m.part.ref}, ${m.part.total}, ${m.part.seq}, ${m.text}, ${m.at})
      on conflict do nothing`;
    const parts = await tx<{ seq: number; text: string }[]>`
      select seq, text from inbound_parts
      where connector_id = ${m.connectorId} and from_number = ${m.from} and to_number = ${m.to} and ref = ${m.part.ref}
      order by seq`;
    if (parts.length < m.part.total) return undefined;
    await tx`delete from inbound_parts
             where connector_id = ${m.connectorId} and from_number = ${m.from} and to_number = ${m.to} and ref = ${m.part.ref}`;
    return parts.map((p) => p.text).join('');
  }) as Promise<string | undefined>;
}
