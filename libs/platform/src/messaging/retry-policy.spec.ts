import { backoffDelayMs } from './retry-policy';

describe('backoffDelayMs', () => {
  const policy = { maxAttempts: 5, baseDelayMs: 200, maxDelayMs: 5000 };

  it('doubles per attempt between half and the full ceiling', () => {
    expect(backoffDelayMs(1, policy, () => 0)).toBe(100);
    expect(backoffDelayMs(1, policy, () => 1)).toBe(200);
    expect(backoffDelayMs(3, policy, () => 1)).toBe(800);
  });

  it('never exceeds the cap', () => {
    expect(backoffDelayMs(30, policy, () => 1)).toBe(5000);
  });
});
