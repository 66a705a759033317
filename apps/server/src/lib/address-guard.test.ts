import { describe, expect, it } from 'vitest';
import { AllowList, checkTarget, RefusedTarget, type Resolver } from './address-guard.ts';

/** A resolver that knows a few made-up names, as DNS would answer them. */
const resolver: Resolver = async (host) => {
  const names: Record<string, string[]> = {
    'intranet.example': ['192.168.1.10'],
    'mixed.example': ['93.184.215.14', '10.0.0.7'],
    'public.example': ['93.184.215.14'],
    'v6.example': ['2606:4700::6810:84e5'],
  };
  const found = names[host];
  if (!found) throw new Error('ENOTFOUND');
  return found.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
};
const none = new AllowList([]);
const check = (url: string, allow = none) => checkTarget(url, { resolver, allow });

describe('where a webhook may go', () => {
  it.each([
    'http://127.0.0.1/hook',
    'http://127.8.9.10:8080/',
    'http://[::1]/hook',
    'http://10.1.2.3/hook',
    'http://172.16.5.4/',
    'http://192.168.0.1/',
    'http://169.254.169.254/latest/meta-data/',
    'http://100.64.0.1/',
    'http://0.0.0.0/',
    'http://[fd00:ec2::254]/',
    'http://[fe80::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://[::ffff:a9fe:a9fe]/',
    'http://[64:ff9b::a00:1]/',
    'http://224.0.0.1/',
    'http://intranet.example/hook',
    // One forbidden answer among good ones is enough to refuse.
    'http://mixed.example/hook',
    'http://unknown.example/hook',
    'ftp://public.example/',
  ])('refuses %s without the allow-list', async (url) => {
    await expect(check(url)).rejects.toBeInstanceOf(RefusedTarget);
  });

  it('answers the checked address to connect to', async () => {
    await expect(check('https://public.example/hook')).resolves.toMatchObject({
      address: '93.184.215.14',
      family: 4,
    });
    await expect(check('https://v6.example/hook')).resolves.toMatchObject({ family: 6 });
    await expect(check('http://93.184.215.14/')).resolves.toMatchObject({ family: 4 });
  });

  it('lets the allow-list open hosts, addresses and ranges', async () => {
    const allow = new AllowList(['127.0.0.1', '10.0.0.0/8', 'intranet.example', '[::1]']);
    await expect(check('http://127.0.0.1:9000/', allow)).resolves.toBeTruthy();
    await expect(check('http://[::1]/', allow)).resolves.toBeTruthy();
    await expect(check('http://10.200.1.1/', allow)).resolves.toBeTruthy();
    await expect(check('http://intranet.example/', allow)).resolves.toMatchObject({
      address: '192.168.1.10',
    });
    await expect(check('http://127.0.0.2/', allow)).rejects.toBeInstanceOf(RefusedTarget);
    await expect(check('http://169.254.169.254/', allow)).rejects.toBeInstanceOf(RefusedTarget);
  });

  it('checks what an allow-list entry may look like', () => {
    for (const ok of ['hooks.internal', '10.0.0.0/8', '127.0.0.1', '::1', 'fd00::/8', '[::1]']) {
      expect(AllowList.isEntry(ok), ok).toBe(true);
    }
    for (const bad of ['10.0.0.0/33', 'a/b/c', 'http://x', '', 'fd00::/129']) {
      expect(AllowList.isEntry(bad), bad).toBe(false);
    }
  });
});
