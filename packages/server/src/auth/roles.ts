// Portal roles as the permission table (scopes.ts) defines them, and what follows from a role:
// the scopes a session gets and whether two-factor authentication is mandatory.
import { ROLE_SCOPES, type ClientRole, type OperatorRole, type Scope } from './scopes.ts';

export type Role = ClientRole | OperatorRole;

export const CLIENT_ROLES: readonly ClientRole[] = ['owner', 'admin', 'developer', 'agent', 'billing', 'viewer'];
export const OPERATOR_ROLES: readonly OperatorRole[] = ['operator', 'operator_readonly'];
export const ALL_ROLES: readonly Role[] = [...CLIENT_ROLES, ...OPERATOR_ROLES];

/** The operator admin that the first start creates (bootstrap.ts) and `operator reset-password` resets by default. */
export const ADMIN_EMAIL = 'admin@cx-engage.local';

export function isOperatorRole(role: string): role is OperatorRole {
  return (OPERATOR_ROLES as readonly string[]).includes(role);
}

/**
 * A session's scopes: its role's row of the permission table. Operator roles count only for
 * users of the house account; an unknown role grants nothing.
 */
export function scopesOfRole(role: string, isHouse: boolean): readonly Scope[] {
  if (!(ALL_ROLES as readonly string[]).includes(role)) return [];
  if (isOperatorRole(role) && !isHouse) return [];
  return ROLE_SCOPES[role as Role];
}

/** Operators always need a second factor; client users when their account's policy says so. */
export function twoFactorRequired(role: string, accountSettings: Record<string, unknown>): boolean {
  return isOperatorRole(role) || accountSettings.require2fa === true;
}
