import { BAND_COUNT, fingerprintDistance, simhashBands } from './simhash-bands';

function flipBits(fingerprint: string, bits: number[]): string {
  let value = BigInt(`0x${fingerprint}`);
  for (const bit of bits) value ^= 1n << BigInt(bit);
  return value.toString(16).padStart(16, '0');
}

const shareABand = (a: string, b: string) => {
  const keys = new Set(simhashBands(a).map((k) => `${k.band}:${k.value}`));
  return simhashBands(b).some((k) => keys.has(`${k.band}:${k.value}`));
};

describe('simhashBands', () => {
  const fixture = '5d2b63f1bcf0930d';

  it('cuts a fingerprint into 12 bands of 16 bits, each bit in exactly one band per bit order', () => {
    const bands = simhashBands(fixture);
    expect(bands).toHaveLength(BAND_COUNT);
    expect(bands.map((b) => b.band)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    for (const { value } of bands) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(65536);
    }
    // The first order is contiguous: band 0 is the low 16 bits.
    expect(bands[0]!.value).toBe(0x930d);
    expect(bands[3]!.value).toBe(0x5d2b);
    // Every bit set → every band all ones; zero → zeros.
    expect(simhashBands('ffffffffffffffff').every((b) => b.value === 0xffff)).toBe(true);
    expect(simhashBands('0000000000000000').every((b) => b.value === 0)).toBe(true);
    // One bit flips exactly one band in each of the 3 orders.
    const changed = simhashBands(flipBits(fixture, [37])).filter((b, i) => b.value !== bands[i]!.value);
    expect(changed).toHaveLength(3);
  });

  it('finds every pair within 3 bits (pigeonhole over 4 bands), whichever bits differ', () => {
    for (let trial = 0; trial < 2000; trial++) {
      const bits = new Set<number>();
      while (bits.size < 3) bits.add(Math.floor(Math.random() * 64));
      const other = flipBits(fixture, [...bits]);
      expect(fingerprintDistance(fixture, other)).toBe(3);
      expect(shareABand(fixture, other)).toBe(true);
    }
  });

  it('finds the worst case for a single bit order (one differing bit per contiguous band) through the other orders', () => {
    const other = flipBits(fixture, [0, 17, 34, 51, 4, 21]); // 6 bits, every contiguous band touched
    expect(
      simhashBands(other)
        .slice(0, 4)
        .some((b, i) => b.value === simhashBands(fixture)[i]!.value),
    ).toBe(false);
    expect(shareABand(fixture, other)).toBe(true);
  });

  it('an unrelated fingerprint (≈ 32 bits away) shares no band', () => {
    expect(fingerprintDistance(fixture, '33ef59fd4707fc45')).toBeGreaterThan(20);
    expect(shareABand(fixture, '33ef59fd4707fc45')).toBe(false);
  });

  it('refuses what is not a 64-bit hex fingerprint', () => {
    expect(() => simhashBands('xyz')).toThrow(/16 hex digits/);
    expect(() => simhashBands('5d2b63f1bcf0930')).toThrow();
  });
});
