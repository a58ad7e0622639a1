// The portal's cookies. `cx_session` carries the session token (httpOnly: scripts never see
// it); `cx_csrf` carries a token derived from it that the portal's JavaScript reads and echoes
// in `X-CSRF-Token` on every state-changing request. A cross-site page can make the browser
// send cookies but can neither read `cx_csrf` nor set a custom header without CORS, which
// this API never grants. Both are SameSite=Lax, Path=/, and Secure when served over https.
import crypto from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { parseCookie, stringifySetCookie } from 'cookie';

export const SESSION_COOKIE = 'cx_session';
export const CSRF_COOKIE = 'cx_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const TOKEN_PATTERN = /^cx[a-z]_[A-Za-z0-9_-]{43}$/;

/** A bearer secret (sessions `cxs_`, challenges `cxc_`, links `cxl_`): 256 random bits, stored as SHA-256. */
export function generateToken(kind: 's' | 'c' | 'l'): { token: string; hash: Buffer } {
  const token = `cx${kind}_${crypto.randomBytes(32).toString('base64url')}`;
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): Buffer {
  return crypto.createHash('sha256').update(token).digest();
}

export function looksLikeToken(s: unknown, kind: 's' | 'c' | 'l'): s is string {
  return typeof s === 'string' && TOKEN_PATTERN.test(s) && s.startsWith(`cx${kind}_`);
}

/** Derived from the session token, so it needs no storage and is worthless for any other session. */
export function csrfTokenFor(sessionToken: string): string {
  return crypto.createHmac('sha256', sessionToken).update('cx-engage csrf v1').digest('base64url');
}

export function csrfHeaderMatches(request: FastifyRequest, sessionToken: string): boolean {
  const sent = request.headers[CSRF_HEADER];
  if (typeof sent !== 'string') return false;
  const expected = Buffer.from(csrfTokenFor(sessionToken));
  const given = Buffer.from(sent);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

export function sessionTokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  const token = parseCookie(header)[SESSION_COOKIE];
  return looksLikeToken(token, 's') ? token : undefined;
}

export function hasSessionCookie(request: FastifyRequest): boolean {
  return (request.headers.cookie ?? '').includes(`${SESSION_COOKIE}=`);
}

export function setSessionCookies(request: FastifyRequest, reply: FastifyReply, token: string, maxAgeMs: number): void {
  writeCookies(
    request,
    reply,
    [
      [SESSION_COOKIE, token, true],
      [CSRF_COOKIE, csrfTokenFor(token), false],
    ],
    Math.floor(maxAgeMs / 1000),
  );
}

export function clearSessionCookies(request: FastifyRequest, reply: FastifyReply): void {
  writeCookies(
    request,
    reply,
    [
      [SESSION_COOKIE, '', true],
      [CSRF_COOKIE, '', false],
    ],
    0,
  );
}

function writeCookies(
  request: FastifyRequest,
  reply: FastifyReply,
  cookies: [string, string, boolean][],
  maxAge: number,
): void {
  // request.protocol honours X-Forwarded-Proto only from proxies trusted by CX_TRUST_PROXY.
  const secure = request.protocol === 'https';
  reply.header(
    'set-cookie',
    cookies.map(([name, value, httpOnly]) =>
      stringifySetCookie({ name, value, httpOnly, secure, sameSite: 'lax', path: '/', maxAge }),
    ),
  );
}
