import { AppError } from '../errors.js';
import type { User } from './users.repository.js';

/** Who is calling, once the bearer token has been verified (auth/authentication.ts). */
export interface Principal {
  userId: number;
  role: 'user' | 'admin';
  sessionId: number;
  /** The account as loaded with the session check (absent for a principal built at login). */
  user?: User;
}

/** Requests held open (a long poll) end with the session that made them (auth/principal-cache.ts). */
export interface SessionHolds {
  /**
   * Waits for `until`, or less: when the session ends meanwhile (logout, logout
   * everywhere, deactivation), throws at once the 401 any request with its token
   * now gets. After `until`, throws it as well if the session has ended by then.
   */
  holdWhileLive(principal: Principal, until: Promise<void>): Promise<void>;
}

/** The authenticated caller; operations that declare bearerAuth always have one. */
export function principalOf(req: { principal: Principal | null }): Principal {
  if (!req.principal) throw new AppError('AUTHENTICATION_ERROR', 'Authentication required');
  return req.principal;
}

/** Object-level authorization: the caller is the owner or an admin. */
export function canAccess(principal: Principal, ownerId: number): boolean {
  return principal.role === 'admin' || principal.userId === ownerId;
}
