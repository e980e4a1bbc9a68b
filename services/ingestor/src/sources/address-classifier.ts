import { isIP } from 'node:net';

/** Where an IP address points. Everything but `public` is refused by the feed fetcher unless allow-listed. */
export type AddressClass =
  | 'public'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'cgnat'
  | 'unspecified'
  | 'metadata'
  | 'multicast'
  | 'reserved'
  | 'invalid';

interface Range {
  bytes: number[];
  prefix: number;
  kind: Exclude<AddressClass, 'public' | 'invalid'>;
}

const v4 = (cidr: string, kind: Range['kind']): Range => {
  const [ip, prefix] = cidr.split('/') as [string, string];
  return { bytes: ip.split('.').map(Number), prefix: Number(prefix), kind };
};

// Order matters: the first match wins, so specific addresses (metadata) come before their ranges.
const IPV4_RANGES: Range[] = [
  v4('169.254.169.254/32', 'metadata'), // AWS, GCP, Azure, OpenStack instance metadata
  v4('169.254.170.2/32', 'metadata'), // AWS ECS task metadata
  v4('100.100.100.200/32', 'metadata'), // Alibaba Cloud metadata
  v4('0.0.0.0/8', 'unspecified'), // "this network"; 0.0.0.0 reaches localhost on Linux
  v4('127.0.0.0/8', 'loopback'),
  v4('10.0.0.0/8', 'private'),
  v4('172.16.0.0/12', 'private'),
  v4('192.168.0.0/16', 'private'),
  v4('100.64.0.0/10', 'cgnat'),
  v4('169.254.0.0/16', 'link-local'),
  v4('192.0.0.0/24', 'reserved'), // IETF protocol assignments
  v4('192.0.2.0/24', 'reserved'), // TEST-NET-1
  v4('198.18.0.0/15', 'reserved'), // benchmarking
  v4('198.51.100.0/24', 'reserved'), // TEST-NET-2
  v4('203.0.113.0/24', 'reserved'), // TEST-NET-3
  v4('224.0.0.0/4', 'multicast'),
  v4('240.0.0.0/4', 'reserved'), // incl. 255.255.255.255 broadcast
];

const v6 = (cidr: string, kind: Range['kind']): Range => {
  const [ip, prefix] = cidr.split('/') as [string, string];
  return { bytes: ipv6Bytes(ip)!, prefix: Number(prefix), kind };
};

const IPV6_RANGES: Range[] = [
  v6('fd00:ec2::254/128', 'metadata'), // AWS IMDS over IPv6
  v6('::/128', 'unspecified'),
  v6('::1/128', 'loopback'),
  v6('fe80::/10', 'link-local'),
  v6('fec0::/10', 'private'), // deprecated site-local
  v6('fc00::/7', 'private'), // unique local
  v6('ff00::/8', 'multicast'),
  v6('2001:db8::/32', 'reserved'), // documentation
  v6('100::/64', 'reserved'), // discard-only
];

/**
 * Classifies an IP address (v4 or v6). IPv6 forms that embed an IPv4 address — v4-mapped (::ffff:a.b.c.d),
 * v4-compatible (::a.b.c.d), NAT64 (64:ff9b::/96) and 6to4 (2002::/16) — are judged by the IPv4 they reach,
 * so `::ffff:127.0.0.1` or `::ffff:7f00:1` is loopback, not a public IPv6 address.
 */
export function classifyAddress(address: string): AddressClass {
  const bare = withoutZoneId(address.replace(/^\[|\]$/g, '')); // brackets, zone id (fe80::1%eth0)
  const family = isIP(bare);
  if (family === 4) return classifyV4(bare.split('.').map(Number));
  if (family !== 6) return 'invalid';
  const bytes = ipv6Bytes(bare);
  if (!bytes) return 'invalid';
  const embedded = embeddedIpv4(bytes);
  if (embedded) return classifyV4(embedded);
  return IPV6_RANGES.find((r) => inRange(bytes, r))?.kind ?? 'public';
}

/** As `.replace(/%.*$/, '')`, without rescanning from every "%": the first "%" after the last line break onwards. */
function withoutZoneId(address: string): string {
  const lineBreak = Math.max(...['\n', '\r', '\u2028', '\u2029'].map((c) => address.lastIndexOf(c)));
  const zone = address.indexOf('%', lineBreak + 1);
  return zone === -1 ? address : address.slice(0, zone);
}

export function isPublicAddress(address: string): boolean {
  return classifyAddress(address) === 'public';
}

function classifyV4(bytes: number[]): AddressClass {
  return IPV4_RANGES.find((r) => inRange(bytes, r))?.kind ?? 'public';
}

function embeddedIpv4(b: number[]): number[] | null {
  const zeros = (from: number, to: number) => b.slice(from, to).every((x) => x === 0);
  // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compatible; ::, ::1 excluded — they are v6 unspecified / loopback)
  if (zeros(0, 10) && b[10] === 0xff && b[11] === 0xff) return b.slice(12);
  if (zeros(0, 12) && !(zeros(12, 15) && (b[15] === 0 || b[15] === 1))) return b.slice(12);
  // 64:ff9b::/96 NAT64 well-known prefix
  if (b[0] === 0x00 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b && zeros(4, 12)) return b.slice(12);
  // 2002:aabb:ccdd::/48 6to4
  if (b[0] === 0x20 && b[1] === 0x02) return b.slice(2, 6);
  return null;
}

function inRange(bytes: number[], range: Range): boolean {
  let bits = range.prefix;
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if (((bytes[i] ?? 0) & mask) !== ((range.bytes[i] ?? 0) & mask)) return false;
  }
  return true;
}

/** 16 bytes of an IPv6 address (with :: and a trailing dotted IPv4 allowed), or null. */
function ipv6Bytes(address: string): number[] | null {
  let text = address.toLowerCase();
  // A valid IPv6 (isIP) writes an embedded IPv4 only as its last group, after a ":".
  const dotted = /^(\d+\.\d+\.\d+\.\d+)$/.exec(text.slice(text.lastIndexOf(':') + 1));
  if (dotted) {
    const parts = dotted[1]!.split('.').map(Number);
    if (parts.some((p) => p > 255)) return null;
    text =
      text.slice(0, -dotted[1]!.length) +
      `${((parts[0]! << 8) | parts[1]!).toString(16)}:${((parts[2]! << 8) | parts[3]!).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  const bytes: number[] = [];
  for (const g of groups) {
    if (!/^[0-9a-f]{1,4}$/.test(g)) return null;
    const n = parseInt(g, 16);
    bytes.push(n >> 8, n & 0xff);
  }
  return bytes;
}
