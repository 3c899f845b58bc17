// Which addresses a webhook may reach, and that the check covers every
// address a host resolves to.
import { describe, expect, it } from 'vitest';
import { checkTarget, isInternalAddress, RefusedAddress } from '../../../server/src/webhooks/address-guard.js';
import { retryDelaySeconds } from '../../../server/src/webhooks/backoff.js';

const closed = { production: false, allowPrivateNetworks: false };

describe('isInternalAddress', () => {
  it.each([
    '127.0.0.1',
    '127.1.2.3',
    '10.0.0.1',
    '10.255.255.255',
    '172.16.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::',
    '::1',
    'fe80::1',
    'fd00::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:169.254.169.254',
    '::ffff:10.0.0.1',
    '64:ff9b::7f00:1',
  ])('refuses %s', (address) => {
    expect(isInternalAddress(address)).toBe(true);
  });

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])(
    'allows %s',
    (address) => {
      expect(isInternalAddress(address)).toBe(false);
    },
  );
});

describe('checkTarget', () => {
  it('refuses a host when any of its addresses is internal (a name resolving to loopback)', async () => {
    const resolve = async () => [
      { address: '93.184.216.34', family: 4 },
      { address: '127.0.0.1', family: 4 },
    ];
    await expect(checkTarget('https://rebind.example/hook', { ...closed, resolve })).rejects.toThrow(RefusedAddress);
  });

  it('answers the first checked address, which delivery connects to', async () => {
    const resolve = async () => [{ address: '93.184.216.34', family: 4 }];
    const target = await checkTarget('https://shop.example/hook', { ...closed, resolve });
    expect(target).toMatchObject({ address: '93.184.216.34', family: 4 });
  });

  it('refuses http in production, credentials in the URL, and other schemes', async () => {
    const resolve = async () => [{ address: '93.184.216.34', family: 4 }];
    await expect(
      checkTarget('http://shop.example/hook', { production: true, allowPrivateNetworks: false, resolve }),
    ).rejects.toThrow('must use https');
    await expect(checkTarget('https://u:p@shop.example/', { ...closed, resolve })).rejects.toThrow('credentials');
    await expect(checkTarget('ftp://shop.example/', { ...closed, resolve })).rejects.toThrow('http or https');
  });

  it('takes IPv6 literals in brackets', async () => {
    await expect(checkTarget('http://[::1]:8080/', closed)).rejects.toThrow('internal');
    await expect(checkTarget('http://[::ffff:7f00:1]/', closed)).rejects.toThrow('internal');
  });

  it('lets internal addresses through when private networks are allowed', async () => {
    const target = await checkTarget('http://127.0.0.1:9/', { production: false, allowPrivateNetworks: true });
    expect(target.address).toBe('127.0.0.1');
  });
});

describe('retryDelaySeconds', () => {
  const settings = { webhookRetryDelaySeconds: 30, webhookRetryMaxDelaySeconds: 21600 };
  it('doubles per attempt, with jitter between half and all of it, up to the cap', () => {
    expect(retryDelaySeconds(1, settings, () => 1)).toBe(30);
    expect(retryDelaySeconds(1, settings, () => 0)).toBe(15);
    expect(retryDelaySeconds(4, settings, () => 1)).toBe(240);
    expect(retryDelaySeconds(20, settings, () => 1)).toBe(21600);
  });

  it('spreads the default 14 attempts over about a day', () => {
    let total = 0;
    for (let attempt = 1; attempt < 14; attempt++) total += retryDelaySeconds(attempt, settings, () => 0.5);
    expect(total / 3600).toBeGreaterThan(16);
    expect(total / 3600).toBeLessThan(32);
  });
});
