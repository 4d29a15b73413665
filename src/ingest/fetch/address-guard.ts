import { BLOCKED_HOST_NAMES, BLOCKED_IPV4, BLOCKED_IPV6, type BlockedRange } from './blocked-ranges.js';

/**
 * The address half of the SSRF guard: parses IPv4 and IPv6 addresses to bytes (including the legacy
 * `inet_aton` forms a URL host may use: `2130706433`, `0177.0.0.1`, `0x7f.1`), unwraps IPv6 forms that
 * embed an IPv4 address, and judges an address against the blocked ranges in `blocked-ranges.ts`. Pure
 * functions, no DNS: `safe-fetch.ts` calls them on every resolved address before it connects.
 */

/** Why an address is refused, or null when it is a public unicast address. */
export type AddressVerdict = { blocked: true; reason: string } | { blocked: false };

/** Parses one inet_aton part: decimal, `0`-prefixed octal or `0x` hex. NaN when malformed. */
function parsePart(s: string): number {
  if (s === '') return Number.NaN;
  let radix = 10;
  let digits = s;
  if (s.length > 1 && (s[1] === 'x' || s[1] === 'X') && s[0] === '0') {
    radix = 16;
    digits = s.slice(2);
    if (digits === '') return 0;
  } else if (s.length > 1 && s[0] === '0') {
    radix = 8;
    digits = s.slice(1);
  }
  const valid = radix === 16 ? /^[0-9a-fA-F]+$/ : radix === 8 ? /^[0-7]+$/ : /^[0-9]+$/;
  if (!valid.test(digits) || digits.length > 12) return Number.NaN;
  return Number.parseInt(digits, radix);
}

/**
 * Parses an IPv4 address in any form `inet_aton` accepts (and so any form a browser or curl would connect
 * to): 1 to 4 dot-separated parts, each decimal, octal or hex, the last part filling the remaining bytes.
 * Returns the 4 bytes, or null when `s` is not an IPv4 address.
 */
export function parseIPv4(s: string): number[] | null {
  const host = s.endsWith('.') ? s.slice(0, -1) : s;
  const parts = host.split('.');
  if (parts.length < 1 || parts.length > 4) return null;
  const nums = parts.map(parsePart);
  if (nums.some((n) => !Number.isFinite(n) || n < 0)) return null;
  const last = nums[nums.length - 1]!;
  const head = nums.slice(0, -1);
  if (head.some((n) => n > 255)) return null;
  const lastBytes = 4 - head.length;
  if (last >= 256 ** lastBytes) return null;
  const bytes = [...head];
  for (let i = lastBytes - 1; i >= 0; i--) bytes.push(Math.floor(last / 256 ** i) % 256);
  return bytes;
}

/** Parses an IPv6 address (optionally in brackets, with an embedded dotted IPv4 tail) to 16 bytes, or null. */
export function parseIPv6(s: string): number[] | null {
  let host = s.startsWith('[') && s.endsWith(']') ? s.slice(1, -1) : s;
  const zone = host.indexOf('%');
  if (zone >= 0) host = host.slice(0, zone);
  if (!host.includes(':')) return null;
  let tail: number[] = [];
  const lastColon = host.lastIndexOf(':');
  const lastGroup = host.slice(lastColon + 1);
  if (lastGroup.includes('.')) {
    const parts = lastGroup.split('.');
    if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return null;
    tail = parts.map(Number);
    host = `${host.slice(0, lastColon + 1)}0:0`;
  }
  const halves = host.split('::');
  if (halves.length > 2) return null;
  const groups = (h: string): number[] | null => {
    if (h === '') return [];
    const out: number[] = [];
    for (const g of h.split(':')) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
      out.push(Number.parseInt(g, 16));
    }
    return out;
  };
  const left = groups(halves[0]!);
  const right = halves.length === 2 ? groups(halves[1]!) : [];
  if (!left || !right) return null;
  const missing = 8 - left.length - right.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const all = [...left, ...new Array<number>(halves.length === 2 ? missing : 0).fill(0), ...right];
  const bytes: number[] = [];
  for (const g of all) bytes.push(g >> 8, g & 0xff);
  if (tail.length === 4) bytes.splice(12, 4, ...tail);
  return bytes;
}

interface ParsedRange {
  bytes: number[];
  prefix: number;
  reason: string;
}

