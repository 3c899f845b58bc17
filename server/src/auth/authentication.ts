// Who is calling, and may they call this operation: decided in `onRequest`,
// before anything reads the body, so an anonymous or unauthorized caller
// learns 401 or 403 and nothing about body validation. Each route's security
// requirement comes from the contract (`bearerAuth: []`, `bearerAuth: [admin]`,
// or `security: []` for public operations); fastify-openapi-glue's security
// handlers run only after the body is parsed, so they are not used.
//
// Two steps, with the rate limiter between them (http/rate-limit.ts):
// 1. `establishPrincipal` (global onRequest) verifies the bearer token and
//    loads the session into `req.principal`, keeping any failure for step 2;
// 2. the limiter counts the request against that principal (or the IP);
// 3. `enforce` (route onRequest, after the limiter) refuses the request when
//    the operation's requirement is not met.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { JWT } from '@fastify/jwt';
import { AppError, forbidden } from '../errors.js';
import type { Principal } from '../identity/principal.js';
import type { PrincipalStore } from './principal-cache.js';
import { bearerChallenge, sessionEnded, verifyAccessToken } from './tokens.js';

/** The roles an operation requires, `[]` for any authenticated caller, or `null` when it is public. */
export type Requirement = readonly string[] | null;

type AuthRequest = FastifyRequest & { principal: Principal | null; authFailure?: unknown };

function bearerToken(req: FastifyRequest): string | undefined {
  const header = req.headers.authorization;
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/i.exec(header.trim());
  return match?.[1];
}

async function principalFor(req: FastifyRequest, jwt: JWT, principals: PrincipalStore): Promise<Principal> {
  const token = bearerToken(req);
  if (!token) {
    const malformed = req.headers.authorization !== undefined;
    throw new AppError(
      'AUTHENTICATION_ERROR',
      malformed ? 'The Authorization header must be "Bearer <token>"' : 'Authentication required',
      undefined,
      bearerChallenge(),
    );
  }
  const claims = verifyAccessToken(jwt, token);
  // The session and the account are checked on every request (from the
  // principal cache, which revocations clear before the next request), so
  // logout, deactivation and role changes take effect immediately.
  const principal = await principals.load(claims.sid, Number(claims.sub));
  if (!principal) throw sessionEnded();
  return principal;
}

export function registerAuthentication(
  app: FastifyInstance,
  options: { jwt: JWT; principals: PrincipalStore; requirementOf: (operationId: string) => Requirement },
): { enforceAfterRateLimit(): void } {
  const { jwt, principals, requirementOf } = options;

  app.addHook('onRequest', async (request) => {
    const req = request as AuthRequest;
    const operationId = req.routeOptions.config.operationId;
    if (operationId === undefined) return;
    // Public operations use a token when one is sent (the per-user rate
    // limit), and ignore it when it is not valid.
    if (requirementOf(operationId) === null && req.headers.authorization === undefined) return;
    try {
      req.principal = await principalFor(req, jwt, principals);
    } catch (err) {
      req.authFailure = err;
    }
  });

  return {
    /** Adds the refusal to every contract route, after the rate limiter's own onRequest hook. */
    enforceAfterRateLimit() {
      app.addHook('onRoute', (route) => {
        const operationId = route.config?.operationId;
        if (operationId === undefined) return;
        const requirement = requirementOf(operationId);
        if (requirement === null) return;
        const enforce = async (request: FastifyRequest) => {
          const req = request as AuthRequest;
          if (!req.principal) throw req.authFailure ?? new AppError('AUTHENTICATION_ERROR', 'Authentication required');
          if (requirement.includes('admin') && req.principal.role !== 'admin') throw forbidden();
        };
        const existing = route.onRequest;
        route.onRequest = [...(Array.isArray(existing) ? existing : existing ? [existing] : []), enforce];
      });
    },
  };
}

/** The requirement of each operation, from its `security` or the contract's default. */
export function requirementsOf(
  operations: ReadonlyMap<string, Record<string, unknown>>,
  defaultSecurity: unknown,
): (operationId: string) => Requirement {
  const byId = new Map<string, Requirement>();
  for (const [id, op] of operations) {
    const security = (op.security ?? defaultSecurity ?? []) as Array<Record<string, string[]>>;
    const first = security[0];
    byId.set(id, first && Object.keys(first).length > 0 ? (Object.values(first)[0] ?? []) : null);
  }
  // An operation the contract does not list needs an authenticated caller.
  return (operationId) => (byId.has(operationId) ? (byId.get(operationId) ?? null) : []);
}
