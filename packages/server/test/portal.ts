// A browser for portal tests: keeps cookies like a browser does, echoes the CSRF token on
// state-changing requests (unless told not to), and helpers to create users the way a
// product user would: an invitation email, its link, a password.
import assert from 'node:assert/strict';
import { generate } from 'otplib';
import type { ApiResponse, TestPlatform } from './harness.ts';

export class Browser {
  readonly cookies = new Map<string, string>();
  readonly baseUrl: string;
  readonly headers: Record<string, string>;
  constructor(baseUrl: string, headers: Record<string, string> = {}) {
    this.baseUrl = baseUrl;
    this.headers = headers;
  }

  async request<T = any>(
    method: string,
    path: string,
    o: { body?: unknown; csrf?: boolean; headers?: Record<string, string> } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...this.headers, ...o.headers };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const csrf = this.cookies.get('cx_csrf');
    if (o.csrf !== false && csrf && !['GET', 'HEAD'].includes(method)) headers['x-csrf-token'] = csrf;
    if (o.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(this.baseUrl + path, {
      method,
      headers,
      ...(o.body !== undefined && { body: JSON.stringify(o.body) }),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [name, value] = pair!.split('=') as [string, string];
      if (value === '' || /max-age=0/i.test(c)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await res.text();
    const body = (res.headers.get('content-type') ?? '').includes('json') && text ? JSON.parse(text) : text;
    return { status: res.status, headers: res.headers, body: body as T };
  }

  get<T = any>(p: string, o?: { headers?: Record<string, string> }) {
    return this.request<T>('GET', p, o);
  }
  post<T = any>(p: string, body?: unknown, o: { csrf?: boolean; headers?: Record<string, string> } = {}) {
    return this.request<T>('POST', p, { ...o, body });
  }
  patch<T = any>(p: string, body?: unknown, o: { csrf?: boolean } = {}) {
    return this.request<T>('PATCH', p, { ...o, body });
  }
  put<T = any>(p: string, body?: unknown, o: { csrf?: boolean } = {}) {
    return this.request<T>('PUT', p, { ...o, body });
  }
  delete<T = any>(p: string, o: { csrf?: boolean } = {}) {
    return this.request<T>('DELETE', p, o);
  }

  /** Signs in without a second factor; fails the test otherwise. */
  async login(email: string, password: string): Promise<any> {
    const res = await this.post('/v1/auth/login', { email, password });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.twoFactorRequired, false);
    return res.body.me;
  }

  /** Signs in with a TOTP code computed at `at` (the platform's clock). */
  async loginWithTotp(email: string, password: string, secret: string, at: Date): Promise<any> {
    const first = await this.post('/v1/auth/login', { email, password });
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.equal(first.body.twoFactorRequired, true);
    const res = await this.post('/v1/auth/login/2fa', {
      challengeId: first.body.challengeId,
      code: await totpAt(secret, at),
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body;
  }
}

export function totpAt(secret: string, at: Date): Promise<string> {
  return generate({ secret, epoch: Math.floor(at.getTime() / 1000) });
}

export interface ClientAccount {
  id: string;
  /** A key with every client scope, to read the sandbox's emails. */
  key: string;
}

export async function createClientAccount(t: TestPlatform, name = 'Portal Client'): Promise<ClientAccount> {
  const acc = await t.api.post('/v1/admin/accounts', { key: t.boot.adminApiKey, body: { name, status: 'active' } });
  assert.equal(acc.status, 201, JSON.stringify(acc.body));
  const key = await t.api.post(`/v1/admin/accounts/${acc.body.id}/api-keys`, {
    key: t.boot.adminApiKey,
    body: { name: 'test' },
  });
  return { id: acc.body.id, key: key.body.secret };
}

/** The token in the newest email the sandbox kept for `to`. */
export async function linkTokenFor(t: TestPlatform, account: ClientAccount, to: string): Promise<string> {
  const emails = await t.api.get('/v1/sandbox/emails?limit=100', { key: account.key });
  const email = emails.body.data.find((e: { to: string }) => e.to === to);
  assert.ok(email, `an email to ${to}`);
  const m = /#token=(cxl_[A-Za-z0-9_-]{43})/.exec(email.text);
  assert.ok(m, 'the email carries a link with a token');
  return m[1]!;
}

/** Invites `email` as `role` (as an operator would) and accepts with `password`. */
export async function addUser(
  t: TestPlatform,
  account: ClientAccount,
  email: string,
  role: string,
  password: string,
): Promise<string> {
  const inv = await t.api.post(`/v1/admin/accounts/${account.id}/invitations`, {
    key: t.boot.adminApiKey,
    body: { email, role },
  });
  assert.equal(inv.status, 201, JSON.stringify(inv.body));
  const token = await linkTokenFor(t, account, email);
  const accepted = await t.api.post('/v1/auth/invitations/accept', {
    body: { token, password, name: email.split('@')[0] },
  });
  assert.equal(accepted.status, 201, JSON.stringify(accepted.body));
  return accepted.body.id;
}
