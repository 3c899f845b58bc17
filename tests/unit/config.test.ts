import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config.js';

describe('configuration', () => {
  it('has the documented defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      dataDir: './.data',
      accessTokenTtl: 900,
      refreshTokenTtl: 604800,
      bcryptCost: 12,
      adminUsername: 'admin',
      rateLimitAnon: 20,
      rateLimitUser: 100,
      rateLimitAuth: 10,
      rateLimitWindow: 60,
      rateLimitIpv6Prefix: 64,
      redisUrl: undefined,
      corsOrigins: [],
      logLevel: 'info',
    });
  });

  it('makes a random JWT secret in development, with a warning', () => {
    const a = loadConfig({});
    const b = loadConfig({});
    expect(a.jwtSecret).not.toBe(b.jwtSecret);
    expect(a.warnings.join()).toMatch(/JWT_SECRET/);
  });

  it('requires JWT_SECRET in production and refuses placeholders', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET is required/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) })).toThrow(/placeholder/);
    expect(
      loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'a-real-random-secret-of-enough-length-123' }).warnings,
    ).toEqual([]);
  });

  it('names the variable when a value is invalid', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ BCRYPT_COST: '3' })).toThrow(/BCRYPT_COST/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ JWT_SECRET: 'short' })).toThrow(/JWT_SECRET/);
    expect(() => loadConfig({ ADMIN_EMAIL: 'a@b.c' })).toThrow(/ADMIN_PASSWORD/);
    expect(() => loadConfig({ RATE_LIMIT_IPV6_PREFIX: '31' })).toThrow(/RATE_LIMIT_IPV6_PREFIX/);
    expect(() => loadConfig({ RATE_LIMIT_IPV6_PREFIX: '129' })).toThrow(/RATE_LIMIT_IPV6_PREFIX/);
  });

  it('names the allowed values of a setting with a list of choices, once', () => {
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(
      'Invalid configuration: LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
    );
  });

  it('parses CORS_ORIGINS as a comma-separated list', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://a.example, https://b.example' }).corsOrigins).toEqual([
      'https://a.example',
      'https://b.example',
    ]);
  });
});

describe('TRUST_PROXY', () => {
  it('is off by default', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
  });

  it('takes true, a hop count, or addresses and CIDRs', () => {
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.7,::1,fd00::/8,loopback' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '192.168.1.7',
      '::1',
      'fd00::/8',
      'loopback',
    ]);
  });

  it('refuses anything else, naming the variable', () => {
    for (const bad of ['yes', '10.0.0.0/33', '300.1.1.1', 'proxy.example', '10.0.0.0/8/1', 'fd00::/129']) {
      expect(() => loadConfig({ TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY/);
    }
  });
});
