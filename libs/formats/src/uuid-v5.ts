import { createHash } from 'node:crypto';

/** Namespace for Wirestream article ids: UUIDv5(URL namespace, "https://wirestream.dev/ns/article"). Never change it. */
export const WIRESTREAM_ARTICLE_NAMESPACE = 'f736e997-2ab6-55d6-a43e-f9c58f5a48f5';

/** RFC 9562 name-based UUID (SHA-1, version 5). */
export function uuidV5(name: string, namespace: string): string {
  const namespaceHex = namespace.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/iu.test(namespaceHex)) throw new TypeError(`Not a UUID: ${namespace}`);
  const digest = createHash('sha1').update(Buffer.from(namespaceHex, 'hex')).update(name, 'utf8').digest();
  const bytes = digest.subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
