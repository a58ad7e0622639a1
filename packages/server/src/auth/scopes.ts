// Scopes of the contract and the portal roles made of them. Routes name the scope they need
// in http/permissions.ts; this file is the only place scopes and roles are defined.

export const CLIENT_SCOPES = [
  'messages:read',
  'messages:write',
  'webhooks:manage',
  'contacts:read',
  'contacts:write',
  'privacy:manage',
  'billing:read',
  'account:manage',
  'keys:manage',
  'users:manage',
  'audit:read',
  'templates:manage',
  'numbers:read',
  'fraud:review',
  'sandbox:use',
] as const;
export const OPERATOR_SCOPES = ['platform:admin', 'platform:read'] as const;

export type ClientScope = (typeof CLIENT_SCOPES)[number];
export type OperatorScope = (typeof OPERATOR_SCOPES)[number];
export type Scope = ClientScope | OperatorScope;

export const ALL_SCOPES: readonly Scope[] = [...CLIENT_SCOPES, ...OPERATOR_SCOPES];

export function isScope(s: string): s is Scope {
  return (ALL_SCOPES as readonly string[]).includes(s);
}

/** A scope granted implies others: platform:admin can do everything platform:read can. */
export function grants(held: ReadonlySet<string>, needed: Scope): boolean {
  return held.has(needed) || (needed === 'platform:read' && held.has('platform:admin'));
}

export type ClientRole = 'owner' | 'admin' | 'developer' | 'agent' | 'billing' | 'viewer';
export type OperatorRole = 'operator' | 'operator_readonly';

export const ROLE_SCOPES: Record<ClientRole | OperatorRole, readonly Scope[]> = {
  owner: CLIENT_SCOPES,
  admin: CLIENT_SCOPES.filter((s) => s !== 'billing:read'),
  developer: [
    'messages:read',
    'messages:write',
    'webhooks:manage',
    'templates:manage',
    'numbers:read',
    'keys:manage',
    'sandbox:use',
    'contacts:read',
  ],
  agent: ['messages:read', 'messages:write', 'contacts:read', 'contacts:write', 'templates:manage'],
  billing: ['billing:read', 'account:manage'],
  viewer: ['messages:read', 'contacts:read', 'numbers:read', 'billing:read'],
  // The house account is the operator's own: its traffic, contacts, keys and numbers are the
  // operator's to use as an owner's are (platform:admin could mint such a key anyway), and
  // the read-only operator reads them as a viewer does.
  operator: [...CLIENT_SCOPES, 'platform:admin', 'platform:read'],
  operator_readonly: ['messages:read', 'contacts:read', 'numbers:read', 'billing:read', 'platform:read'],
};
