import { readFileSync } from 'node:fs';
import path from 'node:path';
import { lshBandKeys, minhashSignature, shingleHashes, signatureSimilarity, STORY_SIGNATURE } from './minhash';
import { signatureDistance, signatureOfBody, STORY_MAX_SIGNATURE_DISTANCE } from './story-signature';

const example = (name: string) => readFileSync(path.resolve(__dirname, '../../../../examples', name), 'utf8');

describe('story signatures (MinHash + LSH)', () => {
  const seed = example('global-village-space-trump-petro.txt');
  const republished = example('metro-wire-trump-petro-republished.txt');
  const unrelated = example('lakeshore-gazette-water-rationing.txt');

  it('is deterministic, of the configured size, and signed 32-bit integers', () => {
    const a = minhashSignature(seed);
    expect(a).toHaveLength(STORY_SIGNATURE.hashes);
    expect(minhashSignature(seed)).toEqual(a);
    expect(a.every((v) => Number.isInteger(v) && v >= -(2 ** 31) && v < 2 ** 31)).toBe(true);
    expect(lshBandKeys(a)).toHaveLength(STORY_SIGNATURE.bands);
  });

  it('ignores case, curly vs straight apostrophes and whitespace, not word order', () => {
    expect(shingleHashes('Petro’s  visit\n\nto Washington', 2)).toEqual(
      shingleHashes("petro's visit to WASHINGTON", 2),
    );
    expect(shingleHashes('visit to Washington', 2)).not.toEqual(shingleHashes('Washington to visit', 2));
  });

  it('puts the seed and its republished copy (other chrome, headline, words) in one story, an unrelated story apart', () => {
    const s = signatureOfBody(seed);
    const copy = signatureOfBody(republished);
    const other = signatureOfBody(unrelated);
    expect(signatureSimilarity(s.signature, copy.signature)).toBeGreaterThan(0.5);
    expect(signatureDistance(s.signature, copy.signature)).toBeLessThanOrEqual(STORY_MAX_SIGNATURE_DISTANCE);
    expect(s.keys.some((k) => copy.keys.includes(k))).toBe(true);
    expect(signatureSimilarity(s.signature, other.signature)).toBeLessThan(0.05);
    expect(signatureDistance(s.signature, other.signature)).toBeGreaterThan(STORY_MAX_SIGNATURE_DISTANCE);
  });

  it('estimates the Jaccard similarity of the shingle sets', () => {
    const words = Array.from({ length: 400 }, (_, i) => `w${i}`);
    const a = words.join(' ');
    // Replacing every 4th word keeps about half of the 2-shingles.
    const b = words.map((w, i) => (i % 4 === 0 ? `x${i}` : w)).join(' ');
    const exact = (() => {
      const sa = shingleHashes(a, 2);
      const sb = shingleHashes(b, 2);
      const shared = [...sa].filter((h) => sb.has(h)).length;
      return shared / (sa.size + sb.size - shared);
    })();
    expect(Math.abs(signatureSimilarity(minhashSignature(a), minhashSignature(b)) - exact)).toBeLessThan(0.15);
  });
});
