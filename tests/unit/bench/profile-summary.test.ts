import { describe, expect, it } from 'vitest';
import { packageOf, summariseProfile } from '../../../bench/src/profile-summary.js';

const frame = (id: number, functionName: string, url: string) => ({
  id,
  callFrame: { functionName, url, lineNumber: 0 },
});

describe('CPU profile summary', () => {
  it('names the package a function lives in', () => {
    expect(packageOf('file:///repo/node_modules/.pnpm/fastify@5.12.8/node_modules/fastify/lib/route.js', 'f')).toBe(
      'fastify',
    );
    expect(packageOf('file:///repo/node_modules/.pnpm/@fastify+ajv@1/node_modules/@fastify/ajv/index.js', 'f')).toBe(
      '@fastify/ajv',
    );
    expect(packageOf('node:internal/streams/writable', 'write')).toBe('node internals');
    expect(packageOf('file:///repo/server/dist/products/products.handlers.js', 'getProduct')).toBe(
      'storefront (our code)',
    );
    expect(packageOf('', '(garbage collector)')).toBe('(garbage collector)');
    expect(packageOf('', 'JSON.stringify')).toBe('V8 builtins and native');
  });

  it('charges each sample to the function on top of the stack and leaves idle out of the shares', () => {
    const summary = summariseProfile({
      nodes: [
        frame(1, '(idle)', ''),
        frame(2, 'query', 'file:///r/node_modules/pg/lib/client.js'),
        frame(3, 'write', 'node:net'),
      ],
      samples: [1, 2, 2, 3, 1],
      timeDeltas: [5000, 1000, 2000, 1000, 9000],
    });
    expect(summary.totalMs).toBe(4);
    expect(summary.byPackage).toEqual([
      { name: 'pg', ms: 3, share: 0.75 },
      { name: 'node internals', ms: 1, share: 0.25 },
    ]);
    expect(summary.byFunction[0]).toEqual({ name: 'query (pg)', ms: 3, share: 0.75 });
  });
});
