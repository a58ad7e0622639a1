// Addresses and data_coding as the SMSC wants them (SMPP 3.4 sections 5.2.5, 5.2.6, 5.2.19).
export interface SourceAddress {
  source_addr: string;
  source_addr_ton: number;
  source_addr_npi: number;
}

export interface DestinationAddress {
  destination_addr: string;
  dest_addr_ton: number;
  dest_addr_npi: number;
}

/** 0x00 = the SMSC's default alphabet (GSM 03.38 on most SMSCs), 0x08 = UCS-2 (UTF-16BE). */
export const DATA_CODING_GSM7 = 0x00;
export const DATA_CODING_UCS2 = 0x08;

/**
 * Always set data_coding explicitly: left out, the `smpp` package labels GSM text as IA5
 * (0x01), which not every SMSC accepts.
 */
export function dataCodingFor(encoding: 'GSM-7' | 'UCS-2'): number {
  return encoding === 'UCS-2' ? DATA_CODING_UCS2 : DATA_CODING_GSM7;
}

/**
 * E.164 `+4915…` → TON 1 (international) / NPI 1 (E.164) without the '+'; a short code (digits
 * only) → TON 3 (network specific) / NPI 0; anything else is an alphanumeric sender → TON 5 / NPI 0.
 */
export function sourceAddress(from: string): SourceAddress {
  if (/^\+[0-9]+$/.test(from)) return { source_addr: from.slice(1), source_addr_ton: 1, source_addr_npi: 1 };
  if (/^[0-9]+$/.test(from)) return { source_addr: from, source_addr_ton: 3, source_addr_npi: 0 };
  return { source_addr: from, source_addr_ton: 5, source_addr_npi: 0 };
}

/** E.164 destinations go out as TON 1 / NPI 1 without the '+'; other digit strings as TON 0 / NPI 1. */
export function destinationAddress(to: string): DestinationAddress {
  if (to.startsWith('+')) return { destination_addr: to.slice(1), dest_addr_ton: 1, dest_addr_npi: 1 };
  return { destination_addr: to, dest_addr_ton: 0, dest_addr_npi: 1 };
}

/**
 * Inbound addresses often arrive without '+' and with TON 0 (unknown): numbers that are
 * international (TON 1), or TON 0 and long enough, become E.164; short codes and names stay as sent.
 */
export function normalizeAddress(addr: string, ton: number): string {
  const a = addr.trim();
  if (a.startsWith('+')) return a;
  if (/^[0-9]+$/.test(a) && (ton === 1 || (ton === 0 && a.length >= 8))) return `+${a}`;
  return a;
}
