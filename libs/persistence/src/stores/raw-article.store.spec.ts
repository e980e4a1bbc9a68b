import {
  decideVersion,
  insertChunks,
  MAX_STORED_VERSION,
  MAX_WIRE_VERSION,
  type CurrentVersion,
  type VersionCandidate,
} from './raw-article.store';

const stored = (over: Partial<CurrentVersion> = {}): CurrentVersion => ({
  version: 2,
  contentHash: 'h-stored',
  pubStatus: 'usable',
  versionCreatedAt: '2026-02-03T10:00:00Z',
  ...over,
});
const incoming = (over: Partial<VersionCandidate> = {}): VersionCandidate => ({
  wireVersion: null,
  contentHash: 'h-new',
  pubStatus: 'usable',
  versionCreatedAt: null,
  ...over,
});

describe('decideVersion', () => {
  describe('with an explicit wire version', () => {
    it('accepts the first version as it is numbered', () => {
      expect(decideVersion(incoming({ wireVersion: 3 }), null)).toEqual({ status: 'accepted', version: 3 });
    });

    it('accepts a higher version (a correction)', () => {
      expect(decideVersion(incoming({ wireVersion: 3 }), stored())).toEqual({ status: 'accepted', version: 3 });
    });

    it('answers the same version as a duplicate, whatever the content', () => {
      expect(decideVersion(incoming({ wireVersion: 2, contentHash: 'h-stored' }), stored())).toEqual({
        status: 'duplicate',
        version: 2,
      });
      expect(decideVersion(incoming({ wireVersion: 2, contentHash: 'other' }), stored())).toEqual({
        status: 'duplicate',
        version: 2,
      });
    });

    it('refuses a lower version with a reason naming both versions', () => {
      const outcome = decideVersion(incoming({ wireVersion: 1 }), stored());
      expect(outcome).toMatchObject({ status: 'stale', version: 1, currentVersion: 2 });
      expect(outcome.status === 'stale' && outcome.reason).toMatch(/version 1 is older than the stored version 2/);
    });

    it('refuses a lower version even when it is a kill', () => {
      expect(decideVersion(incoming({ wireVersion: 1, pubStatus: 'withdrawn' }), stored())).toMatchObject({
        status: 'stale',
      });
    });

    it('lets a kill at the same version through as the next version', () => {
      expect(decideVersion(incoming({ wireVersion: 2, pubStatus: 'withdrawn' }), stored())).toEqual({
        status: 'accepted',
        version: 3,
      });
    });

    it('answers a repeated kill at the same version as a duplicate', () => {
      expect(
        decideVersion(incoming({ wireVersion: 2, pubStatus: 'withdrawn' }), stored({ pubStatus: 'withdrawn' })),
      ).toEqual({ status: 'duplicate', version: 2 });
    });

    it('accepts a kill with a higher version as that version', () => {
      expect(decideVersion(incoming({ wireVersion: 5, pubStatus: 'withdrawn' }), stored())).toEqual({
        status: 'accepted',
        version: 5,
      });
    });

    it('ignores versionCreatedAt when a number is given', () => {
      expect(decideVersion(incoming({ wireVersion: 3, versionCreatedAt: '2020-01-01T00:00:00Z' }), stored())).toEqual({
        status: 'accepted',
        version: 3,
      });
    });
  });

  describe('without a wire version', () => {
    it('numbers the first version 1', () => {
      expect(decideVersion(incoming(), null)).toEqual({ status: 'accepted', version: 1 });
    });

    it('answers identical content and status as a duplicate', () => {
      expect(decideVersion(incoming({ contentHash: 'h-stored' }), stored())).toEqual({
        status: 'duplicate',
        version: 2,
      });
    });

    it('makes changed content the next version', () => {
      expect(decideVersion(incoming(), stored())).toEqual({ status: 'accepted', version: 3 });
    });

    it('makes a newer versionCreatedAt the next version', () => {
      expect(decideVersion(incoming({ versionCreatedAt: '2026-02-03T11:00:00Z' }), stored())).toEqual({
        status: 'accepted',
        version: 3,
      });
    });

    it('accepts changed content at the same versionCreatedAt (an edit that did not bump the date)', () => {
      expect(decideVersion(incoming({ versionCreatedAt: '2026-02-03T10:00:00Z' }), stored())).toEqual({
        status: 'accepted',
        version: 3,
      });
    });

    it('compares instants, not strings (time zones)', () => {
      // 11:30+02:00 is 09:30Z: older than the stored 10:00Z.
      expect(decideVersion(incoming({ versionCreatedAt: '2026-02-03T11:30:00+02:00' }), stored())).toMatchObject({
        status: 'stale',
      });
    });

    it('refuses an older versionCreatedAt, saying so', () => {
      const outcome = decideVersion(incoming({ versionCreatedAt: '2026-02-03T09:00:00Z' }), stored());
      expect(outcome).toMatchObject({ status: 'stale', version: null, currentVersion: 2 });
      expect(outcome.status === 'stale' && outcome.reason).toMatch(
        /versionCreatedAt 2026-02-03T09:00:00Z is older than the stored version 2/,
      );
    });

    it('still answers an identical older retransmission as a duplicate, not a refusal', () => {
      expect(
        decideVersion(incoming({ contentHash: 'h-stored', versionCreatedAt: '2026-02-03T09:00:00Z' }), stored()),
      ).toEqual({ status: 'duplicate', version: 2 });
    });

    it('orders by content alone when either side has no (or an unreadable) versionCreatedAt', () => {
      expect(
        decideVersion(incoming({ versionCreatedAt: '2026-02-03T09:00:00Z' }), stored({ versionCreatedAt: null })),
      ).toEqual({ status: 'accepted', version: 3 });
      expect(decideVersion(incoming({ versionCreatedAt: 'not a date' }), stored())).toEqual({
        status: 'accepted',
        version: 3,
      });
    });

    it('takes a kill with unchanged content as the next version', () => {
      expect(decideVersion(incoming({ contentHash: 'h-stored', pubStatus: 'withdrawn' }), stored())).toEqual({
        status: 'accepted',
        version: 3,
      });
    });

    it('takes a kill even when it is dated before the stored version', () => {
      expect(
        decideVersion(incoming({ pubStatus: 'withdrawn', versionCreatedAt: '2026-02-03T09:00:00Z' }), stored()),
      ).toEqual({ status: 'accepted', version: 3 });
    });

    it('answers a repeated kill as a duplicate', () => {
      expect(
        decideVersion(
          incoming({ contentHash: 'h-stored', pubStatus: 'withdrawn' }),
          stored({ pubStatus: 'withdrawn' }),
        ),
      ).toEqual({ status: 'duplicate', version: 2 });
    });

    it('re-publishes a withdrawn article when usable content arrives again (newer)', () => {
      expect(
        decideVersion(incoming({ versionCreatedAt: '2026-02-04T00:00:00Z' }), stored({ pubStatus: 'withdrawn' })),
      ).toEqual({ status: 'accepted', version: 3 });
    });
  });

  describe('at the top of the stored range', () => {
    const top = stored({ version: MAX_WIRE_VERSION });

    it('keeps the stored range one above the wire range (Postgres integer)', () => {
      expect(MAX_STORED_VERSION).toBe(2 ** 31 - 1);
      expect(MAX_WIRE_VERSION).toBe(MAX_STORED_VERSION - 1);
    });

    it('records a kill at the top wire version as the reserved last version', () => {
      expect(decideVersion(incoming({ wireVersion: MAX_WIRE_VERSION, pubStatus: 'withdrawn' }), top)).toEqual({
        status: 'accepted',
        version: MAX_STORED_VERSION,
      });
    });

    it('records a kill without a number at the top wire version the same way', () => {
      expect(decideVersion(incoming({ pubStatus: 'withdrawn' }), top)).toEqual({
        status: 'accepted',
        version: MAX_STORED_VERSION,
      });
    });

    it('answers a repeated kill at the reserved version as a duplicate', () => {
      const killed = stored({ version: MAX_STORED_VERSION, pubStatus: 'withdrawn' });
      expect(decideVersion(incoming({ pubStatus: 'withdrawn', contentHash: 'h-stored' }), killed)).toEqual({
        status: 'duplicate',
        version: MAX_STORED_VERSION,
      });
      expect(decideVersion(incoming({ wireVersion: MAX_WIRE_VERSION, pubStatus: 'withdrawn' }), killed)).toMatchObject({
        status: 'stale',
      });
    });

    it('refuses a change without a number when no version is left for it, saying why', () => {
      const outcome = decideVersion(incoming(), top);
      expect(outcome).toMatchObject({ status: 'exhausted', version: null, currentVersion: MAX_WIRE_VERSION });
      expect(outcome.status === 'exhausted' && outcome.reason).toMatch(/highest this article can have/);
      expect(decideVersion(incoming(), stored({ version: MAX_STORED_VERSION, pubStatus: 'withdrawn' }))).toMatchObject({
        status: 'exhausted',
      });
    });

    it('still numbers changes below the top as usual', () => {
      expect(decideVersion(incoming(), stored({ version: MAX_WIRE_VERSION - 1 }))).toEqual({
        status: 'accepted',
        version: MAX_WIRE_VERSION,
      });
    });
  });
});

describe('insertChunks', () => {
  const row = (content: string) => ({ input: { content } });

  it('cuts 1,000 small rows into statements of 100, in order', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => row(`item ${i}`));
    const chunks = [...insertChunks(rows)];
    expect(chunks.map((c) => c.length)).toEqual(Array(10).fill(100));
    expect(chunks.flat()).toEqual(rows);
  });

  it('starts a new statement before the content would pass 4 MiB, and keeps an oversized row alone', () => {
    const mib = 'x'.repeat(1024 * 1024);
    const rows = [row(mib), row(mib), row(mib), row(mib), row(mib + mib + mib + mib + mib), row('small')];
    expect([...insertChunks(rows)].map((c) => c.length)).toEqual([4, 1, 1]);
  });

  it('yields nothing for no rows', () => {
    expect([...insertChunks([])]).toEqual([]);
  });
});
