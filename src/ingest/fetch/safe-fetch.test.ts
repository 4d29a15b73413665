import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { judgeAddress, parseIPv4, parseIPv6 } from './address-guard.js';
import { checkUrl, fetchUrl, type Resolver } from './safe-fetch.js';

/**
 * Every connection in these tests goes to a server on 127.0.0.1 that the test starts itself. Refusal tests
 * must refuse before connecting: the `never` resolver fails the test if a lookup reaches it for a name that
 * should have been refused earlier.
 */

let server: Server;
let base: string;
let port: number;
let hits = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    hits++;
    const u = new URL(req.url ?? '/', 'http://x');
    if (u.pathname === '/story') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ETag: '"v1"' });
      res.end('<html><body><p>Caf\u00e9 opens.</p></body></html>');
    } else if (u.pathname === '/latin1') {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end(
        Buffer.concat([
          Buffer.from('<html><head><meta charset="windows-1252"></head><body><p>'),
          Buffer.from([0x93, 0x43, 0x61, 0x66, 0xe9, 0x94]),
          Buffer.from('</p></body></html>'),
        ]),
      );
    } else if (u.pathname === '/gzip') {
      res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Encoding': 'gzip' });
      res.end(gzipSync(Buffer.from('compressed wire text')));
    } else if (u.pathname === '/cond') {
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304);
        res.end();
      } else {
        res.writeHead(200, { ETag: '"v1"', 'Content-Type': 'text/plain' });
        res.end('fresh');
      }
    } else if (u.pathname === '/redirect') {
      const n = Number(u.searchParams.get('n') ?? '1');
      res.writeHead(302, { Location: n > 1 ? `/redirect?n=${n - 1}` : '/story' });
      res.end();
    } else if (u.pathname === '/to') {
      res.writeHead(301, { Location: u.searchParams.get('target') ?? '/' });
      res.end();
    } else if (u.pathname === '/big') {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end('x'.repeat(10_000));
    } else if (u.pathname === '/slow') {
      setTimeout(() => res.end('late'), 2000).unref();
    } else {
      res.writeHead(404);
      res.end('no');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

const never: Resolver = async (host) => {
  throw new Error(`test bug: resolver reached for ${host}`);
};

describe('SSRF guard refuses before connecting', () => {
  const cases: [string, RegExp][] = [
    ['http://127.0.0.1/', /loopback/],
    ['http://[::1]/', /loopback/],
    ['http://169.254.169.254/latest/meta-data/', /metadata/],
    ['http://10.0.0.1/', /private/],
    ['http://10.255.3.4:8080/x', /private/],
    ['http://192.168.1.1/', /private/],
    ['http://172.16.5.4/', /private/],
    ['http://100.64.0.1/', /carrier-grade NAT/],
    ['http://0.0.0.0/', /unspecified/],
    ['http://224.0.0.1/', /multicast/],
    ['http://[::ffff:127.0.0.1]/', /loopback/],
    ['http://[::ffff:169.254.169.254]/', /metadata/],
    ['http://[::127.0.0.1]/', /loopback/],
    ['http://[64:ff9b::a00:1]/', /private/],
    ['http://[fe80::1]/', /link-local/],
    ['http://[fd00:ec2::254]/', /metadata/],
    ['http://[fc00::5]/', /unique local/],
    ['http://[::]/', /unspecified/],
    ['http://2130706433/', /loopback/],
    ['http://0x7f000001/', /loopback/],
    ['http://017700000001/', /loopback/],
    ['http://0x7f.1/', /loopback/],
    ['http://127.1/', /loopback/],
  ];
  for (const [url, why] of cases) {
    it(`refuses ${url}`, async () => {
      const before = hits;
      await expect(fetchUrl(url, { resolver: never })).rejects.toMatchObject({
        code: 'E_FETCH_BLOCKED',
        message: expect.stringMatching(why),
      });
      expect(hits).toBe(before);
    });
  }

  it('refuses schemes other than http and https', () => {
    for (const url of [
      'file:///etc/passwd',
      'ftp://example.org/',
      'gopher://example.org/',
      'data:text/plain,hi',
    ]) {
      expect(() => checkUrl(url)).toThrow(/only http and https/);
    }
  });

  it('refuses localhost by name', async () => {
    await expect(fetchUrl(`http://localhost:${port}/story`, { resolver: never })).rejects.toMatchObject({
      code: 'E_FETCH_BLOCKED',
    });
  });

  it('refuses a DNS name that resolves to loopback, checked after resolution', async () => {
    const before = hits;
    const resolver: Resolver = async () => [{ address: '127.0.0.1', family: 4 }];
    await expect(fetchUrl(`http://news.example.test:${port}/story`, { resolver })).rejects.toMatchObject({
      code: 'E_FETCH_BLOCKED',
      message: expect.stringMatching(/127\.0\.0\.1 is loopback/),
    });
    expect(hits).toBe(before);
  });

  it('refuses a name when any of its addresses is private (no picking the public one)', async () => {
    const resolver: Resolver = async () => [
      { address: '93.184.216.34', family: 4 },
      { address: '::ffff:10.0.0.7', family: 6 },
    ];
    await expect(fetchUrl('http://mixed.example.test/', { resolver })).rejects.toMatchObject({
      code: 'E_FETCH_BLOCKED',
    });
  });

  it('refuses a redirect to loopback, checked again on the redirect', async () => {
    // The first hop is allowed through a one-address allow-list; the redirect goes to other loopback
    // addresses, which the guard must refuse before connecting.
    for (const target of [
      `http://127.0.0.2:${port}/story`,
      `http://[::1]:${port}/story`,
      `http://2130706434:${port}/story`,
    ]) {
      const before = hits;
      await expect(
        fetchUrl(`${base}/to?target=${encodeURIComponent(target)}`, {
          allowCidrs: ['127.0.0.1/32'],
          resolver: never,
        }),
      ).rejects.toMatchObject({ code: 'E_FETCH_BLOCKED', message: expect.stringMatching(/loopback/) });
      expect(hits).toBe(before + 1);
    }
  });

  it('refuses a redirect to a name that resolves to loopback', async () => {
    const resolver: Resolver = async () => [{ address: '127.0.0.1', family: 4 }];
    const target = `http://rebind.example.test:${port}/story`;
    await expect(
      fetchUrl(`${base}/to?target=${encodeURIComponent(target)}`, {
        allowCidrs: ['127.0.0.1/32'],
        resolver: async (h) => {
          if (h === 'rebind.example.test') return [{ address: '127.0.0.3', family: 4 }];
          return resolver(h);
        },
      }),
    ).rejects.toMatchObject({ code: 'E_FETCH_BLOCKED' });
  });
});

describe('address parsing', () => {
  it('reads every inet_aton form of an IPv4 address', () => {
    expect(parseIPv4('2130706433')).toEqual([127, 0, 0, 1]);
    expect(parseIPv4('0177.0.0.01')).toEqual([127, 0, 0, 1]);
    expect(parseIPv4('0x7f.0x0.0.1')).toEqual([127, 0, 0, 1]);
    expect(parseIPv4('10.65535')).toEqual([10, 0, 255, 255]);
    expect(parseIPv4('256.1.1.1')).toBeNull();
    expect(parseIPv4('news.example.org')).toBeNull();
  });

  it('reads IPv6 with compression and an IPv4 tail', () => {
    expect(parseIPv6('::ffff:127.0.0.1')?.slice(10)).toEqual([0xff, 0xff, 127, 0, 0, 1]);
    expect(parseIPv6('[2001:db8::1]')?.[15]).toBe(1);
    expect(parseIPv6('1::2::3')).toBeNull();
  });

  it('lets public unicast addresses through', () => {
    expect(judgeAddress('93.184.216.34')).toEqual({ blocked: false });
    expect(judgeAddress('2606:4700::1111')).toEqual({ blocked: false });
    expect(judgeAddress('::ffff:93.184.216.34')).toEqual({ blocked: false });
  });
});

describe('fetching from a local server with the guard opened for the test', () => {
  const open = { allowPrivate: true } as const;

  it('fetches a page and decodes it by its header charset', async () => {
    const r = await fetchUrl(`${base}/story`, open);
    expect(r.status).toBe(200);
    expect(r.text).toContain('Café opens.');
    expect(r.etag).toBe('"v1"');
  });

  it('decodes by <meta charset> when the header has none', async () => {
    const r = await fetchUrl(`${base}/latin1`, open);
    expect(r.charset?.from).toBe('meta');
    expect(r.text).toContain('“Café”');
  });

  it('decompresses gzip', async () => {
    expect((await fetchUrl(`${base}/gzip`, open)).text).toBe('compressed wire text');
  });

  it('follows up to 5 redirects and refuses the 6th', async () => {
    const r = await fetchUrl(`${base}/redirect?n=5`, open);
    expect(r.url).toBe(`${base}/story`);
    expect(r.redirects).toHaveLength(5);
    await expect(fetchUrl(`${base}/redirect?n=6`, open)).rejects.toMatchObject({
      code: 'E_FETCH',
      message: expect.stringMatching(/more than 5/),
    });
  });

  it('answers a conditional GET with notModified', async () => {
    const first = await fetchUrl(`${base}/cond`, open);
    const again = await fetchUrl(`${base}/cond`, { ...open, headers: { 'If-None-Match': first.etag! } });
    expect(again.notModified).toBe(true);
    expect(again.text).toBe('');
  });

  it('stops a body over the size cap', async () => {
    await expect(fetchUrl(`${base}/big`, { ...open, maxBytes: 1000 })).rejects.toMatchObject({
      code: 'E_INPUT_TOO_LARGE',
    });
  });

  it('gives up after the timeout', async () => {
    await expect(fetchUrl(`${base}/slow`, { ...open, timeoutMs: 200 })).rejects.toMatchObject({
      code: 'E_FETCH',
      message: expect.stringMatching(/timed out/),
    });
  });

  it('reports an HTTP error status', async () => {
    await expect(fetchUrl(`${base}/missing`, open)).rejects.toMatchObject({
      code: 'E_FETCH',
      message: expect.stringMatching(/HTTP 404/),
    });
  });

  it('connects to the resolved address it checked (a name pinned to 127.0.0.1)', async () => {
    const resolver: Resolver = async () => [{ address: '127.0.0.1', family: 4 }];
    const r = await fetchUrl(`http://cms.newsroom.test:${port}/story`, {
      allowCidrs: ['127.0.0.1/32'],
      resolver,
    });
    expect(r.text).toContain('Café');
  });
});
