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
    expect(packageOf('', 'JSON.stringify')).toBe('native (V8 builtins, Node bindings)');
  });

  it('charges each sample to the function on top of the stack and leaves idle out of the shares', () => {
    const summary = summariseProfile({
      startTime: 0,
      endTime: 18000,
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

  it('charges a native function to the package of the script that called it', () => {
    const summary = summariseProfile({
      startTime: 0,
      endTime: 3000,
      nodes: [
        { ...frame(1, 'write', 'file:///r/node_modules/pino/lib/tools.js'), children: [2] },
        frame(2, 'writeUtf8String', ''),
      ],
      samples: [2, 2],
      timeDeltas: [1000, 1000],
    });
    expect(summary.byPackage).toEqual([{ name: 'pino', ms: 2, share: 1 }]);
    expect(summary.byFunction[0]?.name).toBe('writeUtf8String (native, from write (pino))');
  });

  it('keeps only the samples of a window counted back from the end of the profile', () => {
    const summary = summariseProfile(
      {
        startTime: 0,
        endTime: 10000,
        nodes: [frame(1, 'boot', 'node:internal/main'), frame(2, 'handler', 'file:///r/server/dist/a.js')],
        // samples at 1, 2, 6 and 9 ms
        samples: [1, 1, 2, 2],
        timeDeltas: [1000, 1000, 4000, 3000],
      },
      10,
      { fromEndUs: 5000, toEndUs: 500 },
    );
    expect(summary.byPackage).toEqual([{ name: 'storefront (our code)', ms: 7, share: 1 }]);
  });
});
