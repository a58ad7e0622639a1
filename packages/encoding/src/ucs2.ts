// UCS-2 for data_coding 0x08 (3GPP TS 23.038 §5, SMPP 3.4 §5.2.19). What SMSCs and handsets
// accept in practice is UTF-16BE: characters outside the BMP (emoji) travel as surrogate
// pairs, two code units each, and are counted that way.

/** UTF-16BE octets of the text, surrogate pairs kept. */
export function encodeUcs2(text: string): Buffer {
  return Buffer.from(text, 'utf16le').swap16();
}

/** Text from UTF-16BE octets. A dangling last octet (odd length) cannot be a character and is dropped. */
export function decodeUcs2(buf: Uint8Array): string {
  const even = Buffer.from(buf.subarray(0, buf.length - (buf.length % 2)));
  return even.swap16().toString('utf16le');
}
