// Access tokens are short-lived HS256 JWTs; refresh tokens are opaque random
// strings stored only as SHA-256 hashes. Being different kinds of token, a
// refresh token can never pass as an access token (RFC 8725 §3.12).
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { JWT } from '@fastify/jwt';
import { AppError } from '../errors.js';
import type { Principal } from './principal.js';

export interface AccessClaims {
  sub: string;
  sid: number;
  role: Principal['role'];
  typ: 'access';
  jti: string;
}

export function jwtPluginOptions(config: { jwtSecret: string; jwtIssuer: string; jwtAudience: string; accessTokenTtl: number }) {
  return {
    secret: config.jwtSecret,
    sign: { algorithm: 'HS256' as const, iss: config.jwtIssuer, aud: config.jwtAudience, expiresIn: config.accessTokenTtl /* seconds: @fastify/jwt reads a number as seconds */ },
    verify: {
      algorithms: ['HS256' as const],
      allowedIss: config.jwtIssuer,
      allowedAud: config.jwtAudience,
      requiredClaims: ['exp', 'iat', 'sub', 'sid', 'jti', 'typ'],
    },
  };
}

export function signAccessToken(jwt: JWT, principal: Principal): string {
  const claims: AccessClaims = {
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
    if (code === 'FAST_JWT_EXPIRED') throw new AppError('TOKEN_EXPIRED', 'The access token has expired', undefined, bearerChallenge('invalid_token'));
    throw new AppError('AUTHENTICATION_ERROR', 'The access token is invalid', undefined, bearerChallenge('invalid_token'));
  }
  if (claims.typ !== 'access' || typeof claims.sid !== 'number' || !/^[1-9][0-9]*$/.test(claims.sub ?? '')) {
    throw new AppError('AUTHENTICATION_ERROR', 'The access token is invalid', undefined, bearerChallenge('invalid_token'));
  }
  return claims as AccessClaims;
}

export function bearerChallenge(error?: string): Record<string, string> {
  return { 'www-authenticate': error ? `Bearer realm="storefront", error="${error}"` : 'Bearer realm="storefront"' };
}

export function newRefreshToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashRefreshToken(token) };
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
