// Access tokens are short-lived HS256 JWTs; refresh tokens are opaque random
// strings stored only as SHA-256 hashes. Being different kinds of token, a
// refresh token can never pass as an access token (RFC 8725 §3.12).
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { JWT } from '@fastify/jwt';
import { AppError } from '../errors.js';
import type { Principal } from '../identity/principal.js';

export interface AccessClaims {
  sub: string;
  sid: number;
  role: Principal['role'];
  typ: 'access';
  jti: string;
  iat: number;
}

/** Ids are Postgres `integer` identities; a claim outside that range names no row. */
const MAX_ID = 2_147_483_647;
/** How far ahead of our clock an `iat` may be (another instance's clock may run slightly fast). */
const IAT_SKEW_SECONDS = 30;

export function jwtPluginOptions(config: {
  jwtSecret: string;
  jwtIssuer: string;
  jwtAudience: string;
  accessTokenTtl: number;
}) {
  return {
    secret: config.jwtSecret,
    sign: {
      algorithm: 'HS256' as const,
      iss: config.jwtIssuer,
      aud: config.jwtAudience,
      expiresIn: config.accessTokenTtl /* seconds: @fastify/jwt reads a number as seconds */,
    },
    verify: {
      algorithms: ['HS256' as const],
      allowedIss: config.jwtIssuer,
      allowedAud: config.jwtAudience,
      requiredClaims: ['exp', 'iat', 'sub', 'sid', 'jti', 'typ'],
    },
  };
}

export function signAccessToken(jwt: JWT, principal: Principal): string {
  const claims: Omit<AccessClaims, 'iat'> = {
    sub: String(principal.userId),
    sid: principal.sessionId,
    role: principal.role,
    typ: 'access',
    jti: randomUUID(),
  };
  return jwt.sign(claims);
}

/** Verifies signature, algorithm, issuer, audience and lifetime; throws a 401 AppError otherwise. */
export function verifyAccessToken(jwt: JWT, token: string): AccessClaims {
  let claims: Partial<AccessClaims>;
  try {
    claims = jwt.verify<Partial<AccessClaims>>(token);
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'FAST_JWT_EXPIRED')
      throw new AppError('TOKEN_EXPIRED', 'The access token has expired', undefined, bearerChallenge('invalid_token'));
    throw new AppError(
      'AUTHENTICATION_ERROR',
      'The access token is invalid',
      undefined,
      bearerChallenge('invalid_token'),
    );
  }
  if (!wellFormed(claims)) {
    throw new AppError(
      'AUTHENTICATION_ERROR',
      'The access token is invalid',
      undefined,
      bearerChallenge('invalid_token'),
    );
  }
  return claims;
}

/**
 * The claims our own tokens always have, checked beyond the signature: a
 * token signed with our key but with claims we never issue (a future or
 * textual `iat`, ids no row can have) is invalid, not a database error later.
 */
function wellFormed(claims: Partial<AccessClaims>): claims is AccessClaims {
  const { typ, sid, sub, iat } = claims;
  return (
    typ === 'access' &&
    typeof sid === 'number' &&
    Number.isInteger(sid) &&
    sid >= 1 &&
    sid <= MAX_ID &&
    typeof sub === 'string' &&
    /^[1-9][0-9]{0,9}$/.test(sub) &&
    Number(sub) <= MAX_ID &&
    typeof iat === 'number' &&
    Number.isFinite(iat) &&
    iat <= Date.now() / 1000 + IAT_SKEW_SECONDS
  );
}

export function bearerChallenge(error?: string): Record<string, string> {
  return { 'www-authenticate': error ? `Bearer realm="storefront", error="${error}"` : 'Bearer realm="storefront"' };
}

/** The 401 for a token whose session has ended (logout, logout everywhere, deactivation). */
export function sessionEnded(): AppError {
  return new AppError('TOKEN_REVOKED', 'The session has been revoked', undefined, bearerChallenge('invalid_token'));
}

export function newRefreshToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashRefreshToken(token) };
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
