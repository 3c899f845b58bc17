// The balancer and pooler settings the drill runs with (and the README
// describes): HAProxy routes on /readyz and retries what never reached an
// instance; PgBouncer pools transactions with its defaults otherwise.
import { describe, expect, it } from 'vitest';
import { chartSvg } from '../../../fleet/src/chart.js';
import { haproxyConfig } from '../../../fleet/src/haproxy.js';
import { pgbouncerConfig } from '../../../fleet/src/pgbouncer.js';

describe('haproxyConfig', () => {
  const config = haproxyConfig({ port: 7100, socket: '/tmp/s', backends: [{ name: 'api1', port: 7101 }] });

  it('checks /readyz with a Host header, often, and takes an instance out after two failures', () => {
    expect(config).toContain('http-check send meth GET uri /readyz ver HTTP/1.1 hdr Host');
    expect(config).toContain('http-check expect status 200');
    expect(config).toMatch(/default-server check inter 500ms .*fall 2 rise 2/);
    expect(config).toContain('server api1 127.0.0.1:7101');
  });

  it('sends a request whose connection failed or got no answer to another instance', () => {
    expect(config).toContain('option redispatch');
    expect(config).toContain('retry-on conn-failure empty-response');
    expect(config).toContain('option http-keep-alive');
  });
});

describe('pgbouncerConfig', () => {
  it('pools transactions, retries a failed server login after 1 s, and sets nothing else beyond what it needs to run', () => {
    const config = pgbouncerConfig({ port: 7102, postgresPort: 7103, authFile: '/a', pidFile: '/p' });
    expect(config).toContain('pool_mode = transaction');
    expect(config).toMatch(/^server_login_retry = 1\b/m);
    const settings = config
      .split('\n')
      .filter((l) => l.includes('=') && !l.startsWith('storefront'))
      .map((l) => l.split('=')[0]!.trim());
    expect(settings.sort()).toEqual(
      [
        'auth_file',
        'auth_type',
        'listen_addr',
        'listen_port',
        'pidfile',
        'pool_mode',
        'server_login_retry',
        'unix_socket_dir',
      ].sort(),
    );
  });
});

describe('chartSvg', () => {
  it('names every phase and draws every fault with its label', () => {
    const svg = chartSvg({
      title: 't',
      subtitle: 's',
      buckets: [{ t: 0, requests: 5, failures: 1, p50: 10, p99: 50 }],
      phases: [
        { name: 'baseline', start: 0, end: 500 },
        { name: 'Redis outage', start: 500, end: 1000 },
      ],
      events: [
        { at: 600, label: 'Redis stopped', kind: 'fault' },
        { at: 900, label: 'Redis back', kind: 'recovery' },
      ],
    });
    expect(svg).toContain('>baseline<');
    expect(svg).toContain('>Redis outage<');
    expect(svg).toContain('>Redis stopped<');
    expect(svg.match(/stroke-dasharray/g)).toHaveLength(2);
  });
});
