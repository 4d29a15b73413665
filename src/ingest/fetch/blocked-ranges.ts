/**
 * Address ranges the SSRF guard refuses by default, as data: each CIDR with the reason shown to the user.
 * Sources: IANA IPv4/IPv6 Special-Purpose Address Registries (RFC 6890 and successors) and the cloud
 * metadata addresses. IPv6 forms that embed an IPv4 address (mapped, compatible, NAT64, 6to4) are unwrapped
 * by `address-guard.ts` and judged by the IPv4 table, so `[::ffff:127.0.0.1]` is loopback.
 */
export interface BlockedRange {
  cidr: string;
  reason: string;
}

export const BLOCKED_IPV4: readonly BlockedRange[] = Object.freeze([
  { cidr: '0.0.0.0/8', reason: 'unspecified ("this network")' },
  { cidr: '10.0.0.0/8', reason: 'private' },
  { cidr: '100.64.0.0/10', reason: 'carrier-grade NAT (shared address space)' },
  { cidr: '127.0.0.0/8', reason: 'loopback' },
  { cidr: '169.254.169.254/32', reason: 'cloud metadata service' },
  { cidr: '169.254.0.0/16', reason: 'link-local' },
  { cidr: '172.16.0.0/12', reason: 'private' },
  { cidr: '192.0.0.0/24', reason: 'IETF protocol assignments' },
  { cidr: '192.0.2.0/24', reason: 'documentation (TEST-NET-1)' },
  { cidr: '192.88.99.0/24', reason: '6to4 relay anycast' },
  { cidr: '192.168.0.0/16', reason: 'private' },
  { cidr: '198.18.0.0/15', reason: 'benchmarking' },
  { cidr: '198.51.100.0/24', reason: 'documentation (TEST-NET-2)' },
  { cidr: '203.0.113.0/24', reason: 'documentation (TEST-NET-3)' },
  { cidr: '224.0.0.0/4', reason: 'multicast' },
  { cidr: '240.0.0.0/4', reason: 'reserved' },
  { cidr: '255.255.255.255/32', reason: 'broadcast' },
]);

export const BLOCKED_IPV6: readonly BlockedRange[] = Object.freeze([
  { cidr: '::/128', reason: 'unspecified' },
  { cidr: '::1/128', reason: 'loopback' },
  { cidr: '100::/64', reason: 'discard-only' },
  { cidr: '2001::/32', reason: 'Teredo tunnel' },
  { cidr: '2001:db8::/32', reason: 'documentation' },
  { cidr: 'fd00:ec2::254/128', reason: 'cloud metadata service' },
  { cidr: 'fc00::/7', reason: 'unique local (private)' },
  { cidr: 'fe80::/10', reason: 'link-local' },
  { cidr: 'fec0::/10', reason: 'site-local (deprecated private)' },
  { cidr: 'ff00::/8', reason: 'multicast' },
]);

/** Host names that name a metadata service or the local machine whatever DNS says. */
export const BLOCKED_HOST_NAMES: readonly string[] = Object.freeze([
  'localhost',
  'localhost.localdomain',
  'ip6-localhost',
  'ip6-loopback',
  'metadata',
  'metadata.google.internal',
  'metadata.goog',
  'instance-data',
  'instance-data.ec2.internal',
]);
