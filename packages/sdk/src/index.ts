// The typed client and webhook verification arrive with the SDK issue (#5).
// Until then this package only exposes the API's base types that are already stable.

/** An RFC 9457 problem document as every CX Engage error is rendered. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: { pointer: string; detail: string }[];
}

/** A page of a list endpoint: `{ data, nextCursor }`. */
export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}