function parseRanges(ranges: readonly BlockedRange[], v6: boolean): ParsedRange[] {
  return ranges.map((r) => {
    const [addr, len] = r.cidr.split('/');
    const bytes = v6 ? parseIPv6(addr!) : parseIPv4(addr!);
    if (!bytes) throw new Error(`blocked-ranges: bad CIDR ${r.cidr}`);
    return { bytes, prefix: Number(len), reason: r.reason };
  });
}

const V4_RANGES = parseRanges(BLOCKED_IPV4, false);
const V6_RANGES = parseRanges(BLOCKED_IPV6, true);

function inRange(bytes: number[], r: ParsedRange): boolean {
  let bits = r.prefix;
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if ((bytes[i]! & mask) !== (r.bytes[i]! & mask)) return false;
  }
  return true;
}

/**
 * The IPv4 address an IPv6 address carries, when it is one of the forms that reach an IPv4 host:
 * IPv4-mapped `::ffff:a.b.c.d`, IPv4-compatible `::a.b.c.d`, NAT64 `64:ff9b::a.b.c.d` and 6to4
 * `2002:aabb:ccdd::`. Null otherwise.
 */
export function embeddedIPv4(b: number[]): number[] | null {
  const zeros = (from: number, to: number) => b.slice(from, to).every((x) => x === 0);
  if (zeros(0, 10) && b[10] === 0xff && b[11] === 0xff) return b.slice(12, 16);
  if (zeros(0, 12) && !zeros(12, 16) && !(zeros(12, 15) && b[15] === 1)) return b.slice(12, 16);
  if (b[0] === 0x00 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b && zeros(4, 12))
    return b.slice(12, 16);
  if (b[0] === 0x20 && b[1] === 0x02) return b.slice(2, 6);
  return null;
}

function judgeV4(bytes: number[]): AddressVerdict {
  for (const r of V4_RANGES) if (inRange(bytes, r)) return { blocked: true, reason: r.reason };
  return { blocked: false };
}

/**
 * Judges one IP address (v4 in any inet_aton form, or v6). Non-addresses are blocked too: the guard must
 * never wave through something it could not read.
 */
export function judgeAddress(address: string): AddressVerdict {
  const v4 = parseIPv4(address);
  if (v4) return judgeV4(v4);
  const v6 = parseIPv6(address);
  if (!v6) return { blocked: true, reason: `not an IP address (${address})` };
  const inner = embeddedIPv4(v6);
  if (inner) {
    const verdict = judgeV4(inner);
    if (verdict.blocked) return { blocked: true, reason: `${verdict.reason} (IPv4 inside IPv6)` };
    // Mapped, compatible and NAT64 forms reach exactly that IPv4 host: its verdict is the verdict.
    if (!(v6[0] === 0x20 && v6[1] === 0x02)) return { blocked: false };
  }
  for (const r of V6_RANGES) if (inRange(v6, r)) return { blocked: true, reason: r.reason };
  // Only global unicast (2000::/3) is public; the rest of the IPv6 space is unassigned or special.
  if ((v6[0]! & 0xe0) !== 0x20) return { blocked: true, reason: 'not a global unicast address' };
  return { blocked: false };
}

/** True when `host` (a URL hostname, brackets allowed) is an IP literal rather than a DNS name. */
export function isIpLiteral(host: string): boolean {
  return parseIPv4(host) !== null || parseIPv6(host) !== null;
}

/** True for names that mean this machine or a metadata service whatever DNS answers. */
export function isBlockedHostName(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return BLOCKED_HOST_NAMES.includes(h) || h.endsWith('.localhost');
}

/**
 * An allow-list of CIDRs that opens the guard for chosen private addresses only (a newsroom CMS on
 * 10.1.2.3), narrower than opening it for everything.
 */
export function addressInCidrs(address: string, cidrs: readonly string[]): boolean {
  const v4 = parseIPv4(address);
  const v6 = v4 ? null : parseIPv6(address);
  const inner = v6 ? embeddedIPv4(v6) : null;
  for (const c of cidrs) {
    const [addr, len] = c.split('/');
    const r4 = parseIPv4(addr!);
    const r6 = r4 ? null : parseIPv6(addr!);
    const prefix = len === undefined ? (r4 ? 32 : 128) : Number(len);
    if (r4) {
      const bytes = v4 ?? inner;
      if (bytes && inRange(bytes, { bytes: r4, prefix, reason: '' })) return true;
    } else if (r6 && v6 && inRange(v6, { bytes: r6, prefix, reason: '' })) return true;
  }
  return false;
}
