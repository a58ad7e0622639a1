// Types for the parts of the `smpp` npm package (0.5.1, lib/smpp.js, lib/pdu.js, lib/defs.js)
// that we use; it ships none. Field names are the SMPP 3.4 parameter and TLV names (section 5),
// in snake_case as the package uses them.
declare module 'smpp' {
  import { EventEmitter } from 'node:events';
  import type { Server as NetServer, Socket } from 'node:net';

  /**
   * short_message / message_payload on the way out: a Buffer is sent as is; text is encoded per
   * data_coding (0 → GSM 03.38 unpacked, 8 → UTF-16BE; null → the package guesses, avoid it);
   * `udh` must start with its length byte (UDHL) and makes the package set esm_class 0x40.
   */
  export type MessageInput = string | Buffer | { udh: Buffer; message: string | Buffer };

  /** short_message / message_payload as decoded: text per data_coding, UDH IEs without UDHL. */
  export interface DecodedMessage {
    message: string | Buffer;
    udh?: Buffer[];
  }

  /** submit_sm and deliver_sm bodies (SMPP 3.4 sections 4.4.1, 4.6.1) with the TLVs we use. */
  export interface ShortMessageFields {
    service_type?: string;
    source_addr_ton?: number;
    source_addr_npi?: number;
    source_addr?: string;
    dest_addr_ton?: number;
    dest_addr_npi?: number;
    destination_addr?: string;
    esm_class?: number;
    protocol_id?: number;
    priority_flag?: number;
    /** A Date becomes an absolute time (YYMMDDhhmmsstnn+, UTC); a string is sent as given. */
    schedule_delivery_time?: Date | string;
    validity_period?: Date | string;
    registered_delivery?: number;
    replace_if_present_flag?: number;
    data_coding?: number | null;
    sm_default_msg_id?: number;
    short_message?: MessageInput;
    message_payload?: MessageInput;
    sar_msg_ref_num?: number;
    sar_total_segments?: number;
    sar_segment_seqnum?: number;
    user_message_reference?: number;
    receipted_message_id?: string;
    message_state?: number;
  }

  export interface BindFields {
    system_id?: string;
    password?: string;
    system_type?: string;
    /** The package defaults to 0x50 (SMPP 5.0): always pass 0x34. */
    interface_version?: number;
    addr_ton?: number;
    addr_npi?: number;
    address_range?: string;
  }

  export interface ResponseFields {
    command_status?: number;
    message_id?: string;
    system_id?: string;
  }

  export type PduOptions = ShortMessageFields & BindFields & ResponseFields & { sequence_number?: number };

  export class PDU {
    constructor(command: string, options?: PduOptions);
    constructor(buffer: Buffer);
    /** Command name from defs.js (`submit_sm`, `deliver_sm_resp`, `generic_nack`, `unknown`, …). */
    command: string;
    command_length: number;
    command_id: number;
    command_status: number;
    sequence_number: number;
    // Decoded bodies (present depending on the command).
    system_id?: string;
    password?: string;
    message_id?: string;
    service_type?: string;
    source_addr_ton?: number;
    source_addr_npi?: number;
    source_addr?: string;
    dest_addr_ton?: number;
    dest_addr_npi?: number;
    destination_addr?: string;
    esm_class?: number;
    registered_delivery?: number;
    data_coding?: number;
    short_message?: DecodedMessage | MessageInput;
    message_payload?: DecodedMessage | MessageInput;
    sar_msg_ref_num?: number;
    sar_total_segments?: number;
    sar_segment_seqnum?: number;
    receipted_message_id?: string;
    message_state?: number;
    /** Other fields and TLVs; unknown TLVs appear under their numeric tag as a Buffer. */
    [field: string]: unknown;
    isResponse(): boolean;
    /** The matching response with the same sequence_number (generic_nack for `unknown`). */
    response(options?: PduOptions): PDU;
    toBuffer(): Buffer;
  }

  export class Session extends EventEmitter {
    socket: Socket;
    /** false when the socket is not writable; assigns sequence_number to requests. */
    send(pdu: PDU, responseCallback?: (resp: PDU) => void, sendCallback?: (pdu: PDU) => void): boolean;
    close(callback?: () => void): void;
    destroy(callback?: () => void): void;
    pause(): void;
    resume(): void;
    on(event: 'connect' | 'secureConnect' | 'close', listener: () => void): this;
    on(event: 'error', listener: (err: Error) => void): this;
    /** 'pdu' for every PDU, or one command name (`deliver_sm`, `enquire_link`, `unknown`, …). */
    on(event: string, listener: (pdu: PDU) => void): this;
  }

  export class Server extends NetServer {
    sessions: Session[];
  }

  export interface ConnectOptions {
    host: string;
    port: number;
    tls?: boolean;
    /** The package's own enquire_link timer, without response timeout; we run our own. */
    auto_enquire_link_period?: number;
  }

  export function connect(options: ConnectOptions, listener?: () => void): Session;
  export function createServer(options: object, listener: (session: Session) => void): Server;

  /**
   * GSM 03.38 (`ASCII` in the package's words), LATIN1 and UCS2 codecs, and `default`: the one
   * used for data_coding 0. Copied onto module.exports in a loop, so ESM named imports do not
   * see it: reach it through `createRequire` (see default-alphabet.ts).
   */
  export interface Encodings {
    default: 'ASCII' | 'LATIN1' | 'UCS2';
  }
}
